import { computeTerm } from '../words/stem.ts';
import { grown } from '../util/typed-arrays.ts';
import { WordIds } from './word-ids.ts';

/**
 * A cache from words to the lexicon's term ids (-1 for a word that stands for no term), keyed by
 * the word's characters in the text, so a word seen before is found without cutting it out of the
 * text (no string allocated): WordIds numbers the words (its table keeps each word's characters in
 * one typed array, beside its hash), and the term ids are kept by word id. Each word is stemmed once
 * per cache. A table of the words' strings would cost a department's scan four cache misses a word
 * (the slot's hash, its string, the string's characters, its value), where this costs about two.
 *
 * A class that calls `computeTerm` itself, never a function handed in: V8's optimized code for the
 * scan embeds what it calls, and a per-cache function would die with its cache and throw that code
 * away at every new ranker.
 */
export class WordCache {
  private readonly ids = new WordIds();
  /** Word id -> term id; the first `known` are filled. */
  private values = new Int32Array(1 << 14);
  private known = 0;

  constructor(private readonly termIds: ReadonlyMap<string, number>) {}

  /** The term id of `text.slice(start, end)`, computed once per distinct word. */
  get(text: string, start: number, end: number): number {
    const id = this.ids.idIn(text, start, end);
    if (id < this.known) return this.values[id] as number;
    // A new word: WordIds numbers words one after another, so its id is `known`.
    if (id >= this.values.length) this.values = grown(this.values, this.values.length * 2);
    const value = this.termIds.get(computeTerm(this.ids.words[id] as string)) ?? -1;
    this.values[id] = value;
    this.known = id + 1;
    return value;
  }
}
