// What `pnpm bench` (scripts/bench.ts) times in the command line's code, imported there as
// `@labdigest/cli/bench`: the parse of a big arXiv listing, and a bulk load into a fresh store.
import type { Paper } from '@labdigest/core';
import { parseArxivListing } from '@labdigest/sources';
import { openDb } from '../src/store/open-db.ts';
import { upsertPapers } from '../src/store/queries.ts';

/**
 * Parses `xml` as an arXiv RSS listing once (XML validation and parsing, text cleaning and Paper
 * building together); how long it took and how many papers came out.
 */
export function benchParseListing(xml: string): { ms: number; papers: number } {
  // A fixed clock, so the listing's 2024 dates are judged as they were on the day, not against today.
  const at = { source: 'bench', location: 'bench', now: new Date('2024-11-29T00:00:00Z') };
  const start = performance.now();
  const { papers } = parseArxivListing(xml, at);
  return { ms: performance.now() - start, papers: papers.length };
}

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

export { loadCorpusBackground } from '../src/digest/background.ts';
export { benchServer, type ServerBench } from './bench-server.ts';
