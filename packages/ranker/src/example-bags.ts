import type { Paper } from '@labdigest/core';
import { foldTerms } from './acronyms.ts';
import { ABSTRACT_HEADING } from './corpus-bags.ts';
import { termOf } from './stem.ts';
import { splitWords } from './tokenize.ts';

/** Taught papers as sets of the ranker's analysed terms (stems, formulas, `#acronyms`), for learning.ts. */
export interface ExampleBags {
  /** Term id -> term. */
  readonly terms: readonly string[];
  /** Per paper: its distinct term ids, ascending (acronyms folded too: "solid electrolyte interphase" also holds `#sei`). */
  readonly bags: readonly Int32Array[];
  /** Per term: papers holding it. */
  readonly df: Int32Array;
  /** Per term: 1 when it may be learned: three letters or more, not a number. */
  readonly usable: Uint8Array;
  /** How the papers most often write a term ("dendrites", "MLIPs"): the word a learned keyword is shown and compiled as. */
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
  const termId = (term: string) => {
    let t = termIds.get(term);
    if (t === undefined) { t = terms.length; termIds.set(term, t); terms.push(term); }
    return t;
  };
  let lastSeen = new Int32Array(1024).fill(-1);
  const bags = papers.map((paper, d) => {
    const words = [...splitWords(paper.title).words, ...splitWords((paper.abstract ?? '').replace(ABSTRACT_HEADING, '')).words];
    const sequence: string[] = new Array<string>(words.length);
    const out: number[] = [];
    const note = (t: number) => {
      if (t >= lastSeen.length) {
        const grown = new Int32Array(Math.max(t + 1, lastSeen.length * 2)).fill(-1);
        grown.set(lastSeen);
        lastSeen = grown;
      }
      if (lastSeen[t] !== d) { lastSeen[t] = d; out.push(t); }
    };
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
    }
    for (const folded of foldTerms(sequence)) if (folded.startsWith('#')) note(termId(folded));
    return Int32Array.from(out).sort();
  });
  const df = new Int32Array(terms.length);
  for (const bag of bags) for (let k = 0; k < bag.length; k++) df[bag[k] as number] = (df[bag[k] as number] as number) + 1;
  const usable = Uint8Array.from(terms, (t) => (t.replace(/^#/, '').length >= 3 && !/^\d/.test(t) ? 1 : 0));
  let spelling: Int32Array | undefined;
  return {
    terms, bags, df, usable,
    wordOf(t) {
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
      const r = spelling[t] as number;
      // A folded acronym the papers only spelt out ("solid electrolyte interphase") is shown as the acronym.
      return r >= 0 ? rawWords[r] as string : (terms[t] as string).replace(/^#/, '').toUpperCase();
    },
  };
}
