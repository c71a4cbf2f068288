import type { PaperFeatures } from '../scan/analyze.ts';
import type { Lexicon } from '../profiles/profiles.ts';
import { foldedNgrams, type BackgroundStats } from './background.ts';

/** Document frequencies of a lexicon's features over some collection. */
export interface FeatureStats {
  readonly documents: number;
  readonly averageLength: number;
  readonly df: Float64Array;
}

/** Counts, over the batch, how many papers hold each feature. */
export function collectStats(lexicon: Lexicon, papers: readonly PaperFeatures[]): FeatureStats {
  const df = new Float64Array(lexicon.features.length);
  let totalLength = 0;
  // Indexed loops: this runs once per ranking, mostly before V8 optimizes it, where for-of makes an iterator per paper.
  for (let i = 0; i < papers.length; i++) {
    const paper = papers[i] as PaperFeatures;
    totalLength += paper.length;
    for (let k = 0; k < paper.ids.length; k++) {
      const f = paper.ids[k] as number;
      df[f] = (df[f] as number) + 1;
    }
  }
  return { documents: papers.length, averageLength: papers.length ? totalLength / papers.length : 0, df };
}

/**
 * Feature statistics from the background corpus: a feature's DF is its phrase's DF among the
 * corpus n-grams (acronyms folded, so "SEI" and "solid electrolyte interphase" count together).
 * Phrases longer than the stored n-grams take the smallest DF of their n-grams: an upper bound.
 */
export function backgroundFeatureStats(lexicon: Lexicon, background: BackgroundStats): FeatureStats {
  const df = new Float64Array(lexicon.features.length);
  for (const feature of lexicon.features) {
    const terms = feature.key.split(' ');
    let best = Infinity;
    for (const gram of foldedNgrams(terms, background.maxN)) best = Math.min(best, background.df.get(gram) ?? 0);
    df[feature.id] = Number.isFinite(best) ? best : 0;
  }
  return { documents: background.documents, averageLength: background.averageLength, df };
}

/** Background plus batch: the batch's own papers count too, so a new term is not infinitely rare. */
export function combineStats(a: FeatureStats, b: FeatureStats): FeatureStats {
  const df = new Float64Array(a.df.length);
  for (let i = 0; i < df.length; i++) df[i] = (a.df[i] as number) + (b.df[i] as number);
  const documents = a.documents + b.documents;
  const averageLength = documents
    ? (a.averageLength * a.documents + b.averageLength * b.documents) / documents : 0;
  return { documents, averageLength, df };
}

/** BM25's inverse document frequency: positive, larger for rarer features. */
export function idfOf(stats: FeatureStats): Float64Array {
  const n = stats.documents;
  return stats.df.map((df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
}
