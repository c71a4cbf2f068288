import type { Lexicon } from './profiles.ts';
import { termOf } from './stem.ts';
import { splitWords } from './tokenize.ts';

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
  const idOfWord = new Map<string, number>();
  let ids = new Int32Array(1024);
  const titleCounts = new Map<number, number>();
  const abstractCounts = new Map<number, number>();

  const wordIds = (words: readonly string[]): number => {
    if (ids.length < words.length) ids = new Int32Array(words.length * 2);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      let id = idOfWord.get(word);
      if (id === undefined) {
        id = lexicon.termIds.get(termOf(word)) ?? -1;
        idOfWord.set(word, id);
      }
      ids[i] = id;
    }
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

  const count = (text: string, into: Map<number, number>): number => {
    const { words } = splitWords(text);
    const n = wordIds(words);
    scan(n, (f) => into.set(f, (into.get(f) ?? 0) + 1));
    return n;
  };

  return {
    features(paper: TextLike): PaperFeatures {
      titleCounts.clear();
      abstractCounts.clear();
      const length = count(paper.title, titleCounts) + (paper.abstract ? count(paper.abstract, abstractCounts) : 0);
      const present = new Set([...titleCounts.keys(), ...abstractCounts.keys()]);
      const sorted = [...present].sort((a, b) => a - b);
      return {
        ids: sorted,
        inTitle: sorted.map((f) => titleCounts.get(f) ?? 0),
        inAbstract: sorted.map((f) => abstractCounts.get(f) ?? 0),
        length,
      };
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
