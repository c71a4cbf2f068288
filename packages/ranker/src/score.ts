import type { PaperFeatures } from './analyze.ts';
import type { CompiledProfile } from './profiles.ts';

/**
 * Scoring: BM25's saturating term frequency times BM25's IDF, summed over a profile's keywords
 * with their weights, then mapped to a relevance in [0, 1):
 *
 *   raw = sum_k  w_k * idf_k * tf_k (K1 + 1) / (tf_k + K1 (1 - B + B len / avgLen))
 *   relevance = 1 - exp(-raw / SCALE)
 *
 * tf_k counts title occurrences `titleWeight` times. Saturation means a paper about the topic
 * (several keywords, in the title) outranks one that repeats a single keyword; SCALE puts a paper
 * with one title hit of a specific keyword near 0.5 (docs/config.md#thresholds).
 */
export const K1 = 1.2;
export const B = 0.5;
export const SCALE = 12;

export interface ScoreParams {
  readonly idf: Float64Array;
  readonly averageLength: number;
  readonly titleWeight: number;
}

export interface ProfileScore {
  readonly relevance: number;
  readonly raw: number;
  /** Feature id of the exclusion that zeroed the score, or -1. */
  readonly excludedBy: number;
}

/** Relevance of one paper to one profile. */
export function scoreProfile(profile: CompiledProfile, paper: PaperFeatures, params: ScoreParams): ProfileScore {
  const { ids } = paper;
  if (ids.length === 0) return { relevance: 0, raw: 0, excludedBy: -1 };
  for (const f of profile.exclude) {
    if (ids.includes(f)) return { relevance: 0, raw: 0, excludedBy: f };
  }
  const norm = K1 * (1 - B + (B * paper.length) / (params.averageLength || 1));
  let raw = 0;
  const features = profile.features;
  for (let k = 0; k < features.length; k++) {
    const at = indexOf(ids, features[k] as number);
    if (at < 0) continue;
    const tf = params.titleWeight * (paper.inTitle[at] as number) + (paper.inAbstract[at] as number);
    raw += (profile.weights[k] as number) * (params.idf[features[k] as number] as number) * ((tf * (K1 + 1)) / (tf + norm));
  }
  return { relevance: relevanceOf(raw), raw, excludedBy: -1 };
}

export function relevanceOf(raw: number): number {
  return raw <= 0 ? 0 : 1 - Math.exp(-raw / SCALE);
}

/** Binary search in a paper's ascending feature ids. */
function indexOf(ids: readonly number[], f: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === f) return mid;
    if (v < f) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
