import type { Area, GroupConfig, MatchedTerm, MemberMatch, Paper } from '@labdigest/core';
import { createAnalyzer, type PaperFeatures } from './analyze.ts';
import type { BackgroundStats } from './background.ts';
import { groupAuthorMatcher, NO_ONE } from './authors.ts';
import { leftOutNote, listWords, matchedTermsOf, relevanceNote, type TermPool } from './explain.ts';
import { backgroundFeatureStats, collectStats, combineStats, idfOf, type FeatureStats } from './idf.ts';
import { compileProfiles, type CompiledProfile, type Lexicon } from './profiles.ts';
import { scoreProfile, traceProfile, untouchedScore, type ScoreParams, type ScoreTrace } from './score.ts';
import { summarize } from './summary.ts';

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

/**
 * A ranker for one config: the profiles compiled once, the analyzer's word cache kept between calls.
 * `rank` reads each paper's text once; every profile is scored from the counts it leaves.
 */
export function createRanker(config: GroupConfig) {
  const lexicon = compileProfiles([
    ...config.areas.map((a) => ({ id: a.id, kind: 'area' as const, keywords: a.keywords, exclude: a.exclude, require: a.require })),
    ...config.members.map((m) => ({ id: m.name, kind: 'member' as const, keywords: m.interests })),
  ]);
  const analyzer = createAnalyzer(lexicon);
  const profilesOf = featureOwners(lexicon);
  const followed = groupAuthorMatcher(config.members.map((m) => m.authors));
  const records = {
    areas: recordMaker(config.areas.map((a) => a.id)),
    members: recordMaker(config.members.map((m) => m.name)),
  };
  let backgroundCache: { background: BackgroundStats; stats: FeatureStats } | undefined;

  const statsFor = (features: readonly PaperFeatures[], background: BackgroundStats | undefined, idfFrom: readonly Paper[]) => {
    const extra = idfFrom.map((p) => analyzer.features(p));
    const batch = collectStats(lexicon, extra.length ? [...features, ...extra] : features);
    if (!background) return batch;
    if (backgroundCache?.background !== background) {
      backgroundCache = { background, stats: backgroundFeatureStats(lexicon, background) };
    }
    return combineStats(backgroundCache.stats, batch);
  };

  // `explain` asks about one paper of a batch at a time: the batch's statistics are kept between calls.
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
    const features = papers.map((p) => analyzer.features(p));
    let idfFrom = options.idfFrom ?? [];
    if (idfFrom.length > 0) {
      const inBatch = new Set(papers.map((p) => p.id));
      idfFrom = idfFrom.filter((p) => !inBatch.has(p.id));
    }
    const stats = statsFor(features, options.background, idfFrom);
    const params: ScoreParams = { idf: idfOf(stats), averageLength: stats.averageLength, titleWeight: config.ranking.titleWeight };
    return { features, stats, params };
  };

  return {
    lexicon,
    /**
     * Why `target` (one of `papers`) scores as it does against every area and member, keyword by
     * keyword, with the same IDF as `rank(papers, options)`: for `digest explain`.
     */
    explain(papers: readonly Paper[], target: Paper, options: RankOptions = {}): PaperTrace {
      const { stats, params } = paramsFor(papers, options);
      const features = analyzer.features(target);
      return {
        documents: stats.documents, averageLength: stats.averageLength, length: features.length,
        profiles: lexicon.profiles.map((profile) => ({ id: profile.id, kind: profile.kind, ...traceProfile(profile, features, params) })),
      };
    },
    rank(papers: readonly Paper[], options: RankOptions = {}): { papers: RankedPaper[]; report: RankReport } {
      const { features, stats, params } = computeParams(papers, options);
      const scores = scoreBatch(config, lexicon, followed, papers, features, params);
      const sectionOf = assignSections(config.areas, scores);
      const context: ExplainContext = {
        config, lexicon, analyzer, profilesOf, records, terms: new Map(), notes: new Map(), summaries: options.summaries ?? true,
      };
      const ranked = papers.map((paper, i) => explainPaper(context, paper, scoredView(scores, features, i), sectionOf[i] as number));
      ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

/** A paper's scores laid out keyword by keyword, for every profile (areas first, then members). */
export interface PaperTrace {
  readonly documents: number;
  readonly averageLength: number;
  /** Words in the paper's title and abstract. */
  readonly length: number;
  readonly profiles: readonly ({ readonly id: string; readonly kind: 'area' | 'member' } & ScoreTrace)[];
}

/** Ranks papers for a group: scores, sections and evidence. See createRanker to rank many batches. */
export function rankPapers(papers: readonly Paper[], config: GroupConfig, options: RankOptions = {}) {
  return createRanker(config).rank(papers, options);
}

/**
 * A batch's scores in flat arrays, paper by paper: no object per paper and profile, so a large batch
 * leaves the garbage collector little to copy between scoring and explaining.
 */
interface BatchScores {
  readonly profiles: number;
  readonly areas: number;
  /** paper * profiles + profile (areas first, then members): relevance; members' with the followed-author floor. */
  readonly relevance: Float64Array;
  /** paper * areas + area: the exclusion's feature id that zeroed the area, or -1. */
  readonly excludedBy: Int32Array;
  /** paper * areas + area: the first `require` list the paper does not touch, or -1. */
  readonly unmet: Int32Array;
  /** Paper index -> per member, the followed authors among the paper's (only papers with one). */
  readonly authors: Map<number, readonly (readonly string[])[]>;
}

function scoreBatch(
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

/** One paper's part of the batch's scores, for explaining it. */
interface Scored {
  readonly features: PaperFeatures;
  readonly scores: BatchScores;
  /** Offset of the paper's row in `relevance`. */
  readonly row: number;
  /** Offset of the paper's areas in `excludedBy` and `unmet`. */
  readonly areaRow: number;
  /** Per member, the followed authors among the paper's, if any. */
  readonly authors: readonly (readonly string[])[] | undefined;
}

function scoredView(scores: BatchScores, features: readonly PaperFeatures[], i: number): Scored {
  return { features: features[i] as PaperFeatures, scores, row: i * scores.profiles, areaRow: i * scores.areas, authors: scores.authors.get(i) };
}

/**
 * Each paper goes to its best area if it clears that area's threshold; a section keeps its top
 * `maxPapers` (ties by batch order), the rest are left out as crowded out. Area index per paper, or -1.
 */
function assignSections(areas: readonly Area[], scores: BatchScores): Int32Array {
  const n = scores.relevance.length / scores.profiles;
  const sectionOf = new Int32Array(n).fill(-1);
  const bestScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * scores.profiles;
    let top = -1;
    let topScore = 0;
    for (let a = 0; a < areas.length; a++) {
      const score = scores.relevance[row + a] as number;
      if (score >= (areas[a] as Area).threshold && score > 0 && (top < 0 || score > topScore)) { top = a; topScore = score; }
    }
    sectionOf[i] = top;
    bestScore[i] = topScore;
  }
  areas.forEach((area, a) => {
    if (area.maxPapers === undefined) return;
    const inSection: number[] = [];
    for (let i = 0; i < n; i++) if (sectionOf[i] === a) inSection.push(i);
    inSection.sort((x, y) => ((bestScore[y] as number) - (bestScore[x] as number)) || 0);
    for (const i of inSection.slice(area.maxPapers)) sectionOf[i] = -1;
  });
  return sectionOf;
}

/**
 * Makes records keyed by area ids or member names from a row of numbers: each a copy of one
 * template, so all share one shape and no property is added one by one.
 */
function recordMaker(keys: readonly string[]) {
  const template: Record<string, number> = {};
  for (const key of keys) template[key] = 0;
  const zero = Object.freeze({ ...template });
  return (values: Float64Array, offset: number): Record<string, number> => {
    let record: Record<string, number> | undefined;
    for (let k = 0; k < keys.length; k++) {
      const value = values[offset + k] as number;
      if (value === 0) continue;
      record ??= { ...template };
      record[keys[k] as string] = round(value);
    }
    // Most papers score 0 against every member, or every area: they share one frozen record.
    return record ?? zero;
  };
}

function featureOwners(lexicon: Lexicon): string[][] {
  const owners: string[][] = lexicon.features.map(() => []);
  for (const profile of lexicon.profiles) {
    profile.features.forEach((f, k) => { if ((profile.weights[k] ?? 0) > 0) owners[f]?.push(profile.id); });
  }
  return owners;
}

interface ExplainContext {
  readonly config: GroupConfig;
  readonly lexicon: Lexicon;
  readonly analyzer: ReturnType<typeof createAnalyzer>;
  readonly profilesOf: string[][];
  readonly records: { readonly areas: RecordMaker; readonly members: RecordMaker };
  readonly terms: TermPool;
  readonly notes: LeftOutNotes;
  readonly summaries: boolean;
}

type RecordMaker = ReturnType<typeof recordMaker>;

/** A paper's evidence from its scores: matched terms, members, the note, the summary. `section`: area index or -1. */
function explainPaper(context: ExplainContext, paper: Paper, scored: Scored, section: number): RankedPaper {
  const { config, lexicon, analyzer, records } = context;
  const { relevance, excludedBy: excludedAt, unmet: unmetAt } = scored.scores;
  const areas = config.areas;
  const memberRow = scored.row + areas.length;
  if (scored.features.ids.length === 0 && !scored.authors) {
    // Most of a day's papers hold no keyword at all: they share their all-zero evidence.
    // Written out, not spread: copying a frozen object's properties takes V8's slow path.
    const nothing = nothingFor(config);
    return {
      id: paper.id, title: paper.title, section: null, score: 0, scores: nothing.scores, memberScores: nothing.memberScores,
      matchedTerms: nothing.matchedTerms, members: nothing.members, summary: null, excludedBy: nothing.excludedBy, note: nothing.note,
    };
  }
  const areaScore = (a: number) => relevance[scored.row + a] as number;
  let best = 0;
  for (let a = 1; a < areas.length; a++) if (areaScore(a) > areaScore(best)) best = a;
  const here = section >= 0 ? areas[section] : undefined;
  // Spans (the words to highlight) only for papers the digest shows.
  const spans = here
    ? { title: analyzer.matches(paper.title), abstract: analyzer.matches(paper.abstract ?? '') }
    : undefined;
  const terms = matchedTermsOf(lexicon, scored.features, spans, context.profilesOf, context.terms);

  const scores = records.areas(relevance, scored.row);
  const memberScores = records.members(relevance, memberRow);
  let excludedBy: Record<string, string> = NO_EXCLUSIONS;
  for (let a = 0; a < areas.length; a++) {
    const f = excludedAt[scored.areaRow + a] as number;
    if (f >= 0) (excludedBy === NO_EXCLUSIONS ? (excludedBy = {}) : excludedBy)[(areas[a] as Area).id] = lexicon.features[f]?.keyword ?? '';
  }

  if (here === undefined) {
    const bestArea = areas[best];
    const bestScore = areas.length ? areaScore(best) : 0;
    // Most left-out papers have neither: no array made for them.
    let excluded: { area: Area; keyword: string }[] | undefined;
    let unmet: { area: Area; keywords: readonly string[] }[] | undefined;
    for (let a = 0; a < areas.length; a++) {
      const area = areas[a] as Area;
      const f = excludedAt[scored.areaRow + a] as number;
      if (f >= 0) (excluded ??= []).push({ area, keyword: lexicon.features[f]?.keyword ?? '' });
      const g = unmetAt[scored.areaRow + a] as number;
      if (g >= 0 && terms.some((t) => t.profiles.includes(area.id))) (unmet ??= []).push({ area, keywords: area.require[g] ?? [] });
    }
    const crowdedOut = bestArea !== undefined && bestScore >= bestArea.threshold && bestScore > 0;
    const note = () => leftOutNote({ best: bestArea && { area: bestArea, score: bestScore }, crowdedOut, excluded: excluded ?? [], unmet: unmet ?? [] });
    return {
      id: paper.id, title: paper.title, section: null, score: round(bestScore), scores, memberScores,
      matchedTerms: terms, members: NO_MEMBERS, summary: null, excludedBy,
      // Below the threshold and nothing more to say (most left-out papers): one note per area and score.
      note: !crowdedOut && !excluded && !unmet ? sharedNote(context.notes, best, bestScore, note) : note(),
    };
  }

  const members = concernedMembers(config, scored, terms, here);
  const others = areas.flatMap((area, a) =>
    a !== section && areaScore(a) >= area.threshold * 0.8 ? [{ name: area.name, score: areaScore(a) }] : []);
  const weightAt = sentenceWeigher(spans?.abstract.matches ?? [], context.profilesOf, here.id);
  return {
    id: paper.id, title: paper.title, section: here.id, score: round(areaScore(section)), scores, memberScores,
    matchedTerms: terms, members, excludedBy,
    summary: paper.abstract && context.summaries ? summarize(spans?.abstract.text ?? paper.abstract, weightAt) : null,
    note: relevanceNote({ group: config.group.name, area: here, score: areaScore(section), terms, members, others }),
  };
}

/** Left-out notes by best area and score as the note prints it: "… scored 0.12, below its threshold …". */
type LeftOutNotes = Map<number, Map<string, string>>;

function sharedNote(notes: LeftOutNotes, area: number, score: number, make: () => string): string {
  let byScore = notes.get(area);
  if (!byScore) notes.set(area, byScore = new Map());
  const printed = score === 0 ? 'none' : score.toFixed(2); // 0 reads "no keyword matches", 0.001 "scored 0.00"
  let note = byScore.get(printed);
  if (note === undefined) byScore.set(printed, note = make());
  return note;
}

const NO_MEMBERS: readonly MemberMatch[] = Object.freeze([]);
const NO_EXCLUSIONS: Record<string, string> = Object.freeze({}) as Record<string, string>;

function concernedMembers(config: GroupConfig, scored: Scored, terms: readonly MatchedTerm[], area: Area): MemberMatch[] {
  const threshold = config.ranking.memberThreshold;
  const memberRow = scored.row + config.areas.length;
  const scoreOf = (j: number) => scored.scores.relevance[memberRow + j] as number;
  const authorsOf = (j: number) => scored.authors?.[j] ?? NO_ONE;
  const concerned = config.members
    .map((m, j) => ({ name: m.name, score: scoreOf(j), authors: authorsOf(j) }))
    .filter((m) => m.score >= threshold || m.authors.length > 0)
    .sort((a, b) => b.score - a.score)
    .map((m) => {
      const interests = terms.filter((t) => t.profiles.includes(m.name)).slice(0, 3).map((t) => t.keyword);
      const reasons = [
        ...(interests.length ? [`interests: ${listWords(interests)}`] : []),
        ...m.authors.map((a) => `follows ${a}`),
      ];
      return { name: m.name, score: round(m.score), reasons };
    });
  if (concerned.length > 0) return concerned;
  // Nobody's interests are hit hard enough: the paper goes to those who follow its area.
  return config.members
    .map((m, j) => ({ member: m, j }))
    .filter(({ member }) => member.areas.includes(area.id))
    .map(({ member, j }) => ({ name: member.name, score: round(scoreOf(j)), reasons: [`follows ${area.name}`] }));
}

/** Weight of the area's keyword occurrences inside a span of the abstract, for the summary. */
function sentenceWeigher(matches: readonly { feature: number; start: number; end: number }[], owners: string[][], areaId: string) {
  return (start: number, end: number) => {
    let w = 0;
    for (const m of matches) {
      if (m.start >= start && m.end <= end) w += owners[m.feature]?.includes(areaId) ? 1 : 0.3;
    }
    return w;
  };
}

const nothingCache = new WeakMap<GroupConfig, Omit<RankedPaper, 'id' | 'title' | 'section' | 'score'>>();

/** The evidence of a paper that matches no keyword and no followed author, made once per config. */
function nothingFor(config: GroupConfig) {
  let nothing = nothingCache.get(config);
  if (!nothing) {
    nothing = Object.freeze({
      scores: Object.freeze(Object.fromEntries(config.areas.map((a) => [a.id, 0]))),
      memberScores: Object.freeze(Object.fromEntries(config.members.map((m) => [m.name, 0]))),
      matchedTerms: Object.freeze([]), members: Object.freeze([]), summary: null,
      excludedBy: Object.freeze({}),
      note: leftOutNote({ best: undefined, crowdedOut: false, excluded: [], unmet: [] }),
    });
    nothingCache.set(config, nothing);
  }
  return nothing;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
