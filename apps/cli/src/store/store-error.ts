import { IngestError } from '../errors.ts';

/**
 * The store file cannot be used as it is: full disk, read-only, damaged, unreadable. The message
 * names the file, says what SQLite said, and what to do.
 */
export class StoreError extends IngestError {
  override name = 'StoreError';
  override readonly code = 'STORE';
  readonly file: string;
  constructor(file: string, problem: string, options?: ErrorOptions) {
    super(`${file}: ${problem}`, options);
    this.file = file;
  }
}

/** What to do about a damaged store: the one piece of advice every detection gives. */
export const DAMAGED_ADVICE = 'restore it from a backup, or remove it (with its -wal and -shm files) to start a new one; '
  + 'the next fetch collects the sources\' recent papers again';

/**
 * A SQLite failure of the store at `file` as a StoreError, or null when `error` is not one the user
 * can act on (then it is a bug). better-sqlite3's SqliteError carries SQLite's extended code
 * (`SQLITE_IOERR_WRITE`); its primary part says what happened.
 */
export function storeFailure(file: string, error: unknown): StoreError | null {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const said = (error as Error).message.split('\n')[0];
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  const problem = {
    SQLITE_FULL: `the disk is full (${said}): free some space and run again; the store keeps everything it held before this step`,
    SQLITE_READONLY: `the paper store is read-only (${said}): make it and its folder writable, or pass --db PATH`,
    SQLITE_CORRUPT: `the paper store is damaged (${said}): ${DAMAGED_ADVICE}`,
    SQLITE_NOTADB: `the paper store is damaged (${said}): ${DAMAGED_ADVICE}`,
    SQLITE_IOERR: `the paper store could not be read or written (${said}): check the disk, then run again`,
    SQLITE_CANTOPEN: `the paper store cannot be opened (${said}): check that its folder exists and can be written`,
    SQLITE_BUSY: `the paper store is busy (${said}): another program has kept it locked for more than 5 s`,
    SQLITE_PERM: `the paper store cannot be used (${said}): check its permissions`,
  }[primary ?? ''];
  return problem === undefined ? null : new StoreError(file, problem, { cause: error });
}
