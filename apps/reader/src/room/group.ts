// What the group did with each paper, from the rows the reading room sent (every member's state) and
// this device's own records, which are newer than any pull for its own member: who starred it, the
// members' notes and nominations, and the week's "Group picks". Pure: the room state
// (room/room.svelte.ts) rebuilds it when rows or records change.
import { isoWeekRange, type Digest, type DigestEntry, type StateChange } from '@labdigest/core';
import type { PaperRecord } from '../state/paper-record.ts';

export interface MemberMark {
  readonly member: string;
  /** When the member starred, wrote or nominated. */
  readonly at: string;
}
export interface MemberNote extends MemberMark { readonly note: string }
export interface MemberNomination extends MemberMark { readonly reason: string }

export interface PaperGroupState {
  /** Who has it starred now, first star first. */
  readonly starredBy: readonly MemberMark[];
  readonly notes: readonly MemberNote[];
  readonly nominations: readonly MemberNomination[];
}

export interface GroupPick {
  readonly paper: string;
  readonly starredBy: readonly MemberMark[];
}

export interface GroupIndex {
  of(paper: string): PaperGroupState;
  isStarred(paper: string): boolean;
  /** Papers starred this week and still starred: most stars first, then the latest star first. */
  picks(week: string): GroupPick[];
}

const NONE: PaperGroupState = { starredBy: [], notes: [], nominations: [] };

/**
 * Indexes every member's state. `me` is this device's member (null when not signed in): for them,
 * `mine` (the device's records) replaces what the pull says.
 */
export function groupIndex(shared: readonly StateChange[], mine: readonly PaperRecord[], me: string | null): GroupIndex {
  const byPaper = new Map<string, { starredBy: MemberMark[]; notes: MemberNote[]; nominations: MemberNomination[] }>();
  const entry = (paper: string) => {
    let found = byPaper.get(paper);
    if (!found) byPaper.set(paper, (found = { starredBy: [], notes: [], nominations: [] }));
    return found;
  };
  for (const row of shared) {
    if (row.member === me) continue;
    if (row.field === 'starred' && row.value) entry(row.paper).starredBy.push({ member: row.member, at: row.at });
    if (row.field === 'note' && row.value.trim()) entry(row.paper).notes.push({ member: row.member, at: row.at, note: row.value });
    if (row.field === 'nominated' && row.value) entry(row.paper).nominations.push({ member: row.member, at: row.at, reason: row.value.reason });
  }
  if (me !== null) {
    for (const record of mine) {
      const { starred, note, nominated } = record.stamps;
      if (record.starred && starred) entry(record.id).starredBy.push({ member: me, at: starred.at });
      if (record.note.trim() && note) entry(record.id).notes.push({ member: me, at: note.at, note: record.note });
      if (record.nominated && nominated) entry(record.id).nominations.push({ member: me, at: nominated.at, reason: record.nominated.reason });
    }
  }
  const byTime = (a: MemberMark, b: MemberMark) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.member < b.member ? -1 : 1);
  for (const state of byPaper.values()) {
    state.starredBy.sort(byTime);
    state.notes.sort(byTime);
    state.nominations.sort(byTime);
  }
  return {
    of: (paper) => byPaper.get(paper) ?? NONE,
    isStarred: (paper) => (byPaper.get(paper)?.starredBy.length ?? 0) > 0,
    picks(week) {
      const range = isoWeekRange(week);
      if (!range) return [];
      const [start, end] = [range.start.toISOString(), range.end.toISOString()];
      const picks: GroupPick[] = [];
      for (const [paper, state] of byPaper) {
        const starredBy = state.starredBy.filter((s) => s.at >= start && s.at < end);
        if (starredBy.length > 0) picks.push({ paper, starredBy });
      }
      const latest = (p: GroupPick) => p.starredBy[p.starredBy.length - 1]?.at ?? '';
      return picks.sort((a, b) => b.starredBy.length - a.starredBy.length || (latest(a) < latest(b) ? 1 : latest(a) > latest(b) ? -1 : 0)
        || (a.paper < b.paper ? -1 : 1));
    },
  };
}

/** "Naibing Wu, Yanhao Deng" */
export const names = (marks: readonly MemberMark[]) => marks.map((m) => m.member).join(', ');

/** Where a paper was found in the digests on hand: its entry, the section it was in, the digest's date. */
export interface FoundPaper {
  readonly entry: DigestEntry;
  readonly area: { readonly id: string; readonly name: string };
  readonly date: string;
}

/** Every paper of the digests by id; a paper in several digests is taken from the newest (digests come newest first). */
export function papersOf(digests: readonly Digest[]): Map<string, FoundPaper> {
  const found = new Map<string, FoundPaper>();
  for (const digest of digests) {
    for (const section of digest.sections) {
      for (const entry of section.papers) {
        if (!found.has(entry.id)) found.set(entry.id, { entry, area: { id: section.id, name: section.name }, date: digest.date });
      }
    }
  }
  return found;
}
