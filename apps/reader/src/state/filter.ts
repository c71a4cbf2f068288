import type { Digest, DigestEntry, DigestSection } from '@labdigest/core';
import { queryWords } from './highlight.ts';
import type { Show } from './url-state.ts';

export interface Filters {
  readonly member: string | null;
  readonly area: string | null;
  readonly q: string;
  readonly show: Show;
}

/** What the device knows about a paper (from IndexedDB), for the unread and starred filters. */
export interface PaperFlags {
  isRead(id: string): boolean;
  isStarred(id: string): boolean;
  /** "Not for us": hidden except under `show=dismissed`. */
  isDismissed?(id: string): boolean;
  /** Starred by anyone in the group (the reading room), for `show=group`. */
  isGroupStarred?(id: string): boolean;
}

export interface FilteredSection {
  readonly section: DigestSection;
  /** The section's picks that pass the filters, by rank. */
  readonly picks: readonly DigestEntry[];
  /** Its other papers ("more in this section") that pass the filters, by rank. */
  readonly more: readonly DigestEntry[];
  /** Its other papers before filtering: the fold says "4 of 12 more". */
  readonly moreTotal: number;
}

export interface FilteredDigest {
  readonly sections: readonly FilteredSection[];
  /** Papers in the digest, and papers that pass the filters (picks and folded alike). */
  readonly total: number;
  readonly shown: number;
  /**
   * Papers each member or area would show with the other filters kept: the number on its button.
   * Keyed by member name and by area id.
   */
  readonly memberCounts: ReadonlyMap<string, number>;
  readonly areaCounts: ReadonlyMap<string, number>;
  /** Papers of the digest this member marked "Not for us" (hidden unless `show=dismissed`). */
  readonly dismissed: number;
}

/**
 * The text a search looks through: the paper's own words (title, authors, source line and venue,
 * summary, abstract) and the members it concerns. Not the relevance note nor the matched keywords:
 * the ranker writes those for every paper ("relevant", "score", an area's name), so a search for such
 * a word would match the whole digest.
 */
function searchText(entry: DigestEntry): string {
  return [entry.title, entry.authors.join(' '), entry.sourceLine, entry.venue ?? '', entry.summary, entry.abstract ?? '',
    entry.members.map((m) => m.name).join(' ')].join('\n').toLowerCase();
}
const searchCache = new WeakMap<DigestEntry, string>();

/** True when every search word occurs in the paper's text. */
export function matchesQuery(entry: DigestEntry, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  let text = searchCache.get(entry);
  if (text === undefined) searchCache.set(entry, (text = searchText(entry)));
  return words.every((w) => (text as string).includes(w));
}

const concerns = (entry: DigestEntry, member: string) => entry.members.some((m) => m.name === member);

const byRank = (a: DigestEntry, b: DigestEntry) => a.rank - b.rank;
const splits = new WeakMap<DigestSection, { picks: DigestEntry[]; more: DigestEntry[] }>();

/** A section's picks and its other papers, each by rank (a version 1 digest's papers are all picks). */
export function splitSection(section: DigestSection): { readonly picks: readonly DigestEntry[]; readonly more: readonly DigestEntry[] } {
  let split = splits.get(section);
  if (!split) {
    split = { picks: section.papers.filter((p) => p.pick).sort(byRank), more: section.papers.filter((p) => !p.pick).sort(byRank) };
    splits.set(section, split);
  }
  return split;
}

export function filterDigest(digest: Digest, filters: Filters, flags: PaperFlags): FilteredDigest {
  const words = queryWords(filters.q);
  const dismissedOf = flags.isDismissed ?? (() => false);
  const shows: Record<Show, (id: string) => boolean> = {
    all: () => true,
    unread: (id) => !flags.isRead(id),
    starred: (id) => flags.isStarred(id),
    group: (id) => flags.isGroupStarred?.(id) ?? flags.isStarred(id),
    dismissed: () => true,
  };
  const show = shows[filters.show];
  let dismissed = 0;
  const showable = (entry: DigestEntry) => {
    const out = dismissedOf(entry.id);
    if (out) dismissed += 1;
    return out === (filters.show === 'dismissed') && show(entry.id) && matchesQuery(entry, words);
  };

  const memberCounts = new Map<string, number>(digest.members.map((m) => [m.name, 0]));
  const areaCounts = new Map<string, number>(digest.sections.map((s) => [s.id, 0]));
  let total = 0;
  let shown = 0;
  const sections = digest.sections.map((section) => {
    const inArea = filters.area === null || section.id === filters.area;
    const keep = (entry: DigestEntry) => {
      total += 1;
      if (!showable(entry)) return false;
      const forMember = filters.member === null || concerns(entry, filters.member);
      if (forMember) areaCounts.set(section.id, (areaCounts.get(section.id) ?? 0) + 1);
      if (inArea) for (const m of entry.members) memberCounts.set(m.name, (memberCounts.get(m.name) ?? 0) + 1);
      return inArea && forMember;
    };
    const split = splitSection(section);
    const picks = split.picks.filter(keep);
    const more = split.more.filter(keep);
    shown += picks.length + more.length;
    return { section, picks, more, moreTotal: split.more.length };
  });
  return { sections, total, shown, memberCounts, areaCounts, dismissed };
}
