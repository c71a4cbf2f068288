import type { GroupConfig, Paper } from '@labdigest/core';
import type { PaperFeatures } from './analyze.ts';
import type { CompiledProfile, Lexicon } from './profiles.ts';
import { scoreProfile, untouchedScore, type ScoreParams } from './score.ts';

/**
 * A batch's scores in flat arrays, paper by paper: no object per paper and profile, so a large batch
 * leaves the garbage collector little to copy between scoring and writing the evidence.
 */
export interface BatchScores {
  readonly profiles: number;
  readonly areas: number;
  /** paper * profiles + profile (areas first, then members; focus profiles after them stay 0): relevance; members' with the followed-author floor. */
  readonly relevance: Float64Array;
  /** paper * areas + area: the exclusion's feature id that zeroed the area, or -1. */
  readonly excludedBy: Int32Array;
  /** paper * areas + area: the first `require` list the paper does not touch, or -1. */
  readonly unmet: Int32Array;
  /** Paper index -> per member, the followed authors among the paper's (only papers with one). */
  readonly authors: Map<number, readonly (readonly string[])[]>;
}

export function scoreBatch(
  config: GroupConfig, lexicon: Lexicon, followed: (authors: readonly string[]) => readonly (readonly string[])[] | undefined,
  papers: readonly Paper[], features: readonly PaperFeatures[], params: ScoreParams,
): BatchScores {
  const profiles = lexicon.profiles;
  const areaCount = config.areas.length;
  const memberCount = config.members.length;
  const n = papers.length;
  const relevance = new Float64Array(n * profiles.length);
  const excludedBy = new Int32Array(n * areaCount);
  const unmet = new Int32Array(n * areaCount);
  const authors = new Map<number, readonly (readonly string[])[]>();
  // Which profiles each feature concerns, 32 to a word: a paper is scored against the profiles its
  // features touch, the others (most) score 0 without a look.
  const words = Math.ceil(profiles.length / 32);
  const touchedBy = new Int32Array(lexicon.features.length * words);
  profiles.forEach((profile, k) => {
    profile.touches.forEach((t, f) => {
      if (t) touchedBy[f * words + (k >> 5)] = (touchedBy[f * words + (k >> 5)] as number) | (1 << (k & 31));
    });
  });
  const touched = new Int32Array(words);
  const isTouched = (k: number) => (touched[k >> 5] as number) & (1 << (k & 31));
  for (let i = 0; i < n; i++) {
    const paperFeatures = features[i] as PaperFeatures;
    const row = i * profiles.length;
    const found = followed((papers[i] as Paper).authors);
    if (found) authors.set(i, found);
    touched.fill(0);
    for (let k = 0; k < paperFeatures.ids.length; k++) {
      const f = paperFeatures.ids[k] as number;
      for (let w = 0; w < words; w++) touched[w] = (touched[w] as number) | (touchedBy[f * words + w] as number);
    }
    for (let a = 0; a < areaCount; a++) {
      const profile = profiles[a] as CompiledProfile;
      const s = isTouched(a) ? scoreProfile(profile, paperFeatures, params) : untouchedScore(profile);
      relevance[row + a] = s.relevance;
      excludedBy[i * areaCount + a] = s.excludedBy;
      unmet[i * areaCount + a] = s.unmet;
    }
    for (let j = 0; j < memberCount; j++) {
      const profile = profiles[areaCount + j] as CompiledProfile;
      const s = (isTouched(areaCount + j) ? scoreProfile(profile, paperFeatures, params) : untouchedScore(profile)).relevance;
      // A followed author makes the paper the member's concern whatever its words.
      relevance[row + areaCount + j] = found && (found[j] as readonly string[]).length > 0 ? Math.max(s, 0.9) : s;
    }
  }
  return { profiles: profiles.length, areas: areaCount, relevance, excludedBy, unmet, authors };
}

/** One paper's part of the batch's scores, for its evidence. */
export interface Scored {
  readonly features: PaperFeatures;
  readonly scores: BatchScores;
  /** Offset of the paper's row in `relevance`. */
  readonly row: number;
  /** Offset of the paper's areas in `excludedBy` and `unmet`. */
  readonly areaRow: number;
  /** Per member, the followed authors among the paper's, if any. */
  readonly authors: readonly (readonly string[])[] | undefined;
}

export function scoredView(scores: BatchScores, features: readonly PaperFeatures[], i: number): Scored {
  return { features: features[i] as PaperFeatures, scores, row: i * scores.profiles, areaRow: i * scores.areas, authors: scores.authors.get(i) };
}
