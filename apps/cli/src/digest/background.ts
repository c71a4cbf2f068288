import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseBackgroundStats, type BackgroundStats } from '@labdigest/ranker';

export { OWN_IDF_MIN_PAPERS, needsBackground, type IdfChoice } from './idf-choice.ts';

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
