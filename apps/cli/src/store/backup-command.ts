import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Io } from '../io.ts';
import { InputError } from '../errors.ts';

export interface BackupOptions {
  readonly db: string;
  readonly out: string;
}

/** What a backup holds, counted in the copy itself. */
export interface BackupReport {
  readonly file: string;
  readonly bytes: number;
  readonly papers: number;
  readonly devices: number;
  readonly states: number;
}

/**
 * `digest backup --out FILE`: a consistent copy of the store while servers and fetches use it.
 * SQLite's online backup copies every page in one step, inside one read transaction: in WAL mode
 * that sees one committed state and holds up no writer. (Copied a hundred pages at a time, as
 * better-sqlite3 does by default, a backup starts over whenever another process writes in between,
 * and a busy server would keep it starting over.) The copy is written beside FILE and renamed, so
 * FILE is never half a backup, and checked before it replaces FILE.
 */
export async function backupCommand(options: BackupOptions, io: Io): Promise<BackupReport> {
  const out = resolve(options.out);
  if (!existsSync(options.db)) throw new InputError(options.db, 'no paper store here: nothing to back up (pass --db PATH)');
  if (resolve(options.db) === out) throw new InputError(options.out, 'is the store itself: write the backup to another file');
  if (!existsSync(dirname(out))) throw new InputError(options.out, `cannot write here: the folder ${dirname(out)} does not exist`);
  const tmp = `${out}.${process.pid}.tmp`;
  const source = new Database(options.db, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 30000');
    await source.backup(tmp, { progress: ({ totalPages }) => totalPages });
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new InputError(options.db, `the backup failed: ${(error as Error).message}`, { cause: error });
  } finally {
    source.close();
  }
  const report = checkCopy(tmp, out);
  renameSync(tmp, out);
  io.err(`backed up ${options.db}: ${report.papers} papers, ${report.devices} devices, ${report.states} shared states, ${(report.bytes / 2 ** 20).toFixed(1)} MB\n`);
  io.out(`${out}\n`);
  return report;
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
