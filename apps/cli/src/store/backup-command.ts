import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import Database from 'better-sqlite3';
import type { Io } from '../io.ts';
import { InputError } from '../errors.ts';
import { refuseOverwritingInput, STANDARD_OUTPUT, writeProblem, writeTarget } from '../atomic-write.ts';
import { storeFiles } from './open-db.ts';

export interface BackupOptions {
  readonly db: string;
  /** A file, or a folder (existing, or written with a trailing `/`) that gets `labdigest-YYYY-MM-DD.sqlite`. */
  readonly out: string;
  /** Dates the file a folder gets; now unless a test says otherwise. */
  readonly now?: Date | undefined;
}

/** What a backup holds, counted in the copy itself. */
export interface BackupReport {
  readonly file: string;
  readonly bytes: number;
  readonly papers: number;
  readonly devices: number;
  readonly states: number;
}

/** SQLite's codes for a copy that could not be written where it goes. */
const WRITE_FAILURES = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_READONLY'];

/** Why a backup failed, naming the file at fault: the copy's place when it could not be written (a full disk), else the store. */
export function backupFailure(error: unknown, files: { readonly db: string; readonly out: string }): InputError {
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message;
  if (typeof code === 'string' && WRITE_FAILURES.some((c) => code.startsWith(c))) {
    return new InputError(files.out, `the backup could not be written here: ${code === 'SQLITE_FULL' ? 'the disk is full' : message}; the store is as it was`, { cause: error });
  }
  return new InputError(files.db, `the backup failed: ${message}`, { cause: error });
}

/**
 * `digest backup --out FILE`: a consistent copy of the store while servers and fetches use it.
 * SQLite's online backup copies every page in one step, inside one read transaction: in WAL mode
 * that sees one committed state and holds up no writer. (Copied a hundred pages at a time, as
 * better-sqlite3 does by default, a backup starts over whenever another process writes in between,
 * and a busy server would keep it starting over.) The copy is written beside FILE and renamed, so
 * FILE is never half a backup, and checked before it replaces FILE; whatever fails, the temporary
 * copy is removed. A symlink's target is replaced (the link stays); a folder gets a dated file.
 */
export async function backupCommand(options: BackupOptions, io: Io): Promise<BackupReport> {
  if (!existsSync(options.db)) throw new InputError(options.db, 'no paper store here: nothing to back up (pass --db PATH)');
  const out = backupFile(options, io);
  refuseOverwritingInput(out, storeFiles(options.db));
  const target = writeTarget(out);
  if (target.kind === 'stream' || target.kind === 'disk') {
    throw new InputError(out, `is ${target.what}, not a file: a backup is a SQLite database, write it to a file or a folder`);
  }
  if (target.kind === 'folder') throw new InputError(out, 'cannot be written (it is a folder)');
  if (!existsSync(dirname(target.path))) throw new InputError(options.out, `cannot write here: the folder ${dirname(target.path)} does not exist`);
  const tmp = `${target.path}.${process.pid}.tmp`;
  const source = new Database(options.db, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 30000');
    await source.backup(tmp, { progress: ({ totalPages }) => totalPages });
  } catch (error) {
    rmSync(tmp, { force: true });
    throw backupFailure(error, { db: options.db, out });
  } finally {
    source.close();
  }
  // The copy holds what the store holds (notes, device tokens): no one reads it whom the store does not let read it.
  chmodSync(tmp, statSync(options.db).mode & 0o660);
  const report = checkCopy(tmp, resolve(out));
  try {
    renameSync(tmp, target.path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new InputError(out, writeProblem(error), { cause: error });
  }
  io.err(`backed up ${options.db}: ${report.papers} papers, ${report.devices} devices, ${report.states} shared states, ${(report.bytes / 2 ** 20).toFixed(1)} MB\n`);
  io.out(`${resolve(out)}\n`);
  return report;
}

/**
 * The file --out names. A folder (one that is there, or any path ending in `/`) gets
 * `labdigest-YYYY-MM-DD.sqlite` in it, dated by the local calendar as `date +%F` dates the cron
 * lines of docs/server.md, so `--out /var/backups/` keeps one backup a day.
 */
function backupFile(options: BackupOptions, io: Io): string {
  if (options.out === STANDARD_OUTPUT) {
    throw new InputError(`--out ${STANDARD_OUTPUT}`, 'a backup is a SQLite database, not text for standard output: name a file or a folder');
  }
  const namesFolder = options.out.endsWith('/') || options.out.endsWith(sep);
  if (!namesFolder && !isFolder(options.out)) return options.out;
  if (!isFolder(options.out)) throw new InputError(options.out, `cannot write here: the folder ${resolve(options.out)} does not exist`);
  const now = options.now ?? new Date();
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const name = `labdigest-${day}.sqlite`;
  io.err(`${options.out} is a folder: the backup goes in it as ${name}\n`);
  return join(options.out, name);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Opens the copy, checks it is a whole SQLite database, and counts what it holds. */
function checkCopy(file: string, shownAs: string): BackupReport {
  const copy = new Database(file, { fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new InputError(file, `the copy did not pass SQLite's check (${String(check)}); the store is unchanged`);
    const tables = new Set(copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const count = (table: string) => (tables.has(table) ? copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number : 0);
    return { file: shownAs, bytes: statSync(file).size, papers: count('papers'), devices: count('devices'), states: count('paper_state') };
  } catch (error) {
    copy.close();
    rmSync(file, { force: true });
    throw error;
  } finally {
    if (copy.open) copy.close();
  }
}
