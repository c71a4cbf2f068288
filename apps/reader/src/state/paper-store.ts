import { committed, done, plainCopy } from './idb.ts';
import { changesOf, upgradeRecordV1, type FieldChange, type PaperRecord } from './paper-record.ts';

// The device store, over IndexedDB: the source of truth on the device. Four object stores:
//   papers  what this member did with each paper (PaperRecord), with when each field changed
//   outbox  changes not yet accepted by the reading room, one per paper and field (the newest)
//   shared  every member's state as the reading room last sent it, one row per member, paper, field
//   meta    small values: the last visit, and the reading room's session (token, member, cursor…)
// The page and the service worker (src/pwa/room-sync-worker.ts) open the same database. This module
// opens it and keeps the records; the outbox and the shared rows are read and merged by
// room/room-tables.ts, which only a signed-in device loads.

export type { PaperRecord } from './paper-record.ts';

export interface PaperStore {
  all(): Promise<PaperRecord[]>;
  /** Adds records for papers the device has not seen before; records already there are left alone. Returns those added. */
  addMissing(...records: PaperRecord[]): Promise<PaperRecord[]>;
  /**
   * Reads, changes and writes one record in one transaction, so a change never overwrites what a
   * sync merged a moment before. `change` returns null to leave it alone. With `queue`, the change
   * goes into the outbox in the same transaction. Returns the record as stored.
   */
  update(id: string, change: (current: PaperRecord | undefined) => PaperRecord | null, queue?: FieldChange): Promise<PaperRecord | null>;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  deleteMeta(...keys: string[]): Promise<void>;
  /** The database itself, for the reading room's tables (room/room-tables.ts), loaded only when signed in. */
  readonly db: IDBDatabase;
  close(): void;
}

export const DB_NAME = 'labdigest-reader';
/** 1: papers and meta; 2: per-field stamps, dismissed, note, nominated, area; outbox and shared. */
export const DB_VERSION = 2;
export const PAPERS = 'papers';
export const META_STORE = 'meta';
export const OUTBOX = 'outbox';
export const SHARED = 'shared';

export async function openPaperStore(options: { name?: string; factory?: IDBFactory } = {}): Promise<PaperStore> {
  const factory = options.factory ?? indexedDB;
  const request = factory.open(options.name ?? DB_NAME, DB_VERSION);
  request.onupgradeneeded = (event) => {
    const db = request.result;
    if (!db.objectStoreNames.contains(PAPERS)) db.createObjectStore(PAPERS, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(META_STORE)) db.createObjectStore(META_STORE);
    if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: ['paper', 'field'] });
    if (!db.objectStoreNames.contains(SHARED)) db.createObjectStore(SHARED, { keyPath: ['member', 'paper', 'field'] });
    if (event.oldVersion === 1) upgradeFromV1(request.transaction as IDBTransaction);
  };
  const db = await done(request);
  // Another tab opening a newer version of the database asks this one to let go.
  db.onversionchange = () => db.close();

  return {
    all: () => done(db.transaction(PAPERS).objectStore(PAPERS).getAll() as IDBRequest<PaperRecord[]>),
    async addMissing(...records) {
      if (records.length === 0) return [];
      const tx = db.transaction(PAPERS, 'readwrite');
      const store = tx.objectStore(PAPERS);
      const added: PaperRecord[] = [];
      for (const record of records) {
        const found = store.getKey(record.id);
        found.onsuccess = () => {
          if (found.result !== undefined) return;
          store.put(plainCopy(record));
          added.push(record);
        };
      }
      await committed(tx);
      return added;
    },
    async update(id, change, queue) {
      const tx = db.transaction(queue ? [PAPERS, OUTBOX] : [PAPERS], 'readwrite');
      const papers = tx.objectStore(PAPERS);
      let result: PaperRecord | null = null;
      const got = papers.get(id);
      got.onsuccess = () => {
        result = change(got.result as PaperRecord | undefined);
        if (!result) return;
        papers.put(plainCopy(result));
        if (queue) tx.objectStore(OUTBOX).put(plainCopy(queue));
      };
      await committed(tx);
      return result;
    },
    async getMeta(key) {
      const value: unknown = await done(db.transaction(META_STORE).objectStore(META_STORE).get(key));
      return typeof value === 'string' ? value : null;
    },
    async setMeta(key, value) {
      const tx = db.transaction(META_STORE, 'readwrite');
      tx.objectStore(META_STORE).put(value, key);
      await committed(tx);
    },
    async deleteMeta(...keys) {
      const tx = db.transaction(META_STORE, 'readwrite');
      for (const key of keys) tx.objectStore(META_STORE).delete(key);
      await committed(tx);
    },
    db,
    close: () => db.close(),
  };
}

/**
 * Version 1 kept read, starred, firstSeen, starredAt and paper per record. Each record gains the new
 * fields and its stamps, and what it holds goes into the outbox: stars made before the reading room
 * existed are uploaded once the device signs in, with their own times.
 */
function upgradeFromV1(tx: IDBTransaction): void {
  const outbox = tx.objectStore(OUTBOX);
  const cursor = tx.objectStore(PAPERS).openCursor();
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) return;
    const record = upgradeRecordV1(at.value as PaperRecord);
    at.update(record);
    for (const change of changesOf(record)) outbox.put(change);
    at.continue();
  };
}
