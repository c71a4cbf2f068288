import { computeTerm } from './stem.ts';

/**
 * A cache from words to the lexicon's term ids (-1 for a word that stands for no term), keyed by
 * the word's characters in the text, so a word seen before is found without cutting it out of the
 * text (no string allocated): an open-addressing table of FNV-1a hashes, each slot keeping its word
 * to compare against. Each word is stemmed once per cache.
 *
 * A class that calls `computeTerm` itself, never a function handed in: V8's optimized code for the
 * scan embeds what it calls, and a per-cache function would die with its cache and throw that code
 * away at every new ranker.
 */
export class WordCache {
  private capacity = 1 << 15;
  private hashes = new Int32Array(this.capacity);
  private values = new Int32Array(this.capacity);
  private words: (string | undefined)[] = new Array<string | undefined>(this.capacity);
  private size = 0;

  constructor(private readonly termIds: ReadonlyMap<string, number>) {}

  /** The term id of `text.slice(start, end)`, computed once per distinct word. */
  get(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const length = end - start;
    const { hashes, words } = this;
    const mask = this.capacity - 1;
    let slot = hash & mask;
    for (;;) {
      const word = words[slot];
      if (word === undefined) break;
      if (hashes[slot] === hash && word.length === length) {
        let same = true;
        for (let k = 0; k < length; k++) {
          if (word.charCodeAt(k) !== text.charCodeAt(start + k)) { same = false; break; }
        }
        if (same) return this.values[slot] as number;
      }
      slot = (slot + 1) & mask;
    }
    const word = text.slice(start, end);
    const value = this.termIds.get(computeTerm(word)) ?? -1;
    if (++this.size * 2 > this.capacity) this.grow();
    this.put(hash, word, value);
    return value;
  }

  private put(hash: number, word: string, value: number): void {
    const mask = this.capacity - 1;
    let slot = hash & mask;
    while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.values[slot] = value;
    this.words[slot] = word;
  }

  private grow(): void {
    const old = { hashes: this.hashes, values: this.values, words: this.words };
    this.capacity *= 2;
    this.hashes = new Int32Array(this.capacity);
    this.values = new Int32Array(this.capacity);
    this.words = new Array<string | undefined>(this.capacity);
    for (let i = 0; i < old.words.length; i++) {
      const word = old.words[i];
      if (word !== undefined) this.put(old.hashes[i] as number, word, old.values[i] as number);
    }
  }
}
