import type { Paper } from '@labdigest/core';
import { foldTerms } from './acronyms.ts';
import { ABSTRACT_HEADING } from './corpus-bags.ts';
import { isFunctionTerm } from './function-words.ts';
import { termOf } from './stem.ts';
import { splitWords } from './tokenize.ts';

/**
 * Taught papers as sets of the ranker's analysed terms (stems, formulas, `#acronyms`) and of pairs of
 * them written next to each other ("interatomic potential", "ionic liquid"), for learning.ts.
 */
export interface ExampleBags {
  /** Term id -> term; a pair is its two terms joined by a space. */
  readonly terms: readonly string[];
  /** Per paper: its distinct term ids, ascending (acronyms folded too: "solid electrolyte interphase" also holds `#sei`). */
  readonly bags: readonly Int32Array[];
  /** Per term: papers holding it. */
  readonly df: Int32Array;
  /** Per term: 1 when it may be learned: three letters or more, not a number, not a function word (a pair: both its words). */
  readonly usable: Uint8Array;
  /**
   * How the papers most often write a term ("dendrites", "MLIPs"; a pair, each of its words so): the
   * words a learned keyword is shown and compiled as.
   */
  readonly wordOf: (term: number) => string;
}

/**
 * Reads each paper's title and abstract once. Each distinct word is mapped to its term once (termOf's
 * cache keeps stems between calls); a word's occurrences are counted for `wordOf`.
 */
export function exampleBags(papers: readonly Pick<Paper, 'title' | 'abstract'>[]): ExampleBags {
  const rawIds = new Map<string, number>();
  const rawWords: string[] = [];
  const rawTerm: number[] = [];
  const rawCount: number[] = [];
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const isWord: number[] = [];
  const termId = (term: string) => {
    let t = termIds.get(term);
    if (t === undefined) {
      t = terms.length;
      termIds.set(term, t);
      terms.push(term);
      isWord.push(term.replace(/^#/, '').length >= 3 && !/^\d/.test(term) && !isFunctionTerm(term) ? 1 : 0);
    }
    return t;
  };
  // A pair of word term ids -> the pair's term id; and its parts, to show it.
  const pairIds = new Map<number, number>();
  const parts = new Map<number, readonly [number, number]>();
  const pairId = (a: number, b: number) => {
    const key = a * 0x200000 + b;
    let t = pairIds.get(key);
    if (t === undefined) {
      t = termId(`${terms[a] as string} ${terms[b] as string}`);
      pairIds.set(key, t);
      parts.set(t, [a, b]);
    }
    return t;
  };
  let lastSeen = new Int32Array(1024).fill(-1);
  let paper = 0;
  let out: number[] = [];
  const note = (t: number) => {
    if (t >= lastSeen.length) {
      const grown = new Int32Array(Math.max(t + 1, lastSeen.length * 2)).fill(-1);
      grown.set(lastSeen);
      lastSeen = grown;
    }
    if (lastSeen[t] !== paper) { lastSeen[t] = paper; out.push(t); }
  };
  const read = (text: string) => {
    const words = splitWords(text).words;
    const sequence: string[] = new Array<string>(words.length);
    let previous = -1;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      let r = rawIds.get(word);
      if (r === undefined) {
        r = rawWords.length;
        rawIds.set(word, r);
        rawWords.push(word);
        rawTerm.push(termId(termOf(word)));
        rawCount.push(0);
      }
      rawCount[r] = (rawCount[r] as number) + 1;
      const t = rawTerm[r] as number;
      sequence[i] = terms[t] as string;
      note(t);
      // Pairs of two words each worth learning: "of the" and "Li metal" are not.
      if (isWord[t] === 1) {
        if (previous >= 0) note(pairId(previous, t));
        previous = t;
      } else previous = -1;
    }
    for (const folded of foldTerms(sequence)) if (folded.startsWith('#')) note(termId(folded));
  };
  const bags = papers.map((p, d) => {
    paper = d;
    out = [];
    read(p.title);
    read((p.abstract ?? '').replace(ABSTRACT_HEADING, ''));
    return Int32Array.from(out).sort();
  });
  const df = new Int32Array(terms.length);
  for (const bag of bags) for (let k = 0; k < bag.length; k++) df[bag[k] as number] = (df[bag[k] as number] as number) + 1;
  let spelling: Int32Array | undefined;
  const wordOf = (t: number): string => {
    const pair = parts.get(t);
    if (pair) return `${wordOf(pair[0])} ${wordOf(pair[1])}`;
    // Worked out on first use: only the few learned terms are ever shown.
    if (!spelling) {
      spelling = new Int32Array(terms.length).fill(-1);
      for (let r = 0; r < rawWords.length; r++) {
        const u = rawTerm[r] as number;
        const best = spelling[u] as number;
        if (best < 0 || (rawCount[r] as number) > (rawCount[best] as number)
          || (rawCount[r] === rawCount[best] && (rawWords[r] as string) < (rawWords[best] as string))) spelling[u] = r;
      }
    }
    const r = spelling[t] ?? -1;
    // A folded acronym the papers only spelt out ("solid electrolyte interphase") is shown as the acronym.
    return r >= 0 ? rawWords[r] as string : (terms[t] as string).replace(/^#/, '').toUpperCase();
  };
  return { terms, bags, df, usable: Uint8Array.from(terms, (_, t) => (parts.has(t) ? 1 : isWord[t] as number)), wordOf };
}
