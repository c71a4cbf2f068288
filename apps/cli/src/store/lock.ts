import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { IngestError, InputError } from '../errors.ts';
import { writeFileAtomic } from '../atomic-write.ts';

/** Another run holds the store: two runs never write it at once. */
export class LockedError extends IngestError {
  override name = 'LockedError';
  override readonly code = 'LOCKED';
}

/** Who holds the lock, as the holder wrote it beside the lock file. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** When the holder took the lock (ISO). */
  readonly since: string;
  /** `digest fetch`, `digest build`, ... */
  readonly command: string;
}

export interface LockOptions {
  /** What takes the lock, for the message another run prints (`digest fetch`). */
  readonly command: string;
  /** How long to wait for a run that holds the lock before giving up (default 0: refuse at once). */
  readonly waitMs?: number | undefined;
  /** Where "waiting for ..." is said, once. */
  readonly note?: ((text: string) => void) | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

const POLL_MS = 200;

// The connections holding a lock. A held connection must stay reachable: one collected as garbage is
// closed, and the operating system then releases its lock while the work still runs.
const held = new Set<Database.Database>();

/**
 * Runs `work` holding `<db>.lock`, which every command that writes the store takes (fetch, import,
 * build, start, send, learn, feedback import and reset): two runs never write the store at once.
 *
 * The lock is an operating-system lock: the lock file is a small SQLite database, held in a write
 * transaction (SQLite takes an fcntl lock), so the kernel releases it when the holder ends, however it
 * ends. A crashed run leaves nothing stale to take over, and a PID reused after a reboot cannot look
 * like a holder. Who holds it (pid, host, command, since when) is written to `<db>.lock.owner` for the
 * message a second run prints; that file is only ever read for the message.
 */
export async function withLock<T>(dbPath: string, work: () => Promise<T> | T, options: LockOptions): Promise<T> {
  const release = await holdLock(`${dbPath}.lock`, options);
  try {
    return await work();
  } finally {
    release();
  }
}

/**
 * Takes the lock `file` (as `withLock` takes `<db>.lock`) and holds it until the function it returns
 * is called: `digest serve` holds `<db>.serve.lock` while it serves, so two servers never share a store.
 */
export async function holdLock(file: string, options: LockOptions): Promise<() => void> {
  if (file.startsWith(':memory:')) return () => undefined; // a throwaway store no other process can open
  const lock = await acquire(file, options);
  held.add(lock);
  const ownerFile = `${file}.owner`;
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command: options.command };
  const release = () => {
    if (!held.has(lock)) return;
    rmSync(ownerFile, { force: true });
    lock.exec('ROLLBACK');
    lock.close();
    held.delete(lock);
  };
  try {
    writeFileAtomic(ownerFile, `${JSON.stringify(owner)}\n`);
  } catch (error) {
    release();
    throw error;
  }
  return release;
}

async function acquire(file: string, options: LockOptions): Promise<Database.Database> {
  mkdirSync(dirname(file), { recursive: true });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => { setTimeout(done, ms); }));
  const deadline = Date.now() + (options.waitMs ?? 0);
  let noted = false;
  for (;;) {
    const lock = openLockFile(file);
    try {
      // IMMEDIATE takes SQLite's write lock now, or fails at once with SQLITE_BUSY (busy_timeout 0).
      lock.exec('BEGIN IMMEDIATE');
      return lock;
    } catch (error) {
      lock.close();
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    }
    const holder = describeOwner(file);
    if (Date.now() >= deadline) {
      const waited = options.waitMs ? ` (waited ${Math.round(options.waitMs / 1000)} s)` : '';
      throw new LockedError(`${file}: ${holder} is using the store; try again when it ends${waited}`);
    }
    if (!noted) {
      options.note?.(`waiting for the store: ${holder} holds ${file}; giving up in ${Math.round((deadline - Date.now()) / 1000)} s\n`);
      noted = true;
    }
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
  }
}

/** Opens (creating) the lock file; a folder in its place, or a file that is not a lock, is an InputError. */
function openLockFile(file: string): Database.Database {
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new InputError(file, 'is a folder, where the store\'s lock file belongs: remove it, or pass --db PATH to use another store');
  }
  replaceLegacyLock(file);
  let lock: Database.Database | undefined;
  try {
    lock = new Database(file);
    lock.pragma('busy_timeout = 0');
    lock.exec('CREATE TABLE IF NOT EXISTS lock (id INTEGER PRIMARY KEY)');
    return lock;
  } catch (error) {
    lock?.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY') return openBusy(file);
    // No lock file yet and none can be made: the folder is the trouble (read-only, or no folder at all).
    if (!existsSync(file)) throw new InputError(dirname(file), `the store's folder cannot be written, so its lock file cannot be made (${(error as Error).message}): pass --db PATH in a folder you can write`, { cause: error });
    throw new InputError(file, `cannot be used as the store's lock file (${(error as Error).message}): remove it if no digest run is working`, { cause: error });
  }
}

/** The lock file exists but its creator holds it: open it without touching its schema. */
function openBusy(file: string): Database.Database {
  const lock = new Database(file);
  lock.pragma('busy_timeout = 0');
  return lock;
}

/**
 * Earlier versions wrote their pid into `<db>.lock` as text. Such a file whose process is gone is
 * removed; one whose process still runs is an older labdigest at work.
 */
function replaceLegacyLock(file: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const legacy = /^(\d+)\s*$/.exec(text);
  if (!legacy) return;
  const pid = Number(legacy[1]);
  if (pid !== process.pid && alive(pid)) {
    throw new LockedError(`${file}: an older digest run (pid ${pid}) is using the store; try again when it ends`);
  }
  rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** "another digest run (digest fetch, pid 4242 on lab-server, since 2026-06-08T05:30:00Z)". */
function describeOwner(file: string): string {
  try {
    const owner = JSON.parse(readFileSync(`${file}.owner`, 'utf8')) as LockOwner;
    return `another digest run (${owner.command}, pid ${owner.pid} on ${owner.host}, since ${owner.since.slice(0, 19)}Z)`;
  } catch {
    return 'another digest run';
  }
}
