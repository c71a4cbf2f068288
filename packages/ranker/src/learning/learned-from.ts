import type { PaperFeatures } from '../scan/analyze.ts';
import type { Learning } from './learning.ts';
import type { LearnedFrom } from './learning-types.ts';
import type { CompiledProfile, Lexicon } from '../profiles/profiles.ts';
import { scoreProfile, unlearnedRelevance, type ScoreParams } from '../scoring/score.ts';

/**
 * Area index, a paper's features, its id, the batch's scoring parameters -> the taught example of that
 * area it is most like, if learning moved it.
 */
export type LearnedFromFinder = (area: number, features: PaperFeatures, id: string, params: ScoreParams) => LearnedFrom | undefined;

/** Learned words a paper must share with a taught example to be said to be like it. */
const MIN_SHARED_WORDS = 2;

/**
 * What the learned words must add to a paper's relevance for learning to have moved it: a twentieth.
 * Stars the keywords agreed with teach light words (learning.ts `noveltyOf`); a paper they add 0.01 to
 * is where it was, and its note said "Like '…', which Yanhao Deng starred" of nearly every paper of the
 * section.
 */
const MIN_RISE = 0.05;

/**
 * Finds, for a paper of a section, the strong example (starred, nominated) of the section's area that
 * shares the most of the area's learned words with it: cosine over the positive learned keywords, by
 * their weights. Only when the paper shares `MIN_SHARED_WORDS` learned words of the area with it or
 * more (by more than one word: a single shared "molecular" or "solid" said every paper of a section was
 * like the one star), and only when the learned words raised its relevance by `MIN_RISE` or more
 * (learning moved it); ties go to the newest example, then by id. A paper is
 * never said to be like itself: a paper that is itself one of the area's strong examples (starred
 * from a digest, then ranked again) is that example, `self`.
 */
export function learnedFromFinder(lexicon: Lexicon, learning: Learning): LearnedFromFinder {
  // Each area's index is made when a paper of its section first asks (a digest's notes), not with the ranker.
  const perArea: (AreaIndex | undefined)[] = [];
  return (area, features, id, params) => {
    const taughtHere = learning.taught[area];
    if (!taughtHere || taughtHere.length === 0) return undefined;
    const index = perArea[area] ??= areaIndex(lexicon, learning, area);
    const { profile, taught, bySlot, norms, byPaper } = index;
    const own = byPaper.get(id);
    if (own !== undefined) return { ...(taught[own] as (typeof taught)[number]).from, self: true };
    if (scoreProfile(profile, features, params).relevance - unlearnedRelevance(profile, features, params) < MIN_RISE) return undefined;
    const shared = new Map<number, number>();
    const sharedWords = new Map<number, number>();
    let paperNorm = 0;
    for (const f of features.ids) {
      const k = profile.slotOf[f] as number;
      if (k < 0 || profile.learned[k] !== 1 || (profile.weights[k] as number) <= 0) continue;
      const w = profile.weights[k] as number;
      paperNorm += w * w;
      for (const e of bySlot.get(k) ?? []) {
        shared.set(e, (shared.get(e) ?? 0) + w * w);
        sharedWords.set(e, (sharedWords.get(e) ?? 0) + 1);
      }
    }
    let best = -1;
    let bestScore = 0;
    for (const [e, dot] of shared) {
      const example = taught[e] as (typeof taught)[number];
      if (example.from.id === id || (sharedWords.get(e) as number) < MIN_SHARED_WORDS) continue;
      const score = dot / ((norms[e] as number) * Math.sqrt(paperNorm));
      const other = taught[best];
      if (score > bestScore || (score === bestScore && other !== undefined
        && (example.at > other.at || (example.at === other.at && example.from.id < other.from.id)))) { best = e; bestScore = score; }
    }
    return best >= 0 ? (taught[best] as (typeof taught)[number]).from : undefined;
  };
}

interface AreaIndex {
  readonly profile: CompiledProfile;
  readonly taught: Learning['taught'][number];
  /** Slot of a positive learned keyword -> the examples that hold it. */
  readonly bySlot: ReadonlyMap<number, number[]>;
  /** Per example: the norm of its positive learned keywords' weights. */
  readonly norms: readonly number[];
  /** Paper id -> its example. */
  readonly byPaper: ReadonlyMap<string, number>;
}

/** Area a's taught examples by the positive learned keywords they hold, with their norms. */
function areaIndex(lexicon: Lexicon, learning: Learning, a: number): AreaIndex {
  const taught = learning.taught[a] ?? [];
  const profile = lexicon.profiles[a] as CompiledProfile;
  // The area's positive learned keywords, by the examples' term id: the feature whose key is the term.
  const slotOfKey = new Map<string, number>();
  profile.features.forEach((f, k) => {
    if (profile.learned[k] === 1 && (profile.weights[k] as number) > 0) slotOfKey.set(lexicon.features[f]?.key ?? '', k);
  });
  // By term id, not a Map: the examples hold hundreds of thousands of terms between them.
  const slotOfTerm = new Int32Array(learning.termCount).fill(-1);
  for (const keyword of learning.keywords[a] ?? []) {
    const k = slotOfKey.get(learning.termsOf(keyword.id));
    if (k !== undefined) slotOfTerm[keyword.id] = k;
  }
  const bySlot = new Map<number, number[]>();
  const norms = taught.map((example, e) => {
    let norm = 0;
    for (const t of example.terms) {
      const k = slotOfTerm[t] as number;
      if (k < 0) continue;
      const w = profile.weights[k] as number;
      norm += w * w;
      let list = bySlot.get(k);
      if (!list) bySlot.set(k, list = []);
      list.push(e);
    }
    return Math.sqrt(norm);
  });
  return { profile, taught, bySlot, norms, byPaper: new Map(taught.map((example, e) => [example.from.id, e])) };
}
