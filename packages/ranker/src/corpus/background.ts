import type { Paper } from '@labdigest/core';
import { foldTerms } from '../words/acronyms.ts';
import type { CorpusBags } from './corpus-bags.ts';
import { fnv1a } from '../util/fnv.ts';
import { tokenize } from '../words/tokenize.ts';

/**
 * Compact statistics of a background corpus: how many papers hold each term n-gram (n <= maxN),
 * over title and abstract, with acronyms folded. Rare n-grams are dropped to keep it small;
 * a phrase missing from `df` is rarer than `minDf`.
 * `scripts/build-background.ts` rebuilds the shipped copy from ../shared/data/corpus/papers.jsonl.
 */
export interface BackgroundStats {
  readonly version: 2;
  readonly source: string;
  readonly documents: number;
  readonly averageLength: number;
  readonly maxN: number;
  readonly minDf: number;
  readonly df: DocumentFrequencies;
  /** The corpus's papers as bags of terms, for learning related words (related-terms.ts); absent from older files. */
  readonly feedback?: CorpusBags;
}

/**
 * How many papers hold each n-gram: the n-grams in code-unit order, one string, and their counts, found
 * by hash. The shipped corpus has 345,000: as an object keyed by n-gram they took 30 MB of heap, and
 * parsing them as JSON half a second and 100 MB more at its peak; as one string and typed arrays they take
 * 13 MB and load in a few tens of milliseconds.
 */
export class DocumentFrequencies {
  /** N-gram i is `text.slice(starts[i], starts[i + 1] - 1)` (each is followed by a newline). */
  private readonly starts: Int32Array;
  private readonly counts: Int32Array;
  /** Open addressing over FNV-1a hashes of the n-grams: slot -> n-gram index + 1 (0: empty). */
  private readonly slots: Int32Array;

  private constructor(private readonly text: string, starts: Int32Array, counts: Int32Array) {
    this.starts = starts;
    this.counts = counts;
    let capacity = 1024;
    while (capacity < counts.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < counts.length; i++) {
      let slot = hashOf(text, starts[i] as number, (starts[i + 1] as number) - 1) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = i + 1;
    }
  }

  /** From n-grams and counts side by side (any order; an n-gram holds no newline and is listed once). */
  static of(entries: Iterable<readonly [string, number]>): DocumentFrequencies {
    const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return DocumentFrequencies.read(sorted.map(([gram]) => `${gram}\n`).join(''), sorted.map(([, count]) => count).join(','));
  }

  /**
   * From the stored form (`toStored`): the n-grams each followed by a newline, and their counts joined by
   * commas. Throws on counts that do not match the n-grams.
   */
  static read(grams: string, counts: string): DocumentFrequencies {
    let n = 0;
    for (let i = grams.indexOf('\n'); i >= 0; i = grams.indexOf('\n', i + 1)) n++;
    const starts = new Int32Array(n + 1);
    for (let k = 1, i = grams.indexOf('\n'); i >= 0; i = grams.indexOf('\n', i + 1)) starts[k++] = i + 1;
    const values = new Int32Array(n);
    if (n === 0 && counts === '') return new DocumentFrequencies(grams, starts, values);
    let k = 0;
    let value = -1;
    for (let i = 0; i <= counts.length; i++) {
      const c = i < counts.length ? counts.charCodeAt(i) : 44;
      if (c === 44) {
        if (value < 0 || k >= n) throw new Error(`document frequencies: count ${k + 1} of ${n} is missing or not a number`);
        values[k++] = value;
        value = -1;
      } else if (c >= 48 && c <= 57) value = (value < 0 ? 0 : value * 10) + c - 48;
      else throw new Error(`document frequencies: count ${k + 1} holds "${String.fromCharCode(c)}"`);
    }
    if (k !== n) throw new Error(`document frequencies: ${k} counts for ${n} n-grams`);
    return new DocumentFrequencies(grams, starts, values);
  }

  /** How many n-grams. */
  get size(): number {
    return this.counts.length;
  }

  /** How many papers hold `gram`; undefined when it is not kept (rarer than the statistics' `minDf`). */
  get(gram: string): number | undefined {
    const { text, starts, slots } = this;
    const mask = slots.length - 1;
    let slot = hashOf(gram, 0, gram.length) & mask;
    for (;;) {
      const i = (slots[slot] as number) - 1;
      if (i < 0) return undefined;
      const from = starts[i] as number;
      if ((starts[i + 1] as number) - 1 - from === gram.length && text.startsWith(gram, from)) return this.counts[i] as number;
      slot = (slot + 1) & mask;
    }
  }

  /** The n-grams more than `count` papers hold, in code-unit order: one pass over the counts. */
  above(count: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.counts.length; i++) {
      if ((this.counts[i] as number) > count) out.push(this.text.slice(this.starts[i] as number, (this.starts[i + 1] as number) - 1));
    }
    return out;
  }

  /** Every n-gram and its count, in code-unit order. */
  *entries(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.counts.length; i++) {
      yield [this.text.slice(this.starts[i] as number, (this.starts[i + 1] as number) - 1), this.counts[i] as number];
    }
  }

  /** The stored form `read` takes. */
  toStored(): { readonly grams: string; readonly counts: string } {
    return { grams: this.text, counts: this.counts.join(',') };
  }
}

/** FNV-1a over `text[from..to)`'s code units, unsigned, as the table stores it. */
function hashOf(text: string, from: number, to: number): number {
  return fnv1a(text, from, to) >>> 0;
}

/** The statistics as the shipped file holds them (JSON): `df` as the n-grams in one string and their counts. */
export function serializeBackgroundStats(stats: BackgroundStats): string {
  const { df, feedback, ...rest } = stats;
  const stored = df.toStored();
  return JSON.stringify({ ...rest, dfGrams: stored.grams, dfCounts: stored.counts, ...(feedback && { feedback }) });
}

/**
 * Statistics from the JSON `serializeBackgroundStats` writes (the shipped file, gunzipped). Throws an Error
 * that says what is wrong with a file of another version or shape.
 */
export function parseBackgroundStats(json: string): BackgroundStats {
  const raw = JSON.parse(json) as Partial<Omit<BackgroundStats, 'df'>> & { dfGrams?: unknown; dfCounts?: unknown };
  if (raw.version !== 2) throw new Error(`corpus statistics of version ${String(raw.version)}; this labdigest reads version 2 (rebuild them with scripts/build-background.ts)`);
  if (typeof raw.dfGrams !== 'string' || typeof raw.dfCounts !== 'string') throw new Error('corpus statistics without dfGrams and dfCounts');
  const { dfGrams, dfCounts, ...rest } = raw;
  return { ...(rest as Omit<BackgroundStats, 'df'>), df: DocumentFrequencies.read(dfGrams, dfCounts) };
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
  return {
    version: 2, source: options.source, documents,
    averageLength: documents ? totalLength / documents : 0, maxN, minDf,
    df: DocumentFrequencies.of([...df].filter(([, count]) => count >= minDf)),
  };
}
