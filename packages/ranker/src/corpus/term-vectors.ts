import type { Paper } from '@labdigest/core';
import type { BackgroundStats } from './background.ts';
import { termOf } from '../words/stem.ts';

const WORD = /[A-Za-z0-9\u00c0-\u024f]+/g;

/** A paper's words as a unit-length TF-IDF vector: term -> weight. */
export type TermVector = ReadonlyMap<string, number>;

/**
 * Term vectors of a few papers (a section's pick candidates), to tell whether two are about the same
 * thing. Every word counts, not only the config's keywords: two papers on the same electrolyte share
 * its formula, their method and their findings' words. IDF comes from the background corpus when
 * there is one (so "the" and "battery" weigh little), else from the papers themselves.
 */
export function termVectors(papers: readonly Pick<Paper, 'title' | 'abstract'>[], background: BackgroundStats | undefined): TermVector[] {
  const counts = papers.map((paper) => {
    const tf = new Map<string, number>();
    // The title says what the paper is about: its words count twice.
    for (const [text, weight] of [[paper.title, 2], [paper.abstract ?? '', 1]] as const) {
      // Plain words through the stemmer's cache: formula notation and acronyms matter little for
      // telling two papers apart, and `tokenize`'s rewriting costs more than the rest together.
      for (const word of text.match(WORD) ?? []) {
        if (word.length < 2 || /^\d/.test(word)) continue;
        const term = termOf(word);
        tf.set(term, (tf.get(term) ?? 0) + weight);
      }
    }
    return tf;
  });
  const idf = idfFunction(counts, background);
  return counts.map((tf) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, n] of tf) {
      const w = (1 + Math.log(n)) * idf(term);
      vector.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of vector) vector.set(term, w / norm);
    return vector;
  });
}

function idfFunction(counts: readonly Map<string, number>[], background: BackgroundStats | undefined): (term: string) => number {
  if (background) {
    const n = background.documents;
    // A word rarer than the stored minimum is taken as in one paper.
    return (term) => {
      const df = background.df.get(term) ?? 1;
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    };
  }
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = counts.length;
  return (term) => Math.log(1 + n / (df.get(term) ?? 1));
}

/** Cosine similarity of two unit vectors, in [0, 1]. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return Math.min(1, Math.max(0, dot));
}
