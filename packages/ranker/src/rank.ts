import type { Area, Focus, GroupConfig, Keyword, MatchedTerm, MemberMatch, Paper } from '@labdigest/core';
import { createAnalyzer, type Analyzer, type PaperFeatures } from './scan/analyze.ts';
import type { BackgroundStats } from './corpus/background.ts';
import { groupAuthorMatcher } from './scoring/authors.ts';
import { evidenceFor, featureOwners, holderBits, noteVocabulary, recordMaker, shownTerms, type EvidenceContext, type HolderBits, type NoteVocabulary } from './writing/evidence.ts';
import { backgroundFeatureStats, collectStats, combineStats, idfOf, type FeatureStats } from './corpus/idf.ts';
import { learnFromExamples, type Learning } from './learning/learning.ts';
import { learnedFromFinder, type LearnedFromFinder } from './learning/learned-from.ts';
import type { FeedbackExample, LearnedFrom, LearnedModel } from './learning/learning-types.ts';
import { areaNeighbourhoods, relatedKeywords } from './corpus/related-terms.ts';
import { compileProfiles, hasWrittenKeywords, type CompiledProfile, type CompileOptions, type Lexicon, type ProfileKind, type ProfileSpec } from './profiles/profiles.ts';
import { leadRelevance, scoreProfile, traceProfile, writtenRelevance, type ScoreParams, type ScoreTrace } from './scoring/score.ts';
import { relevanceAt, scoreBatch, scoredViews } from './scoring/score-batch.ts';
import { assignSections, placeSection, type Placement, type SectionPaper } from './scoring/sections.ts';
import { termOf } from './words/stem.ts';
import { acronymTable } from './words/acronyms.ts';
import { termVectors } from './corpus/term-vectors.ts';
import { DEFAULT_TUNING, type RankerTuning } from './profiles/tuning.ts';

/** One paper as ranked: scores against every area and member, its section, and the evidence. */
export interface RankedPaper {
  readonly id: string;
  readonly title: string;
  /** Area id of the section the paper goes to, or null when it is left out. */
  readonly section: string | null;
  /** Relevance to the section's area, or the best area's when left out. */
  readonly score: number;
  readonly scores: Record<string, number>;
  readonly memberScores: Record<string, number>;
  readonly matchedTerms: readonly MatchedTerm[];
  /** Members the paper concerns, with reasons (included papers only). */
  readonly members: readonly MemberMatch[];
  /** Why it is in (the relevance note) or why it is left out. */
  readonly note: string;
  /** Extractive summary of the abstract (included papers only). */
  readonly summary: string | null;
  /** Area id -> the exclusion keyword that removed the paper from that area. */
  readonly excludedBy: Record<string, string>;
  /** One of its section's picks, the few papers the group should read (false when left out). */
  readonly pick: boolean;
  /** 1-based position within its section, picks first; null when left out. */
  readonly rank: number | null;
  /** Whether the paper matches its section's focus (false when left out, or when no focus is set). */
  readonly focus: boolean;
  /**
   * When learning from the group moved it (a learned word of its section's area matched): the taught
   * example of that area it is most like, for the note. Absent otherwise.
   */
  readonly learnedFrom?: LearnedFrom | undefined;
  /**
   * True when its title or opening names a field the focus lists as next to the group's
   * (`focus.outside`), which keeps it from the picks. Absent otherwise.
   */
  readonly outside?: true | undefined;
  /**
   * True when the group dismissed it ("not for us") in its section's area and no one starred or put it
   * forward there: never a pick, and its note says who dismissed it (`learnedFrom`). Absent otherwise.
   */
  readonly dismissed?: true | undefined;
}

export interface RankOptions {
  /** Background corpus statistics for IDF; without them the batch alone gives IDF. */
  readonly background?: BackgroundStats | undefined;
  /**
   * More papers that count for IDF but are not ranked: the store's collection behind a day's batch.
   * They join the background statistics, if any.
   */
  readonly idfFrom?: readonly Paper[] | undefined;
  /** Write extractive summaries for the included papers (default true; about 1 ms a paper). */
  readonly summaries?: boolean | undefined;
}

/** Which IDF a ranking used, for the run report. */
export interface RankReport {
  readonly idf: 'batch' | 'background+batch';
  /** Papers behind the IDF: background corpus, batch and `idfFrom` together. */
  readonly documents: number;
  readonly included: number;
}

export interface RankerOptions {
  /**
   * The background corpus's statistics (the shipped `corpus-stats.json.gz`). With its feedback corpus,
   * each area finds related words from the corpus papers that match it best (related-terms.ts), once, here;
   * the corpus's words also split joined keyword words ("phasefield"). Pass it even when batches are
   * big enough for their own IDF: IDF comes from `rank`'s own `background` option.
   */
  readonly background?: BackgroundStats | undefined;
  /** Other values of the ranker's tuned constants: for the evaluation's cross-validation only. */
  readonly tuning?: Partial<RankerTuning> | undefined;
  /**
   * What the group did with papers (learning.ts): stars, nominations, reads and dismissals, each with
   * the paper's text. Learned once, here, per area and member. None (or []) ranks exactly as without.
   */
  readonly feedback?: readonly FeedbackExample[] | undefined;
}

/**
 * A ranker for one config: the profiles compiled once, the analyzer's word cache kept between calls.
 * `rank` reads each paper's text once; every profile is scored from the counts it leaves.
 */
export function createRanker(config: GroupConfig, options: RankerOptions = {}) {
  const tuning: RankerTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const focus = focusProfiles(config);
  const followed = groupAuthorMatcher(config.members.map((m) => m.authors));
  const records = {
    areas: recordMaker(config.areas.map((a) => a.id), 0),
    members: recordMaker(config.members.map((m) => m.name), config.areas.length),
    // Getters cost memory too: ranking 100,000 papers with the bench's 20 profiles, they took 28 MB
    // more than records of 4 areas and 16 members made at once (evidence.ts).
    lazy: config.areas.length + config.members.length > 64,
  };
  const model = buildModel(config, focus.specs, options.background, tuning, options.feedback);
  const memberNames = new Set(config.members.map((m) => m.name));
  const namedLikeMembers = config.areas.flatMap((a, i) => (memberNames.has(a.id) ? [i] : []));

  // `trace` asks about one paper of a batch at a time: the batch's statistics are kept between calls.
  let lastParams: { papers: readonly Paper[]; background: unknown; idfFrom: unknown; value: ReturnType<typeof computeParams> } | undefined;
  const paramsFor = (papers: readonly Paper[], options: RankOptions) => {
    if (lastParams?.papers === papers && lastParams.background === options.background && lastParams.idfFrom === options.idfFrom) {
      return lastParams.value;
    }
    const value = computeParams(papers, options);
    lastParams = { papers, background: options.background, idfFrom: options.idfFrom, value };
    return value;
  };
  const computeParams = (papers: readonly Paper[], options: RankOptions) => {
    const features = papers.map((p) => model.analyzer.features(p));
    let idfFrom = options.idfFrom ?? [];
    if (idfFrom.length > 0) {
      const inBatch = new Set(papers.map((p) => p.id));
      idfFrom = idfFrom.filter((p) => !inBatch.has(p.id));
    }
    const stats = model.statsFor(features, options.background, idfFrom);
    return { model, features, stats, params: paramsOf(stats, config) };
  };

  return {
    /** The compiled profiles: written keywords, related ones (when made with a background) and focus keywords. */
    lexicon: model.lexicon,
    /** Keywords each area found in the background corpus, by area id (none without a background). */
    related: model.related,
    /** What each area (then each member) learned from the feedback: counts and strongest terms. */
    learned: model.learned,
    /** Feedback examples that taught nothing: their area and member are not in the config. */
    learnedIgnored: model.learnedIgnored,
    /**
     * Why `target` (one of `papers`) scores as it does against every area and member, keyword by
     * keyword, with the same IDF as `rank(papers, options)`: for `digest explain`.
     */
    trace(papers: readonly Paper[], target: Paper, options: RankOptions = {}): PaperTrace {
      const { model, stats, params } = paramsFor(papers, options);
      const features = model.analyzer.features(target);
      return {
        documents: stats.documents, averageLength: stats.averageLength, length: features.length,
        profiles: model.lexicon.profiles.map((profile) => ({ id: profile.id, kind: profile.kind, ...traceProfile(profile, features, params) })),
      };
    },
    rank(papers: readonly Paper[], options: RankOptions = {}): { papers: RankedPaper[]; report: RankReport } {
      const { model, features, stats, params } = computeParams(papers, options);
      const { lexicon, analyzer, profilesOf } = model;
      // A department's members' scores below the member threshold are made again when read (score-batch.ts).
      const memberFloor = records.lazy && config.ranking.memberThreshold > 0 ? config.ranking.memberThreshold : 0;
      const scores = scoreBatch(config, lexicon, followed, papers, features, params, { memberFloor });
      const sectionOf = assignSections(config.areas, scores, scores.lead, tuning.sectionLead);
      // A paper matches the focus when its title and opening say it is that kind of work: an experimental
      // paper that adds a DFT calculation further on does not.
      const focusOf = (i: number, a: number) => {
        const f = focus.ofArea[a] as number;
        return f < 0 ? 0 : leadRelevance(lexicon.profiles[f] as CompiledProfile, features[i] as PaperFeatures, params);
      };
      // Without related keywords the written relevance is the relevance already computed.
      const relatedAny = lexicon.profiles.some((p) => p.related.includes(1));
      const written = (i: number, a: number) => (relatedAny
        ? writtenRelevance(lexicon.profiles[a] as CompiledProfile, features[i] as PaperFeatures, params)
        : relevanceAt(scores, i, a));
      // A paper whose title or opening names a field next to the group's, and not the group's own, is never a pick.
      const outsideOf = (i: number, a: number) => {
        const { outside, field } = focus.outsideOfArea[a] as { outside: number; field: number };
        const names = (p: number) => p >= 0 && leadRelevance(lexicon.profiles[p] as CompiledProfile, features[i] as PaperFeatures, params) > 0;
        return names(outside) && !names(field);
      };
      const dismissedIn = (i: number, a: number) => model.dismissals.get((papers[i] as Paper).id)?.has(a) === true;
      const placements = placeSections(config, papers, sectionOf, written, focusOf, outsideOf, dismissedIn, options.background, tuning);
      const context: EvidenceContext = {
        config, lexicon, analyzer, profilesOf, shownTerm: model.shownTerm, records, terms: new Map(), notes: new Map(), holders: model.holders, summaries: options.summaries ?? true,
        vocabulary: model.vocabulary, learnedFrom: learnedFromIn(model.learnedFrom, params), namedLikeMembers,
        focusOf: (a) => {
          const f = focus.ofArea[a] as number;
          return f < 0 ? undefined : { profile: lexicon.profiles[f] as CompiledProfile, name: (config.areas[a] as Area).focus?.name ?? config.focus?.name };
        },
      };
      const view = scoredViews(scores, features);
      const ranked = papers.map((paper, i) => evidenceFor(context, paper, view(i), sectionOf[i] as number, placements.get(i)));
      // The digest's order: its sections in config order, each by rank; then the papers left out, best first.
      const order = ranked.map((r, i) => ({ r, section: sectionOf[i] as number }));
      order.sort((a, b) => (a.section < 0 ? Infinity : a.section) - (b.section < 0 ? Infinity : b.section)
        || (a.r.rank ?? 0) - (b.r.rank ?? 0) || b.r.score - a.r.score || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
      for (let i = 0; i < order.length; i++) ranked[i] = (order[i] as (typeof order)[number]).r;
      return {
        papers: ranked,
        report: {
          idf: options.background ? 'background+batch' : 'batch',
          documents: stats.documents,
          included: ranked.filter((r) => r.section !== null).length,
        },
      };
    },
  };
}

/** What a ranker compiles from its config and background: profiles, analyzer, the IDF statistics' cache. */
interface Model {
  readonly lexicon: Lexicon;
  readonly analyzer: Analyzer;
  readonly profilesOf: string[][];
  readonly holders: HolderBits;
  readonly vocabulary: NoteVocabulary;
  readonly related: Readonly<Record<string, readonly Keyword[]>>;
  readonly learned: LearnedModel;
  readonly learnedIgnored: number;
  readonly learnedFrom: LearnedFromFinder | undefined;
  readonly dismissals: Dismissals;
  readonly shownTerm: (feature: number) => string | undefined;
  readonly statsFor: (features: readonly PaperFeatures[], background: BackgroundStats | undefined, idfFrom: readonly Paper[]) => FeatureStats;
}

function buildModel(
  config: GroupConfig, focusSpecs: readonly ProfileSpec[], background: BackgroundStats | undefined, tuning: RankerTuning,
  feedback: readonly FeedbackExample[] | undefined,
): Model {
  const specs: ProfileSpec[] = [
    ...config.areas.map((a) => ({ id: a.id, kind: 'area' as const, keywords: a.keywords, exclude: a.exclude, require: a.require })),
    ...config.members.map((m) => ({ id: m.name, kind: 'member' as const, keywords: m.interests })),
    ...focusSpecs,
  ];
  // Words of the corpus, for splitting a joined keyword word in two ("phasefield" -> phase field),
  // each looked up once per ranker among the statistics' 345,000 terms (a department's keywords ask
  // about the same words thousands of times).
  const corpusWords = new Map<string, boolean>();
  const isWord = background && ((word: string) => {
    let known = corpusWords.get(word);
    if (known === undefined) {
      const term = termOf(word);
      corpusWords.set(word, known = (background.df.get(term) ?? 0) >= 20);
    }
    return known;
  });
  const options: CompileOptions = {
    ...(isWord ? { isWord } : {}), spellings: { written: undefined, byKeyword: new Map() }, acronyms: acronymTable(config.acronyms),
  };
  let lexicon = compileProfiles(specs, options);
  // Learned from the written keywords' lexicon, as the related words are: neither depends on the other.
  let related: Keyword[][] = [];
  const neighbourhoods = feedback && feedback.length > 0 ? areaNeighbourhoods(lexicon, config.areas.length, background, tuning) : [];
  // What the written keywords already make of a taught paper: learning weighs what they miss.
  const keywordRelevanceOf = (papers: readonly Paper[]) => keywordRelevance(config, lexicon, papers, background, tuning);
  const learning: Learning = learnFromExamples(config, feedback, { lexicon, background, tuning, neighbourhoods, keywordRelevance: keywordRelevanceOf });
  if (background?.feedback) related = relatedKeywords(lexicon, config.areas.length, background, tuning);
  // An area without written keywords (a bibliography's) has no related words of its own: its learned
  // words find them, as written keywords do, among the corpus papers that match them best.
  const unwritten = config.areas.map((_, a) => !hasWrittenKeywords(lexicon.profiles[a]) && (learning.keywords[a]?.length ?? 0) > 0);
  if (background?.feedback && unwritten.some(Boolean)) {
    const learnedOnly = compileProfiles(specs.map((spec, p) => ({ ...spec, learned: unwritten[p] ? learning.keywords[p] ?? [] : [] })), options);
    const found = relatedKeywords(learnedOnly, config.areas.length, background, tuning);
    related = related.map((r, a) => (unwritten[a] ? found[a] ?? [] : r));
  }
  if (related.length > 0 || learning.keywords.some((k) => k.length > 0)) {
    lexicon = compileProfiles(specs.map((spec, p) => ({ ...spec, related: related[p] ?? [], learned: learning.keywords[p] ?? [] })), options);
  }
  const analyzer = createAnalyzer(lexicon, tuning.leadWords);
  const profilesOf = featureOwners(lexicon);
  const dismissals = dismissalsOf(config, feedback);
  let backgroundCache: { background: BackgroundStats; stats: FeatureStats } | undefined;
  return {
    lexicon, analyzer, profilesOf, holders: holderBits(lexicon, profilesOf), vocabulary: noteVocabulary(lexicon, config.acronyms),
    related: Object.fromEntries(config.areas.map((a, i) => [a.id, related[i] ?? []])),
    learned: learning.model.length > 0 ? learning.model : untaught(config),
    learnedIgnored: learning.ignored,
    learnedFrom: withDismissals(learning.taught.some((t) => t.length > 0) ? learnedFromFinder(lexicon, learning) : undefined, dismissals),
    dismissals,
    shownTerm: shownTerms(lexicon, learnedModifiers(learning), learnedLabels(learning)),
    statsFor(features, statsBackground, idfFrom) {
      const extra = idfFrom.map((p) => analyzer.features(p));
      const batch = collectStats(lexicon, extra.length ? [...features, ...extra] : features);
      if (!statsBackground) return batch;
      if (backgroundCache?.background !== statsBackground) {
        backgroundCache = { background: statsBackground, stats: backgroundFeatureStats(lexicon, statsBackground) };
      }
      return combineStats(backgroundCache.stats, batch);
    },
  };
}

/**
 * Taught papers' relevance to each area and member by the written keywords alone, as a ranking without
 * feedback scores them (less the corpus's related words, which add little): the papers are the batch,
 * beside the background's statistics. (profile, paper id) -> relevance in [0, 1).
 */
function keywordRelevance(
  config: GroupConfig, lexicon: Lexicon, papers: readonly Paper[], background: BackgroundStats | undefined, tuning: RankerTuning,
): (profile: number, paper: string) => number {
  const index = new Map(papers.map((p, i) => [p.id, i]));
  const analyzer = createAnalyzer(lexicon, tuning.leadWords);
  const features = papers.map((p) => analyzer.features(p));
  const batch = collectStats(lexicon, features);
  const stats = background ? combineStats(backgroundFeatureStats(lexicon, background), batch) : batch;
  const params = paramsOf(stats, config);
  // Each pair asked for is scored alone (score.ts, as scoreBatch scores it): a profile asks about its
  // own examples, where a batch would score a department's every example against every profile its
  // words touch. A followed author concerns a member whatever the words: not asked here.
  return (profile, paper) => {
    const i = index.get(paper);
    return i === undefined ? 0 : scoreProfile(lexicon.profiles[profile] as CompiledProfile, features[i] as PaperFeatures, params).relevance;
  };
}

/** The scoring parameters of a batch's statistics: its IDF, average length and the config's title weight. */
function paramsOf(stats: FeatureStats, config: GroupConfig): ScoreParams {
  return { idf: idfOf(stats), averageLength: stats.averageLength, titleWeight: config.ranking.titleWeight };
}

/** Paper id -> area index -> the latest dismissal of the paper in that area, for papers no one starred or put forward there. */
type Dismissals = ReadonlyMap<string, ReadonlyMap<number, LearnedFrom>>;

/**
 * The papers the group dismissed ("not for us") in an area: the latest dismissal of each, unless a
 * member starred or put the paper forward in the same area (one colleague's "not for us" does not
 * outweigh another's star).
 */
function dismissalsOf(config: GroupConfig, feedback: readonly FeedbackExample[] | undefined): Dismissals {
  const out = new Map<string, Map<number, LearnedFrom>>();
  if (!feedback) return out;
  const areaIndex = new Map(config.areas.map((a, i) => [a.id, i]));
  const kept = new Set(feedback.filter((e) => e.signal === 'star' || e.signal === 'nominate').map((e) => `${e.paper.id}\n${e.area ?? ''}`));
  for (const e of feedback) {
    const a = e.area === undefined ? undefined : areaIndex.get(e.area);
    if (e.signal !== 'dismiss' || a === undefined || kept.has(`${e.paper.id}\n${e.area}`)) continue;
    let areas = out.get(e.paper.id);
    if (!areas) out.set(e.paper.id, areas = new Map());
    const before = areas.get(a);
    if (before && (before.at ?? '') >= (e.at ?? '')) continue;
    areas.set(a, {
      id: e.paper.id, title: e.paper.title, signal: 'dismiss', self: true,
      ...(e.member !== undefined && { member: e.member }), ...(e.at !== undefined && { at: e.at }),
    });
  }
  return out;
}

/** The finder with this batch's scoring parameters, for the evidence of its papers. */
function learnedFromIn(finder: LearnedFromFinder | undefined, params: ScoreParams): EvidenceContext['learnedFrom'] {
  return finder && ((area, features, id) => finder(area, features, id, params));
}

/** A paper the group dismissed in its section's area is that dismissal, for its note; any other as `finder` finds. */
function withDismissals(finder: LearnedFromFinder | undefined, dismissals: Dismissals): LearnedFromFinder | undefined {
  if (dismissals.size === 0) return finder;
  return (area, features, id, params) => dismissals.get(id)?.get(area) ?? finder?.(area, features, id, params);
}

/**
 * The learned keywords, as compiled (lower case), that weigh in unshown (the taught papers write them
 * only before the rest of their phrase, or they may be no phrase) for every area and member that learned them.
 */
function learnedModifiers(learning: Learning): Set<string> {
  const out = new Set<string>();
  const whole = new Set<string>();
  for (const keywords of learning.keywords) for (const k of keywords) (k.modifier ? out : whole).add(k.term.toLowerCase());
  for (const word of whole) out.delete(word);
  return out;
}

/** The learned keywords, as compiled (lower case), whose line shows them otherwise: "initio" as "ab initio". */
function learnedLabels(learning: Learning): Map<string, string> {
  const out = new Map<string, string>();
  for (const keywords of learning.keywords) {
    for (const k of keywords) if (k.shown.toLowerCase() !== k.term.toLowerCase()) out.set(k.term.toLowerCase(), k.shown);
  }
  return out;
}

/** The learned model of a ranker without feedback: every area and member, nothing learned. */
function untaught(config: GroupConfig): LearnedModel {
  return [
    ...config.areas.map((a) => ({ id: a.id, kind: 'area' as const, positives: 0, negatives: 0, terms: [] })),
    ...config.members.map((m) => ({ id: m.name, kind: 'member' as const, positives: 0, negatives: 0, terms: [] })),
  ];
}

/** A paper's scores laid out keyword by keyword, for every profile (areas first, then members, then focus profiles). */
export interface PaperTrace {
  readonly documents: number;
  readonly averageLength: number;
  /** Words in the paper's title and abstract. */
  readonly length: number;
  readonly profiles: readonly ({ readonly id: string; readonly kind: ProfileKind } & ScoreTrace)[];
}

/**
 * The focus profiles: the group's, and each area's own; `ofArea[a]` is the profile index (after the
 * areas and members) of area a's focus, or -1 when it has none.
 */
function focusProfiles(config: GroupConfig): {
  specs: ProfileSpec[]; ofArea: number[]; outsideOfArea: readonly { readonly outside: number; readonly field: number }[];
} {
  const specs: ProfileSpec[] = [];
  const first = config.areas.length + config.members.length;
  const add = (id: string, keywords: readonly Keyword[], kind: ProfileKind = 'focus') => first + specs.push({ id, kind, keywords }) - 1;
  const list = (terms: readonly string[] | undefined, id: string) =>
    (terms && terms.length > 0 ? add(id, terms.map((term) => ({ term, weight: 1 })), 'outside') : -1);
  const lists = (focus: Focus | undefined, suffix: string) => {
    const outside = list(focus?.outside, `#outside${suffix}`);
    return { outside, field: outside < 0 ? -1 : list(focus?.field, `#field${suffix}`) };
  };
  const group = config.focus ? add('#focus', config.focus.keywords) : -1;
  const groupOutside = lists(config.focus, '');
  const ofArea = config.areas.map((area) => (area.focus ? add(`#focus:${area.id}`, area.focus.keywords) : group));
  // An area's own focus brings its own lists (or none), as it brings its own keywords.
  const outsideOfArea = config.areas.map((area) => (area.focus ? lists(area.focus, `:${area.id}`) : groupOutside));
  return { specs, ofArea, outsideOfArea };
}

/** Every section's picks and order (sections.ts), by batch index. */
function placeSections(
  config: GroupConfig, papers: readonly Paper[], sectionOf: Int32Array, relevanceOf: (paper: number, area: number) => number,
  focusOf: (paper: number, area: number) => number, outsideOf: (paper: number, area: number) => boolean,
  dismissedIn: (paper: number, area: number) => boolean, background: BackgroundStats | undefined, tuning: RankerTuning,
): Map<number, Placement> {
  const bySection: SectionPaper[][] = config.areas.map(() => []);
  for (let i = 0; i < sectionOf.length; i++) {
    const a = sectionOf[i] as number;
    if (a < 0) continue;
    const paper = papers[i] as Paper;
    bySection[a]?.push({ index: i, id: paper.id, relevance: relevanceOf(i, a), focus: focusOf(i, a), outside: outsideOf(i, a), untold: !paper.abstract?.trim(), dismissed: dismissedIn(i, a) });
  }
  const placements = new Map<number, Placement>();
  config.areas.forEach((area, a) => {
    const count = area.picks ?? config.ranking.picks;
    const vectorsOf = (candidates: readonly SectionPaper[]) => termVectors(candidates.map((c) => papers[c.index] as Paper), background);
    for (const [i, placement] of placeSection(bySection[a] ?? [], count, vectorsOf, tuning)) placements.set(i, placement);
  });
  return placements;
}

/** Ranks papers for a group: scores, sections and evidence. See createRanker to rank many batches. */
export function rankPapers(papers: readonly Paper[], config: GroupConfig, options: RankOptions = {}) {
  return createRanker(config).rank(papers, options);
}
