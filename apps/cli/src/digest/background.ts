import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseBackgroundStats, type BackgroundStats } from '@labdigest/ranker';

/**
 * The command line's one rule for IDF: from this many papers on, the papers ranked (`digest rank`,
 * `explain`) or the store (`digest build`) give IDF on their own; fewer lean on the shipped corpus
 * statistics as well.
 */
export const OWN_IDF_MIN_PAPERS = 5000;

/** `--idf`: the batch alone, the shipped statistics as well, or by OWN_IDF_MIN_PAPERS. */
export type IdfChoice = 'auto' | 'batch' | 'background';

/** Whether a ranking over `papers` papers takes the corpus statistics, by `--idf` or by the rule. */
export function needsBackground(papers: number, choice: IdfChoice = 'auto'): boolean {
  return choice === 'background' || (choice === 'auto' && papers < OWN_IDF_MIN_PAPERS);
}

let cached: BackgroundStats | undefined;

/**
 * The ranker's shipped background statistics (n-gram document frequencies of the 21,872-paper
 * corpus), so a small daily batch gets corpus-wide IDF. Rebuilt by scripts/build-background.ts.
 */
export function loadCorpusBackground(): BackgroundStats {
  if (cached) return cached;
  const path = fileURLToPath(import.meta.resolve('@labdigest/ranker/corpus-stats.json.gz'));
  cached = parseBackgroundStats(gunzipSync(readFileSync(path)).toString('utf8'));
  return cached;
}
