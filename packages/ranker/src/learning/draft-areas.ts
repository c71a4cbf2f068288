import type { Keyword, Paper } from '@labdigest/core';
import type { BackgroundStats } from '../corpus/background.ts';
import { ABSTRACT_HEADING } from '../corpus/corpus-bags.ts';
import { isFunctionTerm } from './function-words.ts';
import { isTopic, mayNameTopic, opensOnVerb } from '../words/grammar.ts';
import { termOf } from '../words/stem.ts';
import { rewriteText } from '../words/tokenize.ts';
import { cosine, termVectors, type TermVector } from '../corpus/term-vectors.ts';
import { untitledTerms } from '../corpus/untitled-terms.ts';

/** An area drafted from a group's papers, for the group to edit (`digest init --from-bib`). */
export interface DraftArea {
  readonly id: string;
  readonly name: string;
  readonly keywords: readonly Keyword[];
  /** Titles of the papers it was drafted from, best matching first (for the config's comments). */
  readonly papers: readonly string[];
}

/** Words that never make a keyword alone or at either end of one, beside the ranker's function words ("only", "whereas"). */
const STOP = new Set(('a an the and or of on in at to by for from with without into onto via using based its their this that these those '
  + 'which we our is are was were be been has have had not no can may also such than then there here both each other more most '
  + 'new novel high low two three one study studies paper work approach method methods results result show shows shown use used '
  + 'effect effects different various however while between within under over after before during through toward towards further '
  + 'model models data analysis performance properties property system systems process processes well large small significant '
  + 'first recent different due strategy design enables enabling enabled improved enhanced high-performance '
  + 'them they it making make makes made provides provide providing remains remain including include includes promising '
  + 'report reports reported situ initio operando vivo vitro silico important role resulting '
  + 'elucidate elucidates elucidated elucidating govern governs governed governing '
  // Words that praise or frame, not name: "underlying mechanism", "practical application", "stable cycling"
  // were drafted as keywords from a bibliography of three topics.
  + 'underlying practical stable excellent superior outstanding remarkable facile simple effective efficient robust crucial '
  + 'state-of-the-art real-world open-source well-known large-scale long-term low-cost cost-effective high-quality').split(/\s+/));

// Letters of any script ("Rényi", "moiré", "Schrödinger": ASCII alone drafted "nyi" and "dinger"), but
// no word starts at a micro sign ("µm-thick" is a unit, as before).
const WORD = /(?![µμ])\p{L}[\p{L}\p{N}-]*[\p{L}\p{N}]|(?![µμ])\p{L}/gu;

/**
 * Drafts a group's areas from its own papers: the papers are clustered by their words (spherical
 * k-means over TF-IDF vectors, IDF from the background corpus, deterministic seeding), and each
 * cluster becomes an area whose keywords are the phrases (one or two words) its papers share and
 * the corpus uses rarely, weighted 1–3 by how distinctive they are; it is named by its top two that
 * name a topic and share no word (nameOf).
 * `areas` defaults to √(papers / 4), between 1 and 6; a cluster of fewer than max(3, 8 %) of the
 * papers is no area: its papers join the nearest other. A keyword must be in two papers of its area
 * (one when the area has fewer than four) and, with a background, used in five corpus papers or more
 * (so "although accurate" is no keyword).
 */
export function draftAreas(
  papers: readonly Pick<Paper, 'title' | 'abstract'>[], background: BackgroundStats | undefined, options: { areas?: number; keywords?: number } = {},
): DraftArea[] {
  const usable = papers.filter((p) => p.title.trim() !== '');
  if (usable.length === 0) return [];
  const k = Math.max(1, Math.min(options.areas ?? Math.round(Math.sqrt(usable.length / 4)), 6, usable.length));
  const vectors = termVectors(usable, background);
  const clusterOf = kMeans(vectors, k, options.areas === undefined ? Math.max(3, Math.ceil(usable.length * 0.08)) : 1);
  // How often the papers write each key, and how often at the end of a phrase.
  const uses = new Map<string, number>();
  const ends = new Map<string, number>();
  const phrases = usable.map((p) => phrasesOf(p, uses, ends));
  /** Written at the end of a phrase at least a quarter of the times the papers write it: not part of a longer one. */
  const endsOften = (key: string) => 4 * (ends.get(key) ?? 0) >= (uses.get(key) ?? 0);
  const documents = background?.documents ?? usable.length;
  const idf = (key: string, local: number) => {
    const df = background ? background.df.get(key) ?? 1 : local;
    return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
  };
  const untitled = background?.feedback ? untitledTerms(background.feedback) : new Set<string>();
  const taken = new Set<string>();
  const drafts: DraftArea[] = [];
  for (let c = 0; c < k; c++) {
    const members = usable.map((_, i) => i).filter((i) => clusterOf[i] === c);
    if (members.length === 0) continue;
    const inCluster = new Map<string, { df: number; forms: Map<string, number> }>();
    for (const i of members) {
      for (const [key, form] of phrases[i] as Map<string, string>) {
        const entry = inCluster.get(key) ?? { df: 0, forms: new Map<string, number>() };
        entry.df++;
        entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
        inCluster.set(key, entry);
      }
    }
    const elsewhere = (key: string) => usable.reduce((n, _, i) => n + (clusterOf[i] !== c && (phrases[i] as Map<string, string>).has(key) ? 1 : 0), 0);
    const minDf = members.length >= 4 ? 2 : 1;
    const known = (key: string) => !background || (background.df.get(key) ?? 0) >= 5;
    // A word the corpus's papers keep out of their titles ("excellent", "stably") names no topic, nor
    // a phrase it ends: a result is reported, not followed ("capacity retention", "rate capability").
    const untitledHead = (key: string) => untitled.has(key.slice(key.lastIndexOf(' ') + 1));
    const scored = [...inCluster].filter(([key, e]) => e.df >= minDf && !taken.has(key) && known(key)).map(([key, e]) => {
      const share = e.df / members.length;
      const outside = elsewhere(key) / Math.max(1, usable.length - members.length);
      // Phrases name a topic better than their words: they get a little more.
      const score = share * idf(key, e.df) * (1 + 0.5 * Math.min(2, key.split(' ').length - 1)) * (1 - Math.min(0.9, outside));
      const form = [...e.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? key;
      // A hyphenated compound is a whole, written before a noun too ("phase-field modelling").
      return { key, form, score, ends: endsOften(key) || form.includes('-') };
    }).filter((s) => !namesNothing(s.form) && !untitledHead(s.key) && (s.ends || !s.key.includes(' ')))
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    // A phrase inside a chosen one, or holding one, adds little: the better scored of the two stays.
    const inside = (a: string, b: string) => ` ${b} `.includes(` ${a} `);
    const chosen: typeof scored = [];
    for (const s of scored) {
      if (chosen.length >= (options.keywords ?? 12)) break;
      if (chosen.some((c2) => inside(s.key, c2.key) || inside(c2.key, s.key))) continue;
      chosen.push(s);
    }
    if (chosen.length === 0) continue;
    for (const s of chosen) taken.add(s.key);
    const top = chosen[0]?.score ?? 1;
    const keywords = chosen.map((s) => ({ term: s.form, weight: Math.max(1, Math.round((1 + 2 * s.score / top) * 2) / 2) }));
    const named = nameOf(chosen);
    const name = named.map((s) => titleCase(s.form)).join(' & ');
    const centroid = mean(members.map((i) => vectors[i] as TermVector));
    const titles = members.map((i) => ({ t: (usable[i] as Pick<Paper, 'title'>).title, s: cosine(vectors[i] as TermVector, centroid) }))
      .sort((a, b) => b.s - a.s).map((x) => x.t);
    drafts.push({ id: uniqueId(slug(named[0]?.form ?? `area-${c + 1}`), drafts), name, keywords, papers: titles });
  }
  return drafts;
}

/**
 * A paper's candidate phrases: stemmed key -> the words as written (lower case unless an acronym or a
 * formula). A phrase never runs across a comma ("Structure, Transport, Interface Relationships"). Each
 * occurrence is counted in `uses`, and in `ends` when no candidate word follows it: a phrase of words
 * written apart and mostly before more ("wide electrochemical stability window") is a piece of a
 * longer one (`endsOften`); a hyphenated compound is a whole ("phase-field modelling").
 */
function phrasesOf(paper: Pick<Paper, 'title' | 'abstract'>, uses: Map<string, number>, ends: Map<string, number>): Map<string, string> {
  const found = new Map<string, string>();
  // A publisher's "ABSTRACT" heading is no word of the paper (as in corpus-bags.ts).
  // Formulas as the ranker reads them: "LiFePO 4" is LiFePO4, not the keyword "LiFePO" (tokenize.ts `rewriteText`).
  const text = rewriteText(`${paper.title}. ${(paper.abstract ?? '').replace(ABSTRACT_HEADING, '')}`);
  for (const sentence of text.split(/[.,;:!?()[\]{}"]+/)) {
    const words = (sentence.match(WORD) ?? []).map((w) => (/[A-Z].*[A-Z]|^[A-Z][a-z]?\d/.test(w) ? w : w.toLowerCase()));
    // Not a unit's letter before a hyphen either ("m-thick", of "µm-thick").
    const good = (w: string) => w.length >= 3 && !STOP.has(w.toLowerCase()) && !/^\d/.test(w) && !/^[a-z]-/i.test(w) && !isFunctionTerm(termOf(w));
    const note = (key: string, form: string, next: string | undefined) => {
      found.set(key, form);
      uses.set(key, (uses.get(key) ?? 0) + 1);
      if (next === undefined || !good(next)) ends.set(key, (ends.get(key) ?? 0) + 1);
    };
    for (let i = 0; i < words.length; i++) {
      const one = words[i] as string;
      const two = words[i + 1];
      const three = words[i + 2];
      if (good(one)) note(keyOf(one), one, two);
      if (two !== undefined && good(one) && good(two)) note(`${keyOf(one)} ${keyOf(two)}`, `${one} ${two}`, three);
      // Three words keep a stop word in the middle out ("density functional theory", not "ion in the").
      if (two !== undefined && three !== undefined && good(one) && good(two) && good(three)) {
        note(`${keyOf(one)} ${keyOf(two)} ${keyOf(three)}`, `${one} ${two} ${three}`, words[i + 3]);
      }
    }
  }
  return found;
}

/**
 * Phrases that name nothing a group reads about, whatever the corpus's counts: a unit ("mAh cm-2"), a
 * phrase that says how ("poorly understood", grammar.ts `mayNameTopic`), one that opens on a verb
 * ("mitigates stress"), a participle alone ("weakened").
 */
function namesNothing(form: string): boolean {
  return UNIT.test(form) || !mayNameTopic(form) || opensOnVerb(form) || /^[a-z]+ed$/.test(form);
}

/** A unit opening a phrase ("mAh cm-2", "Wh kg-1", "kg-1"); words under three letters are never candidates ("S", "Mg"). */
const UNIT = /^(?:m?ah|[mk]?wh|m?ev|(?:[cmnµμ]m|[km]?g)-?\d*)(?:\s|$)/i;

/**
 * The keywords an area is named by: the best that names a topic (grammar.ts `isTopic`: not "machine
 * learning interatomic", a phrase cut before its noun), then the best such that shares no word with it
 * ("Interatomic Potentials & Graph Neural Networks", not "& Machine Learning Interatomic"; not
 * "Oxyhalide Solid Electrolytes & Halide Solid Electrolytes"), and that is no piece of a longer phrase
 * (not "Wide Electrochemical Stability", always before "window"). The best keyword when none is a topic.
 */
export function nameOf<T extends { key: string; form: string; ends?: boolean }>(chosen: readonly T[]): T[] {
  const topics = chosen.filter((s) => isTopic(s.form) && s.ends !== false);
  const first = topics[0] ?? chosen[0];
  if (!first) return [];
  const words = new Set(first.key.split(' '));
  const second = topics.find((s) => s !== first && !s.key.split(' ').some((w) => words.has(w)));
  return second ? [first, second] : [first];
}

/**
 * A word's key: its stem, or a hyphenated word's stems joined by spaces ("phase-field": "phase field"),
 * as the background counts it (so it can be known there) and as the ranker matches the keyword.
 */
function keyOf(word: string): string {
  return word.includes('-') ? word.split('-').filter(Boolean).map(termOf).join(' ') : termOf(word);
}

/**
 * Spherical k-means, the best of `RESTARTS` runs (the most cohesive: the largest sum of each paper's
 * similarity to its cluster's centre), each seeded k-means++ style from a fixed pseudo-random sequence:
 * the same papers give the same areas. Farthest-first seeding alone picks the group's odd papers as
 * seeds, whose clusters are then too small to keep, and lumps the rest together. Clusters smaller than
 * `minSize` are dissolved into the nearest other, and the rest refined again.
 */
function kMeans(vectors: readonly TermVector[], k: number, minSize: number): Int32Array {
  if (k <= 1) return new Int32Array(vectors.length);
  const random = seededRandom(0x5eed);
  let best: { assignment: Int32Array; cohesion: number } | undefined;
  for (let run = 0; run < RESTARTS; run++) {
    const seeds = seedsFor(vectors, k, random);
    const assignment = dissolveSmall(vectors, kMeansFrom(vectors, seeds.map((s) => vectors[s] as TermVector)), k, minSize);
    const cohesion = cohesionOf(vectors, assignment);
    if (!best || cohesion > best.cohesion + 1e-12) best = { assignment, cohesion };
  }
  return renumbered((best as { assignment: Int32Array }).assignment);
}

const RESTARTS = 20;

/** k-means++ seeds: the first at random, each next with probability in proportion to its squared distance from the nearest seed. */
function seedsFor(vectors: readonly TermVector[], k: number, random: () => number): number[] {
  const seeds = [Math.floor(random() * vectors.length)];
  const distance = vectors.map((v) => 1 - cosine(v, vectors[seeds[0] as number] as TermVector));
  while (seeds.length < k) {
    const total = distance.reduce((sum, d) => sum + d * d, 0);
    let pick = -1;
    if (total > 0) {
      let at = random() * total;
      pick = distance.findIndex((d) => (at -= d * d) <= 0);
    }
    if (pick < 0 || seeds.includes(pick)) pick = distance.findIndex((_, i) => !seeds.includes(i));
    if (pick < 0) break;
    seeds.push(pick);
    vectors.forEach((v, i) => { distance[i] = Math.min(distance[i] as number, 1 - cosine(v, vectors[pick] as TermVector)); });
  }
  return seeds;
}

/** Sum over papers of the similarity to their cluster's centre. */
function cohesionOf(vectors: readonly TermVector[], assignment: Int32Array): number {
  const clusters = new Set(assignment);
  let sum = 0;
  for (const c of clusters) {
    const members = vectors.filter((_, i) => assignment[i] === c);
    const centre = mean(members);
    for (const v of members) sum += cosine(v, centre);
  }
  return sum;
}

/** Clusters numbered 0, 1, … in the order their first paper comes. */
function renumbered(assignment: Int32Array): Int32Array {
  const number = new Map<number, number>();
  return assignment.map((c) => {
    if (!number.has(c)) number.set(c, number.size);
    return number.get(c) as number;
  });
}

/** A small fast pseudo-random sequence in [0, 1) (mulberry32): the same seed, the same numbers. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Assigns each vector to the nearest of `centroids` and refines them, as kMeans does after seeding. */
function kMeansFrom(vectors: readonly TermVector[], start: readonly TermVector[]): Int32Array {
  const assignment = new Int32Array(vectors.length).fill(-1);
  let centroids = [...start];
  for (let round = 0; round < 25; round++) {
    let moved = false;
    vectors.forEach((v, i) => {
      const best = argmax(centroids.map((c) => cosine(v, c)));
      if (best !== assignment[i]) { assignment[i] = best; moved = true; }
    });
    if (!moved) break;
    centroids = centroids.map((c, j) => {
      const members = vectors.filter((_, i) => assignment[i] === j);
      return members.length ? mean(members) : c;
    });
  }
  return assignment;
}

/** Dissolves clusters below `minSize` one at a time, the smallest first. */
function dissolveSmall(vectors: readonly TermVector[], assignment: Int32Array, k: number, minSize: number): Int32Array {
  const sizes = Array.from({ length: k }, (_, j) => assignment.filter((a) => a === j).length);
  if (k <= 1 || Math.min(...sizes) >= minSize) return assignment;
  const smallest = sizes.indexOf(Math.min(...sizes));
  const kept = Array.from({ length: k }, (_, j) => j).filter((j) => j !== smallest)
    .map((j) => mean(vectors.filter((_, i) => assignment[i] === j)));
  return dissolveSmall(vectors, kMeansFrom(vectors, kept), kept.length, minSize);
}

function mean(vectors: readonly TermVector[]): TermVector {
  const sum = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  const norm = Math.sqrt([...sum.values()].reduce((s, w) => s + w * w, 0)) || 1;
  for (const [t, w] of sum) sum.set(t, w / norm);
  return sum;
}

function argmax(values: readonly number[]): number {
  let best = 0;
  values.forEach((v, i) => { if (v > (values[best] as number)) best = i; });
  return best;
}

function titleCase(text: string): string {
  return text.split(' ').map((w) => (w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'area';
}

function uniqueId(id: string, drafts: readonly DraftArea[]): string {
  let candidate = id;
  for (let n = 2; drafts.some((d) => d.id === candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}
