import type { DigestEntry, Nomination, StateField } from '@labdigest/core';
import { toBibSource, type BibSource } from './bibtex.ts';
import type { PaperFlags } from './filter.ts';
import { blankRecord, withField, type FieldValues, type PaperRecord } from './paper-record.ts';
import type { PaperStore } from './paper-store.ts';

const LAST_VISIT = 'lastVisit';
/** The reading room's id for this device (meta): the stamps' tie-break. '' until the device signs in. */
export const DEVICE_META = 'deviceId';

export interface PaperState extends PaperFlags {
  /** Resolves once what the device remembers is read (or the store failed). */
  readonly ready: Promise<void>;
  isNew(id: string): boolean;
  isDismissed(id: string): boolean;
  noteOf(id: string): string;
  nominationOf(id: string): Nomination;
  /** Records papers on screen as seen: a paper first seen in this visit is "new" until the next one. */
  /** The papers of the digest shown, with the section (area id) each is in. */
  noteSeen(entries: readonly DigestEntry[], areas?: Readonly<Record<string, string>>): Promise<void>;
  /** `area` is the section the paper is in on screen (the ranking export's `area`). */
  toggleStar(entry: DigestEntry, area?: string): Promise<void>;
  setRead(entry: DigestEntry, read: boolean, area?: string): Promise<void>;
  setDismissed(entry: DigestEntry, dismissed: boolean, area?: string): Promise<void>;
  setNote(entry: DigestEntry, note: string, area?: string): Promise<void>;
  setNominated(entry: DigestEntry, nomination: Nomination, area?: string): Promise<void>;
  /** Starred papers, newest star first. */
  starred(): BibSource[];
  /** Every record, for the ranking export and the group views. */
  records(): readonly PaperRecord[];
  recordOf(id: string): PaperRecord | undefined;
  /** Records merged from the reading room (state/paper-store.ts merge): shown at once. */
  applyRemote(records: readonly PaperRecord[]): void;
  /** Stamps later changes with this device id (once signed in to a reading room). */
  setDevice(id: string): void;
  /** Called after each change is saved and queued (the reading room flushes its outbox). */
  onChange(listener: () => void): () => void;
  /** Set when the device store failed; the reader then keeps state for this visit only. */
  readonly error: string | null;
}

/**
 * Per-paper state for the components, backed by IndexedDB when a store is given (in memory otherwise).
 * Opening a state starts a visit: the previous visit's time decides what counts as new.
 * The screen updates at once; the write (and the outbox entry) follows.
 */
export function createPaperState(
  storeOrPromise: PaperStore | null | Promise<PaperStore | null>,
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once for a timestamp, never state
  now: () => string = () => new Date().toISOString(),
): PaperState {
  const records = $state<Record<string, PaperRecord>>({});
  const visit = $state({ started: now(), previous: null as string | null, error: null as string | null, device: '' });
  const failed = (what: string) => (error: unknown) => { visit.error = `${what}: ${(error as Error).message}`; };
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, never read by markup
  const listeners = new Set<() => void>();
  let lastStamp = 0;

  const storePromise = Promise.resolve(storeOrPromise).catch(() => null);
  // Every change waits for this, so a record read from the device is never overwritten by a blank one.
  const ready = (async () => {
    const store = await storePromise;
    if (!store) return;
    const [all, previous, device] = await Promise.all([store.all(), store.getMeta(LAST_VISIT), store.getMeta(DEVICE_META)]);
    for (const record of all) records[record.id] = record;
    visit.previous = previous;
    visit.device = device ?? '';
    await store.setMeta(LAST_VISIT, visit.started);
  })().catch(failed('Could not read what this device remembers'));

  /**
   * The time of a change: never equal to the one before, so two quick changes to one field (a star and
   * its undo) are ordered by the merge rule, which ignores a change no newer than the stored one. And
   * later than the field's stamp (`after`): a change made here replaces what the screen shows, even
   * when that came from a device whose clock runs ahead of this one's.
   */
  const stampTime = (after: string | undefined) => {
    lastStamp = Math.max(Date.parse(now()), lastStamp + 1, after ? Date.parse(after) + 1 : 0);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- formats a time, never state
    return new Date(lastStamp).toISOString();
  };

  /** The papers of the digest last shown (`noteSeen`), by id, and the section each is in. */
  let shown: Readonly<Record<string, DigestEntry>> = {};
  let shownAreas: Readonly<Record<string, string>> = {};

  /**
   * A star or nomination pulled from another device has no copy of its paper yet: it takes the one
   * of the digest on the screen, for the BibTeX export, here and in the store. A synced signal has no
   * section either: it takes the one its paper is in, for the export's `area` (found by an audit: a
   * member's devices exported the same signals with an area on one and without on the others).
   */
  async function fillPapers(ids: readonly string[]) {
    const store = await storePromise;
    for (const id of ids) {
      const record = records[id];
      const entry = shown[id];
      const marked = record !== undefined && (record.starred || record.dismissed || record.read || record.nominated !== null);
      if (!entry || !record || !marked) continue;
      const paper = record.paper === null && (record.starred || record.nominated !== null) ? toBibSource(entry) : null;
      const area = record.area === null ? shownAreas[id] ?? null : null;
      if (paper === null && area === null) continue;
      const fill = (current: PaperRecord | undefined) => (current && ((paper && current.paper === null) || (area && current.area === null))
        ? { ...current, paper: current.paper ?? paper, area: current.area ?? area } : null);
      records[id] = { ...record, paper: record.paper ?? paper, area: record.area ?? area };
      await store?.update(id, fill).catch(failed('Could not save on this device'));
    }
  }

  async function set<F extends StateField>(entry: DigestEntry, field: F, value: FieldValues[F], area: string | undefined) {
    await ready;
    const stamp = { at: stampTime(records[entry.id]?.stamps[field]?.at), device: visit.device };
    const extra = { area: area ?? null, paper: toBibSource(entry) };
    const change = (current: PaperRecord | undefined) => withField(current ?? blankRecord(entry.id, visit.started), field, value, stamp, extra);
    records[entry.id] = change(records[entry.id]);
    const store = await storePromise;
    if (!store) return;
    const queued = { paper: entry.id, field, value, at: stamp.at } as Parameters<PaperStore['update']>[2];
    try {
      const stored = await store.update(entry.id, change, queued);
      if (stored) records[entry.id] = stored;
    } catch (error) {
      failed('Could not save on this device')(error);
      return;
    }
    for (const listener of listeners) listener();
  }

  return {
    ready,
    get error() { return visit.error; },
    isRead: (id) => records[id]?.read ?? false,
    isStarred: (id) => records[id]?.starred ?? false,
    isDismissed: (id) => records[id]?.dismissed ?? false,
    noteOf: (id) => records[id]?.note ?? '',
    nominationOf: (id) => records[id]?.nominated ?? null,
    // Nothing is "new" on a first visit: everything would be.
    isNew: (id) => visit.previous !== null && (records[id]?.firstSeen ?? visit.started) >= visit.started,
    async noteSeen(entries, areas) {
      await ready;
      shown = Object.fromEntries(entries.map((e) => [e.id, e]));
      shownAreas = areas ?? {};
      const unseen = entries.filter((e) => !records[e.id]).map((e) => blankRecord(e.id, visit.started));
      for (const record of unseen) records[record.id] = record;
      const store = await storePromise;
      await store?.addMissing(...unseen).catch(failed('Could not save on this device'));
      await fillPapers(entries.map((e) => e.id));
    },
    async toggleStar(entry, area) {
      await ready;
      await set(entry, 'starred', !(records[entry.id]?.starred ?? false), area);
    },
    setRead: (entry, read, area) => set(entry, 'read', read, area),
    setDismissed: (entry, dismissed, area) => set(entry, 'dismissed', dismissed, area),
    setNote: (entry, note, area) => set(entry, 'note', note, area),
    setNominated: (entry, nomination, area) => set(entry, 'nominated', nomination, area),
    starred: () => Object.values(records)
      .filter((r): r is PaperRecord & { paper: BibSource } => r.starred && r.paper !== null)
      .sort((a, b) => (b.starredAt ?? '').localeCompare(a.starredAt ?? ''))
      .map((r) => r.paper),
    records: () => Object.values(records),
    recordOf: (id) => records[id],
    applyRemote(changed) {
      for (const record of changed) records[record.id] = record;
      // A star synced after the digest was shown: its paper is on the screen, so it can be exported now,
      // not after a reload (found by an audit).
      void fillPapers(changed.map((r) => r.id));
    },
    setDevice(id) { visit.device = id; },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
