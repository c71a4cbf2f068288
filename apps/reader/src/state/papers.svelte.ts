import type { DigestEntry } from '@labdigest/core';
import { toBibSource, type BibSource } from './bibtex.ts';
import type { PaperFlags } from './filter.ts';
import type { PaperRecord, PaperStore } from './paper-store.ts';

const LAST_VISIT = 'lastVisit';

export interface PaperState extends PaperFlags {
  /** Resolves once what the device remembers is read (or the store failed). */
  readonly ready: Promise<void>;
  isNew(id: string): boolean;
  /** Records papers on screen as seen: a paper first seen in this visit is "new" until the next one. */
  noteSeen(entries: readonly DigestEntry[]): Promise<void>;
  toggleStar(entry: DigestEntry): Promise<void>;
  setRead(entry: DigestEntry, read: boolean): Promise<void>;
  /** Starred papers, newest star first. */
  starred(): BibSource[];
  /** Set when the device store failed; the reader then keeps state for this visit only. */
  readonly error: string | null;
}

/**
 * Per-paper state for the components, backed by IndexedDB when a store is given (in memory otherwise).
 * Opening a state starts a visit: the previous visit's time decides what counts as new.
 * The screen updates at once; the write follows.
 */
export function createPaperState(
  storeOrPromise: PaperStore | null | Promise<PaperStore | null>,
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once for a timestamp, never state
  now: () => string = () => new Date().toISOString(),
): PaperState {
  const records = $state<Record<string, PaperRecord>>({});
  const visit = $state({ started: now(), previous: null as string | null, error: null as string | null });
  const failed = (what: string) => (error: unknown) => { visit.error = `${what}: ${(error as Error).message}`; };

  const storePromise = Promise.resolve(storeOrPromise).catch(() => null);
  // Every change waits for this, so a record read from the device is never overwritten by a blank one.
  const ready = (async () => {
    const store = await storePromise;
    if (!store) return;
    const [all, previous] = await Promise.all([store.all(), store.getMeta(LAST_VISIT)]);
    for (const record of all) records[record.id] = record;
    visit.previous = previous;
    await store.setMeta(LAST_VISIT, visit.started);
  })().catch(failed('Could not read what this device remembers'));

  const save = async (...changed: PaperRecord[]) => {
    await (await storePromise)?.put(...changed).catch(failed('Could not save on this device'));
  };
  const recordOf = (entry: DigestEntry): PaperRecord =>
    records[entry.id] ?? { id: entry.id, read: false, starred: false, firstSeen: visit.started, starredAt: null, paper: null };

  return {
    ready,
    get error() { return visit.error; },
    isRead: (id) => records[id]?.read ?? false,
    isStarred: (id) => records[id]?.starred ?? false,
    // Nothing is "new" on a first visit: everything would be.
    isNew: (id) => visit.previous !== null && (records[id]?.firstSeen ?? visit.started) >= visit.started,
    async noteSeen(entries) {
      await ready;
      const unseen = entries.filter((e) => !records[e.id]).map(recordOf);
      for (const record of unseen) records[record.id] = record;
      await save(...unseen);
    },
    async toggleStar(entry) {
      await ready;
      const current = recordOf(entry);
      const starred = !current.starred;
      const next: PaperRecord = {
        ...current, starred, starredAt: starred ? now() : null, paper: starred ? toBibSource(entry) : null,
      };
      records[entry.id] = next;
      await save(next);
    },
    async setRead(entry, read) {
      await ready;
      const next: PaperRecord = { ...recordOf(entry), read };
      records[entry.id] = next;
      await save(next);
    },
    starred: () => Object.values(records)
      .filter((r): r is PaperRecord & { paper: BibSource } => r.starred && r.paper !== null)
      .sort((a, b) => (b.starredAt ?? '').localeCompare(a.starredAt ?? ''))
      .map((r) => r.paper),
  };
}
