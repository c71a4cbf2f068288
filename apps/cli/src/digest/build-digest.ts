import type { Digest, GroupConfig, Paper } from '@labdigest/core';
import { assembleDigest, createRanker, type BackgroundStats, type FeedbackExample, type RankReport } from '@labdigest/ranker';
import type { Db } from '../store/open-db.ts';
import { needsBackground } from './background.ts';
import { rowToPaper, type PaperRow } from '../store/paper-rows.ts';
import { withFullVenues } from './venues.ts';
import type { DigestWindow } from './window.ts';
import { isRecordedSource } from '../net/recorded-feeds.ts';

const columns = 'pk, id, title, abstract, authors, published, doi, arxiv_id, url, venue, categories, source, tags';

/** Papers first stored in [since, until), oldest first. */
export function papersFirstSeen(db: Db, window: Pick<DigestWindow, 'since' | 'until'>): Paper[] {
  const rows = db.prepare(`SELECT ${columns} FROM papers WHERE first_seen >= ? AND first_seen < ? ORDER BY first_seen, pk`)
    .all(window.since, window.until) as PaperRow[];
  return rows.map(rowToPaper);
}

/** Every stored paper, in the order stored. */
export function allPapers(db: Db): Paper[] {
  return (db.prepare(`SELECT ${columns} FROM papers ORDER BY pk`).all() as PaperRow[]).map(rowToPaper);
}

/** What a build ranks a window with: its papers, and the IDF statistics beside them. */
export interface WindowBatch {
  /** The window's papers, a feed's short journal name as the store's other records write it (venues.ts). */
  readonly papers: Paper[];
  /** Every stored paper: IDF comes from the whole store. */
  readonly store: Paper[];
  /** The shipped corpus statistics: the ranker is made with them (its areas' related words). */
  readonly shipped: BackgroundStats;
  /** The same, counted for IDF only while the store is small; else undefined. */
  readonly background: BackgroundStats | undefined;
}

/**
 * The papers first seen in `window` and the statistics `digest build` ranks them with (`digest explain`
 * too, which has read the store's papers already: `store`).
 */
export function windowBatch(
  db: Db, window: Pick<DigestWindow, 'since' | 'until'>, loadBackground: () => BackgroundStats, store: Paper[] = allPapers(db),
): WindowBatch {
  const shipped = loadBackground();
  return { papers: withFullVenues(papersFirstSeen(db, window), store), store, shipped, background: needsBackground(store.length) ? shipped : undefined };
}

/**
 * The digest of a window: the papers first seen in it, ranked with IDF from the whole store (and the
 * shipped corpus statistics while the store is small), assembled into sections.
 */
export function buildDigest(input: {
  readonly db: Db;
  readonly config: GroupConfig;
  readonly window: DigestWindow;
  readonly now: Date;
  readonly sample: boolean;
  readonly background: () => BackgroundStats;
  /** What the group taught, given the batch (its papers may be ones a signal waits for); none: keywords alone. */
  readonly feedback?: ((batch: readonly Paper[]) => readonly FeedbackExample[] | undefined) | undefined;
}): { digest: Digest; report: RankReport; considered: number; taught: number } {
  const { papers, store, shipped, background } = windowBatch(input.db, input.window, input.background);
  const feedback = input.feedback?.(papers);
  const ranker = createRanker(input.config, { background: shipped, feedback });
  const { papers: ranked, report } = ranker.rank(papers, { background, idfFrom: store });
  const digest = assembleDigest(input.config, papers, ranked, {
    date: input.window.date, since: input.window.since, until: input.window.until,
    // A window of the bundled recordings alone is sample data however it was built: a `build --force`
    // of `start`'s offline digest had marked it live, and `send` would have sent it (found by an audit).
    generatedAt: input.now.toISOString(), sample: input.sample || (papers.length > 0 && papers.every((p) => isRecordedSource(p.source))), learned: ranker.learned,
  });
  return { digest, report, considered: papers.length, taught: feedback?.length ?? 0 };
}
