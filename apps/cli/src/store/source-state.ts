import type { Db } from './open-db.ts';

/** What the store remembers of a source between runs: validators for a conditional GET, the last fetch. */
export interface SourceState {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastFetch: string | null;
  /** Where paging stopped when a run hit its page limit; null when it read to the end. */
  readonly cursor: string | null;
}

/** One source's part of a fetch run, as the fetch_runs table keeps it. */
export interface FetchRunRecord {
  readonly source: string;
  readonly started: string;
  readonly finished: string;
  readonly fetched: number;
  readonly new: number;
  readonly duplicates: number;
  readonly updated: number;
  readonly rejected: number;
  readonly errors: number;
  /** Errors, secrets redacted; null when there were none. */
  readonly message: string | null;
}

export function getSourceState(db: Db, source: string): SourceState | null {
  const row = db.prepare('SELECT etag, last_modified AS lastModified, last_fetch AS lastFetch, cursor FROM source_state WHERE source = ?')
    .get(source) as SourceState | undefined;
  return row ?? null;
}

export function putSourceState(db: Db, source: string, state: SourceState): void {
  db.prepare(`INSERT INTO source_state (source, etag, last_modified, last_fetch, cursor) VALUES (@source, @etag, @lastModified, @lastFetch, @cursor)
    ON CONFLICT (source) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
      last_fetch = excluded.last_fetch, cursor = excluded.cursor`).run({ source, ...state });
}

export function recordFetchRun(db: Db, run: FetchRunRecord): void {
  db.prepare(`INSERT INTO fetch_runs (source, started, finished, fetched, new, duplicates, updated, rejected, errors, message)
    VALUES (@source, @started, @finished, @fetched, @new, @duplicates, @updated, @rejected, @errors, @message)`).run(run);
}

/** The most recent runs, newest first. */
export function recentFetchRuns(db: Db, limit = 20): FetchRunRecord[] {
  return db.prepare(`SELECT source, started, finished, fetched, new, duplicates, updated, rejected, errors, message
    FROM fetch_runs ORDER BY id DESC LIMIT ?`).all(limit) as FetchRunRecord[];
}
