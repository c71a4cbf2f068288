import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors.ts';
import { DEFAULT_DB_PATH } from '../options.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations.ts';
import { DAMAGED_ADVICE, StoreError, storeFailure } from './store-error.ts';
import type { Io } from '../io.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * False for commands that only read: a missing store is an InputError, and a store that cannot
   * be written is fine. Otherwise the store is created when missing and must be writable.
   */
  readonly create?: boolean;
  /**
   * Run SQLite's quick check on opening (default true; see READ_CHECK_MAX_BYTES). A long-running
   * process that opens the store often (a server) passes false and relies on the StoreError its
   * queries raise when they read a damaged page.
   */
  readonly check?: boolean;
  /** Told when the store is made, not found (`newStoreNote`). */
  readonly onCreate?: ((path: string) => void) | undefined;
}

/**
 * Reading commands check a store up to this size (about 0.1 s per 16 MB); writing commands check
 * every store, since they run unattended and would build on a damaged file.
 */
export const READ_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating it and its folder when needed) and migrates the SQLite store. `:memory:` gives a
 * throwaway store for tests. A file that is not a labdigest store, or from a newer version, is an
 * InputError; so is a missing file when `create` is false (commands that only read). A store that
 * is damaged, read-only (when writing) or on a full disk is a StoreError that says what to do.
 */
/**
 * Before a store made by an older labdigest is upgraded (one way: the older version cannot open it
 * after), a copy of it as it was goes beside it, `labdigest.sqlite.schema-4.bak`, and one line on
 * standard error says so. A store that is new, or up to date, is left alone.
 */
function keepBeforeUpgrade(db: Database.Database, path: string): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from === 0 || from >= migrations.length) return;
  const copy = `${path}.schema-${from}.bak`;
  if (!existsSync(copy)) {
    db.prepare('VACUUM INTO ?').run(copy);
    chmodSync(copy, statSync(path).mode & 0o660);
  }
  process.stderr.write(`labdigest: upgrading the store ${path} from schema ${from} to ${migrations.length}; `
    + `the store as it was is kept in ${copy} (the labdigest that made it can open that copy)\n`);
}

/** A new store's mode: read and written by its owner alone. */
export const STORE_MODE = 0o600;

export function openDb(path: string = DEFAULT_DB_PATH, options: OpenOptions = {}): Db {
  const write = options.create !== false;
  if (!write && path !== ':memory:' && !existsSync(path)) {
    throw new InputError(path, 'no paper store here yet: run `digest fetch` or `digest import FILE` first, or pass --db PATH');
  }
  let db: Db | undefined;
  try {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true });
      // A new store holds the members' notes and device tokens: readable by its owner alone (SQLite
      // gives its -wal and -shm files the same mode). An empty file is an empty SQLite database.
      if (!existsSync(path)) closeSync(openSync(path, 'wx', STORE_MODE));
    }
    db = new Database(path);
    // Only a new, empty store takes a page size (an existing one keeps its own). Rows carry a title and
    // an abstract (1–2 KB): 16 KB pages hold them with less slack and fewer B-tree pages than 4 KB.
    db.pragma('page_size = 16384');
    // WAL: readers (`digest papers`, `search`) don't block a running fetch, and a killed process
    // leaves the last committed transaction intact. NORMAL is durable against process crashes.
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (path !== ':memory:') keepBeforeUpgrade(db, path);
    migrate(db);
    if (path !== ':memory:') {
      if (options.check !== false && (write || statSync(path).size <= READ_CHECK_MAX_BYTES)) checkIntact(db, path);
      if (write) checkWritable(db);
    }
    return db;
  } catch (error) {
    db?.close();
    const failure = storeFailure(path, error);
    if (failure) throw failure;
    throw new InputError(path, `cannot open the paper store: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * SQLite's quick check: every page of every table and index is read and its structure checked (not
 * that indexes match their tables, which integrity_check adds for little more). About 0.4 s for a
 * 50 MB store. A damaged store otherwise goes unnoticed until a query happens to read the bad page.
 */
function checkIntact(db: Db, path: string): void {
  const rows = db.pragma('quick_check(1)', { simple: false }) as { quick_check: string }[];
  const report = rows.map((r) => r.quick_check).join('\n');
  if (report !== 'ok') {
    // "*** in database main ***\nTree 2 page 39: btreeInitPage() returns error code 11": the first problem.
    const first = report.split('\n').find((line) => !line.startsWith('***')) ?? report;
    throw new StoreError(path, `the paper store is damaged (SQLite's quick check: ${first}): ${DAMAGED_ADVICE}`);
  }
}

/**
 * A store that SQLite could only open for reading (a read-only file, folder or file system; as root,
 * an immutable file) fails at its first write, halfway through a command: find out before.
 */
function checkWritable(db: Db): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
  } finally {
    db.exec('ROLLBACK');
  }
}

/**
 * Opens the store, runs `work` with it and closes it. What SQLite reports of the file on the way (a
 * full disk, a damaged page, a read-only file) becomes a StoreError naming it.
 */
/**
 * `onCreate` for a writing command, made before it takes the store's lock (which makes the folder): one
 * line on standard error when the store's folder is not there yet, so that a --db path with a typo in
 * its folder does not fill a new empty store in silence. A store made in a folder that is there is a
 * first run's, and goes unsaid.
 */
export function newStoreNote(path: string, io: Pick<Io, 'err'>): ((path: string) => void) | undefined {
  return existsSync(dirname(path)) ? undefined : (made) => io.err(`new paper store at ${made} (its folder made too)\n`);
}

export async function withStore<T>(path: string, options: OpenOptions, work: (db: Db) => Promise<T> | T): Promise<T> {
  const made = options.create !== false && !existsSync(path);
  const db = openDb(path, options);
  if (made) options.onCreate?.(path);
  try {
    return await work(db);
  } catch (error) {
    throw storeFailure(path, error) ?? error;
  } finally {
    db.close();
  }
}

/**
 * The store's files as inputs an --out must not replace (atomic-write.ts `refuseOverwritingInput`):
 * the database, and SQLite's write-ahead log and shared-memory index beside it, whose loss loses the
 * writes not yet checkpointed, and the lock.
 */
export function storeFiles(db: string): { file: string; what: string }[] {
  return [
    { file: db, what: 'the paper store' },
    { file: `${db}-wal`, what: "the paper store's write-ahead log" },
    { file: `${db}-shm`, what: "the paper store's shared-memory index" },
    { file: `${db}.lock`, what: "the paper store's lock file" },
  ];
}
