import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors.ts';
import { DEFAULT_DB_PATH } from '../options.ts';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

/**
 * Opens (creating it and its folder when needed) and migrates the SQLite store. `:memory:` gives a
 * throwaway store for tests. A file that is not a labdigest store, or from a newer version, is an
 * InputError; so is a missing file when `create` is false (commands that only read).
 */
export function openDb(path: string = DEFAULT_DB_PATH, options: { create?: boolean } = {}): Db {
  if (options.create === false && path !== ':memory:' && !existsSync(path)) {
    throw new InputError(path, 'no paper store here yet: run `digest fetch` or `digest import FILE` first, or pass --db PATH');
  }
  let db: Db | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
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
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw new InputError(path, `cannot open the paper store: ${(error as Error).message}`, { cause: error });
  }
}
