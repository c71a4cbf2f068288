import type { Paper } from '@labdigest/core';
import { foldTerms } from '../words/acronyms.ts';
import { termOf } from '../words/stem.ts';
import { splitWords } from '../words/tokenize.ts';

/**
 * The background corpus's papers as bags of terms, compact enough to ship: what pseudo-relevance
 * feedback (related-terms.ts) reads to find the corpus papers that match a profile best and the words they
 * share. Terms are numbered by document frequency, most frequent first; each paper is two lists of
 * term ids (title; abstract less the title), ascending, written as gaps in a base64url varint
 * (5 bits a character, the sixth says "more"), papers separated by ",".
 * `scripts/build-background.ts` writes it into the shipped background statistics.
 */
export interface CorpusBags {
  /** Terms as `termOf` gives them (stems, formulas, `#acronyms`), most frequent first. */
  readonly terms: readonly string[];
  /** Each term as the corpus most often writes it ("dendrites", "MLIPs"): how a related keyword is shown. */
  readonly words: readonly string[];
  readonly titles: string;
  readonly abstracts: string;
}

export const ABSTRACT_HEADING = /^\s*(?:abstract|summary|graphical abstract)\b[\s:.—-]*/i;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Terms a bag keeps: in at least `minDf` papers, in at most `maxShare` of them (not "the"), not a number. */
function keeps(term: string, df: number, documents: number, minDf: number, maxShare: number): boolean {
  return df >= minDf && df <= documents * maxShare && term.length >= 2 && !/^\d/.test(term);
}

/** Builds the feedback corpus of papers (slow: reads every paper's words). */
export function buildCorpusBags(
  papers: readonly Pick<Paper, 'title' | 'abstract'>[], options: { minDf?: number; maxShare?: number } = {},
): CorpusBags {
  const minDf = options.minDf ?? 3;
  const maxShare = options.maxShare ?? 0.25;
  // A publisher's "ABSTRACT" heading is no word of the paper (as in summary.ts).
  const bags = papers.map((p) => [bagOf(p.title), bagOf((p.abstract ?? '').replace(ABSTRACT_HEADING, ''))] as const);
  const df = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  for (const [title, abstract] of bags) {
    for (const term of new Set([...title.terms, ...abstract.terms])) df.set(term, (df.get(term) ?? 0) + 1);
    for (const bag of [title, abstract]) {
      for (const [term, word] of bag.words) {
        let counts = spellings.get(term);
        if (!counts) spellings.set(term, counts = new Map());
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  const terms = [...df].filter(([t, n]) => keeps(t, n, papers.length, minDf, maxShare))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
  const idOf = new Map(terms.map((t, i) => [t, i]));
  // A folded acronym ("#esw", from "electrochemical stability window") is written as the acronym.
  const words = terms.map((t) => [...(spellings.get(t) ?? new Map<string, number>())]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? (t.startsWith('#') ? t.slice(1).toUpperCase() : t));
  const code = (ids: Iterable<string>, skip: ReadonlySet<string>) =>
    encodeIds([...new Set(ids)].filter((t) => !skip.has(t)).map((t) => idOf.get(t)).filter((x): x is number => x !== undefined));
  return {
    terms, words,
    titles: bags.map(([title]) => code(title.terms, new Set())).join(','),
    abstracts: bags.map(([title, abstract]) => code(abstract.terms, new Set(title.terms))).join(','),
  };
}

/** A text's terms, plain and with acronyms folded (so "interphase" and "#sei" are both there), and their spellings. */
function bagOf(text: string): { terms: string[]; words: [string, string][] } {
  const raw = splitWords(text).words;
  const terms = raw.map(termOf);
  const words = raw.map((w, i): [string, string] => [terms[i] as string, w]);
  return { terms: [...terms, ...foldTerms(terms).filter((t) => t.startsWith('#'))], words };
}

function encodeIds(ids: number[]): string {
  ids.sort((a, b) => a - b);
  let out = '';
  let previous = -1;
  for (const id of ids) {
    let gap = id - previous - 1;
    previous = id;
    do {
      let c = gap & 31;
      gap >>>= 5;
      if (gap) c |= 32;
      out += ALPHABET[c];
    } while (gap);
  }
  return out;
}

/** The feedback corpus read into postings, once per corpus object. */
export interface CorpusBagsIndex {
  readonly documents: number;
  readonly termIds: ReadonlyMap<string, number>;
  readonly words: readonly string[];
  /** Term id -> ascending ids of the papers holding it anywhere, and in the title. */
  readonly postings: readonly Int32Array[];
  readonly titlePostings: readonly Int32Array[];
  /** Paper id -> its term ids: `docTerms[docStart[d] .. docStart[d + 1])`. */
  readonly docStart: Int32Array;
  readonly docTerms: Int32Array;
}

const indexes = new WeakMap<CorpusBags, CorpusBagsIndex>();

export function corpusBagsIndexOf(corpus: CorpusBags): CorpusBagsIndex {
  let index = indexes.get(corpus);
  if (!index) indexes.set(corpus, index = readIndex(corpus));
  return index;
}

function readIndex(corpus: CorpusBags): CorpusBagsIndex {
  // Read straight into typed arrays (each paper's title ids, then its abstract's, one after another):
  // 21,872 papers as 43,744 arrays of numbers and their split strings made a peak of some 50 MB that
  // a process kept as rss for as long as it ran.
  const titleLength = idCounts(corpus.titles);
  const abstractLength = idCounts(corpus.abstracts);
  const documents = Math.max(titleLength.length, abstractLength.length);
  const docStart = new Int32Array(documents + 1);
  for (let d = 0; d < documents; d++) docStart[d + 1] = docStart[d]! + (titleLength[d] ?? 0) + (abstractLength[d] ?? 0);
  const docTerms = new Int32Array(docStart[documents]!);
  decodeInto(corpus.titles, docTerms, (d) => docStart[d]!);
  decodeInto(corpus.abstracts, docTerms, (d) => docStart[d]! + (titleLength[d] ?? 0));
  const vocabulary = corpus.terms.length;
  const anyCount = new Int32Array(vocabulary);
  const titleCount = new Int32Array(vocabulary);
  for (let d = 0; d < documents; d++) {
    const titleEnd = docStart[d]! + (titleLength[d] ?? 0);
    for (let at = docStart[d]!; at < docStart[d + 1]!; at++) {
      const id = docTerms[at]!;
      anyCount[id]!++;
      if (at < titleEnd) titleCount[id]!++;
    }
  }
  const postings = [...anyCount].map((n) => new Int32Array(n));
  const titlePostings = [...titleCount].map((n) => new Int32Array(n));
  anyCount.fill(0);
  titleCount.fill(0);
  // Papers in order, so every posting list comes out ascending.
  for (let d = 0; d < documents; d++) {
    const titleEnd = docStart[d]! + (titleLength[d] ?? 0);
    for (let at = docStart[d]!; at < docStart[d + 1]!; at++) {
      const id = docTerms[at]!;
      postings[id]![anyCount[id]!++] = d;
      if (at < titleEnd) titlePostings[id]![titleCount[id]!++] = d;
    }
  }
  return { documents, termIds: new Map(corpus.terms.map((t, i) => [t, i])), words: corpus.words, postings, titlePostings, docStart, docTerms };
}

/** Per paper of `codes` (papers' codes joined by commas), how many ids its code holds. */
function idCounts(codes: string): Int32Array {
  let papers = 1;
  for (let i = codes.indexOf(','); i >= 0; i = codes.indexOf(',', i + 1)) papers++;
  const counts = new Int32Array(papers);
  for (let i = 0, d = 0; i < codes.length; i++) {
    const c = codes.charCodeAt(i);
    if (c === 44) d++;
    // A character without the continuation bit ends an id.
    else if (((VALUE[c] as number) & 32) === 0) counts[d]!++;
  }
  return counts;
}

/** Decodes each paper's ids (ascending, as gaps: encodeIds) into `out` from `startOf(paper)` on. */
function decodeInto(codes: string, out: Int32Array, startOf: (paper: number) => number): void {
  let d = 0;
  let at = startOf(0);
  let previous = -1;
  let gap = 0;
  let shift = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes.charCodeAt(i);
    if (c === 44) {
      d++;
      at = startOf(d);
      previous = -1;
      continue;
    }
    const v = VALUE[c] as number;
    gap |= (v & 31) << shift;
    if (v & 32) { shift += 5; continue; }
    previous += gap + 1;
    out[at++] = previous;
    gap = 0;
    shift = 0;
  }
}
