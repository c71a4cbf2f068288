import type { Keyword } from '@labdigest/core';
import type { BackgroundStats } from './background.ts';
import { corpusBagsIndexOf, type CorpusBags, type CorpusBagsIndex } from './corpus-bags.ts';
import { backgroundFeatureStats, idfOf } from './idf.ts';
import type { Lexicon } from '../profiles/profiles.ts';
import type { RankerTuning } from '../profiles/tuning.ts';

/**
 * Pseudo-relevance feedback over the background corpus: each area finds the words its best-matching
 * corpus papers share and its keywords do not name, so it also finds papers that use neighbouring
 * words ("lithiophilic", "current collector" for dendrites). Per area:
 *
 * 1. score every corpus paper against the area's keywords (a keyword is in a paper when all its
 *    terms are, in any of its spellings; weight x IDF, more in the title; coord; `exclude` and
 *    `require` as in ranking) and take the best `prfDocs`;
 * 2. weigh each term of those papers by how much more often they hold it than the corpus and the
 *    other areas' feedback papers do: p ln(p / (c q_others + (1 - c) q_corpus)), c = `prfContrast`;
 * 3. keep the best `prfTerms` that are not already part of a keyword, at weights up to `prfWeight`,
 *    below the written keywords. Related keywords add to the score; they do not count as matched
 *    keywords for coord, so related words alone never make a paper look about the area.
 *
 * Computed once per ranker from the shipped feedback corpus (corpus-bags.ts); members are not expanded:
 * their interests name what a person works on.
 */
export function relatedKeywords(
  lexicon: Lexicon, areaCount: number, background: BackgroundStats, tuning: RankerTuning,
): Keyword[][] {
  if (!background.feedback || tuning.prfTerms <= 0 || tuning.prfWeight <= 0) return Array.from({ length: areaCount }, (): Keyword[] => []);
  // The same areas learn the same words from the same corpus: a process that makes a ranker a day
  // (or a benchmark that makes one a run) finds them once.
  let known = learnedCache.get(background);
  if (!known) learnedCache.set(background, known = new Map());
  const key = JSON.stringify([tuning.prfDocs, tuning.prfTerms, tuning.prfWeight, tuning.prfContrast, tuning.prfMaxDf,
    lexicon.profiles.slice(0, areaCount).map((p) => [p.features.map((f) => lexicon.features[f]?.key), p.weights, p.exclude, p.require])]);
  let related = known.get(key);
  if (!related) known.set(key, related = learn(lexicon, areaCount, background as BackgroundStats & { feedback: CorpusBags }, tuning));
  return related.map((keywords) => [...keywords]);
}

const learnedCache = new WeakMap<BackgroundStats, Map<string, Keyword[][]>>();

/**
 * An area's neighbourhood in the corpus: its best-matching corpus papers (the feedback set related
 * words are learned from), as the share of them that hold a term. What learning from the group
 * contrasts a profile's taught papers with: a word all the group's areas' papers use ("solid state",
 * "ionic conductivity") says nothing of one of them.
 */
export interface Neighbourhood {
  /** Papers in it (0 for an area without keywords). */
  readonly size: number;
  /** Share of its papers holding the term (a term of `termOf`), 0 for one it never holds. */
  readonly share: (term: string) => number;
}

/** Per area, its corpus neighbourhood (empty without the shipped corpus bags). Found once per background and profiles. */
export function areaNeighbourhoods(lexicon: Lexicon, areaCount: number, background: BackgroundStats | undefined, tuning: RankerTuning): Neighbourhood[] {
  if (!background?.feedback) return Array.from({ length: areaCount }, () => ({ size: 0, share: () => 0 }));
  const index = corpusBagsIndexOf(background.feedback);
  // A word too common for the bags ("state", "solid") is taken as in every paper, as documentsWith takes it.
  const isCommon = (term: string) => (background.df.get(term) ?? 0) > background.documents / 4;
  const sets = feedbackSets(lexicon, areaCount, background as BackgroundStats & { feedback: CorpusBags }, tuning);
  const neighbourhoods = sets.map(({ size, counts }) => ({
    size,
    share: (term: string) => {
      if (size === 0) return 0;
      const t = index.termIds.get(term);
      return t === undefined ? Number(isCommon(term)) : (counts.get(t) ?? 0) / size;
    },
  }));
  holdersCache.set(neighbourhoods, sharesSummer(sets, index, isCommon));
  return neighbourhoods;
}

/**
 * Neighbourhoods made by `areaNeighbourhoods` -> the sum of a word's shares over the areas with papers
 * but one (`own`, or -1 for none), in the areas' order, without asking each area: see `sharesSummer`.
 */
const holdersCache = new WeakMap<readonly Neighbourhood[], (term: string, own: number) => number>();

/** Areas up to this many are asked one by one for a word's shares; past it, their counts are turned around. */
export const TURN_AROUND_AREAS = 32;

/**
 * The sum of a term's shares over the feedback sets with papers but set `own`, in the sets' order, each
 * share what a neighbourhood's `share` gives (and its zeros left out, which add nothing). A few sets
 * (a group's areas) are asked one by one. Many (a department's 400) have their counts turned around
 * once, into each term's sets and shares side by side in two typed arrays, and each term's sum over
 * all of them is kept for the profiles that do not own one of them (every member, and every area but
 * the few whose papers hold the term): the same additions in the same order, so the same number.
 */
function sharesSummer(
  sets: readonly FeedbackSet[], index: CorpusBagsIndex, isCommon: (term: string) => boolean,
): (term: string, own: number) => number {
  const withPapers: number[] = [];
  sets.forEach(({ size }, a) => { if (size > 0) withPapers.push(a); });
  // A word too common for the bags ("state", "solid") is in every paper of every set with papers.
  const common = (own: number) => {
    let sum = 0;
    for (const a of withPapers) if (a !== own) sum += 1;
    return sum;
  };
  if (withPapers.length <= TURN_AROUND_AREAS) {
    return (term, own) => {
      const t = index.termIds.get(term);
      if (t === undefined) return isCommon(term) ? common(own) : 0;
      let sum = 0;
      for (const a of withPapers) {
        if (a === own) continue;
        const { size, counts } = sets[a] as FeedbackSet;
        const n = counts.get(t) ?? 0;
        if (n !== 0) sum += n / size;
      }
      return sum;
    };
  }
  const terms = index.words.length;
  const start = new Int32Array(terms + 1);
  for (const a of withPapers) for (const [u, n] of (sets[a] as FeedbackSet).counts) if (n !== 0) start[u + 1] = (start[u + 1] as number) + 1;
  for (let u = 0; u < terms; u++) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
  const at = new Int32Array(start[terms] as number);
  const share = new Float64Array(at.length);
  const next = start.slice(0, terms);
  for (const a of withPapers) {
    const { size, counts } = sets[a] as FeedbackSet;
    for (const [u, n] of counts) {
      if (n === 0) continue;
      const e = next[u] as number;
      next[u] = e + 1;
      at[e] = a;
      share[e] = n / size;
    }
  }
  const total = new Float64Array(terms).fill(-1);
  return (term, own) => {
    const t = index.termIds.get(term);
    if (t === undefined) return isCommon(term) ? common(own) : 0;
    const from = start[t] as number;
    const to = start[t + 1] as number;
    // Its sets are ascending: a set not among them adds nothing, and the sum is the sum over them all.
    if (own < 0 || !holds(at, from, to, own)) {
      let all = total[t] as number;
      if (all < 0) {
        all = 0;
        for (let e = from; e < to; e++) all += share[e] as number;
        total[t] = all;
      }
      return all;
    }
    let sum = 0;
    for (let e = from; e < to; e++) if (at[e] !== own) sum += share[e] as number;
    return sum;
  };
}

/** Whether ascending `at[from..to)` holds `value`. */
function holds(at: Int32Array, from: number, to: number, value: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = at[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The mean share of a term over the neighbourhoods that have papers, but one (`own`, or -1 for none):
 * what learning contrasts a profile's taught papers with (learning.ts `domainShare`). For neighbourhoods
 * `areaNeighbourhoods` made, each sum comes from the areas' counts without asking each area
 * (`sharesSummer`): a department's 400 areas asked each area's share of every candidate word for each
 * of 2,000 profiles (20 s). The sum adds the same shares in the same order, less the zeros, so it is
 * the same number as `others.reduce((sum, n) => sum + n.share(term), 0) / others.length`.
 */
export function meanShareOf(neighbourhoods: readonly Neighbourhood[]): (term: string, own: number) => number {
  let known = meanShareCache.get(neighbourhoods);
  if (known) return known;
  const withPapers = neighbourhoods.filter((n) => n.size > 0).length;
  const summed = holdersCache.get(neighbourhoods);
  const holders = new Map<string, { readonly at: Int32Array; readonly share: Float64Array }>();
  const holdersOf = (term: string) => {
    let found = holders.get(term);
    if (found) return found;
    const at: number[] = [];
    const share: number[] = [];
    neighbourhoods.forEach((n, a) => {
      const x = n.size > 0 ? n.share(term) : 0;
      if (x !== 0) { at.push(a); share.push(x); }
    });
    holders.set(term, found = { at: Int32Array.from(at), share: Float64Array.from(share) });
    return found;
  };
  known = (term, own) => {
    const others = withPapers - ((neighbourhoods[own]?.size ?? 0) > 0 ? 1 : 0);
    if (others === 0) return 0;
    if (summed) return summed(term, own) / others;
    const { at, share } = holdersOf(term);
    let sum = 0;
    for (let k = 0; k < at.length; k++) if (at[k] !== own) sum += share[k] as number;
    return sum / others;
  };
  meanShareCache.set(neighbourhoods, known);
  return known;
}

const meanShareCache = new WeakMap<readonly Neighbourhood[], (term: string, own: number) => number>();

interface FeedbackSet { readonly size: number; readonly counts: ReadonlyMap<number, number> }
const feedbackCache = new WeakMap<BackgroundStats, Map<string, FeedbackSet[]>>();

/** Per area, the terms of its best-matching corpus papers and how many of them hold each. */
function feedbackSets(lexicon: Lexicon, areaCount: number, background: BackgroundStats & { feedback: CorpusBags }, tuning: RankerTuning): FeedbackSet[] {
  let known = feedbackCache.get(background);
  if (!known) feedbackCache.set(background, known = new Map());
  const key = JSON.stringify([tuning.prfDocs, lexicon.profiles.slice(0, areaCount).map((p) => [p.features.map((f) => lexicon.features[f]?.key), p.weights, p.exclude, p.require])]);
  const cached = known.get(key);
  if (cached) return cached;
  const index = corpusBagsIndexOf(background.feedback);
  const idf = idfOf(backgroundFeatureStats(lexicon, background));
  // Terms the bags leave out for being in over a quarter of the papers.
  const isCommon = (term: string) => (background.df.get(term) ?? 0) > background.documents / 4;
  const sets = lexicon.profiles.slice(0, areaCount).map((profile) => {
    const docs = bestDocuments(index, lexicon, profile, idf, tuning.prfDocs, isCommon);
    const counts = new Map<number, number>();
    for (const d of docs) {
      for (let at = index.docStart[d] as number; at < (index.docStart[d + 1] as number); at++) {
        const t = index.docTerms[at] as number;
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
    return { size: docs.length, counts };
  });
  known.set(key, sets);
  return sets;
}

function learn(lexicon: Lexicon, areaCount: number, background: BackgroundStats & { feedback: CorpusBags }, tuning: RankerTuning): Keyword[][] {
  const index = corpusBagsIndexOf(background.feedback);
  const feedback = feedbackSets(lexicon, areaCount, background, tuning);
  return lexicon.profiles.slice(0, areaCount).map((profile, a) => {
    const { size, counts } = feedback[a] as (typeof feedback)[number];
    if (size === 0) return [];
    const own = new Set<number>();
    for (const f of [...profile.features, ...profile.exclude]) {
      for (const sequence of lexicon.features[f]?.sequences ?? []) {
        for (const term of sequence) {
          const t = index.termIds.get(term);
          if (t !== undefined) own.add(t);
        }
      }
    }
    const others = feedback.filter((_, b) => b !== a && (feedback[b]?.size ?? 0) > 0);
    const scored: { term: number; score: number }[] = [];
    for (const [t, n] of counts) {
      if (own.has(t) || n < Math.max(2, tuning.prfDocs * 0.1)) continue;
      const corpus = (index.postings[t]?.length ?? 0) / index.documents;
      // A word in more than a few percent of all papers ("batteries", "accuracy") tells nothing of an area;
      // one or two letters are symbols and units ("Li", "cm").
      if (corpus > tuning.prfMaxDf || (index.words[t] as string).length < 3) continue;
      const p = n / size;
      const other = others.length ? others.reduce((s, o) => s + (o.counts.get(t) ?? 0) / o.size, 0) / others.length : corpus;
      const score = p * Math.log(p / (tuning.prfContrast * other + (1 - tuning.prfContrast) * corpus + 1e-6));
      if (score > 0) scored.push({ term: t, score });
    }
    scored.sort((x, y) => y.score - x.score || x.term - y.term);
    const top = scored.slice(0, tuning.prfTerms);
    const max = top[0]?.score ?? 1;
    // A word at a tenth of the best one's weight or less adds next to nothing: it is not kept.
    return top.filter(({ score }) => score / max >= 0.1)
      .map(({ term, score }) => ({ term: index.words[term] as string, weight: round(tuning.prfWeight * (score / max)) }));
  });
}

/** The corpus papers that match a profile best, by a bag-of-terms version of the ranker's score. */
function bestDocuments(
  index: CorpusBagsIndex, lexicon: Lexicon, profile: Lexicon['profiles'][number], idf: Float64Array, count: number,
  isCommon: (term: string) => boolean,
): number[] {
  const score = new Float64Array(index.documents);
  const matched = new Uint16Array(index.documents);
  profile.features.forEach((f, k) => {
    const weight = profile.weights[k] as number;
    if (weight <= 0) return;
    const { any, title } = documentsWith(index, lexicon, f, isCommon);
    const w = weight * (idf[f] as number);
    for (const d of any) { score[d] = (score[d] as number) + w; matched[d] = (matched[d] as number) + 1; }
    for (const d of title) score[d] = (score[d] as number) + w * 0.5;
  });
  const blocked = new Uint8Array(index.documents);
  for (const f of profile.exclude) for (const d of documentsWith(index, lexicon, f, isCommon).any) blocked[d] = 1;
  for (const group of profile.require) {
    const meets = new Uint8Array(index.documents);
    for (const f of group) for (const d of documentsWith(index, lexicon, f, isCommon).any) meets[d] = 1;
    for (let d = 0; d < index.documents; d++) if (!meets[d]) blocked[d] = 1;
  }
  const candidates: number[] = [];
  for (let d = 0; d < index.documents; d++) {
    const m = matched[d] as number;
    if (m === 0 || blocked[d]) continue;
    score[d] = (score[d] as number) * (m / (m + 1));
    candidates.push(d);
  }
  candidates.sort((x, y) => (score[y] as number) - (score[x] as number) || x - y);
  return candidates.slice(0, count);
}

const documentCache = new WeakMap<CorpusBagsIndex, Map<string, { any: Int32Array; title: Int32Array }>>();

/**
 * Corpus papers that hold a feature in any of its spellings (all of a spelling's terms, anywhere), and
 * those that hold it in the title. A term too common to be in the corpus's bags ("of", "model") is
 * taken as present; a term rarer than their minimum cannot be matched.
 */
function documentsWith(index: CorpusBagsIndex, lexicon: Lexicon, f: number, isCommon: (term: string) => boolean): { any: Int32Array; title: Int32Array } {
  let cache = documentCache.get(index);
  if (!cache) documentCache.set(index, cache = new Map());
  const feature = lexicon.features[f];
  const key = feature?.sequences.map((s) => s.join(' ')).join('|') ?? '';
  const known = cache.get(key);
  if (known) return known;
  const any = new Set<number>();
  const title = new Set<number>();
  for (const sequence of feature?.sequences ?? []) {
    const ids = sequence.map((term) => index.termIds.get(term));
    if (ids.some((id) => id === undefined && !isCommon(sequence[ids.indexOf(id)] as string))) continue;
    const present = ids.filter((id): id is number => id !== undefined);
    if (present.length === 0) continue;
    for (const d of intersect(present.map((id) => index.postings[id] as Int32Array))) any.add(d);
    for (const d of intersect(present.map((id) => index.titlePostings[id] as Int32Array))) title.add(d);
  }
  const result = { any: Int32Array.from(any), title: Int32Array.from(title) };
  cache.set(key, result);
  return result;
}

function intersect(lists: readonly Int32Array[]): Int32Array {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out = sorted[0] ?? new Int32Array(0);
  for (const list of sorted.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const d of out) {
      while (j < list.length && (list[j] as number) < d) j++;
      if (j < list.length && list[j] === d) next.push(d);
    }
    out = Int32Array.from(next);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
