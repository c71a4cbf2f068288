import type { Area, GroupConfig, MatchedTerm, MemberMatch, Paper } from '@labdigest/core';
import { createAnalyzer, type PaperFeatures } from './analyze.ts';
import type { BackgroundStats } from './background.ts';
import { authorMatcher } from './authors.ts';
import { leftOutNote, listWords, matchedTermsOf, relevanceNote } from './explain.ts';
import { backgroundFeatureStats, collectStats, combineStats, idfOf, type FeatureStats } from './idf.ts';
import { compileProfiles, type Lexicon } from './profiles.ts';
import { scoreProfile, traceProfile, type ScoreParams, type ScoreTrace } from './score.ts';
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
  const followed = config.members.map((m) => authorMatcher(m.authors));
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
    const inBatch = new Set(papers.map((p) => p.id));
    const stats = statsFor(features, options.background, (options.idfFrom ?? []).filter((p) => !inBatch.has(p.id)));
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
      const scored = papers.map((paper, i) => scorePaper(config, lexicon, followed, paper, features[i] as PaperFeatures, params));
      const sectionOf = assignSections(config.areas, scored);
      const ranked = scored.map((s, i) => explainPaper({
        config, lexicon, analyzer, profilesOf, paper: papers[i] as Paper, scored: s, section: sectionOf[i] ?? null,
        summaries: options.summaries ?? true,
      }));
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

interface Scored {
  readonly features: PaperFeatures;
  readonly areas: { readonly area: Area; readonly score: number; readonly excludedBy: number; readonly unmet: number }[];
  readonly members: { readonly name: string; readonly score: number; readonly authors: string[] }[];
}

function scorePaper(
  config: GroupConfig, lexicon: Lexicon, followed: readonly ((authors: readonly string[]) => string[])[],
  paper: Paper, features: PaperFeatures, params: ScoreParams,
): Scored {
  const profiles = lexicon.profiles;
  if (features.ids.length === 0) {
    // No keyword at all (most of a day's arXiv): only a followed author can make it count.
    const authors = followed.map((match) => match(paper.authors));
    if (authors.every((a) => a.length === 0)) return nothingScored(config, features, profiles);
  }
  const areas = config.areas.map((area, i) => {
    const s = scoreProfile(profiles[i]!, features, params);
    return { area, score: s.relevance, excludedBy: s.excludedBy, unmet: s.unmet };
  });
  const members = config.members.map((member, j) => {
    const s = scoreProfile(profiles[config.areas.length + j]!, features, params);
    const authors = followed[j]!(paper.authors);
    // A followed author makes the paper the member's concern whatever its words.
    return { name: member.name, score: authors.length ? Math.max(s.relevance, 0.9) : s.relevance, authors };
  });
  return { features, areas, members };
}

const nothingScoredCache = new WeakMap<GroupConfig, Omit<Scored, 'features'>>();

/** The scores of a paper that matches nothing, shared by all such papers of a config. */
function nothingScored(config: GroupConfig, features: PaperFeatures, profiles: Lexicon['profiles']): Scored {
  let nothing = nothingScoredCache.get(config);
  if (!nothing) {
    nothing = {
      areas: config.areas.map((area, i) => ({ area, score: 0, excludedBy: -1, unmet: profiles[i]!.require.length ? 0 : -1 })),
      members: config.members.map((m) => ({ name: m.name, score: 0, authors: [] })),
    };
    nothingScoredCache.set(config, nothing);
  }
  return { features, ...nothing };
}

/**
 * Each paper goes to its best area if it clears that area's threshold; a section keeps its top
 * `maxPapers` (ties by id), the rest are left out as crowded out.
 */
function assignSections(areas: readonly Area[], scored: readonly Scored[]): (string | null)[] {
  const best = scored.map((s) => {
    let top: Scored['areas'][number] | undefined;
    for (const a of s.areas) if (a.score >= a.area.threshold && a.score > 0 && (!top || a.score > top.score)) top = a;
    return top;
  });
  const sectionOf: (string | null)[] = best.map((b) => b?.area.id ?? null);
  for (const area of areas) {
    if (area.maxPapers === undefined) continue;
    const members = scored.map((_, i) => i).filter((i) => sectionOf[i] === area.id);
    members.sort((x, y) => (best[y]!.score - best[x]!.score) || 0);
    for (const i of members.slice(area.maxPapers)) sectionOf[i] = null;
  }
  return sectionOf;
}

function featureOwners(lexicon: Lexicon): string[][] {
  const owners: string[][] = lexicon.features.map(() => []);
  for (const profile of lexicon.profiles) {
    profile.features.forEach((f, k) => { if ((profile.weights[k] ?? 0) > 0) owners[f]?.push(profile.id); });
  }
  return owners;
}

function explainPaper(input: {
  config: GroupConfig; lexicon: Lexicon; analyzer: ReturnType<typeof createAnalyzer>; profilesOf: string[][];
  paper: Paper; scored: Scored; section: string | null; summaries: boolean;
}): RankedPaper {
  const { config, lexicon, analyzer, paper, scored, section } = input;
  if (scored.features.ids.length === 0 && scored.members.every((m) => m.score === 0)) {
    // Most of a day's papers hold no keyword at all: they share their all-zero evidence.
    const nothing = nothingFor(config);
    return { id: paper.id, title: paper.title, section: null, score: 0, ...nothing };
  }
  const best = scored.areas.reduce<Scored['areas'][number] | undefined>((b, a) => (!b || a.score > b.score ? a : b), undefined);
  const here = scored.areas.find((a) => a.area.id === section);
  // Spans (the words to highlight) only for papers the digest shows.
  const spans = section !== null
    ? { title: analyzer.matches(paper.title), abstract: analyzer.matches(paper.abstract ?? '') }
    : undefined;
  const terms = matchedTermsOf(lexicon, scored.features, spans, input.profilesOf);

  const scores: Record<string, number> = {};
  for (const a of scored.areas) scores[a.area.id] = round(a.score);
  const memberScores: Record<string, number> = {};
  for (const m of scored.members) memberScores[m.name] = round(m.score);
  const excludedBy: Record<string, string> = {};
  for (const a of scored.areas) if (a.excludedBy >= 0) excludedBy[a.area.id] = lexicon.features[a.excludedBy]?.keyword ?? '';

  if (section === null || here === undefined) {
    return {
      id: paper.id, title: paper.title, section: null, score: round(best?.score ?? 0), scores, memberScores,
      matchedTerms: terms, members: [], summary: null, excludedBy,
      note: leftOutNote({
        best, crowdedOut: best !== undefined && best.score >= best.area.threshold && best.score > 0,
        excluded: scored.areas.filter((a) => a.excludedBy >= 0)
          .map((a) => ({ area: a.area, keyword: lexicon.features[a.excludedBy]?.keyword ?? '' })),
        unmet: scored.areas
          .filter((a) => a.unmet >= 0 && terms.some((t) => t.profiles.includes(a.area.id)))
          .map((a) => ({ area: a.area, keywords: a.area.require[a.unmet] ?? [] })),
      }),
    };
  }

  const members = concernedMembers(config, scored, terms, here.area);
  const others = scored.areas
    .filter((a) => a.area.id !== section && a.score >= a.area.threshold * 0.8)
    .map((a) => ({ name: a.area.name, score: a.score }));
  const weightAt = sentenceWeigher(spans?.abstract.matches ?? [], input.profilesOf, here.area.id);
  return {
    id: paper.id, title: paper.title, section, score: round(here.score), scores, memberScores,
    matchedTerms: terms, members, excludedBy,
    summary: paper.abstract && input.summaries ? summarize(spans?.abstract.text ?? paper.abstract, weightAt) : null,
    note: relevanceNote({ group: config.group.name, area: here.area, score: here.score, terms, members, others }),
  };
}

function concernedMembers(config: GroupConfig, scored: Scored, terms: readonly MatchedTerm[], area: Area): MemberMatch[] {
  const threshold = config.ranking.memberThreshold;
  const concerned = scored.members
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
    .filter((m) => m.areas.includes(area.id))
    .map((m) => ({
      name: m.name,
      score: round(scored.members.find((s) => s.name === m.name)?.score ?? 0),
      reasons: [`follows ${area.name}`],
    }));
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
