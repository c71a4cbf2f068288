import type { PaperFeatures } from '../scan/analyze.ts';
import type { CompiledProfile } from '../profiles/profiles.ts';

/**
 * Scoring: BM25's saturating term frequency times BM25's IDF, summed over a profile's keywords
 * with their weights, then mapped to a relevance in [0, 1):
 *
 *   raw = coord * sum_k  w_k * idf_k * tf_k (K1 + 1) / (tf_k + K1 (1 - B + B len / avgLen))
 *   coord = m / (m + 1), m = number of distinct positive written keywords matched (not related ones),
 *           plus what each matched learned keyword adds (learning.ts: a share of one)
 *   relevance = 1 - exp(-raw / SCALE)
 *
 * tf_k counts title occurrences `titleWeight` times. Saturation and `coord` mean a paper about
 * the topic (several keywords, in the title) outranks one that repeats a single keyword, however rare
 * that keyword is. SCALE is set so one specific keyword mentioned once in an abstract stays near 0.2
 * and a paper about the area reaches 0.8 and more (docs/config.md#thresholds).
 * A paper matching an exclusion, or missing every keyword of a `require` list, scores 0.
 */
export const K1 = 1.2;
export const B = 0.5;
export const SCALE = 20;

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
  /** Index of the first `require` list the paper does not touch, or -1. */
  readonly unmet: number;
}

const NOTHING: ProfileScore = Object.freeze({ relevance: 0, raw: 0, excludedBy: -1, unmet: -1 });
const NOTHING_UNMET: ProfileScore = Object.freeze({ relevance: 0, raw: 0, excludedBy: -1, unmet: 0 });

/** One keyword's part of a score: the trace `digest explain` prints. */
export interface TermTrace {
  readonly feature: number;
  /** Where the keyword comes from: the config, the corpus's related words (related-terms.ts), or the group's examples (learning.ts). */
  readonly origin: 'written' | 'related' | 'learned';
  readonly weight: number;
  readonly idf: number;
  /** Occurrences counted: those inside a longer keyword of the profile go to that keyword. */
  readonly inTitle: number;
  readonly inAbstract: number;
  readonly tf: number;
  readonly contribution: number;
  /** Features of the longer keywords that took some of this keyword's occurrences. */
  readonly countedUnder: readonly number[];
}

/** A score with its terms: what `scoreProfile` computes, laid out. */
export interface ScoreTrace extends ProfileScore {
  readonly terms: TermTrace[];
  readonly sum: number;
  /**
   * Distinct positive written keywords matched, plus the learned ones' credit (learning.ts): coord =
   * matched / (matched + 1).
   */
  readonly matched: number;
  /** The relevance without the words learned from the group (its keywords and related words alone). */
  readonly unlearned: number;
}

/** Relevance of one paper to one profile. */
export function scoreProfile(profile: CompiledProfile, paper: PaperFeatures, params: ScoreParams): ProfileScore {
  return score(profile, paper, params, undefined);
}

/**
 * Relevance of a paper's title and opening (the abstract's first words) to a profile: what the paper is
 * mainly about, whatever it mentions further on.
 */
export function leadRelevance(profile: CompiledProfile, paper: PaperFeatures, params: ScoreParams): number {
  return score(profile, paper, params, undefined, true).relevance;
}

/**
 * Relevance from the written keywords alone, without the related ones (related-terms.ts): what the group
 * asked for. Related words widen what enters a section; they do not make a paper a pick.
 */
export function writtenRelevance(profile: CompiledProfile, paper: PaperFeatures, params: ScoreParams): number {
  return score(profile, paper, params, undefined, false, true).relevance;
}

/**
 * Relevance without the words learned from the group (learning.ts): the written keywords and the
 * related ones, as a ranking without feedback scores the paper. What learning added is the difference.
 */
export function unlearnedRelevance(profile: CompiledProfile, paper: PaperFeatures, params: ScoreParams): number {
  return score(profile, paper, params, undefined, false, false, true).relevance;
}

/** The same score with every keyword's contribution, whether or not an exclusion or `require` zeroes it. */
export function traceProfile(profile: CompiledProfile, paper: PaperFeatures, params: ScoreParams): ScoreTrace {
  const terms: TermTrace[] = [];
  const s = score(profile, paper, params, terms);
  terms.sort((a, b) => b.contribution - a.contribution || a.feature - b.feature);
  const sum = terms.reduce((total, t) => total + t.contribution, 0);
  let matched = 0;
  for (const t of terms) if (t.tf > 0) matched += profile.coord[profile.slotOf[t.feature] as number] as number;
  return { ...s, terms, sum, matched, unlearned: unlearnedRelevance(profile, paper, params) };
}

function score(
  profile: CompiledProfile, paper: PaperFeatures, params: ScoreParams, trace: TermTrace[] | undefined, lead = false, writtenOnly = false,
  unlearned = false,
): ProfileScore {
  const { ids } = paper;
  const { touches } = profile;
  let touched = false;
  for (let at = 0; at < ids.length && !touched; at++) touched = touches[ids[at] as number] === 1;
  // The paper holds none of this profile's words: most papers and most profiles.
  if (!touched && !trace) return untouchedScore(profile);
  const excludedBy = exclusionOf(profile, ids);
  const unmet = excludedBy < 0 ? unmetOf(profile, ids) : -1;
  if ((excludedBy >= 0 || unmet >= 0) && !trace) return { relevance: 0, raw: 0, excludedBy, unmet };
  const norm = normOf(paper, params);
  let sum = 0;
  let matched = 0;
  const { features, slotOf } = profile;
  for (let at = 0; at < ids.length; at++) {
    const k = slotOf[ids[at] as number] as number;
    if (k < 0 || (writtenOnly && profile.related[k] === 1) || (unlearned && profile.learned[k] === 1)) continue;
    const weight = profile.weights[k] as number;
    // The lead counts only the abstract's opening (leadRelevance).
    const abstractCounts = lead ? paper.inLead : paper.inAbstract;
    let inTitle = paper.inTitle[at] as number;
    let inAbstract = abstractCounts[at] as number;
    const countedUnder: number[] | undefined = trace ? [] : undefined;
    for (const j of profile.containedIn[k] as readonly number[]) {
      const longer = indexOf(ids, features[j] as number);
      if (longer >= 0) {
        inTitle -= paper.inTitle[longer] as number;
        inAbstract -= abstractCounts[longer] as number;
        countedUnder?.push(features[j] as number);
      }
    }
    const counted = inTitle > 0 || inAbstract > 0;
    const tf = counted ? params.titleWeight * Math.max(0, inTitle) + Math.max(0, inAbstract) : 0;
    const idf = params.idf[ids[at] as number] as number;
    const contribution = counted ? contributionOf(weight, idf, tf, norm) : 0;
    trace?.push({ feature: ids[at] as number, origin: profile.learned[k] === 1 ? 'learned' : profile.related[k] === 1 ? 'related' : 'written', weight, idf, inTitle: Math.max(0, inTitle), inAbstract: Math.max(0, inAbstract), tf, contribution, countedUnder: countedUnder ?? [] });
    if (!counted) continue;
    sum += contribution;
    matched += profile.coord[k] as number;
  }
  const raw = sum * (matched / (matched + 1));
  if (excludedBy >= 0 || unmet >= 0) return { relevance: 0, raw: 0, excludedBy, unmet };
  if (raw === 0) return NOTHING; // none of this profile's keywords: the common case
  return { relevance: relevanceOf(raw), raw, excludedBy: -1, unmet: -1 };
}

/** The exclusion of the profile the paper (its ascending feature ids) holds, or -1. */
export function exclusionOf(profile: CompiledProfile, ids: readonly number[]): number {
  for (const f of profile.exclude) if (indexOf(ids, f) >= 0) return f;
  return -1;
}

/** The first `require` list of the profile the paper touches no keyword of, or -1. */
export function unmetOf(profile: CompiledProfile, ids: readonly number[]): number {
  for (let g = 0; g < profile.require.length; g++) {
    let touched = false;
    for (const f of profile.require[g] as readonly number[]) if (indexOf(ids, f) >= 0) { touched = true; break; }
    if (!touched) return g;
  }
  return -1;
}

/** BM25's length normalization of a paper: K1 (1 - B + B len / avgLen). */
export function normOf(paper: PaperFeatures, params: ScoreParams): number {
  return K1 * (1 - B + (B * paper.length) / (params.averageLength || 1));
}

/** A matched keyword's part of the sum: w * idf * tf (K1 + 1) / (tf + norm). */
export function contributionOf(weight: number, idf: number, tf: number, norm: number): number {
  return weight * idf * ((tf * (K1 + 1)) / (tf + norm));
}

/**
 * The score of a paper that holds none of the profile's words (keywords, exclusions, `require`
 * lists): 0, and the first `require` list unmet, if any. Batch scoring gives it without a look.
 */
export function untouchedScore(profile: CompiledProfile): ProfileScore {
  return profile.require.length ? NOTHING_UNMET : NOTHING;
}

export function relevanceOf(raw: number): number {
  return raw <= 0 ? 0 : 1 - Math.exp(-raw / SCALE);
}

/** Binary search in a paper's ascending feature ids. */
export function indexOf(ids: readonly number[], f: number): number {
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
