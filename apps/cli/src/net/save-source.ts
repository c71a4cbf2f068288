import type { Paper } from '@labdigest/core';
import type { Db } from '../store/open-db.ts';
import { upsertPapers, type UpsertCounts } from '../store/queries.ts';
import { putSourceState, recordFetchRun, type SourceState } from '../store/source-state.ts';

export interface SourceRunToSave {
  readonly source: string;
  readonly papers: readonly Paper[];
  readonly rejected: number;
  readonly errors: readonly string[];
  readonly started: Date;
  readonly now: Date;
  /** Null: leave the stored state alone (the source failed before answering). */
  readonly state: Omit<SourceState, 'lastFetch'> | null;
}

/**
 * Stores one source's papers, its state and its fetch_runs line in ONE transaction: a crash part-way
 * leaves the store as it was before this source, and a rerun repeats the source from scratch
 * (upsertPapers is idempotent). `inTransaction` runs just before the commit; the crash test uses it.
 */
export function saveSourceRun(db: Db, run: SourceRunToSave, inTransaction?: () => void): UpsertCounts {
  return db.transaction(() => {
    const counts = upsertPapers(db, run.papers, { source: run.source, now: run.now });
    if (run.state) putSourceState(db, run.source, { ...run.state, lastFetch: run.now.toISOString() });
    recordFetchRun(db, {
      source: run.source, started: run.started.toISOString(), finished: run.now.toISOString(),
      fetched: run.papers.length, new: counts.new, duplicates: counts.duplicates, updated: counts.updated,
      rejected: run.rejected, errors: run.errors.length, message: run.errors.length > 0 ? run.errors.join('\n') : null,
    });
    inTransaction?.();
    return counts;
  }).immediate(); // the write lock from the start: see upsertPapers
}
