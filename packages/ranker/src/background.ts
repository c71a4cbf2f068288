import type { Paper } from '@labdigest/core';
import { foldTerms } from './acronyms.ts';
import type { CorpusBags } from './corpus-bags.ts';
import { tokenize } from './tokenize.ts';

/**
 * Compact statistics of a background corpus: how many papers hold each term n-gram (n <= maxN),
 * over title and abstract, with acronyms folded. Rare n-grams are dropped to keep it small;
 * a phrase missing from `df` is rarer than `minDf`.
 * `scripts/build-background.ts` rebuilds the shipped copy from ../shared/data/corpus/papers.jsonl.
 */
export interface BackgroundStats {
  readonly version: 1;
  readonly source: string;
  readonly documents: number;
  readonly averageLength: number;
  readonly maxN: number;
  readonly minDf: number;
  readonly df: Readonly<Record<string, number>>;
  /** The corpus's papers as bags of terms, for learning related words (related-terms.ts); absent from older files. */
  readonly feedback?: CorpusBags;
}

/** The n-grams (n <= maxN, space-joined) of a term sequence; the sequence itself if short enough. */
export function foldedNgrams(terms: readonly string[], maxN: number): string[] {
  if (terms.length <= maxN) return [terms.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + maxN <= terms.length; i++) out.push(terms.slice(i, i + maxN).join(' '));
  return out;
}

/** Builds background statistics from papers (slow: every n-gram of every paper). */
export function buildBackgroundStats(
  papers: Iterable<Pick<Paper, 'title' | 'abstract'>>,
  options: { source: string; maxN?: number; minDf?: number },
): BackgroundStats {
  const maxN = options.maxN ?? 3;
  const minDf = options.minDf ?? 3;
  const df = new Map<string, number>();
  let documents = 0;
  let totalLength = 0;
  for (const paper of papers) {
    documents++;
    const seen = new Set<string>();
    for (const field of [paper.title, paper.abstract ?? '']) {
      const terms = tokenize(field);
      totalLength += terms.length;
      for (const sequence of [terms, foldTerms(terms)]) {
        for (let i = 0; i < sequence.length; i++) {
          let gram = '';
          for (let n = 1; n <= maxN && i + n <= sequence.length; n++) {
            gram = n === 1 ? (sequence[i] as string) : `${gram} ${sequence[i + n - 1]}`;
            seen.add(gram);
          }
        }
      }
    }
    for (const gram of seen) df.set(gram, (df.get(gram) ?? 0) + 1);
  }
  const kept: Record<string, number> = {};
  for (const [gram, count] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count >= minDf) kept[gram] = count;
  }
  return {
    version: 1, source: options.source, documents,
    averageLength: documents ? totalLength / documents : 0, maxN, minDf, df: kept,
  };
}
