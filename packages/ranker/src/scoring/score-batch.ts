import type { GroupConfig, Paper } from '@labdigest/core';
import type { PaperFeatures } from '../scan/analyze.ts';
import type { CompiledProfile, Lexicon } from '../profiles/profiles.ts';
import { contributionOf, indexOf, K1, normOf, relevanceOf, SCALE, type ScoreParams } from './score.ts';
import { grown } from '../util/typed-arrays.ts';

/**
 * A batch's scores, paper by paper, sparse: each paper keeps the profiles it scores above 0 against
 * (and the areas whose exclusion or `require` lists it meets), never a number per paper and profile.
 * A department's 2,000 profiles against 22,000 papers would take 350 MB as a dense table; a paper
 * touches a few of them. Flat typed arrays, no object per paper and profile, so a large batch leaves
 * the garbage collector little to copy between scoring and writing the evidence.
 */
export interface BatchScores {
  readonly profiles: number;
  readonly areas: number;
  /** Paper i's scores are entries `[start[i], start[i + 1])` of `profile` and `relevance`. */
  readonly start: Int32Array;
  /** Profile index (areas first, then members), ascending within a paper: only those scored above 0. */
  readonly profile: Int32Array;
  /** Its relevance; members' with the followed-author floor. */
  readonly relevance: Float64Array;
  /**
   * Paper i's areas that hold an exclusion or an unmet `require` list, among those the paper touches
   * (an area it does not touch has neither, or only the untouched profile's: `untouchedScore`):
   * entries `[limitStart[i], limitStart[i + 1])`, areas ascending.
   */
  readonly limitStart: Int32Array;
  readonly limitArea: Int32Array;
  /** The exclusion's feature id that zeroed the area, or -1. */
  readonly excludedBy: Int32Array;
  /** The first `require` list the paper does not touch, or -1. */
  readonly unmet: Int32Array;
  /** Paper index -> per member, the followed authors among the paper's (only papers with one). */
  readonly authors: Map<number, readonly (readonly string[])[]>;
  /**
   * Whether members' scores below `memberFloor` were left out (a department's, most of its entries:
   * see `scoreBatch`), and the unmet `require` lists with them (its limits are the exclusions alone);
   * `complete` then gives a paper's every score and limit.
   */
  readonly partial: boolean;
  /**
   * Paper i's scores, all of them, as a batch of that paper alone (`paper` 0), scored again the same
   * way, to the same numbers, when the batch is `partial`; else this batch and i.
   */
  readonly complete: (i: number) => { readonly scores: BatchScores; readonly paper: number };
  /**
   * Paper i's relevance to area a from its title and opening: score.ts's `leadRelevance`, the same
   * number, worked out for all the areas at once through the batch's postings (a department's paper
   * about an area clears a hundred of its copies, and each was scored alone).
   */
  readonly lead: (i: number, a: number) => number;
}

export interface BatchOptions {
  /**
   * Members' scores below this are left out of the batch (kept for a followed author, whatever the
   * score): a department's thousands of members score a paper a little far more often than past the
   * member threshold, and only those past it are named. 0 (the default) keeps every score above 0.
   */
  readonly memberFloor?: number;
}

export function scoreBatch(
  config: GroupConfig, lexicon: Lexicon, followed: (authors: readonly string[]) => readonly (readonly string[])[] | undefined,
  papers: readonly Paper[], features: readonly PaperFeatures[], params: ScoreParams, options: BatchOptions = {},
): BatchScores {
  const profiles = lexicon.profiles;
  const areaCount = config.areas.length;
  const memberCount = config.members.length;
  const memberFloor = options.memberFloor ?? 0;
  const n = papers.length;
  const start = new Int32Array(n + 1);
  const limitStart = new Int32Array(n + 1);
  const entries = new Growing(Math.max(1024, n * 2));
  const limits = new Growing(256);
  const authors = new Map<number, readonly (readonly string[])[]>();
  // Which profiles each feature concerns, 32 to a word: a paper is scored against the profiles its
  // features touch, the others (most) score 0 without a look. The bits are set from each feature's
  // list of the profiles it touches (`touchersOf`): a department's paper has a hundred features, and
  // or-ing each one's 63 words of bits took a third of its scoring.
  const words = Math.ceil(profiles.length / 32);
  const touchers = touchersOf(profiles, lexicon.features.length);
  const touched = new Int32Array(words);
  const scored = areaCount + memberCount;
  const isTouched = (k: number) => ((touched[k >> 5] as number) & (1 << (k & 31))) !== 0;
  // Per profile, the paper's keyword sum and coord count so far (score.ts), gathered feature by
  // feature through `postings`: a paper touches few of a department's thousands of profiles.
  const postings = postingsOf(lexicon, scored);
  const sum = new Float64Array(scored);
  const matched = new Float64Array(scored);
  // A member's raw score below this is a relevance below the member floor (relevanceOf is
  // 1 - exp(-raw / SCALE)), by a margin far wider than rounding: it is passed over at once, as long as
  // members have no exclusions or `require` lists to note (they have none in a config).
  const rawFloor = memberFloor > 0 && memberFloor < 1 ? -SCALE * Math.log(1 - memberFloor) * (1 - 1e-9) : 0;
  const passOver = rawFloor > 0 && profiles.slice(areaCount, scored).every((p) => p.exclude.length === 0 && p.require.length === 0);
  // The paper being scored's features, by id (`present[f] === stamp`): an area's exclusions and
  // `require` lists are looked up there, one read a keyword, where a binary search in the paper's
  // features took half of a department's scoring (hundreds of areas touched by a paper, a dozen
  // words in their lists). The same answers as score.ts's `exclusionOf` and `unmetOf`.
  const presence = new Presence(profiles, lexicon.features.length);
  const score = (k: number, found: readonly (readonly string[])[] | undefined, into: Growing, limitsInto: Growing, floor: number) => {
    let relevance = 0;
    if (isTouched(k)) {
      const raw = (sum[k] as number) * ((matched[k] as number) / ((matched[k] as number) + 1));
      const excludedBy = presence.exclusionOf(k);
      // A partial batch keeps no unmet list (only a left-out note says them, and it completes the
      // paper): where no keyword counted, the score is 0 whatever the lists say.
      const unmet = excludedBy < 0 && (floor <= 0 || raw !== 0) ? presence.unmetOf(k) : -1;
      if (excludedBy < 0 && unmet < 0 && raw !== 0) relevance = relevanceOf(raw);
      sum[k] = 0;
      matched[k] = 0;
      if (k < areaCount && (excludedBy >= 0 || (unmet >= 0 && floor <= 0))) limitsInto.push3(k, excludedBy, unmet);
    }
    if (k < areaCount) {
      // An area the paper does not touch has no exclusion, and at most the untouched profile's unmet
      // list (untouchedScore), which no note reads: a paper says an area's list is unmet only when a
      // word of the area matched.
      if (relevance > 0) into.push(k, relevance);
      return;
    }
    // A followed author makes the paper the member's concern whatever its words.
    const author = found !== undefined && (found[k - areaCount] as readonly string[]).length > 0;
    const value = author ? Math.max(relevance, 0.9) : relevance;
    if (value > 0 && (value >= floor || author)) into.push(k, value);
  };
  /** Scores paper i into `into` and `limitsInto`, its members' from `floor` on. */
  const scorePaper = (i: number, found: readonly (readonly string[])[] | undefined, into: Growing, limitsInto: Growing, floor: number) => {
    const paperFeatures = features[i] as PaperFeatures;
    presence.mark(paperFeatures.ids);
    touched.fill(0);
    const { start: touchStart, profile: toucher } = touchers;
    for (let k = 0; k < paperFeatures.ids.length; k++) {
      const f = paperFeatures.ids[k] as number;
      for (let e = touchStart[f] as number; e < (touchStart[f + 1] as number); e++) {
        const p = toucher[e] as number;
        touched[p >> 5] = (touched[p >> 5] as number) | (1 << (p & 31));
      }
    }
    gather(postings, paperFeatures, params, sum, matched, paperFeatures.inAbstract, scored);
    if (found) {
      // Few papers have a followed author: every area and member is looked at.
      for (let k = 0; k < scored; k++) score(k, found, into, limitsInto, floor);
      return;
    }
    // The touched profiles, ascending, a word of the bit set at a time (focus profiles, past the
    // members, are not scored here).
    for (let w = 0; w < words; w++) {
      let bits = touched[w] as number;
      while (bits !== 0) {
        const k = (w << 5) + 31 - Math.clz32(bits & -bits);
        if (k >= scored) break;
        bits &= bits - 1;
        if (passOver && k >= areaCount && floor === memberFloor
          && (sum[k] as number) * ((matched[k] as number) / ((matched[k] as number) + 1)) < rawFloor) {
          sum[k] = 0;
          matched[k] = 0;
          continue;
        }
        score(k, found, into, limitsInto, floor);
      }
    }
  };
  for (let i = 0; i < n; i++) {
    start[i] = entries.length;
    limitStart[i] = limits.length;
    const found = followed((papers[i] as Paper).authors);
    if (found) authors.set(i, found);
    scorePaper(i, found, entries, limits, memberFloor);
  }
  start[n] = entries.length;
  limitStart[n] = limits.length;
  // The lead's sums for every area of one paper at a time, gathered as the scores are (`lead`).
  const leadSum = new Float64Array(areaCount);
  const leadMatched = new Float64Array(areaCount);
  let leadPaper = -1;
  const leadPresence = new Presence(profiles.slice(0, areaCount), lexicon.features.length);
  const batch: BatchScores = {
    lead: (i, a) => {
      const paperFeatures = features[i] as PaperFeatures;
      if (leadPaper !== i) {
        leadSum.fill(0);
        leadMatched.fill(0);
        gather(postings, paperFeatures, params, leadSum, leadMatched, paperFeatures.inLead, areaCount);
        leadPresence.mark(paperFeatures.ids);
        leadPaper = i;
      }
      // As score.ts's `leadRelevance` works it out: 0 when the paper meets an exclusion or misses a list.
      const raw = (leadSum[a] as number) * ((leadMatched[a] as number) / ((leadMatched[a] as number) + 1));
      if (raw === 0 || leadPresence.exclusionOf(a) >= 0 || leadPresence.unmetOf(a) >= 0) return 0;
      return relevanceOf(raw);
    },
    profiles: profiles.length, areas: areaCount, start, profile: entries.ints(), relevance: entries.floats(),
    limitStart, limitArea: limits.ints(), excludedBy: limits.second(), unmet: limits.third(), authors,
    partial: memberFloor > 0,
    complete: (i) => {
      if (memberFloor <= 0) return { scores: batch, paper: i };
      const one = new Growing(64);
      const oneLimits = new Growing(16);
      const found = authors.get(i);
      scorePaper(i, found, one, oneLimits, 0);
      const alone: BatchScores = {
        profiles: profiles.length, areas: areaCount, start: Int32Array.of(0, one.length), profile: one.ints(), relevance: one.floats(),
        limitStart: Int32Array.of(0, oneLimits.length), limitArea: oneLimits.ints(), excludedBy: oneLimits.second(), unmet: oneLimits.third(),
        authors: found ? new Map([[0, found]]) : new Map(), partial: false, complete: () => ({ scores: alone, paper: 0 }),
        lead: (_, a) => batch.lead(i, a),
      };
      return { scores: alone, paper: 0 };
    },
  };
  return batch;
}

/**
 * The profiles each feature touches, by feature: feature f's are `profile[start[f]..start[f + 1])`,
 * ascending, each once. A profile touches its keywords, exclusions and `require` lists' words
 * (`touches`), a few of the lexicon's thousands of features.
 */
export function touchersOf(profiles: readonly CompiledProfile[], features: number): { readonly start: Int32Array; readonly profile: Int32Array } {
  const start = new Int32Array(features + 1);
  const seen = new Int32Array(features).fill(-1);
  const each = (k: number, visit: (f: number) => void) => {
    const p = profiles[k] as CompiledProfile;
    const once = (f: number) => { if (seen[f] !== k) { seen[f] = k; visit(f); } };
    for (const f of p.features) once(f);
    for (const f of p.exclude) once(f);
    for (const group of p.require) for (const f of group) once(f);
  };
  for (let k = 0; k < profiles.length; k++) each(k, (f) => { start[f + 1] = (start[f + 1] as number) + 1; });
  for (let f = 0; f < features; f++) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const next = start.slice(0, features);
  const profile = new Int32Array(start[features] as number);
  seen.fill(-1);
  for (let k = 0; k < profiles.length; k++) {
    each(k, (f) => {
      const e = next[f] as number;
      next[f] = e + 1;
      profile[e] = k;
    });
  }
  return { start, profile };
}

/** Every scored profile's keywords by feature: feature f's are `[start[f], start[f + 1])`, profiles ascending. */
interface Postings {
  readonly start: Int32Array;
  readonly profile: Int32Array;
  /** The keyword's position in its profile's `features`. */
  readonly slot: Int32Array;
  /** Its weight in the profile, and what a match adds to coord's count. */
  readonly weight: Float64Array;
  readonly coord: Float64Array;
  /** 1 when a longer keyword of the profile contains it (its occurrences inside that one are not its own). */
  readonly nested: Uint8Array;
  /** Entry e's longer keywords (feature ids) are `longer[longerStart[e]]` to `longer[longerStart[e + 1] - 1]`. */
  readonly longerStart: Int32Array;
  readonly longer: Int32Array;
}

function postingsOf(lexicon: Lexicon, scored: number): Postings {
  const start = new Int32Array(lexicon.features.length + 1);
  const profiles = lexicon.profiles.slice(0, scored);
  for (const profile of profiles) for (const f of profile.features) start[f + 1] = (start[f + 1] as number) + 1;
  for (let f = 0; f < lexicon.features.length; f++) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const next = start.slice(0, lexicon.features.length);
  const size = start[lexicon.features.length] as number;
  const profile = new Int32Array(size);
  const slot = new Int32Array(size);
  const weight = new Float64Array(size);
  const coord = new Float64Array(size);
  const nested = new Uint8Array(size);
  const longerStart = new Int32Array(size + 1);
  profiles.forEach((p, k) => p.features.forEach((f, s) => {
    const e = next[f] as number;
    next[f] = e + 1;
    profile[e] = k;
    slot[e] = s;
    weight[e] = p.weights[s] as number;
    coord[e] = p.coord[s] as number;
    const count = (p.containedIn[s] as readonly number[]).length;
    nested[e] = count > 0 ? 1 : 0;
    longerStart[e + 1] = count;
  }));
  for (let e = 0; e < size; e++) longerStart[e + 1] = (longerStart[e + 1] as number) + (longerStart[e] as number);
  const longer = new Int32Array(longerStart[size] as number);
  for (let e = 0; e < size; e++) {
    if (nested[e] === 0) continue;
    const p = profiles[profile[e] as number] as CompiledProfile;
    let at = longerStart[e] as number;
    for (const j of p.containedIn[slot[e] as number] as readonly number[]) longer[at++] = p.features[j] as number;
  }
  return { start, profile, slot, weight, coord, nested, longerStart, longer };
}

/**
 * Adds each of the paper's keywords to the sums and coord counts of the profiles that hold it: the
 * terms of score.ts's formula, in the paper's feature order as `scoreProfile` adds them, so every
 * profile's sum is the same number (`inAbstract`: the paper's abstract counts, or its opening's for
 * the lead; profiles below `limit`). A keyword no longer one of the profile's contains (most) adds
 * its weight x IDF times the paper's saturated count of it, worked out once for all its profiles.
 */
function gather(
  postings: Postings, paper: PaperFeatures, params: ScoreParams, sum: Float64Array, matched: Float64Array,
  inAbstract: readonly number[], limit: number,
): void {
  const { ids, inTitle } = paper;
  const norm = normOf(paper, params);
  const { start, profile: profileOf, weight, coord, nested, longerStart, longer: longerIds } = postings;
  for (let at = 0; at < ids.length; at++) {
    const f = ids[at] as number;
    const from = start[f] as number;
    const to = start[f + 1] as number;
    if (from === to) continue;
    const idf = params.idf[f] as number;
    const ownTitle = inTitle[at] as number;
    const ownAbstract = inAbstract[at] as number;
    const counted = ownTitle > 0 || ownAbstract > 0;
    const ownTf = params.titleWeight * Math.max(0, ownTitle) + Math.max(0, ownAbstract);
    // contributionOf's saturation, w * idf * (tf (K1 + 1) / (tf + norm)), with the same operations.
    const saturated = (ownTf * (K1 + 1)) / (ownTf + norm);
    for (let e = from; e < to; e++) {
      const k = profileOf[e] as number;
      if (k >= limit) break;
      if (nested[e] === 0) {
        if (!counted) continue;
        sum[k] = (sum[k] as number) + (weight[e] as number) * idf * saturated;
        matched[k] = (matched[k] as number) + (coord[e] as number);
        continue;
      }
      // Occurrences inside a longer keyword of the profile count for that keyword.
      let title = ownTitle;
      let abstract = ownAbstract;
      for (let x = longerStart[e] as number; x < (longerStart[e + 1] as number); x++) {
        const longer = indexOf(ids, longerIds[x] as number);
        if (longer >= 0) {
          title -= inTitle[longer] as number;
          abstract -= inAbstract[longer] as number;
        }
      }
      if (title <= 0 && abstract <= 0) continue;
      const tf = params.titleWeight * Math.max(0, title) + Math.max(0, abstract);
      sum[k] = (sum[k] as number) + contributionOf(weight[e] as number, idf, tf, norm);
      matched[k] = (matched[k] as number) + (coord[e] as number);
    }
  }
}

/**
 * One paper's features as marks by feature id, for its profiles' exclusions and `require` lists:
 * `exclusionOf(k)` and `unmetOf(k)` give what score.ts's `exclusionOf` and `unmetOf` give profile k
 * for the paper last marked (the first exclusion in the profile's order, the first list it touches no
 * word of). The lists are laid out one after another in typed arrays, profile by profile, so that a
 * department's hundreds of areas touched by a paper are checked without visiting each profile's
 * arrays; a paper that holds no exclusion of any profile (most) is not checked for one.
 */
export class Presence {
  private readonly stamps: Int32Array;
  private stamp = 0;
  /** Whether the paper last marked holds an exclusion of some profile. */
  private excludes = false;
  private readonly isExclusion: Uint8Array;
  /** Profile k's exclusions are `exclude[excludeStart[k]..excludeStart[k + 1])`. */
  private readonly excludeStart: Int32Array;
  private readonly exclude: Int32Array;
  /** Profile k's `require` lists are lists `groupStart[k]..groupStart[k + 1]`; list g's words `words[wordStart[g]..wordStart[g + 1])`. */
  private readonly groupStart: Int32Array;
  private readonly wordStart: Int32Array;
  private readonly words: Int32Array;

  constructor(profiles: readonly Pick<CompiledProfile, 'exclude' | 'require'>[], features: number) {
    this.stamps = new Int32Array(features);
    this.isExclusion = new Uint8Array(features);
    this.excludeStart = new Int32Array(profiles.length + 1);
    this.groupStart = new Int32Array(profiles.length + 1);
    let exclusions = 0;
    let groups = 0;
    let words = 0;
    profiles.forEach((p, k) => {
      exclusions += p.exclude.length;
      groups += p.require.length;
      for (const group of p.require) words += group.length;
      this.excludeStart[k + 1] = exclusions;
      this.groupStart[k + 1] = groups;
    });
    this.exclude = new Int32Array(exclusions);
    this.wordStart = new Int32Array(groups + 1);
    this.words = new Int32Array(words);
    let e = 0;
    let g = 0;
    let w = 0;
    for (const p of profiles) {
      for (const f of p.exclude) { this.exclude[e++] = f; this.isExclusion[f] = 1; }
      for (const group of p.require) {
        for (const f of group) this.words[w++] = f;
        this.wordStart[++g] = w;
      }
    }
  }

  /** Marks a paper's feature ids (the previous paper's marks no longer count). */
  mark(ids: readonly number[]): void {
    const stamp = ++this.stamp;
    const { stamps, isExclusion } = this;
    let excludes = false;
    for (let k = 0; k < ids.length; k++) {
      const f = ids[k] as number;
      stamps[f] = stamp;
      if (isExclusion[f] === 1) excludes = true;
    }
    this.excludes = excludes;
  }

  exclusionOf(k: number): number {
    if (!this.excludes) return -1;
    const { stamps, stamp, exclude } = this;
    for (let e = this.excludeStart[k] as number; e < (this.excludeStart[k + 1] as number); e++) {
      if (stamps[exclude[e] as number] === stamp) return exclude[e] as number;
    }
    return -1;
  }

  unmetOf(k: number): number {
    const { stamps, stamp, wordStart, words } = this;
    const first = this.groupStart[k] as number;
    for (let g = first; g < (this.groupStart[k + 1] as number); g++) {
      let touched = false;
      for (let w = wordStart[g] as number; w < (wordStart[g + 1] as number); w++) if (stamps[words[w] as number] === stamp) { touched = true; break; }
      if (!touched) return g - first;
    }
    return -1;
  }
}

/** Paper i's relevance to profile p (0 when it has none). */
export function relevanceAt(scores: BatchScores, i: number, p: number): number {
  let lo = scores.start[i] as number;
  let hi = (scores.start[i + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = scores.profile[mid] as number;
    if (q === p) return scores.relevance[mid] as number;
    if (q < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/**
 * Paper i's relevance to each of the profiles `first` to `first + count - 1`, in order, 0 where it has
 * none: `visit(k, relevance)` with k counted from `first`. A walk along the paper's sparse entries.
 */
export function eachRelevance(scores: BatchScores, i: number, first: number, count: number, visit: (k: number, relevance: number) => void): void {
  let e = scores.start[i] as number;
  const end = scores.start[i + 1] as number;
  while (e < end && (scores.profile[e] as number) < first) e++;
  for (let k = 0; k < count; k++) {
    let relevance = 0;
    if (e < end && scores.profile[e] === first + k) relevance = scores.relevance[e++] as number;
    visit(k, relevance);
  }
}

/** One paper's part of the batch's scores, for its evidence. */
export interface Scored {
  readonly features: PaperFeatures;
  readonly scores: BatchScores;
  /** The paper's index in the batch. */
  readonly paper: number;
  /**
   * The paper's relevance to every profile, dense (areas first, then members): valid until the next
   * paper's view is made (one array serves the whole batch).
   */
  readonly row: Float64Array;
  /** Per member, the followed authors among the paper's, if any. */
  readonly authors: readonly (readonly string[])[] | undefined;
}

/**
 * Views of a batch's papers for their evidence, one at a time: `view(i)` lays paper i's scores out in
 * a dense row, clearing the previous paper's first.
 */
export function scoredViews(scores: BatchScores, features: readonly PaperFeatures[]): (i: number) => Scored {
  const row = new Float64Array(scores.profiles);
  let last = -1;
  return (i) => {
    if (last >= 0) for (let e = scores.start[last] as number; e < (scores.start[last + 1] as number); e++) row[scores.profile[e] as number] = 0;
    for (let e = scores.start[i] as number; e < (scores.start[i + 1] as number); e++) row[scores.profile[e] as number] = scores.relevance[e] as number;
    last = i;
    return { features: features[i] as PaperFeatures, scores, paper: i, row, authors: scores.authors.get(i) };
  };
}

/** Parallel growing columns (an int and a float, or three ints): the batch's entries as they come. */
class Growing {
  private a: Int32Array;
  private b: Float64Array | Int32Array | undefined;
  private c: Int32Array | undefined;
  length = 0;

  constructor(private capacity: number) {
    this.a = new Int32Array(capacity);
  }

  push(p: number, value: number): void {
    if (this.length === this.capacity) this.grow();
    this.b ??= new Float64Array(this.capacity);
    this.a[this.length] = p;
    (this.b as Float64Array)[this.length++] = value;
  }

  push3(p: number, x: number, y: number): void {
    if (this.length === this.capacity) this.grow();
    this.b ??= new Int32Array(this.capacity);
    this.c ??= new Int32Array(this.capacity);
    this.a[this.length] = p;
    (this.b as Int32Array)[this.length] = x;
    this.c[this.length++] = y;
  }

  private grow(): void {
    this.capacity *= 2;
    this.a = grown(this.a, this.capacity);
    if (this.b) this.b = grown(this.b, this.capacity);
    if (this.c) this.c = grown(this.c, this.capacity);
  }

  /** The columns, cut to length (copies: the spare capacity is let go). */
  ints(): Int32Array { return this.a.slice(0, this.length); }
  floats(): Float64Array { return this.b instanceof Float64Array ? this.b.slice(0, this.length) : new Float64Array(0); }
  second(): Int32Array { return this.b instanceof Int32Array ? this.b.slice(0, this.length) : new Int32Array(0); }
  third(): Int32Array { return this.c ? this.c.slice(0, this.length) : new Int32Array(0); }
}
