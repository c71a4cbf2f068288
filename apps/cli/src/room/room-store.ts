import type { Db } from '../store/open-db.ts';
import { openDb } from '../store/open-db.ts';

/** The store stayed locked by another writer (a long `digest fetch` transaction) for too long: 503, try again. */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
}

/** The server's one connection to the store, and the way every request uses it. */
export interface RoomStore {
  readonly db: Db;
  /**
   * Runs `work` (a read, or a short write transaction). While another process holds the store's
   * write lock, waits without blocking the server (other requests go on) and tries again, for up
   * to `patienceMs`; then rejects with StoreBusyError.
   */
  run<T>(work: (db: Db) => T): Promise<T>;
  close(): void;
}

// SQLite's own busy wait blocks the thread, and with it every request the server holds: it is kept
// short, and longer waits (a fetch writes a whole source in one transaction, up to a second or two)
// are timers between tries.
const SQLITE_WAIT_MS = 20;

/** Opens (creating and migrating) the store at `path` for the server. WAL mode lets readers go on while it writes. */
export function openRoomStore(path: string, options: { patienceMs?: number } = {}): RoomStore {
  const db = openDb(path);
  db.pragma(`busy_timeout = ${SQLITE_WAIT_MS}`);
  const patience = options.patienceMs ?? 10_000;
  return {
    db,
    async run(work) {
      const deadline = Date.now() + patience;
      for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
        try {
          return work(db);
        } catch (error) {
          if (!isBusy(error)) throw error;
          if (Date.now() + pause > deadline) {
            throw new StoreBusyError(`the store stayed locked by another digest run for ${Math.round(patience / 1000)} s`, { cause: error });
          }
        }
        await new Promise((done) => { setTimeout(done, pause); });
      }
    },
    close: () => { db.close(); },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
