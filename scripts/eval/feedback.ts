// pnpm eval --feedback: learning from the group (issue 19), simulated on the labelled dev set.
//
// 5-fold cross-validation (the folds of `pnpm eval --cv`): for each fold, the other four teach and the
// fold is ranked as one batch; figures are pooled over the five held-out folds, so no paper is both
// taught and tested. What a simulated group does on the training folds, per area and for n stars:
//   - stars: the area's grade-2 papers, up to n, in a fixed order (an FNV hash of the id, never the titles);
//     each starred by a member who follows the area (in turn), or by the group when none does;
//   - dismissals: papers graded 0 in the area that came up for it once the stars had taught the profile
//     (relevance to it above 0), the most relevant first, up to n: what the group saw and turned down.
// Rows: `keywords` ranks with the profile alone; `learned` with the same profile and the examples;
// `svm` is arxiv-sanity-lite's method (svm.ts) trained on the same stars and dismissals, the rest of the
// training folds and 2,000 corpus papers as its untagged pool; a paper goes to the area whose SVM gives
// it the largest decision value, when that value is above 0 (the SVM's own "tagged" side), and is left
// out otherwise. It uses no keywords, so it is the same under both profiles.
// Profiles: `full` is the config; `minimal` keeps each area's name and its three highest-weighted
// keywords (ties in the config's order), nothing else (no require or exclude lists, the default
// threshold), as a new group would start; members keep their three highest-weighted interests.
// Then `seen` (runSeenCheck): a group that stars and dismisses what its sections show it; and `gentle`
// (runGentleCheck): how much six stars on a section's best (or last) papers grow it.
import type { Area, GroupConfig, Member, Paper } from '@labdigest/core';
import { createRanker, DEFAULT_TUNING, draftAreas, type BackgroundStats, type FeedbackExample, type RankedPaper, type RankerTuning } from '@labdigest/ranker';
import { hash, makeFolds } from './cv.ts';
import { readSampleWeek, type Grades } from './data.ts';
import { f3, figuresOf, type Figures, type Judged } from './figures.ts';
import { tfidfVectorizer, trainLinearSvm, type SparseVector } from './svm.ts';

export interface FeedbackInput {
  readonly config: GroupConfig;
  readonly papers: readonly Paper[];
  readonly labels: ReadonlyMap<string, Grades>;
  /** The background with a feedback corpus built without the labelled papers (data.ts). */
  readonly background: BackgroundStats;
  /** Corpus papers outside the dev set: the SVM's untagged pool. */
  readonly corpus: readonly Paper[];
}

const STARS = [10, 25, 50] as const;
const TAUGHT_AT = '2026-11-12T09:00:00Z';
/** Default threshold of an area written without one (core/config.ts). */
const DEFAULT_THRESHOLD = 0.5;

export function runFeedbackEval(input: FeedbackInput): void {
  const folds = makeFolds(input.papers, input.labels);
  const profiles = { full: input.config, minimal: minimalConfig(input.config) } as const;
  const taughtCounts: string[] = [];
  const svmRows = new Map<number, Judged[]>();
  for (const [name, config] of Object.entries(profiles)) {
    const keywords = folds.flatMap((fold) => rank(config, fold, input.background, undefined));
    for (const n of STARS) {
      const learned: RankedPaper[] = [];
      const counts = config.areas.map(() => ({ stars: 0, dismissals: 0 }));
      folds.forEach((fold, k) => {
        const train = folds.filter((_, j) => j !== k).flat();
        const examples = simulateGroup(config, train, input, n);
        for (const e of examples) {
          const c = counts[config.areas.findIndex((a) => a.id === e.area)]!;
          if (e.signal === 'star') c.stars++; else c.dismissals++;
        }
        learned.push(...rank(config, fold, input.background, examples));
      });
      if (!svmRows.has(n)) svmRows.set(n, folds.flatMap((fold, k) => svmJudged(input, folds.filter((_, j) => j !== k).flat(), fold, n)));
      printRow(name, n, 'keywords', figuresOf(keywords, input.labels, config));
      printRow(name, n, 'learned', figuresOf(learned, input.labels, config));
      printRow(name, n, 'svm', figuresOf(svmRows.get(n)!, input.labels, config));
      taughtCounts.push(`${name} n=${n}: ${config.areas.map((a, i) => `${a.id} ${(counts[i]!.stars / folds.length).toFixed(1)}+/`
        + `${(counts[i]!.dismissals / folds.length).toFixed(1)}-`).join(', ')}`);
    }
  }
  console.log('eval-feedback: examples per area and training fold (mean stars+/dismissals-; a fold teaches with the core papers it has):');
  for (const line of taughtCounts) console.log(`eval-feedback:   ${line}`);
  runBibCheck(input, folds);
  runDraftCheck(input);
  runHeldBack(input);
  runSeenCheck(input);
  runGentleCheck(input);
}

/**
 * A group that marks what its digest shows it: 5-fold as above, each training fold's papers ranked by
 * the profile alone, then every paper in an area's section starred there when graded 2, dismissed
 * when graded 0 (the 1s left alone), and the held-out fold ranked with that. The simulation above stars
 * core papers the keywords may never have shown; a real group sees its sections. Rows as above,
 * `seen profile=… model=keywords|learned`.
 */
function runSeenCheck(input: FeedbackInput): void {
  const folds = makeFolds(input.papers, input.labels);
  for (const [name, config] of [['full', input.config], ['minimal', minimalConfig(input.config)]] as const) {
    const learned = folds.flatMap((fold, k) => {
      const train = folds.filter((_, j) => j !== k).flat();
      const byId = new Map(train.map((p) => [p.id, p]));
      const examples = rank(config, train, input.background, undefined).flatMap((r): FeedbackExample[] => {
        const grade = r.section === null ? undefined : input.labels.get(r.id)?.[r.section];
        if (grade !== 2 && grade !== 0) return [];
        return [{ paper: byId.get(r.id)!, signal: grade === 2 ? 'star' : 'dismiss', area: r.section!, at: TAUGHT_AT }];
      });
      return rank(config, fold, input.background, examples);
    });
    const keywords = folds.flatMap((fold) => rank(config, fold, input.background, undefined));
    printRow(name, 0, 'keywords', figuresOf(keywords, input.labels, config), 'seen');
    printRow(name, 0, 'learned', figuresOf(learned, input.labels, config), 'seen');
  }
}

/**
 * How far a few stars move a written profile: for each area alone, six stars (by the members who follow
 * it, in turn) on its section's six best papers, then on its six last ones; the section's size before
 * and after. A group stars what its digest shows, and a star on a paper the keywords already put on top
 * tells them little: that section should barely grow; stars further down may move it more. On the
 * bundled sample week (as `pnpm sample` ranks it) and on the corpus's latest 1,500 papers. No labels.
 */
function runGentleCheck(input: FeedbackInput): void {
  const latest = [...input.corpus].sort((a, b) => cmp(a.published ?? '', b.published ?? '') || cmp(a.id, b.id)).slice(-1500);
  const batches: [string, readonly Paper[]][] = [['sample-week', readSampleWeek()], ['corpus-latest', latest]];
  for (const [name, batch] of batches) {
    const plain = rank(input.config, batch, input.background, undefined);
    const byId = new Map(batch.map((p) => [p.id, p]));
    for (const end of ['best', 'last'] as const) {
      const row = input.config.areas.map((area) => {
        const followers = input.config.members.filter((m) => m.areas.includes(area.id)).map((m) => m.name);
        const section = plain.filter((r) => r.section === area.id);
        const starred = end === 'best' ? section.slice(0, 6) : section.slice(-6);
        const stars = starred.map((r, i): FeedbackExample => ({
          paper: byId.get(r.id)!, signal: 'star', area: area.id, member: followers.length ? followers[i % followers.length] : undefined, at: TAUGHT_AT,
        }));
        const taught = stars.length > 0 ? rank(input.config, batch, input.background, stars).filter((r) => r.section === area.id).length : section.length;
        return `${area.id}=${section.length}->${taught}`;
      });
      console.log(`eval-feedback: gentle batch=${name} papers=${batch.length} stars=6 on=${end} ${row.join(' ')} (section sizes before -> after; each area taught alone)`);
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `digest learn --bib` as a new group would use it: one area's grade-2 papers as the group's own
 * papers (signal star, the area, no member), the area's keywords (and require lists) removed, the
 * other areas as written. 5-fold: the training folds' core papers teach, the held-out folds are ranked;
 * the area's AP over the pooled held-out folds, beside its AP with its keywords and no feedback. With
 * 6-25 core papers an area's AP moves by 0.1 with the split alone, so each fold's AP is shown, and the
 * mean AP over the CV's folds and eight re-splits (the same stratification, other seeds), with its
 * range; how many of the area's core papers the digest would put in its section, and the digest's
 * irrelevant papers left out and core papers in the right section over all areas.
 * Then `bib-fit`: each area taught by all its core papers, the ranked ones included, so not a held-out
 * figure: what the model can fit. The distance from `ap` is what four fifths of the papers do not say
 * of the fifth.
 */
function runBibCheck(input: FeedbackInput, folds: readonly Paper[][]): void {
  const keywords = folds.flatMap((fold) => rank(input.config, fold, input.background, undefined));
  const withKeywords = figuresOf(keywords, input.labels, input.config);
  const splits = [folds, ...RESPLITS.map((seed) => foldsSeeded(input, folds.length, seed))];
  const ownPapers = (papers: readonly Paper[], id: string) => papers.filter((p) => input.labels.get(p.id)?.[id] === 2)
    .map((paper): FeedbackExample => ({ paper, signal: 'star', area: id }));
  const fits: string[] = [];
  const titleRows: string[] = [];
  input.config.areas.forEach((area, a) => {
    const config: GroupConfig = { ...input.config, areas: input.config.areas.map((x) => (x.id === area.id ? { ...x, keywords: [], require: [] } : x)) };
    const taught = ownPapers(input.papers, area.id).length * (folds.length - 1) / folds.length;
    const heldOut = (split: readonly Paper[][]) => split.map((fold, k) =>
      rank(config, fold, input.background, ownPapers(split.filter((_, j) => j !== k).flat(), area.id)));
    const [perFold, ...others] = splits.map(heldOut);
    const ranked = perFold!.flat();
    const f = figuresOf(ranked, input.labels, config);
    const aps = [f, ...others.map((r) => figuresOf(r.flat(), input.labels, config))].map((x) => x.perArea[a]!.ap);
    const byFold = perFold!.map((r) => f3(figuresOf(r, input.labels, config).perArea[a]!.ap)).join('/');
    const core = ranked.filter((r) => input.labels.get(r.id)?.[area.id] === 2);
    console.log(`eval-feedback: bib area=${area.id} own_papers=${taught.toFixed(1)} `
      + `ap=${f3(f.perArea[a]!.ap)} ap_with_keywords=${f3(withKeywords.perArea[a]!.ap)} fold_ap=${byFold} `
      + `ap_${aps.length}_splits=${f3(aps.reduce((x, y) => x + y, 0) / aps.length)} (${f3(Math.min(...aps))}-${f3(Math.max(...aps))}) `
      + `core_in_section=${core.filter((r) => r.section === area.id).length}/${core.length} irrelevant_excluded=${f3(f.leftOut)} `
      + `core_right_section=${f3(f.rightSection)} (keywords removed, taught by the training folds' core papers)`);
    // The same own papers by their titles alone: what a bibliography without abstracts teaches when
    // `learn --bib` cannot look them up (offline, or a paper OpenAlex and arXiv lack). The CV's folds only.
    const titlesOnly = (papers: readonly Paper[]) => ownPapers(papers, area.id).map((e) => ({ ...e, paper: { ...e.paper, abstract: null } }));
    const byTitles = figuresOf(folds.flatMap((fold, k) => rank(config, fold, input.background, titlesOnly(folds.filter((_, j) => j !== k).flat()))), input.labels, config);
    titleRows.push(`eval-feedback: bib-titles area=${area.id} ap=${f3(byTitles.perArea[a]!.ap)} ap_with_abstracts=${f3(f.perArea[a]!.ap)} `
      + '(the same folds\' own papers by their titles alone, as an export without abstracts teaches when they are not looked up)');
    const all = ownPapers(input.papers, area.id);
    const fit = figuresOf(folds.flatMap((fold) => rank(config, fold, input.background, all)), input.labels, config);
    fits.push(`eval-feedback: bib-fit area=${area.id} own_papers=${all.length} ap=${f3(fit.perArea[a]!.ap)} `
      + '(taught by every core paper, the ranked ones included: what the model fits, not a held-out figure)');
  });
  for (const line of [...titleRows, ...fits]) console.log(line);
}

/** Seeds of the bib check's re-splits. */
const RESPLITS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

/** The CV's folds made again with another seed: core papers first, as makeFolds (cv.ts) makes them, in another order. */
function foldsSeeded(input: Pick<FeedbackInput, 'papers' | 'labels'>, count: number, seed: string): Paper[][] {
  const kind = (p: Paper) => Math.max(...Object.values(input.labels.get(p.id) ?? { x: 0 }));
  const order = [...input.papers].sort((a, b) => kind(b) - kind(a) || hash(a.id + seed) - hash(b.id + seed));
  const folds = Array.from({ length: count }, (): Paper[] => []);
  order.forEach((p, i) => folds[i % count]!.push(p));
  return folds;
}

/**
 * `digest init --from-bib` on the dev set's core papers as a group's publication list: the areas it
 * drafts against the sections the papers belong in. Purity: each drafted area's largest number of
 * papers core in one area, summed, over the papers (a paper core in two areas counts for either).
 */
function runDraftCheck(input: FeedbackInput): void {
  const core = input.papers.filter((p) => Object.values(input.labels.get(p.id) ?? {}).some((g) => g === 2));
  const byTitle = new Map(core.map((p) => [p.title, p]));
  const drafts = draftAreas(core, input.background);
  const agreeing = drafts.reduce((sum, d) => {
    const counts = new Map<string, number>();
    for (const title of d.papers) {
      for (const [area, grade] of Object.entries(input.labels.get(byTitle.get(title)!.id) ?? {})) if (grade === 2) counts.set(area, (counts.get(area) ?? 0) + 1);
    }
    return sum + Math.max(0, ...counts.values());
  }, 0);
  console.log(`eval-feedback: draft papers=${core.length} areas=${drafts.length} purity=${f3(agreeing / core.length)} `
    + `largest=${Math.max(...drafts.map((d) => d.papers.length))} (init --from-bib on the core papers; the config has ${input.config.areas.length} areas)`);
  for (const d of drafts) console.log(`eval-feedback:   drafted "${d.name}" ${d.papers.length} papers`);
}

/**
 * Papers never seen: the dev set by publication date, the older half teaching (its grade-2 papers
 * starred, its grade-0 papers that then came up dismissed, as in the CV) and the newer half held back,
 * ranked with what the older half taught against keywords alone. Stars come before the papers they
 * are asked to find, as in use.
 */
function runHeldBack(input: FeedbackInput): void {
  const byDate = [...input.papers].sort((x, y) => (x.published ?? '').localeCompare(y.published ?? '') || (x.id < y.id ? -1 : 1));
  const half = Math.floor(byDate.length / 2);
  const older = byDate.slice(0, half);
  const newer = byDate.slice(half);
  for (const [name, config] of [['full', input.config], ['minimal', minimalConfig(input.config)]] as const) {
    const examples = simulateGroup(config, older, input, older.length);
    // A group that stars and never dismisses: what its stars alone do to the papers it never wanted.
    const starsOnly = examples.filter((e) => e.signal === 'star');
    for (const [model, feedback] of [['keywords', undefined], ['learned', examples], ['learned-stars-only', starsOnly]] as const) {
      const f = figuresOf(rank(config, newer, input.background, feedback), input.labels, config);
      console.log(`eval-feedback: held-back profile=${name} model=${model} taught=${older.length} ranked=${newer.length} `
        + `(published ${newer[0]!.published?.slice(0, 10)} on) map=${f3(f.map)} mean_ndcg10=${f3(f.ndcg)} irrelevant_excluded=${f3(f.leftOut)} `
        + `core_included=${f3(f.included)} core_right_section=${f3(f.rightSection)}`);
    }
  }
  // `digest learn --bib` the same way: each area's older core papers teach it without its keywords.
  const keywords = figuresOf(rank(input.config, newer, input.background, undefined), input.labels, input.config);
  input.config.areas.forEach((area, a) => {
    const config: GroupConfig = { ...input.config, areas: input.config.areas.map((x) => (x.id === area.id ? { ...x, keywords: [], require: [] } : x)) };
    const own = older.filter((p) => input.labels.get(p.id)?.[area.id] === 2).map((paper): FeedbackExample => ({ paper, signal: 'star', area: area.id }));
    const f = figuresOf(rank(config, newer, input.background, own), input.labels, config);
    console.log(`eval-feedback: held-back bib area=${area.id} own_papers=${own.length} ranked_core=${f.perArea[a]!.relevant} `
      + `ap=${f3(f.perArea[a]!.ap)} ap_with_keywords=${f3(keywords.perArea[a]!.ap)} (the older half's core papers teach, keywords removed)`);
  });
}

function printRow(profile: string, stars: number, model: string, f: Figures, kind?: 'seen'): void {
  const what = kind ? `${kind} profile=${profile}` : `profile=${profile} stars=${stars}`;
  console.log(`eval-feedback: ${what} model=${model} map=${f3(f.map)} mean_ndcg10=${f3(f.ndcg)} `
    + `irrelevant_excluded=${f3(f.leftOut)} core_included=${f3(f.included)} core_right_section=${f3(f.rightSection)}`);
}

function rank(
  config: GroupConfig, batch: readonly Paper[], background: BackgroundStats, feedback: readonly FeedbackExample[] | undefined,
  tuning: Partial<RankerTuning> = {},
): RankedPaper[] {
  return createRanker(config, { background, feedback, tuning }).rank(batch, { background, summaries: false }).papers;
}

/** Each area: its name, its three highest-weighted keywords (ties in the config's order) and the default threshold. */
export function minimalConfig(config: GroupConfig): GroupConfig {
  const topThree = <T extends { weight: number }>(items: readonly T[]) =>
    items.map((k, i) => ({ k, i })).sort((a, b) => b.k.weight - a.k.weight || a.i - b.i).slice(0, 3).map(({ k }) => k);
  const areas: Area[] = config.areas.map((a) => ({ id: a.id, name: a.name, keywords: topThree(a.keywords), require: [], exclude: [], threshold: DEFAULT_THRESHOLD }));
  const members: Member[] = config.members.map((m) => ({ ...m, interests: topThree(m.interests) }));
  return { ...config, areas, members };
}

/**
 * What a group does on the training papers: up to n stars per area (its grade-2 papers) and up to n
 * dismissals (papers graded 0 there that the profile gives some relevance to, the most relevant first).
 */
export function simulateGroup(
  config: GroupConfig, train: readonly Paper[], input: Pick<FeedbackInput, 'labels' | 'background'>, n: number, tuning: Partial<RankerTuning> = {},
): FeedbackExample[] {
  const byId = new Map(train.map((p) => [p.id, p]));
  const stars: FeedbackExample[] = [];
  config.areas.forEach((area) => {
    const followers = config.members.filter((m) => m.areas.includes(area.id)).map((m) => m.name);
    const core = train.filter((p) => input.labels.get(p.id)?.[area.id] === 2).sort((a, b) => hash(a.id) - hash(b.id)).slice(0, n);
    core.forEach((paper, i) => stars.push({
      paper, signal: 'star', area: area.id, member: followers.length ? followers[i % followers.length] : undefined, at: TAUGHT_AT,
    }));
  });
  // What the group then sees: the training papers ranked with what its stars taught.
  const seen = rank(config, train, input.background, stars, tuning);
  const dismissals: FeedbackExample[] = [];
  config.areas.forEach((area) => {
    const dismissed = seen.filter((r) => (r.scores[area.id] ?? 0) > 0 && input.labels.get(r.id)?.[area.id] === 0)
      .sort((a, b) => (b.scores[area.id] ?? 0) - (a.scores[area.id] ?? 0) || (a.id < b.id ? -1 : 1)).slice(0, n);
    for (const r of dismissed) dismissals.push({ paper: byId.get(r.id)!, signal: 'dismiss', area: area.id, at: TAUGHT_AT });
  });
  return [...stars, ...dismissals];
}

/** The `svm` row for one held-out fold: one SVM per area on the training folds' stars and dismissals. */
function svmJudged(input: FeedbackInput, train: readonly Paper[], fold: readonly Paper[], n: number): Judged[] {
  const examples = simulateGroup(input.config, train, input, n);
  const pool = [...train, ...svmPool(input)];
  const textOf = (p: Paper) => `${p.title} ${p.abstract ?? ''} ${p.authors.join(' ')}`;
  const vectorizer = tfidfVectorizer([...pool, ...fold].map(textOf));
  const xs = pool.map((p) => vectorizer.vectorize(textOf(p)));
  const held: SparseVector[] = fold.map((p) => vectorizer.vectorize(textOf(p)));
  const scoresOf = input.config.areas.map((area) => {
    const tagged = new Set(examples.filter((e) => e.area === area.id && e.signal === 'star').map((e) => e.paper.id));
    const decide = trainLinearSvm(xs, pool.map((p) => (tagged.has(p.id) ? 1 : -1)), vectorizer.size);
    return held.map(decide);
  });
  return fold.map((p, i) => {
    const scores = Object.fromEntries(input.config.areas.map((a, j) => [a.id, scoresOf[j]![i]!]));
    let best: string | null = null;
    for (const [area, s] of Object.entries(scores)) if (s > 0 && (best === null || s > scores[best]!)) best = area;
    return { id: p.id, scores, section: best };
  });
}

let poolCache: Paper[] | undefined;

/** 2,000 corpus papers outside the dev set, in a fixed order: the untagged papers of arxiv-sanity's pool. */
function svmPool(input: FeedbackInput): Paper[] {
  poolCache ??= [...input.corpus].sort((a, b) => hash(a.id) - hash(b.id)).slice(0, 2000);
  return poolCache;
}

/** The learning constants chosen by cross-validation inside the training folds (`pnpm eval --feedback --choose`). */
const CHOICES = {
  learnWeight: [0.5, 1],
  learnPrior: [2, 4],
  learnCoord: [1, 2],
  learnMaxDf: [0.02, 0.03, 0.05],
} as const;

/**
 * Nested cross-validation of the learning constants: for each outer fold, every combination of
 * CHOICES is tried on the four training folds alone (inner 4-fold CV: each inner fold ranked with
 * what the other three taught, 25 stars per area, both profiles) and judged by the mean of the five
 * figures over both profiles; the outer fold is then ranked with the combination chosen. Prints the
 * choice per fold and the held-out figures of the chosen constants beside the defaults'.
 */
export function runFeedbackChoice(input: FeedbackInput): void {
  const folds = makeFolds(input.papers, input.labels);
  const profiles = [input.config, minimalConfig(input.config)];
  const grid: Partial<RankerTuning>[] = [];
  for (const learnWeight of CHOICES.learnWeight) {
    for (const learnPrior of CHOICES.learnPrior) {
      for (const learnCoord of CHOICES.learnCoord) {
        for (const learnMaxDf of CHOICES.learnMaxDf) grid.push({ learnWeight, learnPrior, learnCoord, learnMaxDf });
      }
    }
  }
  const mean = (f: Figures) => (f.map + f.ndcg + f.leftOut + f.included + f.rightSection) / 5;
  const chosen: Partial<RankerTuning>[] = [];
  const heldOut = profiles.map((): RankedPaper[] => []);
  const defaults = profiles.map((): RankedPaper[] => []);
  folds.forEach((fold, k) => {
    const train = folds.filter((_, j) => j !== k);
    let best: { tuning: Partial<RankerTuning>; score: number } | undefined;
    for (const tuning of grid) {
      let score = 0;
      for (const config of profiles) {
        const inner = train.flatMap((innerFold, i) => rank(config, innerFold, input.background,
          simulateGroup(config, train.filter((_, j) => j !== i).flat(), input, 25, tuning), tuning));
        score += mean(figuresOf(inner, input.labels, config)) / profiles.length;
      }
      if (!best || score > best.score + 1e-9) best = { tuning, score };
    }
    chosen.push(best!.tuning);
    profiles.forEach((config, p) => {
      heldOut[p]!.push(...rank(config, fold, input.background, simulateGroup(config, train.flat(), input, 25, best!.tuning), best!.tuning));
      defaults[p]!.push(...rank(config, fold, input.background, simulateGroup(config, train.flat(), input, 25)));
    });
  });
  const shown = (t: Partial<RankerTuning>) => Object.entries(t).map(([key, v]) => `${key}=${v}`).join(' ');
  console.log(`eval-feedback: choose: per fold ${chosen.map(shown).join(' | ')}`);
  console.log(`eval-feedback: choose: defaults ${shown(Object.fromEntries(Object.keys(CHOICES).map((key) => [key, DEFAULT_TUNING[key as keyof RankerTuning]])))}`);
  profiles.forEach((config, p) => {
    const name = p === 0 ? 'full' : 'minimal';
    for (const [label, ranked] of [['chosen', heldOut[p]!], ['defaults', defaults[p]!]] as const) {
      const f = figuresOf(ranked, input.labels, config);
      console.log(`eval-feedback: choose: profile=${name} stars=25 ${label} map=${f3(f.map)} mean_ndcg10=${f3(f.ndcg)} `
        + `irrelevant_excluded=${f3(f.leftOut)} core_included=${f3(f.included)} core_right_section=${f3(f.rightSection)}`);
    }
  });
}
