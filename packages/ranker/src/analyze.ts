import type { Lexicon } from './profiles.ts';
import { STEM_OVERRIDES } from './stem.ts';
import { isDigit, isShouting, isWordChar, rewriteText } from './tokenize.ts';
import { WordCache } from './word-cache.ts';

/** What the index keeps of a paper: feature counts per field and its length. No text. */
export interface PaperFeatures {
  /** Feature ids present, ascending. */
  readonly ids: readonly number[];
  readonly inTitle: readonly number[];
  readonly inAbstract: readonly number[];
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
export function createAnalyzer(lexicon: Lexicon): Analyzer {
  return new Analyzer(lexicon);
}

// A class, not closures: every analyzer shares one copy of the scanning code, so V8's optimized
// code (and what it learnt about the scan) carries over from one ranker to the next.
export class Analyzer {
  // The words of the text last read: term id (-1 for none) and span.
  private ids = new Int32Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private readonly trie: Int32Array;
  private readonly trieEnds: Int32Array;
  private readonly cache: WordCache;
  // Per-paper counts by feature id, reset after each paper through `touched`.
  private readonly titleCounts: Int32Array;
  private readonly abstractCounts: Int32Array;
  private readonly touched: number[] = [];

  constructor(private readonly lexicon: Lexicon) {
    const prefixes = lexiconPrefixes(lexicon);
    this.trie = prefixes.next;
    this.trieEnds = prefixes.endLimit;
    // Each analyzer stems the words it meets once, in its own cache (termOf's would keep them for good).
    this.cache = new WordCache(lexicon.termIds);
    this.titleCounts = new Int32Array(lexicon.features.length);
    this.abstractCounts = new Int32Array(lexicon.features.length);
  }

  /** Feature counts of a paper's title and abstract, and its length in words. */
  features(paper: TextLike): PaperFeatures {
    const { titleCounts, abstractCounts, touched } = this;
    const length = this.count(paper.title, titleCounts) + (paper.abstract ? this.count(paper.abstract, abstractCounts) : 0);
    if (touched.length === 0) return { ids: NONE, inTitle: NONE, inAbstract: NONE, length };
    const sorted = touched.length > 1 ? touched.sort(ascending).slice() : touched.slice();
    const inTitle = sorted.map((f) => titleCounts[f] as number);
    const inAbstract = sorted.map((f) => abstractCounts[f] as number);
    for (const f of touched) { titleCounts[f] = 0; abstractCounts[f] = 0; }
    touched.length = 0;
    return { ids: sorted, inTitle, inAbstract, length };
  }

  /** Occurrences with their spans, for highlighting and explanations. `text` is the normalized text. */
  matches(raw: string): { text: string; matches: Match[] } {
    const text = rewriteText(raw);
    const matches: Match[] = [];
    this.phrases(this.wordIds(text, false), undefined, matches);
    return { text, matches };
  }

  private count(text: string, into: Int32Array): number {
    let n = isShouting(text) ? -1 : this.wordIds(text, true);
    if (n < 0) {
      // As `splitWords` reads it: rewritten first (LaTeX, spaced formulas, shouting), then split.
      n = this.wordIds(rewriteText(text), false);
    }
    this.phrases(n, into, undefined);
    return n;
  }

  /**
   * Splits `text` and writes its words' term ids into `ids` in one pass, without building the
   * words: a word whose first letters begin no lexicon term is -1 without being read further.
   * Exact for texts that need no rewriting. `strict`: return -1 where `rewriteText` would change
   * the text (formula notation: `_`, `\\`, `$`, subscript digits; a formula written with spaces,
   * "Li 6 PS 5 Cl"), for the caller to rewrite it and read it again.
   */
  private wordIds(text: string, strict: boolean): number {
    const len = text.length;
    if (this.ids.length < len) {
      this.ids = new Int32Array(len * 2);
      this.starts = new Int32Array(len * 2);
      this.ends = new Int32Array(len * 2);
    }
    const { ids, starts, ends, trie, trieEnds } = this;
    let n = 0;
    let i = 0;
    while (i < len) {
      const kind = CHAR_CLASS[text.charCodeAt(i)] as number;
      if (kind !== WORD) {
        if (kind === REWRITE && strict) return -1; // LaTeX or subscripts: rewrite first
        i++;
        continue;
      }
      const start = i;
      // Walk the prefix trie while reading the word: it stops where no term can start like the
      // word, or any word going on from there may stand for one (`candidate`); `maxLength` is the
      // longest word a short term reached so far may be.
      let node = 0;
      let candidate = false;
      let maxLength = 0;
      for (;;) {
        const lower = text.charCodeAt(i) | 32;
        if (lower > 127) { candidate = true; break; }
        node = trie[node * 128 + lower] as number;
        if (node === 0) break;
        const limit = trieEnds[node] as number;
        if (limit === -1) { candidate = true; break; }
        if (limit > maxLength) maxLength = limit;
        if (++i >= len || !continuesWord(text, i, len)) break;
      }
      // The rest of the word, unread: mostly lower-case letters, tested without the table.
      while (i < len) {
        const c = text.charCodeAt(i);
        if ((c - 97) >>> 0 < 26 || CHAR_CLASS[c] === WORD
          || (c === 46 && i + 1 < len && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)))) i++;
        else break;
      }
      if (!candidate && maxLength >= i - start) candidate = true;
      starts[n] = start;
      ends[n] = i;
      ids[n++] = candidate ? this.cache.get(text, start, i) : -1;
      if (strict && i - start <= 2 && isDigit(text.charCodeAt(start)) && spacedFormulaAt(text, start, i)) return -1;
    }
    return n;
  }

  /**
   * Every phrase occurrence among the words `ids[0..n)`: counted into `into` (and `touched`), or
   * pushed with its span onto `out`.
   */
  private phrases(n: number, into: Int32Array | undefined, out: Match[] | undefined): void {
    const { children, ends: endsAt } = this.lexicon;
    const { ids, titleCounts, abstractCounts, touched } = this;
    for (let i = 0; i < n; i++) {
      if ((ids[i] as number) < 0) continue;
      let node = 0;
      for (let j = i; j < n; j++) {
        const termId = ids[j] as number;
        if (termId < 0) break;
        const next = (children[node] as Map<number, number>).get(termId);
        if (next === undefined) break;
        node = next;
        for (const f of endsAt[node] as number[]) {
          if (into) {
            if (titleCounts[f] === 0 && abstractCounts[f] === 0) touched.push(f);
            into[f] = (into[f] as number) + 1;
          } else {
            out?.push({ feature: f, start: this.starts[i] as number, end: this.ends[j] as number });
          }
        }
      }
    }
  }
}

const ascending = (a: number, b: number) => a - b;



// Character classes for the scan: word characters, and the formula notation that makes
// `splitWords` rewrite a text (LaTeX subscripts, `$`, unicode subscripts).
const WORD = 1;
const REWRITE = 2;
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x400; c++) if (isWordChar(c)) CHAR_CLASS[c] = WORD;
for (const c of '_\\$₀₁₂₃₄₅₆₇₈₉') CHAR_CLASS[c.charCodeAt(0)] = REWRITE;

// The scan never reads outside its text: an out-of-bounds read would throw the optimized code away.

/** Whether the character at `i` (0 < i < len) goes on a word: a word character, or a decimal point between digits. */
function continuesWord(text: string, i: number, len: number): boolean {
  const c = text.charCodeAt(i);
  return CHAR_CLASS[c] === WORD || (c === 46 && i + 1 < len && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)));
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/**
 * Whether the word `text[start, end)`, one or two letters long, is the count of a formula written
 * with spaces, as `rewriteText` joins them: "[A-Z][a-z]? \d{1,2} [A-Z]", as in "Li 6 PS".
 */
function spacedFormulaAt(text: string, start: number, end: number): boolean {
  if (start < 2 || end + 1 >= text.length) return false;
  if (!isDigit(text.charCodeAt(end - 1)) || text.charCodeAt(start - 1) !== 32 || text.charCodeAt(end) !== 32) return false;
  if (!isUpper(text.charCodeAt(end + 1))) return false;
  const before = text.charCodeAt(start - 2);
  return isUpper(before) || (isLower(before) && start >= 3 && isUpper(text.charCodeAt(start - 3)));
}

/** Most papers hold no keyword at all: they share one empty list. */
const NONE: readonly number[] = Object.freeze([]);

/**
 * A letter trie of the lexicon's terms, to tell without stemming whether a word may stand for one.
 * A Porter stem agrees with its lower-case word but for its last two letters at most ("batteri" from
 * "battery", "plate" from "plating", "stabl" from "stability"); formulas, names and acronyms are the
 * word in lower case. So a word must start with a term less its last two letters (at least three
 * letters kept), or be one of the stem overrides' words. Most words fail within a letter or two and
 * are never stemmed; the analyzer tests check that the answer equals the full lookup's on the corpus.
 */
function lexiconPrefixes(lexicon: Lexicon) {
  let next = new Int32Array(128 * 256); // node * 128 + letter -> child node (0 = none)
  // Per node: 0 no term ends here; -1 any word going on from here may stand for a term; n > 0 only a
  // word of at most n letters ("ion" stands for "ions" but not for "ionization").
  let endLimit = new Int32Array(256);
  let nodes = 1;
  const add = (word: string, limit: number) => {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c > 127) return; // non-ASCII words always take the lookup
      let child = next[node * 128 + c] as number;
      if (child === 0) {
        if (nodes === endLimit.length) {
          const bigger = new Int32Array(next.length * 2);
          bigger.set(next);
          next = bigger;
          const limits = new Int32Array(endLimit.length * 2);
          limits.set(endLimit);
          endLimit = limits;
        }
        child = nodes++;
        next[node * 128 + c] = child;
      }
      node = child;
    }
    const old = endLimit[node] as number;
    endLimit[node] = old === -1 || limit === -1 ? -1 : Math.max(old, limit);
  };
  for (const term of lexicon.termIds.keys()) {
    const t = term.startsWith('#') ? term.slice(1) : term;
    // A short term is a short word itself, or a stem of a word at most two letters longer ("ions",
    // "lies" -> "li"); a longer one is a Porter stem, which may differ from its word in its last two letters.
    if (t.length <= 3) add(t, t.length + 2);
    else add(t.slice(0, Math.max(3, t.length - 2)), -1);
  }
  // British spellings the overrides map to an American stem ("polarisation" -> "polariz").
  for (const [word, stem] of Object.entries(STEM_OVERRIDES)) if (lexicon.termIds.has(stem)) add(word, word.length);
  return {
    next,
    endLimit,
  };
}
