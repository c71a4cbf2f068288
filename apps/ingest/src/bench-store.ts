import type { Paper } from '@labdigest/core';
import { openDb } from './db/open-db.ts';
import { upsertPapers } from './db/queries.ts';

/**
 * Times `upsertPapers` on a fresh in-memory store: all papers in one transaction, FTS triggers and
 * de-duplication included (the store's cost on a large first import).
 */
export function benchUpsert(papers: Paper[]): { ms: number; perSecond: number } {
  const db = openDb(':memory:');
  try {
    const start = performance.now();
    upsertPapers(db, papers, { source: 'bench', now: new Date() });
    const ms = performance.now() - start;
    return { ms, perSecond: ms > 0 ? Math.round(papers.length / (ms / 1000)) : Infinity };
  } finally {
    db.close();
  }
}
