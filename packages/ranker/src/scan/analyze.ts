import type { Lexicon } from '../profiles/profiles.ts';
import { normalizeFormulaNotation } from '../words/formula.ts';
import { insertionSort } from '../util/insertion-sort.ts';
import { isDigit, isShouting, isWordChar, REWRITE_MARKS, rewriteNormalized, rewriteText, spacedFormulaAt } from '../words/tokenize.ts';
import { ANY_WORD, wordAutomaton, type WordAutomaton } from './word-automaton.ts';
import { WordCache } from './word-cache.ts';

/** What the index keeps of a paper: feature counts per field and its length. No text. */
export interface PaperFeatures {
  /** Feature ids present, ascending. */
  readonly ids: readonly number[];
  readonly inTitle: readonly number[];
  readonly inAbstract: readonly number[];
  /** Occurrences among the abstract's first words (`LEAD_WORDS`): with the title, what the paper is mainly about. */
  readonly inLead: readonly number[];
  /** Words in title and abstract. */
  readonly length: number;
}

/** A feature occurrence in a text, as a span of that (normalized) text. */
export interface Match {
  readonly feature: number;
  readonly start: number;
  readonly end: number;
}

export interface TextLike {
  readonly title: string;
  readonly abstract?: string | null;
}

/**
 * An analyzer for one lexicon. It remembers the term id of every word it has seen, so the corpus
 * is read once, word by word, and each word is stemmed once per run.
 */
export function createAnalyzer(lexicon: Lexicon, leadWords = LEAD_WORDS): Analyzer {
  return new Analyzer(lexicon, leadWords);
}

/**
 * The analyzer made last, kept until the next is made. V8 holds an instance's final hidden class only
 * through its instances: when a ranker and its analyzer were collected before the next ranker was made,
 * the next analyzer got new hidden classes and V8 threw away the scan's optimized code ("weak objects"),
 * compiling it again on every ranker.
 */
const keptAlive: { latest?: Analyzer } = {};

// A class, not closures: every analyzer shares one copy of the scanning code, so V8's optimized
// code (and what it learnt about the scan) carries over from one ranker to the next.
export class Analyzer {
  // The words of the text last read: term id (-1 for none) and span.
  private ids = new Int32Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private readonly automaton: WordAutomaton;
  private readonly cache: WordCache;
  // Per-paper counts by feature id, reset after each paper through `touched`.
  private readonly titleCounts: Int32Array;
  private readonly abstractCounts: Int32Array;
  private readonly leadCounts: Int32Array;
  private readonly touched: number[] = [];
  // The text last read strictly with its formula notation rewritten, when that changed it.
  private normalized: string | undefined = undefined;

  constructor(private readonly lexicon: Lexicon, private readonly leadWords = LEAD_WORDS) {
    keptAlive.latest = this;
    this.automaton = wordAutomaton(lexicon);
    // Each analyzer stems the words it meets once, in its own cache (termOf's would keep them for good).
    this.cache = new WordCache(lexicon.termIds);
    this.titleCounts = new Int32Array(lexicon.features.length);
    this.abstractCounts = new Int32Array(lexicon.features.length);
    this.leadCounts = new Int32Array(lexicon.features.length);
  }

  /** Feature counts of a paper's title and abstract, and its length in words. */
  features(paper: TextLike): PaperFeatures {
    const { titleCounts, abstractCounts, leadCounts, touched } = this;
    const length = this.count(paper.title, titleCounts) + (paper.abstract ? this.count(paper.abstract, abstractCounts) : 0);
    if (touched.length === 0) return { ids: NONE, inTitle: NONE, inAbstract: NONE, inLead: NONE, length };
    const sorted = insertionSort(touched.slice(), ascending);
    const inTitle = sorted.map((f) => titleCounts[f] as number);
    const inAbstract = sorted.map((f) => abstractCounts[f] as number);
    // Most papers name a keyword either all in the opening or never there: they share an array.
    let sameAsAbstract = true;
    let none = true;
    for (let k = 0; k < sorted.length; k++) {
      const f = sorted[k] as number;
      if (leadCounts[f] !== abstractCounts[f]) sameAsAbstract = false;
      if (leadCounts[f] !== 0) none = false;
    }
    const inLead = sameAsAbstract ? inAbstract : none ? zeros(sorted.length) : sorted.map((f) => leadCounts[f] as number);
    for (const f of touched) { titleCounts[f] = 0; abstractCounts[f] = 0; leadCounts[f] = 0; }
    touched.length = 0;
    return { ids: sorted, inTitle, inAbstract, inLead, length };
  }

  /** Occurrences with their spans, for highlighting and explanations. `text` is the normalized text. */
  matches(raw: string): { text: string; matches: Match[] } {
    const text = rewriteText(raw);
    const matches: Match[] = [];
    this.phrases(this.wordIds(text, false), undefined, matches);
    return { text, matches };
  }

  private count(text: string, into: Int32Array): number {
    this.normalized = undefined;
    let n = isShouting(text) ? -1 : this.wordIds(text, true);
    if (n < 0) {
      // As `splitWords` reads it: rewritten first (LaTeX, spaced formulas, shouting), then split.
      n = this.wordIds(this.normalized !== undefined ? rewriteNormalized(this.normalized) : rewriteText(text), false);
    }
    this.phrases(n, into, undefined);
    return n;
  }

  /**
   * Splits `text` and writes its words' term ids into `ids` in one pass, without building the
   * words: a word that cannot stand for a lexicon term is -1 without being stemmed or looked up.
   * Exact for texts that need no rewriting. `strict`: return -1 where `rewriteText` would change
   * the text (formula notation that `normalizeFormulaNotation` rewrites; a formula written with
   * spaces, "Li 6 PS 5 Cl"), for the caller to rewrite it and read it again.
   */
  private wordIds(text: string, strict: boolean): number {
    const len = text.length;
    if (this.ids.length < len) {
      this.ids = new Int32Array(len * 2);
      this.starts = new Int32Array(len * 2);
      this.ends = new Int32Array(len * 2);
    }
    const { ids, starts, ends } = this;
    const { next, onDecimalPoint, onWide, mayBeTerm } = this.automaton;
    let n = 0;
    let i = 0;
    let notationChecked = !strict;
    while (i < len) {
      const kind = CHAR_CLASS[text.charCodeAt(i)] as number;
      if (kind !== WORD) {
        if (kind === REWRITE && !notationChecked) {
          // LaTeX or subscripts: rewrite first, unless rewriting leaves them as they are ("$\alpha$",
          // "$10^{-3}$", about half the texts that hold any), and read on.
          const normalized = normalizeFormulaNotation(text);
          if (normalized !== text) {
            this.normalized = normalized; // for the caller's rewrite
            return -1;
          }
          notationChecked = true;
        }
        i++;
        continue;
      }
      const start = i;
      // The automaton tells, letter by letter, whether the word may stand for a term (see word-automaton.ts).
      const first = text.charCodeAt(i);
      let state = first < 128 ? next[first] as number : ANY_WORD;
      while (++i < len) {
        const c = text.charCodeAt(i);
        let to: number;
        if (c < 128) {
          to = next[(state << 7) | c] as number;
          if (to === 0) {
            if (c !== 46 || i + 1 >= len || !isDigit(text.charCodeAt(i - 1)) || !isDigit(text.charCodeAt(i + 1))) break;
            to = onDecimalPoint[state] as number;
          }
        } else if (CHAR_CLASS[c] === WORD) to = onWide[state] as number;
        else break;
        state = to;
      }
      starts[n] = start;
      ends[n] = i;
      ids[n++] = mayBeTerm[state] === 1 ? this.cache.get(text, start, i) : -1;
      if (strict && i - start <= 2 && isDigit(text.charCodeAt(start)) && spacedFormulaAt(text, start, i)) return -1;
    }
    return n;
  }

  /**
   * Every phrase occurrence among the words `ids[0..n)`: counted into `into` (and `touched`), or
   * pushed with its span onto `out`.
   */
  private phrases(n: number, into: Int32Array | undefined, out: Match[] | undefined): void {
    const { trie } = this.lexicon;
    const { roots, branches, endStart, endFeatures } = trie;
    const { ids, titleCounts, abstractCounts, leadCounts, touched } = this;
    // The abstract's opening words also count into the lead.
    const leadUntil = into === abstractCounts ? this.leadWords : 0;
    for (let i = 0; i < n; i++) {
      const first = ids[i] as number;
      if (first < 0) continue;
      // A phrase's first word is looked up by its term id; most words of a text end there.
      let node = roots[first] as number;
      let j = i;
      while (node !== 0) {
        for (let e = endStart[node] as number; e < (endStart[node + 1] as number); e++) {
          const f = endFeatures[e] as number;
          if (into) {
            if (titleCounts[f] === 0 && abstractCounts[f] === 0) touched.push(f);
            into[f] = (into[f] as number) + 1;
            if (i < leadUntil) leadCounts[f] = (leadCounts[f] as number) + 1;
          } else {
            out?.push({ feature: f, start: this.starts[i] as number, end: this.ends[j] as number });
          }
        }
        if (branches[node] === 0 || ++j >= n) break;
        const termId = ids[j] as number;
        if (termId < 0) break;
        node = trie.child(node, termId);
      }
    }
  }
}

const ascending = (a: number, b: number) => a - b;

/**
 * Words of an abstract's opening (its first two sentences or so) that say, with the title, what a paper
 * is mainly about: where a paper that fits two areas goes (sections.ts).
 */
export const LEAD_WORDS = 60;



// Character classes for the scan: word characters, and the formula notation that makes
// `splitWords` rewrite a text (LaTeX subscripts, `$`, unicode subscripts).
const WORD = 1;
const REWRITE = 2;
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x400; c++) if (isWordChar(c)) CHAR_CLASS[c] = WORD;
for (const c of REWRITE_MARKS) CHAR_CLASS[c.charCodeAt(0)] = REWRITE;

// The scan never reads outside its text: an out-of-bounds read would throw the optimized code away.

/** Most papers hold no keyword at all: they share one empty list. */
const NONE: readonly number[] = Object.freeze([]);

const ZEROS: (readonly number[])[] = [];

/** A frozen list of `n` zeros, one per length. */
function zeros(n: number): readonly number[] {
  return (ZEROS[n] ??= Object.freeze(new Array<number>(n).fill(0)));
}
