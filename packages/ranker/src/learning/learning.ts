import type { GroupConfig, Paper } from '@labdigest/core';
import type { BackgroundStats } from '../corpus/background.ts';
import { exampleBags, type ExampleBags } from './example-bags.ts';
import { isFunctionTerm } from './function-words.ts';
import { mayNameTopic, praises } from '../words/grammar.ts';
import type { FeedbackExample, LearnedFrom, LearnedModel, LearnedTerm, SignalKind } from './learning-types.ts';
import { hasWrittenKeywords, type Lexicon } from '../profiles/profiles.ts';
import { meanShareOf, type Neighbourhood } from '../corpus/related-terms.ts';
import type { RankerTuning } from '../profiles/tuning.ts';
import { untitledTerms } from '../corpus/untitled-terms.ts';
import { isFormula } from '../words/formula.ts';

/**
 * Learning from the group (issue 19): per area and per member, weights over the ranker's own analysed
 * terms, taught by what the group did with papers, beside the written keywords (never instead of them).
 *
 * A profile's examples are the papers starred or nominated for it (strong, 1), read (weak, 0.3) and
 * dismissed (against); an example with an area teaches that area, one with a member that member, one
 * with both teaches both. Per profile, a Rocchio-style contrast, the same measure the corpus's
 * related words use (related-terms.ts):
 *
 *   p(t) = weighted share of the positive examples that hold term t
 *   q(t) = share of the background corpus's papers that hold it (of all examples, without a background),
 *          or more: of the group's other examples, and `learnDomain` x P / (P + N) of the group's other
 *          areas' corpus papers (related-terms.ts; P, N the weighted positive and negative examples),
 *          which stand in for the dismissals a bibliography's papers lack: a word every area of a
 *          battery group uses ("solid state") says nothing of its halide area
 *   r(t) = share of the dismissed examples that hold it
 *   for:     s+(t) = p ln(p / q)              the terms the taught papers share and the corpus does not
 *   against: s-(t) = r ln(r / (p + q))        the terms of dismissed papers the taught ones do not share
 *
 * A term weighs its log-odds, ln(p / q) for and ln(r / (p + q)) against; in a profile without written
 * keywords (a bibliography's area), whose learned words are all it has, a term for weighs its score
 * p ln(p / q), so the words most of its papers are about lead (learnProfile says why).
 *
 * A term for must also be in more of the positive papers than chance at its corpus share explains
 * (`significant`: Dunning's G², p < 0.01), so one or two taught papers teach only their rare words.
 *
 * The best `learnTerms` terms for and `learnTerms / 2` against become keywords of the profile (the
 * `learned` slot of profiles.ts), blended with the written ones by three bounds:
 *   - the strongest learned weight is `learnWeight` x the profile's strongest written weight, so a
 *     learned word weighs less than the keyword the group wrote first (a profile without keywords:
 *     the group's strongest written weight, as the sections it is compared with are written);
 *   - it shrinks with the evidence: x n / (n + learnPrior), n the weighted count of positive examples,
 *     each counted by what the written keywords missed of it (`noveltyOf`), so one stray star moves a
 *     section by a fraction of a keyword, twenty-five the keywords missed by most of one, and stars on
 *     papers the keywords already put on top by little;
 *   - a few stars' words weigh together what ten words an example would at that bound (a lone
 *     star's thirty a third each, three stars' in full: `WORDS_PER_EXAMPLE`), as they all say what
 *     those few papers say;
 *   - against-weights are at most `learnNegative` of that.
 * A learned term counts towards coord (score.ts) by `learnCoord` x its weight over the strongest
 * possible learned weight, so a profile of three keywords can rank by what the group starred, while a
 * paper that holds learned words alone never counts as matching a written keyword.
 *
 * Recomputed from the examples in one pass on every ranker: no state between runs. The order of the
 * examples does not matter (they are sorted first); an example of an area or member the config does
 * not have teaches nothing and is counted in `ignored`.
 */
export interface Learning {
  readonly model: LearnedModel;
  /** Per profile (areas, then members): the learned keywords to compile, with their coord credit. */
  readonly keywords: readonly (readonly LearnedKeyword[])[];
  /** Per area: the strong examples that taught it (starred, nominated), for a note's "like '…'". */
  readonly taught: readonly (readonly TaughtExample[])[];
  /** A taught example's term id -> the term. */
  readonly termsOf: (term: number) => string;
  /** How many term ids there are: each below it. */
  readonly termCount: number;
  readonly ignored: number;
}

/** A learned term as profiles.ts compiles it: the word, its weight, and what a match adds to coord. */
export interface LearnedKeyword {
  /** The word compiled (as the papers spell it): "initio", "electrolyte interphase". */
  readonly term: string;
  /** How a paper's match of it is listed: the word with its Latin phrase's first word ("ab initio"). */
  readonly shown: string;
  readonly weight: number;
  readonly coord: number;
  /** The term's id among the examples' terms (`Learning.termsOf`). */
  readonly id: number;
  /** The term weighs in unshown (LearnedTerm's `modifier`): written only before the rest of its phrase, or maybe no phrase. */
  readonly modifier: boolean;
}

/** A strongly positive example of an area, with its terms, for the note. */
export interface TaughtExample {
  readonly from: LearnedFrom;
  /** Its analysed terms, ascending ids of `terms`. */
  readonly terms: Int32Array;
  /** Newest first when two examples are as close: the ISO time, or ''. */
  readonly at: string;
}

const STRENGTH: Readonly<Record<SignalKind, number>> = { star: 1, nominate: 1, read: 0.3, dismiss: -1 };
/** Which signal of a paper counts when a profile got several: a star over a dismissal, a dismissal over a read. */
const PRECEDENCE: Readonly<Record<SignalKind, number>> = { star: 3, nominate: 3, dismiss: 2, read: 1 };

const NOTHING: Learning = Object.freeze({ model: [], keywords: [], taught: [], termsOf: () => '', termCount: 0, ignored: 0 });

export function learnFromExamples(
  config: GroupConfig, examples: readonly FeedbackExample[] | undefined, options: {
    readonly lexicon: Lexicon; readonly background: BackgroundStats | undefined; readonly tuning: RankerTuning;
    /** Per area, its papers of the corpus (related-terms.ts): what a profile's taught words must stand out from. */
    readonly neighbourhoods?: readonly Neighbourhood[];
    /**
     * The papers' relevance to each profile by its keywords alone (rank.ts scores them as a ranking
     * without feedback would): (profile, paper id) -> relevance. How much a profile's learned words
     * weigh follows what its examples told the keywords (`novelty`). Without it, every example is new.
     */
    readonly keywordRelevance?: ((papers: readonly Paper[]) => (profile: number, paper: string) => number) | undefined;
  },
): Learning {
  if (!examples || examples.length === 0) return NOTHING;
  const areaIndex = new Map(config.areas.map((a, i) => [a.id, i]));
  const memberIndex = new Map(config.members.map((m, j) => [m.name, config.areas.length + j]));
  const profileCount = config.areas.length + config.members.length;
  // Sorted, so that the order the examples come in never matters.
  const sorted = [...examples].sort(compareExamples);
  // Per profile, per paper id: the signal that counts, and the example that gave it.
  const signals: Map<string, FeedbackExample>[] = Array.from({ length: profileCount }, () => new Map());
  let ignored = 0;
  for (const example of sorted) {
    const targets: number[] = [];
    if (example.area !== undefined) {
      const a = areaIndex.get(example.area);
      if (a !== undefined) targets.push(a);
    }
    if (example.member !== undefined) {
      const m = memberIndex.get(example.member);
      if (m !== undefined) targets.push(m);
    }
    if (targets.length === 0) { ignored++; continue; }
    for (const p of targets) {
      const known = (signals[p] as Map<string, FeedbackExample>).get(example.paper.id);
      // Of two alike (a star and a nomination, two members' stars), the first given: the one a note credits.
      if (!known || PRECEDENCE[example.signal] > PRECEDENCE[known.signal]
        || (PRECEDENCE[example.signal] === PRECEDENCE[known.signal] && (example.at ?? '') < (known.at ?? ''))) {
        (signals[p] as Map<string, FeedbackExample>).set(example.paper.id, example);
      }
    }
  }
  // Each distinct paper is read once, however many profiles it taught.
  const papers = new Map<string, FeedbackExample['paper']>();
  for (const bySignal of signals) for (const e of bySignal.values()) if (!papers.has(e.paper.id)) papers.set(e.paper.id, e.paper);
  const ids = [...papers.keys()].sort();
  const bagOf = new Map(ids.map((id, i) => [id, i]));
  // A taught paper's words of one paper can be learned (learnProfile: every word of one or two papers;
  // from three on, the words two share first and each paper's own in the slots they leave): the bags
  // keep them for the papers some profile was taught by, and only words two papers share of the others
  // (dismissed papers: a word against must be in two).
  const taughtPapers = new Uint8Array(ids.length);
  for (const bySignal of signals) {
    for (const e of bySignal.values()) if (STRENGTH[e.signal] > 0) taughtPapers[bagOf.get(e.paper.id) as number] = 1;
  }
  // A word in more than `learnMaxDf` of the corpus's papers is never learned (learnProfile), so the bags
  // need not note it: half the words of a text are such words ("electrolyte", "high", "show").
  const { background } = options;
  const maxDf = options.tuning.learnMaxDf;
  // The few hundred such words, found in one pass over the statistics' counts: a Set the bags ask of
  // each of their 33,000 distinct words, not the statistics' table of 345,000 n-grams, whose look-ups
  // miss the processor's cache. The same words as corpusShare(background, term) > maxDf. Nor is a word
  // the corpus's papers keep out of their titles learned ("good", "create", "stably": untitled-terms.ts).
  const unlearnable = background && new Set([
    ...background.df.above(Math.floor(maxDf * background.documents) - 1).filter((term) => corpusShare(background, term) > maxDf),
    ...(background.feedback ? untitledTerms(background.feedback) : []),
  ]);
  // (With a limit below half a paper's share, corpusShare's floor, every term is too common.)
  const neverLearned = background && (0.5 / background.documents > maxDf ? () => true : (term: string) => (unlearnable as Set<string>).has(term));
  const bags = exampleBags(ids.map((id) => papers.get(id) as FeedbackExample['paper']), taughtPapers, neverLearned);
  const rates = corpusRates(bags, options.background);
  // A learned word or pair is shown as the phrase most of its papers write it in: a word by its pair
  // ("volume expansion", not "volume" nor "expansion"), a pair with the word they write before it
  // ("solid electrolyte interphase", "density functional theory", not "electrolyte interphase" and
  // "functional theory"). Two papers or more must write it so, or, where one does, most of the corpus's
  // papers that write the pair (`leadsInCorpus`): one paper's word before a pair may be any word of its
  // sentence ("enhancing ion diffusion"), but "finite" is the corpus's word before "element
  // simulations" in 29 papers of 29. No word the corpus's papers keep out of their titles ("superior",
  // "excellent"); and the phrase must still name a topic (learnProfile asks that only when the word is
  // shown). Acronyms, formulas and names stand alone, and a pair that holds one gets no word before it.
  const untitled = background?.feedback ? untitledTerms(background.feedback) : undefined;
  const phraseOf = (t: number, shown: string): { term: string; word: string } | undefined => {
    if (!shown.includes(' ')) {
      const pair = /^[a-z]+$/.test(shown) ? bags.commonPair(t) : undefined;
      return pair && !pair.term.split(' ').some((x) => untitled?.has(x)) ? pair : undefined;
    }
    // A pair of plain words: one that ends on an acronym or a formula is a definition's edge
    // ("borate LiBOB", of "lithium bis(oxalato)borate (LiBOB)"), and a word before it lengthens nothing.
    const lead = /^[a-z][a-z-]* [a-z][a-z-]*$/.test(shown) ? bags.pairLead(t) : undefined;
    if (!lead || lead.term.length < 3 || /^[\d#]/.test(lead.term) || isFunctionTerm(lead.term) || praises(lead.word)
      || untitled?.has(lead.term) || (lead.papers < 2 && !(background && leadsInCorpus(background, lead.term, bags.term(t))))) return undefined;
    return { term: `${lead.term} ${bags.term(t)}`, word: `${lead.word} ${shown}` };
  };
  const { written, wanted } = keywordTerms(options.lexicon, profileCount);
  const novelty = noveltyOf(signals, options.keywordRelevance);

  const model: LearnedModel[number][] = [];
  const keywords: LearnedKeyword[][] = [];
  const profileSums = new ProfileSums(bags);
  const { sums, allAbout } = profileSums;
  const heap = new ByBound(bags.size);
  // Every member's examples are contrasted with all the areas' corpus papers: one share per term, for all of them.
  let memberDomain: PerTerm | undefined;
  for (let p = 0; p < signals.length; p++) {
    const bySignal = signals[p] as Map<string, FeedbackExample>;
    const isArea = p < config.areas.length;
    const id = isArea ? (config.areas[p] as GroupConfig['areas'][number]).id : (config.members[p - config.areas.length] as GroupConfig['members'][number]).name;
    let positive = 0;
    let negative = 0;
    let positives = 0;
    let negatives = 0;
    profileSums.begin(p);
    const kinds: Record<SignalKind, number> & { own?: number } = { star: 0, nominate: 0, read: 0, dismiss: 0 };
    for (const [paperId, example] of bySignal) {
      // The group's own papers (learn --bib: a star with no day) are counted apart: no one starred them.
      if (example.signal === 'star' && example.at === undefined) kinds.own = (kinds.own ?? 0) + 1;
      else kinds[example.signal]++;
      const strength = STRENGTH[example.signal];
      if (strength > 0) { positive += strength; positives++; } else { negative += -strength; negatives++; }
      profileSums.add(bagOf.get(paperId) as number, strength);
    }
    const touched = profileSums.touched();
    const learned = learnProfile({
      domain: isArea ? domainShare(options.neighbourhoods ?? [], p, bags) : (memberDomain ??= new PerTerm(bags.size, domainShare(options.neighbourhoods ?? [], -1, bags))).of,
      touched, sums, allAbout, positive, negative, positives, news: positive * (novelty[p] as number), bags, rates, hasCorpus: options.background !== undefined,
      floor: options.background ? 0.5 / options.background.documents : 1 / (bags.papers + 2), tuning: options.tuning,
      own: written[p] as ReadonlySet<string>, wanted: wanted[p] as ReadonlySet<string>, strongest: strongestWritten(options.lexicon, p, profileCount),
      unwritten: !hasWrittenKeywords(options.lexicon.profiles[p]), heap, phraseOf,
    });
    profileSums.clear();
    model.push({
      id, kind: isArea ? 'area' : 'member', positives, negatives, ...(positives + negatives > 0 ? { signals: kinds } : {}),
      ...(positives > 0 && options.keywordRelevance ? { novelty: round(novelty[p] as number) } : {}), terms: learned.terms,
    });
    keywords.push(learned.keywords);
  }

  const taught = config.areas.map((_, a) => {
    const out: TaughtExample[] = [];
    for (const [paperId, example] of signals[a] as Map<string, FeedbackExample>) {
      if (STRENGTH[example.signal] < 1) continue;
      const from: LearnedFrom = {
        id: paperId, title: example.paper.title, signal: example.signal,
        ...(example.member !== undefined ? { member: example.member } : {}), ...(example.at !== undefined ? { at: example.at } : {}),
      };
      const d = bagOf.get(paperId) as number;
      out.push({ from, terms: bags.terms.subarray(bags.start[d], bags.start[d + 1]), at: example.at ?? '' });
    }
    return out;
  });
  return { model, keywords, taught, termsOf: bags.term, termCount: bags.size, ignored };
}

/** A profile's newest positive examples scored by its keywords for its `novelty`: all of them, up to this many. */
const NOVELTY_SAMPLE = 64;

/**
 * Per profile, how new its positive examples are to its keywords: the median of 1 - relevance (each
 * example's relevance to the profile by the keywords alone), weighted by the signal's strength, over
 * its newest `NOVELTY_SAMPLE` (all of a group's first stars; past that the median moves little, and
 * the weight it sets is near its bound whatever it is). A star on a paper the keywords already put
 * on top adds little that is new: six stars on a section's best papers move it by a little; stars
 * on papers the keywords missed count whole. The median, not the mean: one stray star on a paper
 * of another field among three on picks took the mean from 0.08 to 0.28 and tripled the weights of
 * the words the picks taught. 1 for every profile without `keywordRelevance`.
 */
function noveltyOf(
  signals: readonly ReadonlyMap<string, FeedbackExample>[],
  keywordRelevance: ((papers: readonly Paper[]) => (profile: number, paper: string) => number) | undefined,
): Float64Array {
  const novelty = new Float64Array(signals.length).fill(1);
  if (!keywordRelevance) return novelty;
  const samples = signals.map((bySignal) => [...bySignal.values()].filter((e) => STRENGTH[e.signal] > 0)
    .sort((a, b) => cmp(b.at ?? '', a.at ?? '') || cmp(a.paper.id, b.paper.id)).slice(0, NOVELTY_SAMPLE));
  const papers = new Map<string, Paper>();
  for (const sample of samples) for (const e of sample) papers.set(e.paper.id, e.paper);
  if (papers.size === 0) return novelty;
  const relevance = keywordRelevance([...papers.values()]);
  samples.forEach((sample, p) => {
    if (sample.length === 0) return;
    const missed = sample.map((e) => ({ strength: STRENGTH[e.signal], missed: 1 - relevance(p, e.paper.id) })).sort((a, b) => a.missed - b.missed);
    const half = missed.reduce((sum, x) => sum + x.strength, 0) / 2;
    let below = 0;
    for (const x of missed) {
      below += x.strength;
      if (below >= half) { novelty[p] = x.missed; break; }
    }
  });
  return novelty;
}

/**
 * One profile's sums at a time, over the examples' bags: per term, side by side (one cache line, not
 * four), how much the positive examples are about it (FOR), the negative ones (AGAINST), how many
 * positive papers hold it (SUPPORT) and how much those are about it (OWN); and the terms the profile's
 * examples hold, in the order they first come. A class of numbers and typed arrays apart from
 * learnFromExamples, so that V8 keeps its loops optimized (in learnFromExamples they lost their
 * optimized code to the function's other sites and ran in the interpreter, a number allocated per sum).
 */
class ProfileSums {
  readonly sums: Float64Array;
  /** Per term, over every example paper: how much they are about it. */
  readonly allAbout: Float64Array;
  private readonly touchedIds: Int32Array;
  /** Per term, the profile that last touched it. */
  private readonly touchedBy: Int32Array;
  private count = 0;
  private profile = -1;
  private readonly start: Int32Array;
  private readonly terms: Int32Array;
  private readonly about: Float32Array;

  constructor(bags: Pick<ExampleBags, 'size' | 'papers' | 'start' | 'terms' | 'about'>) {
    this.sums = new Float64Array(bags.size * SUMS);
    this.allAbout = new Float64Array(bags.size);
    this.touchedIds = new Int32Array(bags.size);
    this.touchedBy = new Int32Array(bags.size).fill(-1);
    this.start = bags.start;
    this.terms = bags.terms;
    this.about = bags.about;
    const { allAbout, start, terms, about } = this;
    for (let d = 0; d < bags.papers; d++) {
      for (let e = start[d] as number; e < (start[d + 1] as number); e++) allAbout[terms[e] as number] = (allAbout[terms[e] as number] as number) + (about[e] as number);
    }
  }

  begin(profile: number): void {
    this.profile = profile;
    this.count = 0;
  }

  /** Adds paper d's terms: to FOR (and SUPPORT, OWN) by `strength` when it is above 0, else to AGAINST. */
  add(d: number, strength: number): void {
    const { sums, touchedBy, touchedIds, start, terms, about, profile } = this;
    const weight = Math.abs(strength);
    const side = strength > 0 ? FOR : AGAINST;
    let count = this.count;
    for (let e = start[d] as number; e < (start[d + 1] as number); e++) {
      const t = terms[e] as number;
      if (touchedBy[t] !== profile) { touchedBy[t] = profile; touchedIds[count++] = t; }
      const at = t * SUMS;
      sums[at + side] = (sums[at + side] as number) + weight * (about[e] as number);
      if (strength > 0) {
        sums[at + SUPPORT] = (sums[at + SUPPORT] as number) + 1;
        sums[at + OWN] = (sums[at + OWN] as number) + (about[e] as number);
      }
    }
    this.count = count;
  }

  /** The terms the profile's examples hold, in the order they first come (a view, until `clear`). */
  touched(): Int32Array {
    return this.touchedIds.subarray(0, this.count);
  }

  /** Zeroes the profile's sums, for the next. */
  clear(): void {
    const { sums, touchedIds } = this;
    for (let k = 0; k < this.count; k++) {
      const at = (touchedIds[k] as number) * SUMS;
      sums[at + FOR] = 0;
      sums[at + AGAINST] = 0;
      sums[at + SUPPORT] = 0;
      sums[at + OWN] = 0;
    }
    this.count = 0;
  }
}

/**
 * Share of the group's other areas' corpus papers that hold a term (all areas' for a member): the mean
 * over the areas that have papers; a pair is at most as common as the rarer of its words. 0 without any.
 */
function domainShare(neighbourhoods: readonly Neighbourhood[], own: number, bags: ExampleBags): (t: number) => number {
  if (!neighbourhoods.some((n, a) => a !== own && n.size > 0)) return () => 0;
  // The same number as the mean of the others' shares, each term's looked up once for every profile.
  const mean = meanShareOf(neighbourhoods);
  const ofTerm = (term: string) => mean(term, own);
  return (t) => {
    const term = bags.term(t);
    const space = term.indexOf(' ');
    return space < 0 ? ofTerm(term) : Math.min(ofTerm(term.slice(0, space)), ofTerm(term.slice(space + 1)));
  };
}

/**
 * What a (weighted) positive example's learned words weigh together, in words at the bound: a lone
 * star's thirty weigh as ten, three stars' in full (learnProfile's `spread`). Not chosen by the eval:
 * a paper's title and opening name some ten distinctive words.
 */
const WORDS_PER_EXAMPLE = 10;

/** A word with a digit, two capitals or more, or a capital after a small letter: a name, a formula or an acronym. */
const COINED = /\d|\p{Lu}.*\p{Lu}|\p{Ll}\p{Lu}/u;

/** The fewest other examples of the group whose share of a term counts against it, as a taught word needs two of three papers. */
const OTHER_MIN = 3;

/** Where `sums` keeps each term's figures: term t's are `sums[t * SUMS + FOR]` and so on. */
const SUMS = 4;
const FOR = 0;
const AGAINST = 1;
/** Positive example papers holding the term. */
const SUPPORT = 2;
/** How much the positive example papers are about the term. */
const OWN = 3;

interface ProfileInput {
  /** Share of the group's other areas' corpus papers holding each term (domainShare). */
  readonly domain: (t: number) => number;
  /** The terms the profile's examples hold, in the order they first come. */
  readonly touched: Int32Array;
  /** Per term, side by side: FOR, AGAINST, SUPPORT, OWN. */
  readonly sums: Float64Array;
  /** How much all the example papers are about each term. */
  readonly allAbout: Float64Array;
  /** Weighted count of the positive examples, and of the negative ones. */
  readonly positive: number;
  readonly negative: number;
  /** Positive example papers, unweighted. */
  readonly positives: number;
  /**
   * The weighted positive examples, each by what the keywords missed of it (1 - its relevance by them;
   * `noveltyOf`): how much the learned words weigh follows what the examples told the keywords.
   */
  readonly news: number;
  readonly bags: ExampleBags;
  /** Each term's share of the corpus's papers. */
  readonly rates: PerTerm;
  /** Whether `rates` are the background corpus's (or the examples' own). */
  readonly hasCorpus: boolean;
  /** The smallest share `rates` give. */
  readonly floor: number;
  readonly tuning: RankerTuning;
  /** Terms the profile's written keywords already are: they keep their written weight. */
  readonly own: ReadonlySet<string>;
  /**
   * The words of its positive written keywords, and their pairs ("gel", "polymer", "gel polymer" of
   * "gel polymer electrolyte"): never learned against. A dismissed zinc gel paper says the group does
   * not want zinc, not that it stopped wanting the gels it wrote a keyword for.
   */
  readonly wanted: ReadonlySet<string>;
  /** Its strongest written weight, or the group's when it has none (strongestWritten). */
  readonly strongest: number;
  /** The phrase most of a learned term's papers write it in (it `shown` as `ExampleBags.shownOf`), when that is how to show it. */
  readonly phraseOf: (t: number, shown: string) => { readonly term: string; readonly word: string } | undefined;
  /** The profile has no positive written keyword (a bibliography's area): its learned words are all it has. */
  readonly unwritten: boolean;
  /** An empty heap, at least `touched` long, for the candidates. */
  readonly heap: ByBound;
}

function learnProfile(input: ProfileInput): { terms: LearnedTerm[]; keywords: LearnedKeyword[] } {
  const { sums, positive, negative, bags, rates, tuning } = input;
  if (tuning.learnTerms <= 0 || tuning.learnWeight <= 0 || (positive === 0 && negative === 0)) return { terms: [], keywords: [] };
  // One paper's words are all it has to teach; from three papers on, the words two of them share come
  // first, and each paper's own words fill what those leave (below).
  const support = input.positives >= 3 ? 2 : 1;
  // The group's other examples, when there are enough to tell a share: from OTHER_MIN papers on. One
  // or two say little, and their smoothed share ((n + 0.5) / (others + 1): a quarter for every word with
  // one) rewrote an area's words when the group starred its first paper elsewhere.
  const allOthers = bags.papers - input.positives;
  const others = allOthers >= OTHER_MIN ? allOthers : 0;
  const contrastBounded = tuning.learnContrast >= 0 && tuning.learnContrast <= 1;
  // The group's other areas stand in for the dismissals a profile lacks: fully with none (a
  // bibliography's papers), less the more it was told what is not for it.
  const domainWeight = tuning.learnDomain * (input.positive / (input.positive + input.negative));
  /**
   * The terms worth learning by `scoreOf`, among the `touched` terms the side keeps (fillCandidates,
   * which orders them by a bound of their score): the `limit` best are kept, and none below a tenth of
   * the best. Once the bound falls below a tenth of the best so far, or below the `limit`-th best score
   * so far, no term left can be kept. Most terms are never looked up in the corpus. (Which terms are
   * tried first changes how many are looked up, never which are kept: a term passed over scores below
   * a tenth of the best, or below `limit` others.)
   */
  const consider = (
    against: boolean, limit: number, share: (t: number) => number, least: number,
    scoreOf: (t: number, share: number, q: number, corpus: number) => { t: number; s: number; v: number } | undefined,
  ) => {
    const candidates = input.heap;
    fillCandidates(candidates, input, against, least, others, contrastBounded);
    const out: { t: number; s: number; v: number }[] = [];
    const top = new LeastOfBest(limit);
    let best = 0;
    for (let t = candidates.next(); t >= 0; t = candidates.next()) {
      if (candidates.key < 0.1 * best || candidates.key < top.least()) break;
      if (input.own.has(bags.term(t)) || (against && input.wanted.has(bags.term(t)))) continue;
      const corpus = rates.of(t);
      // Without a background, the examples are the only corpus: they cannot tell which words are common.
      if (input.hasCorpus && corpus > tuning.learnMaxDf) continue;
      const other = others > 0 ? otherOf(t) : -1;
      const q = tuning.learnContrast * Math.max(corpus, other >= 0 ? other : corpus, domainWeight * input.domain(t)) + (1 - tuning.learnContrast) * corpus;
      const scored = scoreOf(t, share(t), q, corpus);
      if (scored) { out.push(scored); best = Math.max(best, scored.s); top.add(scored.s); }
    }
    return out;
  };
  // The group's other examples: a word all its papers share says nothing of this profile.
  const otherOf = (t: number) => ((input.allAbout[t] as number) - (sums[t * SUMS + OWN] as number) + 0.5) / (others + 1);
  // The ranker multiplies a weight by the term's IDF, about ln(1 / corpus): a weight of
  // ln(p / q) / ln(1 / corpus) makes the term add its log-odds of being in a taught paper. Beside written
  // keywords, which carry the profile's main words, that is what a learned word should add. A profile
  // without any is its learned words alone: they weigh what they say of the taught papers, p ln(p / q),
  // the score they were chosen by, so the words most of its papers are about lead, not a rare word two
  // of them hold (a salt, a cathode, a test condition), whose log-odds against the corpus are the largest.
  const rarity = (corpus: number) => Math.max(1, Math.log(1 / corpus));
  const weighOf = input.unwritten ? (p: number, q: number) => p * Math.log(p / q) : (p: number, q: number) => Math.log(p / q);
  const shareFor = (t: number) => (sums[t * SUMS + FOR] as number) / positive;
  const scoreFor = (t: number, p: number, q: number, corpus: number) => {
    const score = p * Math.log(p / q);
    if (score <= 0 || !significant(sums[t * SUMS + SUPPORT] as number, input.positives, corpus, tuning.learnSignificance)) return undefined;
    return { t, s: score, v: weighOf(p, q) / rarity(corpus) };
  };
  const pros = positive === 0 ? [] : consider(false, tuning.learnTerms, shareFor, support, scoreFor);
  // A few papers share few words, most of them any battery paper's ("pouch cell", "synthesis"), and a
  // member's stars on several areas fewer: where those leave slots, each paper's own words fill them,
  // as one or two papers' words do (the third star once took a line from six topics of two papers to
  // three words two of three shared). Many papers' shared words fill every slot.
  if (positive > 0 && input.positives >= 3 && pros.length < tuning.learnTerms) {
    const own = consider(false, tuning.learnTerms, shareFor, 1, scoreFor).filter((x) => (sums[x.t * SUMS + SUPPORT] as number) < 2);
    pros.push(...own.sort((a, b) => b.s - a.s || (bags.term(a.t) < bags.term(b.t) ? -1 : 1)).slice(0, tuning.learnTerms - pros.length));
  }
  const cons = negative === 0 ? [] : consider(true, Math.floor(tuning.learnTerms / 2), (t) => (sums[t * SUMS + AGAINST] as number) / negative, support,
    (t, r, q, corpus) => {
      const p = positive > 0 ? shareFor(t) : 0;
      const score = r * Math.log(r / (p + q));
      return score > 0 ? { t, s: score, v: Math.log(r / (p + q)) / rarity(corpus) } : undefined;
    });
  const byScore = (a: { t: number; s: number; v: number }, b: { t: number; s: number; v: number }) =>
    b.s - a.s || (bags.term(a.t) < bags.term(b.t) ? -1 : 1);
  pros.sort(byScore);
  cons.sort(byScore);
  // `learnWeight` keeps a learned word below the keyword the group wrote first. A profile without any
  // has none to stay below: its strongest learned word weighs what the group's strongest keyword does
  // (shrunk by the evidence), or its papers score below the sections written keywords make and its own
  // section holds none of them (docs/learning.md, "digest learn --bib").
  const top = (input.unwritten ? 1 : tuning.learnWeight) * input.strongest;
  const forWeight = top * (input.news / (input.news + tuning.learnPrior));
  const againstWeight = tuning.learnNegative * top * (negative / (negative + tuning.learnPrior));
  // Two words one paper writes side by side once may be no phrase at all ("bulk scale" of "the
  // anion-ordered bulk scale linearly"). At the corpus's floor share, such a pair scores as the rarest
  // term there is and led a first star's words. It weighs in (matching next to nothing, it moves
  // little), but is shown only when the corpus's papers write it too (their statistics keep pairs of
  // three papers or more), two taught papers do, or its paper means it: in its title, or more than
  // once ("electrostatic suspension", in its title and three times its abstract). `OWN` is then that
  // paper's `about`: a third for one passing mention.
  const ofOneUnknown = (t: number) => (sums[t * SUMS + SUPPORT] as number) < 2 && input.hasCorpus && rates.of(t) <= input.floor;
  const passing = (t: number) => ofOneUnknown(t) && (sums[t * SUMS + OWN] as number) < 0.5 && bags.term(t).includes(' ');
  // So is a name one paper coins for its own sample or device, which no corpus paper writes: "AAS25",
  // "FZAB" (its flexible zinc-air battery), "LixBOy". A formula is a material, shown however rare
  // ("Li6PS5I"), as is a name of digits or capitals the corpus knows ("NVP").
  const coined = (t: number) => {
    if (!ofOneUnknown(t) || bags.term(t).includes(' ')) return false;
    const word = bags.wordOf(t);
    return COINED.test(word) && !isFormula(word);
  };
  const terms: LearnedTerm[] = [];
  const keywords: LearnedKeyword[] = [];
  const add = (all: readonly { t: number; s: number; v: number }[], count: number, scale: number, sign: number) => {
    const best = all[0]?.s ?? 1;
    // A word at a tenth of the best one's score or less adds next to nothing: it is not kept.
    const list = all.slice(0, count).filter((x) => x.s / best >= 0.1);
    const most = Math.max(...list.map((x) => x.v));
    // A few stars' words share what those few say: one star's thirty words all came from one paper,
    // each near the bound, and a paper holding ten of them rose by a keyword's worth and more (+0.26
    // on the sample week). Together they weigh what WORDS_PER_EXAMPLE words an example would at the
    // bound: a lone star's words a third each, three stars' in full. Words against only push papers
    // like a dismissed one down, never into a section: they keep theirs.
    const spread = sign < 0 ? 1 : Math.min(1, (WORDS_PER_EXAMPLE * positive) / Math.max(1, list.length));
    for (const { t, v } of list) {
      const weight = round(sign * scale * spread * (v / most));
      if (weight === 0) continue;
      const word = bags.wordOf(t);
      // How much the positive papers holding it are about it, on average (for the words a section shows).
      const about = sign > 0 ? round((sums[t * SUMS + OWN] as number) / Math.max(1, sums[t * SUMS + SUPPORT] as number)) : undefined;
      const modifier = sign > 0 && (bags.modifier(t) || passing(t) || coined(t));
      // A term most of whose papers write it as a keyword the group wrote ("electrolyte interphase" of
      // "solid electrolyte interphase", "transference" of "transference number") weighs where a paper
      // writes it otherwise (`keywordTerms`); the line would only repeat the keyword.
      const alone = bags.shownOf(t);
      const phrase = input.phraseOf(t, alone);
      const piece = phrase !== undefined && input.own.has(phrase.term);
      terms.push(learnedTerm(bags.term(t), alone, phrase && !piece ? phrase.word : undefined, weight, about, modifier || (sign > 0 && piece), bags.joined(t)));
      keywords.push({ term: word, shown: alone, weight, coord: sign > 0 ? round(tuning.learnCoord * (weight / top)) : 0, id: t, modifier });
    }
  };
  if (positive > 0) add(pros, tuning.learnTerms, forWeight, 1);
  if (negative > 0) add(cons, Math.floor(tuning.learnTerms / 2), againstWeight, -1);
  terms.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.term < b.term ? -1 : 1));
  return { terms, keywords };
}

/**
 * A learned term, shown as `phrase` when that names a topic, else as `alone`. The phrase is judged when
 * the word is first read: a line shows a few of a profile's thirty words, and whether a phrase names a
 * topic is a parse (a department's 2,000 taught profiles would parse 20,000). Made out here, so that
 * the word's getter keeps the two strings and not the bags learning read.
 */
function learnedTerm(term: string, alone: string, phrase: string | undefined, weight: number, about: number | undefined, modifier: boolean, joined: boolean): LearnedTerm {
  let shown: string | undefined;
  const learned: LearnedTerm = {
    term, get word() { return shown ??= phrase !== undefined && mayNameTopic(phrase) ? phrase : alone; }, weight,
    ...(about !== undefined ? { about } : {}), ...(modifier ? { modifier: true as const } : {}),
  };
  // The pair, the shown word's last two words, with the hyphen its papers write: "non-uniform".
  if (joined) Object.defineProperty(learned, 'written', { get: () => learned.word.replace(/ (?=\S+$)/, '-'), enumerable: true });
  return learned;
}

/**
 * Puts the profile's candidate terms for (or, `against`, against) on the heap, ordered by a bound of
 * their score. For: a term some positive paper is about, held by at least `support` of them, its share
 * p = FOR / positive; against: a term the dismissed papers are about at least twice over, its share
 * r = AGAINST / negative. The bound is the score p ln(p / q) (against: r ln(r / (p + q))) at the least
 * q can be, known without a look-up: with the contrast between 0 and 1 (`contrastBounded`), never below
 * its corpus share when a profile before asked for it (`rates.known`; a term too common to learn is
 * left out), else never below the corpus's floor, nor, with other examples there, below its share of
 * the group's other examples. The profiles' candidates are much the same words: after the first few,
 * most of their corpus shares are known and the bounds are near the scores, so `consider` looks few up.
 * One loop of numbers over typed arrays: as closures, one per side, V8 made a heap number of every share
 * and bound.
 */
function fillCandidates(
  heap: ByBound, input: Pick<ProfileInput, 'touched' | 'sums' | 'allAbout' | 'positive' | 'negative' | 'floor' | 'tuning' | 'rates' | 'hasCorpus'>,
  against: boolean, support: number, others: number, contrastBounded: boolean,
): void {
  const { touched, sums, allAbout, positive, negative, floor } = input;
  const { known } = input.rates;
  const contrast = input.tuning.learnContrast;
  const maxDf = input.hasCorpus ? input.tuning.learnMaxDf : Infinity;
  heap.clear();
  for (let k = 0; k < touched.length; k++) {
    const t = touched[k] as number;
    const at = t * SUMS;
    let x: number;
    if (against) {
      const sum = sums[at + AGAINST] as number;
      if (!(sum >= 2)) continue;
      x = sum / negative;
    } else {
      const sum = sums[at + FOR] as number;
      if (!(sum > 0) || !((sums[at + SUPPORT] as number) >= support)) continue;
      x = sum / positive;
    }
    let q = floor;
    if (contrastBounded) {
      const corpus = known[t] as number;
      if (corpus > maxDf) continue;
      const other = others > 0 ? ((allAbout[t] as number) - (sums[at + OWN] as number) + 0.5) / (others + 1) : 0;
      q = corpus >= 0 ? contrast * Math.max(corpus, other) + (1 - contrast) * corpus : Math.max(floor, contrast * other + (1 - contrast) * floor);
    }
    heap.add(t, against ? x * Math.log(x / ((positive > 0 ? (sums[at + FOR] as number) / positive : 0) + q)) : x * Math.log(x / q));
  }
  heap.order();
}

/**
 * Whether k of n papers holding a term is more than chance at rate q (the corpus's share) can explain:
 * Dunning's log-likelihood ratio G² = 2 n KL(k / n || q) at least `threshold`. A word of one taught
 * paper passes only if rare (G² = 2 ln(1 / q): below 3.6% of papers at p < 0.01, so not "discuss",
 * in 4.5%); the more papers share a word, the commoner it may be. Chance is the corpus's rate, not
 * the contrast's q (the group's other areas and examples), which chooses among the words that pass:
 * a bibliography of two papers, one of them on halides, still learns "halide".
 */
export function significant(k: number, n: number, q: number, threshold: number): boolean {
  if (threshold <= 0) return true;
  if (n <= 0 || k <= 0) return false;
  const p = Math.min(1, k / n);
  if (p <= q) return false;
  const kl = p * Math.log(p / q) + (p < 1 ? (1 - p) * Math.log((1 - p) / (1 - q)) : 0);
  return 2 * n * kl >= threshold;
}

/**
 * The `size` best scores seen so far (a sorted array: a profile keeps some 30 words), and the least of
 * them once there are `size`: a candidate whose bound is below it cannot be among the best.
 */
export class LeastOfBest {
  /** Ascending: `scores[0]` is the least kept. */
  private readonly scores: Float64Array;
  private count = 0;

  constructor(private readonly size: number) {
    this.scores = new Float64Array(size);
  }

  /** The `size`-th best score, -Infinity while fewer were seen (with `size` 0, Infinity: none is kept). */
  least(): number {
    if (this.size === 0) return Infinity;
    return this.count < this.size ? -Infinity : this.scores[0] as number;
  }

  add(score: number): void {
    const { scores, size } = this;
    if (this.count < size) {
      let k = this.count++;
      while (k > 0 && (scores[k - 1] as number) > score) { scores[k] = scores[k - 1] as number; k--; }
      scores[k] = score;
      return;
    }
    if (size === 0 || score <= (scores[0] as number)) return;
    let k = 0;
    while (k + 1 < size && (scores[k + 1] as number) < score) { scores[k] = scores[k + 1] as number; k++; }
    scores[k] = score;
  }
}

/**
 * Candidate terms by a key (a bound of their score), largest first, ties by id, taken one at a time: a
 * binary heap, as `consider` stops after the first few of thousands.
 */
class ByBound {
  private readonly ids: Int32Array;
  private readonly keys: Float64Array;
  private size = 0;
  /** The key of the term `next` returned last. */
  // A double from the start (0 would be a small integer, and the first real key would change the
  // class's field to a double: a new hidden class, and the optimized code that uses it thrown away).
  key = -Infinity;

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  add(t: number, key: number): void {
    this.ids[this.size] = t;
    this.keys[this.size++] = key;
  }

  /** Makes the heap of the terms added. */
  order(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The next term (its key in `key`), or -1. */
  next(): number {
    if (this.size === 0) return -1;
    const t = this.ids[0] as number;
    this.key = this.keys[0] as number;
    this.size--;
    this.ids[0] = this.ids[this.size] as number;
    this.keys[0] = this.keys[this.size] as number;
    this.down(0);
    return t;
  }

  private before(i: number, j: number): boolean {
    const a = this.keys[i] as number;
    const b = this.keys[j] as number;
    return a > b || (a === b && (this.ids[i] as number) < (this.ids[j] as number));
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const child = left + 1 < this.size && this.before(left + 1, left) ? left + 1 : left;
      if (!this.before(child, i)) return;
      const t = this.ids[i] as number;
      const x = this.keys[i] as number;
      this.ids[i] = this.ids[child] as number;
      this.keys[i] = this.keys[child] as number;
      this.ids[child] = t;
      this.keys[child] = x;
      i = child;
    }
  }
}

/** One heap and one ProfileSums kept for good, for their hidden classes: see WORDIDS_SHAPE (word-ids.ts). */
export const BYBOUND_SHAPE = new ByBound(0);
export const PROFILESUMS_SHAPE = new ProfileSums({ size: 0, papers: 0, start: new Int32Array(1), terms: new Int32Array(0), about: new Float32Array(0) });

/**
 * A figure of each term, worked out once, when a profile first asks for it (`of`): the profiles' examples
 * share most of their terms. `known[t]` is it when some profile asked already, else -1 (every figure
 * here is 0 or more), so fillCandidates can bound by a corpus share it need not look up.
 */
class PerTerm {
  readonly known: Float64Array;

  constructor(size: number, private readonly compute: (t: number) => number) {
    this.known = new Float64Array(size).fill(-1);
  }

  /** The term's figure (a function of its own, so it can be handed on as one). */
  readonly of = (t: number): number => {
    let x = this.known[t] as number;
    if (x < 0) this.known[t] = x = this.compute(t);
    return x;
  };
}

/**
 * Share of the background's papers holding each term, never 0; without a background, of all the
 * examples (each term's count of papers, known at once).
 */
function corpusRates(bags: ExampleBags, background: BackgroundStats | undefined): PerTerm {
  if (background) return new PerTerm(bags.size, (t) => corpusShare(background, bags.term(t)));
  const rates = new PerTerm(bags.size, () => 0);
  const df = new Int32Array(bags.size);
  for (const t of bags.terms) df[t] = (df[t] as number) + 1;
  for (let t = 0; t < bags.size; t++) rates.known[t] = ((df[t] as number) + 1) / (bags.papers + 2);
  return rates;
}

/**
 * Whether most of the background's papers that write a pair write it after `lead` (the three words are
 * one of its n-grams: the statistics keep n-grams of three papers or more, `BackgroundStats.minDf`).
 */
function leadsInCorpus(background: BackgroundStats, lead: string, pair: string): boolean {
  const pairs = background.df.get(pair) ?? 0;
  return pairs > 0 && (background.df.get(`${lead} ${pair}`) ?? 0) * 2 > pairs;
}

/** Share of the background's papers holding a term, never below half a paper's. */
function corpusShare(background: BackgroundStats, term: string): number {
  // One look-up among the shipped statistics' 345,000 terms, not two (Object.hasOwn, then the value): only
  // an own count is a number ("constructor" finds Object.prototype's function).
  const count = background.df.get(term);
  return Math.max(0.5 / background.documents, (typeof count === 'number' ? count : 0) / background.documents);
}

/**
 * Per profile, the terms and pairs its written keywords are: they keep their written weight. The words
 * inside a keyword stay learnable ("interatomic potential" inside "machine learning interatomic
 * potential"): an occurrence inside the keyword counts for the keyword (score.ts), one outside it for
 * the learned word.
 *
 * And `wanted`: the terms of its positive written keywords and each two of them in a row ("gel",
 * "polymer", "gel polymer" of "gel polymer electrolyte"), never learned against (`ProfileInput.wanted`).
 */
function keywordTerms(lexicon: Lexicon, count: number): { written: Set<string>[]; wanted: Set<string>[] } {
  const written: Set<string>[] = [];
  const wanted: Set<string>[] = [];
  for (const profile of lexicon.profiles.slice(0, count)) {
    const own = new Set<string>();
    const wants = new Set<string>();
    profile.features.forEach((f, i) => {
      const feature = lexicon.features[f];
      if (!feature) return;
      own.add(feature.key);
      const positive = (profile.weights[i] as number) > 0 && profile.related[i] === 0 && profile.learned[i] === 0;
      for (const sequence of feature.sequences) {
        own.add(sequence.join(' '));
        if (!positive) continue;
        sequence.forEach((term, k) => {
          wants.add(term);
          if (k > 0) wants.add(`${sequence[k - 1] as string} ${term}`);
        });
      }
    });
    written.push(own);
    wanted.push(wants);
  }
  return { written, wanted };
}

/**
 * The profile's strongest written weight: what a learned weight stays below. A profile without keywords
 * takes the group's strongest (of its `count` areas and members), the scale its sections are compared
 * on; 1 when nobody wrote any.
 */
function strongestWritten(lexicon: Lexicon, p: number, count: number): number {
  const strongestOf = (q: number) => Math.max(0, ...(lexicon.profiles[q]?.weights ?? []));
  const own = strongestOf(p);
  if (own > 0) return own;
  let group = 0;
  for (let q = 0; q < count; q++) group = Math.max(group, strongestOf(q));
  return group > 0 ? group : 1;
}

function compareExamples(a: FeedbackExample, b: FeedbackExample): number {
  return cmp(a.paper.id, b.paper.id) || cmp(a.signal, b.signal) || cmp(a.area ?? '', b.area ?? '')
    || cmp(a.member ?? '', b.member ?? '') || cmp(a.at ?? '', b.at ?? '');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
