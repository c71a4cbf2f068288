// pnpm eval --cv: k-fold cross-validation of the ranker's tuned constants on the dev set.
//
// For each constant, one at a time (the others at their defaults): the 200 labelled papers are split
// into K folds; for each fold the value is chosen on the other K-1 folds (by the constant's objective)
// and the held-out fold is ranked with it. The held-out rankings, pooled, give the CV figures: what
// the choice is worth on papers it was not chosen on. They print beside the same folds ranked with the
// default and with the constant switched off, so a constant that only fits the dev set shows.
import type { GroupConfig, Paper } from '@labdigest/core';
import {
  DEFAULT_TUNING, createRanker, tokenize, type BackgroundStats, type RankedPaper, type RankerOptions, type RankerTuning,
} from '@labdigest/ranker';
import type { Grades } from './data.ts';
import { f3, figuresOf, type Figures } from './figures.ts';

export interface CvInput {
  readonly config: GroupConfig;
  readonly papers: readonly Paper[];
  readonly labels: ReadonlyMap<string, Grades>;
  readonly background: BackgroundStats;
  /** Ranker options other than tuning every ranking uses (feedback data, say). */
  readonly rankerOptions?: (tuning: Partial<RankerTuning>) => RankerOptions;
}

/** What a choice is judged by on the training folds: compared element by element, higher first. */
type Objective = (fig: CvFigures) => number[];

interface Tunable {
  readonly name: keyof RankerTuning;
  readonly grid: readonly number[];
  /** The value that switches the constant's effect off, for the comparison (none for a size). */
  readonly off?: number;
  readonly objective: Objective;
  readonly why: string;
}

/** Figures of a ranking plus what picks are like. */
interface CvFigures extends Figures {
  /** Share of picks matching their section's focus. */
  readonly focusShare: number;
  /** Mean cosine similarity (TF-IDF over all words) of two picks of one section. */
  readonly pickSimilarity: number;
}

const K = 5;
const PICKS_TARGET = 0.95;

const picksFirst: Objective = (f) => [Number(f.picksPrecision >= PICKS_TARGET), f.picksPrecision];

/** The five figures the issue keeps, averaged: what a ranking constant is chosen by. */
const allFigures: Objective = (f) => [(f.map + f.ndcg + f.leftOut + f.included + f.rightSection) / 5];

const TUNABLES: readonly Tunable[] = [
  { name: 'prfWeight', grid: [0, 0.15, 0.3, 0.5, 0.8], off: 0, why: 'the mean of MAP, nDCG@10, left out, included, right section', objective: allFigures },
  { name: 'prfTerms', grid: [0, 10, 20, 40], off: 0, why: 'the mean of the five figures', objective: allFigures },
  { name: 'prfDocs', grid: [20, 50, 100], why: 'the mean of the five figures', objective: allFigures },
  { name: 'prfContrast', grid: [0, 0.5, 1], why: 'the mean of the five figures', objective: allFigures },
  { name: 'prfMaxDf', grid: [0.01, 0.03, 0.1], why: 'the mean of the five figures', objective: allFigures },
  { name: 'sectionLead', grid: [0, 0.25, 0.5, 0.75, 1], off: 0, why: 'right section, then core included',
    objective: (f) => [f.rightSection, f.included] },
  { name: 'leadWords', grid: [30, 45, 60, 90, 120], why: 'right section, then core included',
    objective: (f) => [f.rightSection, f.included] },
  { name: 'pickFloor', grid: [0, 0.6, 0.7, 0.8, 0.85, 0.9], off: 0, why: 'picks precision, then more picks',
    objective: (f) => [...picksFirst(f), f.picks] },
  { name: 'pickFloorBest', grid: [0, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85], off: 0, why: 'picks precision, then more picks',
    objective: (f) => [...picksFirst(f), f.picks] },
  { name: 'mmrLambda', grid: [0.5, 0.6, 0.7, 0.8, 0.9, 1], off: 1, why: 'picks precision >= 0.95, then the least similar picks',
    objective: (f) => [Number(f.picksPrecision >= PICKS_TARGET), -round2(f.pickSimilarity), f.picksPrecision] },
  { name: 'sameTopic', grid: [0.3, 0.4, 0.5, 0.6, 0.8, 1.01], off: 1.01, why: 'picks precision >= 0.95, then the least similar picks',
    objective: (f) => [Number(f.picksPrecision >= PICKS_TARGET), -round2(f.pickSimilarity), f.picksPrecision] },
  { name: 'focusBoost', grid: [0, 0.05, 0.1, 0.15, 0.2, 0.3], off: 0, why: 'picks precision >= 0.95, then the most picks matching the focus',
    objective: (f) => [Number(f.picksPrecision >= PICKS_TARGET), round2(f.focusShare), f.picksPrecision] },
];

export function runCrossValidation(input: CvInput, only: readonly string[] = []): void {
  const folds = makeFolds(input.papers, input.labels);
  console.log(`cv: ${K} folds of the ${input.papers.length} labelled papers (${folds.map((f) => f.length).join('/')}), `
    + 'each held-out fold ranked as one batch with the shipped background; figures pooled over the held-out folds');
  const header = 'cv:   value      MAP    nDCG   left-out included right   picks-prec (n)  focus  pick-sim';
  for (const tunable of TUNABLES.filter((t) => only.length === 0 || only.includes(t.name))) {
    const chosen: number[] = [];
    const heldOut: RankedPaper[][] = [];
    folds.forEach((fold, k) => {
      const train = folds.filter((_, j) => j !== k).flat();
      // The default first: a value must do better on the training folds to replace it.
      let best: { value: number; score: number[] } | undefined;
      for (const value of [DEFAULT_TUNING[tunable.name], ...tunable.grid]) {
        const score = tunable.objective(trainingFigures(input, train, { [tunable.name]: value }));
        if (!best || compare(score, best.score) > 0) best = { value, score };
      }
      chosen.push(best!.value);
      heldOut.push(rank(input, fold, { [tunable.name]: best!.value }));
    });
    const fixed = (value: number) => folds.map((fold) => rank(input, fold, { [tunable.name]: value }));
    const defaultValue = DEFAULT_TUNING[tunable.name];
    console.log(`cv: ${tunable.name} (chosen by ${tunable.why}): per fold ${chosen.join(', ')}; grid ${tunable.grid.join(', ')}`);
    console.log(header);
    printRow('chosen', cvFigures(input, heldOut));
    printRow(`default ${defaultValue}`, cvFigures(input, fixed(defaultValue)));
    if (tunable.off !== undefined) printRow(`off ${tunable.off}`, cvFigures(input, fixed(tunable.off)));
  }
}

/**
 * Papers no one tuned for, as well as the dev set allows: each area loses a third of its keywords (three
 * draws), as a config written without the dev set in view would miss words its papers use; the dev set
 * is then ranked with and without related keywords. Nothing is chosen here: it shows what learning from
 * the corpus recovers.
 */
export function runDropout(input: CvInput): void {
  console.log('cv: keyword dropout: each area keeps two thirds of its keywords (3 draws); related keywords off vs on');
  console.log('cv:   draw       MAP    nDCG   left-out included right   picks-prec (n)  focus  pick-sim');
  for (let draw = 0; draw < 3; draw++) {
    const config: GroupConfig = {
      ...input.config,
      areas: input.config.areas.map((area) => ({
        ...area, keywords: area.keywords.filter((k, i) => i === 0 || hash(`${draw}:${k.term}`) % 3 !== 0),
      })),
    };
    for (const [label, tuning] of [['off', { prfTerms: 0 }], ['related', {}]] as const) {
      printRow(`${draw} ${label}`, cvFigures(input, [rank({ ...input, config }, input.papers, tuning)]));
    }
  }
}

function printRow(label: string, f: CvFigures): void {
  console.log(`cv:   ${label.padEnd(10)} ${f3(f.map)}  ${f3(f.ndcg)}  ${f3(f.leftOut)}    ${f3(f.included)}    ${f3(f.rightSection)}  `
    + `${f3(f.picksPrecision)} (${String(f.picks).padStart(2)})     ${f3(f.focusShare)}  ${f3(f.pickSimilarity)}`);
}

/**
 * Figures on the training folds: ranked in random batches of half their papers (a digest picks from a
 * week's batch, not from every labelled paper at once), two shuffles; the ranking figures count each
 * paper once (the first shuffle), the picks figures count every batch.
 */
function trainingFigures(input: CvInput, train: readonly Paper[], tuning: Partial<RankerTuning>): CvFigures {
  const batches: RankedPaper[][] = [];
  for (let shuffle = 0; shuffle < 2; shuffle++) {
    const order = [...train].sort((a, b) => hash(`${shuffle}:${a.id}`) - hash(`${shuffle}:${b.id}`));
    const half = Math.ceil(order.length / 2);
    for (const batch of [order.slice(0, half), order.slice(half)]) batches.push(rank(input, batch, tuning));
  }
  const picks = cvFigures(input, batches);
  const once = figuresOf(batches.slice(0, 2).flat(), input.labels, input.config);
  return { ...once, picksPrecision: picks.picksPrecision, picks: picks.picks, focusShare: picks.focusShare, pickSimilarity: picks.pickSimilarity };
}

function rank(input: CvInput, batch: readonly Paper[], tuning: Partial<RankerTuning>): RankedPaper[] {
  const options = input.rankerOptions?.(tuning) ?? { tuning, background: input.background };
  return createRanker(input.config, options).rank(batch, { background: input.background, summaries: false }).papers;
}

const textOf = new Map<string, string>();

/** Figures over batches ranked apart; the picks of a section compare within their batch. */
function cvFigures(input: CvInput, batches: readonly RankedPaper[][]): CvFigures {
  const ranked = batches.flat();
  const picksOf = ranked.filter((r) => r.pick);
  // A paper ranked in two batches counts twice for picks: figuresOf reads its labels by id.
  const fig = { ...figuresOf(ranked.filter((r, i) => ranked.findIndex((x) => x.id === r.id) === i), input.labels, input.config) };
  const graded = picksOf.filter((r) => input.labels.get(r.id)?.[r.section as string] === 2).length;
  if (textOf.size === 0) for (const p of input.papers) textOf.set(p.id, `${p.title} ${p.abstract ?? ''}`);
  let pairs = 0;
  let similarity = 0;
  for (const batch of batches) {
    for (const area of input.config.areas) {
      const vectors = batch.filter((r) => r.pick && r.section === area.id).map((r) => vectorOf(textOf.get(r.id) ?? '', input.background));
      for (let i = 0; i < vectors.length; i++) {
        for (let j = i + 1; j < vectors.length; j++) { similarity += cosineOf(vectors[i]!, vectors[j]!); pairs++; }
      }
    }
  }
  return {
    ...fig, picksPrecision: graded / picksOf.length, picks: picksOf.length,
    focusShare: picksOf.filter((r) => r.focus).length / picksOf.length, pickSimilarity: pairs ? similarity / pairs : 0,
  };
}

function vectorOf(text: string, background: BackgroundStats): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokenize(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of tf) {
    const df = background.df.get(t) ?? 1;
    const w = (1 + Math.log(n)) * Math.log(1 + background.documents / df);
    v.set(t, w);
    norm += w * w;
  }
  for (const [t, w] of v) v.set(t, w / Math.sqrt(norm || 1));
  return v;
}

function cosineOf(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
  return dot;
}

/** K folds, stratified: papers core somewhere, adjacent somewhere, irrelevant, each dealt round-robin in a fixed shuffled order. */
export function makeFolds(papers: readonly Paper[], labels: ReadonlyMap<string, Grades>): Paper[][] {
  const kind = (p: Paper) => Math.max(...Object.values(labels.get(p.id) ?? { x: 0 }));
  const order = [...papers].sort((a, b) => kind(b) - kind(a) || hash(a.id) - hash(b.id));
  const folds: Paper[][] = Array.from({ length: K }, () => []);
  order.forEach((p, i) => folds[i % K]!.push(p));
  return folds;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (Math.abs(d) > 1e-9) return d;
  }
  return 0;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** FNV-1a: a fixed shuffle that needs no random seed. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
