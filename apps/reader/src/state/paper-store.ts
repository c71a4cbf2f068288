import type { BibSource } from './bibtex.ts';

// A small promise wrapper over IndexedDB: two object stores, no library. Everything the reader
// remembers about papers stays on the device.

/** What the device remembers about one paper, keyed by the paper's id (the same across digests). */
export interface PaperRecord {
  readonly id: string;
  readonly read: boolean;
  readonly starred: boolean;
  /** ISO time of the visit that first showed this paper. */
  readonly firstSeen: string;
  readonly starredAt: string | null;
  /** Kept while starred, so BibTeX export works without the digest it came from. */
  readonly paper: BibSource | null;
}

export interface PaperStore {
  all(): Promise<PaperRecord[]>;
  put(...records: PaperRecord[]): Promise<void>;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  close(): void;
}

export const DB_NAME = 'labdigest-reader';
const DB_VERSION = 1;
const PAPERS = 'papers';
const META = 'meta';

const done = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
});

const committed = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
});

export async function openPaperStore(options: { name?: string; factory?: IDBFactory } = {}): Promise<PaperStore> {
  const factory = options.factory ?? indexedDB;
  const request = factory.open(options.name ?? DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(PAPERS)) db.createObjectStore(PAPERS, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
  };
  const db = await done(request);
  // Another tab opening a newer version of the database asks this one to let go.
  db.onversionchange = () => db.close();

  return {
    all: () => done(db.transaction(PAPERS).objectStore(PAPERS).getAll() as IDBRequest<PaperRecord[]>),
    async put(...records) {
      if (records.length === 0) return;
      const tx = db.transaction(PAPERS, 'readwrite');
      const store = tx.objectStore(PAPERS);
      for (const record of records) store.put(plainCopy(record));
      await committed(tx);
    },
    async getMeta(key) {
      const value: unknown = await done(db.transaction(META).objectStore(META).get(key));
      return typeof value === 'string' ? value : null;
    },
    async setMeta(key, value) {
      const tx = db.transaction(META, 'readwrite');
      tx.objectStore(META).put(value, key);
      await committed(tx);
    },
    close: () => db.close(),
  };
}

/** A structured-clone-safe copy: Svelte's reactive proxies cannot be stored as they are. */
function plainCopy(record: PaperRecord): PaperRecord {
  return JSON.parse(JSON.stringify(record)) as PaperRecord;
}
