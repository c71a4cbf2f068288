import type { Db } from '../store/open-db.ts';
import { statSync } from 'node:fs';
import { openDb } from '../store/open-db.ts';
import { StoreError } from '../store/store-error.ts';

/** The store stayed locked by another writer (a long `digest fetch` transaction) for too long: 503, try again. */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
}

/** The server's one connection to the store, and the way every request uses it. */
export interface RoomStore {
  readonly db: Db;
  /**
   * Runs a read. While another process holds a lock SQLite needs (rare in WAL mode), waits without
   * blocking the server and tries again, for up to the store's patience; then StoreBusyError.
   */
  read<T>(work: (db: Db) => T): Promise<T>;
  /**
   * Runs a write, committed before the promise resolves. The writes that requests ask for in the
   * same turn of the event loop are committed together, in one transaction, each in a savepoint
   * of its own (one that throws rolls back alone): a commit costs the same for one change or
   * thirty, so members syncing at once share it. While another process holds the write lock, the
   * batch waits for it with timers, never blocking the server's other requests.
   */
  write<T>(work: (db: Db) => T): Promise<T>;
  close(): void;
}

// SQLite's own busy wait blocks the thread, and with it every request the server holds: it is kept
// short, and longer waits (a fetch writes a whole source in one transaction, up to a second or two)
// are timers between tries.
const SQLITE_WAIT_MS = 20;

interface Pending {
  readonly work: (db: Db) => unknown;
  readonly done: (value: unknown) => void;
  readonly fail: (error: unknown) => void;
  readonly deadline: number;
}

/** Opens (creating and migrating) the store at `path` for the server. WAL mode lets readers go on while it writes. */
export function openRoomStore(path: string, options: { patienceMs?: number } = {}): RoomStore {
  const db = openDb(path);
  db.pragma(`busy_timeout = ${SQLITE_WAIT_MS}`);
  // The file the server opened: one removed or replaced under it (a restore while it ran, a cleanup)
  // would take its writes into a file no one reads. Each batch checks first, one stat.
  const opened = path === ':memory:' ? undefined : statSync(path).ino;
  const moved = (): StoreError | undefined => {
    if (opened === undefined) return undefined;
    let now: number | undefined;
    try {
      now = statSync(path).ino;
    } catch {
      now = undefined;
    }
    return now === opened ? undefined
      : new StoreError(path, `the store was ${now === undefined ? 'removed' : 'replaced'} while the server ran: restart \`digest serve\` to use the file now there; nothing was written`);
  };
  const patience = options.patienceMs ?? 10_000;
  const busyError = (cause: unknown) => new StoreBusyError(`the store stayed locked by another digest run for ${Math.round(patience / 1000)} s`, { cause });
  let queue: Pending[] = [];
  let pause = 0;
  let timer: NodeJS.Immediate | NodeJS.Timeout | undefined;

  const schedule = () => {
    if (timer !== undefined) return;
    timer = pause === 0 ? setImmediate(flush) : setTimeout(flush, pause);
  };
  function flush(): void {
    timer = undefined;
    const batch = queue;
    queue = [];
    const gone = moved();
    if (gone) {
      for (const item of batch) item.fail(gone);
      return;
    }
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        results.length = 0;
        for (const item of batch) {
          try {
            results.push({ ok: true, value: db.transaction(item.work)(db) });
          } catch (error) {
            if (isBusy(error)) throw error;
            results.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      if (!isBusy(error)) {
        for (const item of batch) item.fail(error);
        return;
      }
      // Locked by another process: try the whole batch again later, less what waited too long.
      const now = Date.now();
      for (const item of batch) (item.deadline > now ? queue : []).push(item);
      for (const item of batch) if (item.deadline <= now) item.fail(busyError(error));
      pause = Math.min(Math.max(pause * 2, 10), 250);
      if (queue.length) schedule();
      return;
    }
    pause = 0;
    batch.forEach((item, i) => {
      const result = results[i];
      if (result?.ok) item.done(result.value);
      else item.fail(result?.error);
    });
    if (queue.length) schedule();
  }

  return {
    db,
    async read(work) {
      const deadline = Date.now() + patience;
      for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
        try {
          return work(db);
        } catch (error) {
          if (!isBusy(error)) throw error;
          if (Date.now() + wait > deadline) throw busyError(error);
        }
        await new Promise((done) => { setTimeout(done, wait); });
      }
    },
    write<T>(work: (db: Db) => T) {
      return new Promise<T>((done, fail) => {
        queue.push({ work, done: done as (value: unknown) => void, fail, deadline: Date.now() + patience });
        schedule();
      });
    },
    close: () => {
      if (timer !== undefined) {
        clearTimeout(timer as NodeJS.Timeout);
        clearImmediate(timer as NodeJS.Immediate);
      }
      db.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
