import type { Lexicon } from './profiles.ts';
import { STEM_OVERRIDES, termOf } from './stem.ts';
import { isDigit, isWordChar, needsRewrite, splitWords } from './tokenize.ts';
import { createWordCache } from './word-cache.ts';

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
export function createAnalyzer(lexicon: Lexicon) {
  let ids = new Int32Array(1024);
  const prefixes = lexiconPrefixes(lexicon);
  const termIdOf = (word: string) => lexicon.termIds.get(termOf(word)) ?? -1;
  const cache = createWordCache(termIdOf);
  const idOf = (word: string): number => cache.get(word, 0, word.length);

  /**
   * Splits `text` and writes its words' term ids into `ids` in one pass, without building the
   * words: a word whose first letters begin no lexicon term is -1 without being read further.
   * Exact for texts `needsRewrite` passes; the others take `splitWords`.
   */
  const fastWordIds = (text: string): number => {
    const len = text.length;
    if (ids.length < len) ids = new Int32Array(len * 2);
    let n = 0;
    let i = 0;
    while (i < len) {
      while (i < len && !isWordChar(text.charCodeAt(i))) i++;
      if (i >= len) break;
      const start = i;
      while (i < len) {
        const c = text.charCodeAt(i);
        if (isWordChar(c)) i++;
        else if (c === 46 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) i++;
        else break;
      }
      ids[n++] = prefixes.mayBeTerm(text, start, i) ? cache.get(text, start, i) : -1;
    }
    return n;
  };
  // Per-paper counts by feature id, reset after each paper through `touched`.
  const titleCounts = new Int32Array(lexicon.features.length);
  const abstractCounts = new Int32Array(lexicon.features.length);
  const touched: number[] = [];

  const wordIds = (words: readonly string[]): number => {
    if (ids.length < words.length) ids = new Int32Array(words.length * 2);
    for (let i = 0; i < words.length; i++) ids[i] = idOf(words[i] as string);
    return words.length;
  };

  /** Calls `hit(feature, firstWord, lastWord)` for every phrase occurrence in `ids[0..n)`. */
  const scan = (n: number, hit: (feature: number, from: number, to: number) => void) => {
    const { children, ends } = lexicon;
    for (let i = 0; i < n; i++) {
      let node = 0;
      for (let j = i; j < n; j++) {
        const termId = ids[j] as number;
        if (termId < 0) break;
        const next = (children[node] as Map<number, number>).get(termId);
        if (next === undefined) break;
        node = next;
        for (const f of ends[node] as number[]) hit(f, i, j);
      }
    }
  };

  const count = (text: string, into: Int32Array): number => {
    const n = needsRewrite(text) ? wordIds(splitWords(text).words) : fastWordIds(text);
    const { children, ends } = lexicon;
    for (let i = 0; i < n; i++) {
      if ((ids[i] as number) < 0) continue;
      let node = 0;
      for (let j = i; j < n; j++) {
        const termId = ids[j] as number;
        if (termId < 0) break;
        const next = (children[node] as Map<number, number>).get(termId);
        if (next === undefined) break;
        node = next;
        for (const f of ends[node] as number[]) {
          if (titleCounts[f] === 0 && abstractCounts[f] === 0) touched.push(f);
          into[f] = (into[f] as number) + 1;
        }
      }
    }
    return n;
  };

  return {
    features(paper: TextLike): PaperFeatures {
      const length = count(paper.title, titleCounts) + (paper.abstract ? count(paper.abstract, abstractCounts) : 0);
      if (touched.length === 0) return { ids: NONE, inTitle: NONE, inAbstract: NONE, length };
      const sorted = touched.length > 1 ? touched.sort((a, b) => a - b).slice() : touched.slice();
      const inTitle = sorted.map((f) => titleCounts[f] as number);
      const inAbstract = sorted.map((f) => abstractCounts[f] as number);
      for (const f of touched) { titleCounts[f] = 0; abstractCounts[f] = 0; }
      touched.length = 0;
      return { ids: sorted, inTitle, inAbstract, length };
    },

    /** Occurrences with their spans, for highlighting and explanations. `text` is the normalized text. */
    matches(raw: string): { text: string; matches: Match[] } {
      const words = splitWords(raw);
      const n = wordIds(words.words);
      const matches: Match[] = [];
      scan(n, (feature, from, to) => {
        matches.push({ feature, start: words.starts[from] as number, end: words.ends[to] as number });
      });
      return { text: words.text, matches };
    },
  };
}

export type Analyzer = ReturnType<typeof createAnalyzer>;

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
  const next: number[] = [];   // node * 128 + letter -> child node (0 = none)
  const isEnd: boolean[] = [];
  const grow = () => { for (let k = 0; k < 128; k++) next.push(0); isEnd.push(false); return isEnd.length - 1; };
  grow();
  const exact = new Set<string>();
  for (const term of lexicon.termIds.keys()) {
    const t = term.startsWith('#') ? term.slice(1) : term;
    const keep = Math.min(t.length, Math.max(3, t.length - 2));
    let node = 0;
    let ascii = true;
    for (let i = 0; i < keep; i++) {
      const c = t.charCodeAt(i);
      if (c > 127) { ascii = false; break; }
      let child = next[node * 128 + c] as number;
      if (child === 0) { child = grow(); next[node * 128 + c] = child; }
      node = child;
    }
    if (ascii) isEnd[node] = true;
    else exact.add(t);
  }
  for (const [word, stem] of Object.entries(STEM_OVERRIDES)) if (lexicon.termIds.has(stem)) exact.add(word);
  const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
  return {
    mayBeTerm(text: string, start: number, end: number): boolean {
      let node = 0;
      for (let i = start; i < end; i++) {
        const c = lower(text.charCodeAt(i));
        if (c > 127) return true; // non-ASCII: let the lookup decide
        node = next[node * 128 + c] as number;
        if (node === 0) return exact.size > 0 && exact.has(text.slice(start, end).toLowerCase());
        if (isEnd[node]) return true;
      }
      return false;
    },
  };
}
