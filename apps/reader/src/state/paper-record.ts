import type { Nomination, StateField } from '@labdigest/core';
import type { BibSource } from './bibtex.ts';
import { isNewer, type Stamp } from './stamp.ts';

/** What the device remembers about one paper, keyed by the paper's id (the same across digests). */
export interface PaperRecord {
  readonly id: string;
  readonly read: boolean;
  readonly starred: boolean;
  /** "Not for us": hidden from this member's digest. */
  readonly dismissed: boolean;
  /** This member's short note ('' for none). */
  readonly note: string;
  /** Put forward for the group meeting, with a one-line reason; null when not. */
  readonly nominated: Nomination;
  /** ISO time of the visit that first showed this paper. */
  readonly firstSeen: string;
  readonly starredAt: string | null;
  /** Kept while starred or nominated, so BibTeX export and the meeting list work without the digest it came from. */
  readonly paper: BibSource | null;
  /** The section (area id) the paper was in when last acted on: the ranking export's `area`. */
  readonly area: string | null;
  /** When each field was last changed: the merge key against other devices' changes. */
  readonly stamps: Readonly<Partial<Record<StateField, Stamp>>>;
}

/** The value each field takes, as the API sends it. */
export interface FieldValues {
  read: boolean;
  starred: boolean;
  dismissed: boolean;
  note: string;
  nominated: Nomination;
}

/** A change to one field, as the outbox keeps it and `POST /api/state` sends it. */
export type FieldChange = { [F in StateField]: { readonly paper: string; readonly field: F; readonly value: FieldValues[F]; readonly at: string } }[StateField];

export function blankRecord(id: string, firstSeen: string): PaperRecord {
  return { id, read: false, starred: false, dismissed: false, note: '', nominated: null, firstSeen, starredAt: null, paper: null, area: null, stamps: {} };
}

/** The record with one field set and stamped; `paper` is kept while the paper is starred or nominated. */
export function withField<F extends StateField>(
  record: PaperRecord, field: F, value: FieldValues[F], stamp: Stamp, extra: { area?: string | null; paper?: BibSource | null } = {},
): PaperRecord {
  const next = { ...record, [field]: value, stamps: { ...record.stamps, [field]: stamp } } as PaperRecord;
  const starredAt = field === 'starred' ? (value ? stamp.at : null) : record.starredAt;
  const keep = next.starred || next.nominated !== null;
  return {
    ...next, starredAt,
    area: extra.area ?? record.area,
    paper: keep ? (extra.paper ?? record.paper) : null,
  };
}

/** The record after a change another device made (pulled), or null when the record's own is newer. */
export function mergeField(record: PaperRecord, change: { field: StateField; value: unknown; at: string; device: string }): PaperRecord | null {
  const stamp: Stamp = { at: change.at, device: change.device };
  if (!isNewer(stamp, record.stamps[change.field])) return null;
  return withField(record, change.field, change.value as FieldValues[StateField], stamp);
}

/**
 * Upgrades a record kept by the first version of the store (read, starred, firstSeen, starredAt,
 * paper). A star's time is known (starredAt); a read mark's is not, so it takes the paper's first
 * visit as an estimate, which loses to any later change on another device.
 */
export function upgradeRecordV1(old: Pick<PaperRecord, 'id' | 'read' | 'starred' | 'firstSeen' | 'starredAt' | 'paper'>): PaperRecord {
  const stamps: Partial<Record<StateField, Stamp>> = {};
  if (old.starred) stamps.starred = { at: old.starredAt ?? old.firstSeen, device: '', ...(old.starredAt ? {} : { estimated: true as const }) };
  if (old.read) stamps.read = { at: old.firstSeen, device: '', estimated: true };
  return { ...blankRecord(old.id, old.firstSeen), read: old.read, starred: old.starred, starredAt: old.starredAt, paper: old.paper, stamps };
}

/** The changes a record holds that the reading room has not necessarily seen: every stamped field. */
export function changesOf(record: PaperRecord): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of ['read', 'starred', 'dismissed', 'note', 'nominated'] as const) {
    const stamp = record.stamps[field];
    if (stamp) out.push({ paper: record.id, field, value: record[field], at: stamp.at } as FieldChange);
  }
  return out;
}
