// The reading room's side of the device store (state/paper-store.ts): the outbox of changes not yet
// accepted, and the rows every member's devices sent, merged by the rule of state/stamp.ts. Loaded
// only on a signed-in device (and in the service worker), so a static copy's first view carries none of it.
import type { StateChange } from '@labdigest/core';
import { committed, done, plainCopy } from '../state/idb.ts';
import { blankRecord, changesOf, mergeField, type FieldChange, type PaperRecord } from '../state/paper-record.ts';
import { META_STORE, OUTBOX, PAPERS, SHARED, type PaperStore } from '../state/paper-store.ts';
import { isNewer } from '../state/stamp.ts';

export interface RoomTables {
  /** Changes waiting for the reading room, oldest first. */
  outbox(): Promise<FieldChange[]>;
  outboxCount(): Promise<number>;
  /** Takes sent changes out of the outbox, unless the field changed again since (that newer change stays). */
  acknowledge(sent: readonly FieldChange[]): Promise<void>;
  /** Queues every stamped field of every record again (the reading room lost them: its store was restored). */
  requeueAll(): Promise<number>;
  /** Every member's state as last pulled. */
  shared(): Promise<StateChange[]>;
  /**
   * Merges pulled changes by the merge rule, in one transaction with the new cursor: into `shared`,
   * and, for this device's member, into its records. Returns what changed.
   */
  merge(changes: readonly StateChange[], at: { member: string | null; cursor: number; firstSeen: string }): Promise<{ records: PaperRecord[]; shared: StateChange[] }>;
}

/** The device store with the room's tables: what sync (room/sync.ts) works on. */
export type SyncStore = PaperStore & RoomTables;

export function withRoomTables(store: PaperStore): SyncStore {
  const { db } = store;
  const tables: RoomTables = {
    async outbox() {
      const entries = await done(db.transaction(OUTBOX).objectStore(OUTBOX).getAll() as IDBRequest<FieldChange[]>);
      return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    },
    outboxCount: () => done(db.transaction(OUTBOX).objectStore(OUTBOX).count()),
    async acknowledge(sent) {
      const tx = db.transaction(OUTBOX, 'readwrite');
      const outbox = tx.objectStore(OUTBOX);
      for (const change of sent) {
        const key = [change.paper, change.field];
        const got = outbox.get(key);
        got.onsuccess = () => {
          const stored = got.result as FieldChange | undefined;
          if (stored && stored.at === change.at && JSON.stringify(stored.value) === JSON.stringify(change.value)) outbox.delete(key);
        };
      }
      await committed(tx);
    },
    async requeueAll() {
      const tx = db.transaction([PAPERS, OUTBOX], 'readwrite');
      let queued = 0;
      const all = tx.objectStore(PAPERS).getAll();
      all.onsuccess = () => {
        for (const change of (all.result as PaperRecord[]).flatMap(changesOf)) {
          tx.objectStore(OUTBOX).put(change);
          queued++;
        }
      };
      await committed(tx);
      return queued;
    },
    shared: () => done(db.transaction(SHARED).objectStore(SHARED).getAll() as IDBRequest<StateChange[]>),
    async merge(changes, at) {
      const tx = db.transaction([PAPERS, SHARED, META_STORE], 'readwrite');
      const shared = tx.objectStore(SHARED);
      const papers = tx.objectStore(PAPERS);
      const newest = new Map<string, StateChange>();
      for (const change of changes) {
        const key = `${change.member}\n${change.paper}\n${change.field}`;
        const seen = newest.get(key);
        if (!seen || isNewer(change, seen)) newest.set(key, change);
      }
      const keptShared: StateChange[] = [];
      const mine = new Map<string, StateChange[]>();
      for (const change of newest.values()) {
        const got = shared.get([change.member, change.paper, change.field]);
        got.onsuccess = () => {
          if (!isNewer(change, got.result as StateChange | undefined)) return;
          shared.put(plainCopy(change));
          keptShared.push(change);
        };
        if (change.member === at.member) mine.set(change.paper, [...(mine.get(change.paper) ?? []), change]);
      }
      const records: PaperRecord[] = [];
      // One read and one write per paper: two fields of one record must not overwrite each other.
      for (const [paper, list] of mine) {
        const got = papers.get(paper);
        got.onsuccess = () => {
          let record = (got.result as PaperRecord | undefined) ?? blankRecord(paper, at.firstSeen);
          let changed = false;
          for (const change of list) {
            const next = mergeField(record, change);
            if (next) [record, changed] = [next, true];
          }
          if (!changed) return;
          papers.put(plainCopy(record));
          records.push(record);
        };
      }
      tx.objectStore(META_STORE).put(String(at.cursor), 'cursor');
      await committed(tx);
      return { records, shared: keptShared };
    },
  };
  return { ...store, ...tables };
}
