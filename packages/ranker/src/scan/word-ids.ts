import { fnv1a } from '../util/fnv.ts';
import { normalizeFormulaNotation } from '../words/formula.ts';
import { GAP_BREAK, GAP_JOIN, GAP_SPACE, GAP_START, isCompoundJoiner, isDigit, isRewriteMark, isSentenceEnd, isShouting, isWordChar, rewriteNormalized, rewriteText, spacedFormulaAt } from '../words/tokenize.ts';
import { grown } from '../util/typed-arrays.ts';

/**
 * Words of texts as ids, each distinct word (as written) numbered once: `splitWords`'s words, found by
 * scanning the rewritten text and hashing each word in place, so a word seen before costs no string
 * (an open-addressing table of FNV-1a hashes, as word-cache.ts). For learning from thousands of
 * abstracts (example-bags.ts), where cutting out every word and looking it up in a Map took seconds.
 */
export class WordIds {
  private capacity = 1 << 15;
  // Per slot, side by side: the word's hash and where its record starts in `chars` (0: an empty slot).
  private table = new Int32Array(this.capacity * 2);
  /** Id -> the word. */
  readonly words: string[] = [];
  private out = new Int32Array(1024);
  // Every word's record, one after another: its length, its id and its characters, to compare a text's
  // words against (one typed array, not the words' strings, which V8 keeps in several representations),
  // so that a look-up reads the slot, then one place for the rest; `used` of them so far (from 1: a
  // slot's 0 is empty).
  private chars = new Uint16Array(1 << 16);
  private used = 1;
  // The words of the text last scanned: spans and hashes, before they are numbered.
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private wordHashes = new Int32Array(1024);
  private wordGaps = new Uint8Array(1024);
  /** The text last scanned with its formula notation rewritten, when `scan` found that it changes. */
  private normalized: string | undefined = undefined;

  /**
   * The ids of `text`'s words, in order (a view valid until the next call), as `splitWords` splits
   * it: letters and digits, a decimal point inside a number. Most texts need no rewriting
   * (`rewriteText`): they are read as they are; one that shows formula notation to rewrite, a formula
   * written with spaces or capitals throughout is rewritten and read again, as the analyzer does.
   */
  read(input: string): Int32Array {
    let text = input;
    this.normalized = undefined;
    let n = isShouting(input) ? -1 : this.scan(input, true);
    if (n < 0) {
      // The formula notation the scan rewrote to see whether it changes is not rewritten twice.
      text = this.normalized === undefined ? rewriteText(input) : rewriteNormalized(this.normalized);
      n = this.scan(text, false);
    }
    if (this.out.length < n) this.out = new Int32Array(n * 2);
    const { out, starts, ends, wordHashes, wordGaps } = this;
    for (let k = 0; k < n; k++) out[k] = this.idOf(text, starts[k] as number, ends[k] as number, wordHashes[k] as number);
    wordGaps[n] = GAP_START;
    this.gaps = wordGaps.subarray(0, n + 1);
    return out.subarray(0, n);
  }

  /**
   * Beside the ids `read` returned last: per word, what stands between it and the word before it
   * (tokenize.ts: `GAP_JOIN`, a compound's hyphen alone; `GAP_BREAK`, the end of a sentence or clause;
   * `GAP_SPACE`, anything else; `GAP_START` for the first); one more entry than words, a `GAP_START`
   * (a view, as the ids).
   */
  gaps: Uint8Array = new Uint8Array(1);

  /**
   * The words' spans and hashes; their count, or, `strict`, -1 where `rewriteText` would change the
   * text (formula notation `normalizeFormulaNotation` rewrites; "Li 6 PS 5 Cl").
   */
  private scan(text: string, strict: boolean): number {
    const n = text.length;
    if (this.starts.length < n) {
      this.starts = new Int32Array(n * 2);
      this.ends = new Int32Array(n * 2);
      this.wordHashes = new Int32Array(n * 2);
      this.wordGaps = new Uint8Array(n * 2 + 1);
    }
    const { starts, ends, wordHashes, wordGaps } = this;
    let count = 0;
    let i = 0;
    let notationChecked = !strict;
    // What the characters since the last word were: how many, the last, whether one ended a sentence.
    let skipped = 0;
    let last = 0;
    let sentenceEnd = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) {
        // LaTeX or subscripts: rewritten first, unless rewriting leaves them as they are ("$\alpha$").
        if (!notationChecked && isRewriteMark(c)) {
          const normalized = normalizeFormulaNotation(text);
          if (normalized !== text) { this.normalized = normalized; return -1; }
          notationChecked = true;
        }
        skipped++;
        last = c;
        if (isSentenceEnd(c)) sentenceEnd = true;
        i++;
        continue;
      }
      wordGaps[count] = count === 0 ? GAP_START : skipped === 1 && isCompoundJoiner(last) ? GAP_JOIN : sentenceEnd ? GAP_BREAK : GAP_SPACE;
      skipped = 0;
      sentenceEnd = false;
      const start = i;
      let hash = 0x811c9dc5 | 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (isWordChar(c) || (c === 46 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)))) {
          hash = Math.imul(hash ^ c, 0x01000193);
          i++;
        } else break;
      }
      starts[count] = start;
      ends[count] = i;
      wordHashes[count++] = hash;
      if (strict && i - start <= 2 && isDigit(text.charCodeAt(start)) && spacedFormulaAt(text, start, i)) return -1;
    }
    return count;
  }

  /** The id of the word `text.slice(start, end)`, numbered when first seen (then `words` holds it). */
  idIn(text: string, start: number, end: number): number {
    return this.idOf(text, start, end, fnv1a(text, start, end));
  }

  /** Whether `word` was numbered: looked up by its hash, nothing added. */
  has(word: string): boolean {
    return this.find(word, 0, word.length, fnv1a(word, 0, word.length)) >= 0;
  }

  /** The id of `text.slice(start, end)`, or -1 when it was never numbered. */
  private find(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = this.capacity - 1;
    const { table, chars } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = table[slot * 2 + 1] as number;
      if (at === 0) return -1;
      if (table[slot * 2] !== hash || chars[at] !== (length & 0xffff) || chars[at + 1] !== length >>> 16) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (chars[at + HEADER + k] !== text.charCodeAt(start + k)) { same = false; break; }
      }
      if (same) return (chars[at + 2] as number) | ((chars[at + 3] as number) << 16);
    }
  }

  private idOf(text: string, start: number, end: number, hash: number): number {
    const found = this.find(text, start, end, hash);
    if (found >= 0) return found;
    // The empty slot `find` stopped at: linear probing meets the same one again.
    const mask = this.capacity - 1;
    const { table } = this;
    let slot = hash & mask;
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    table[slot * 2] = hash;
    table[slot * 2 + 1] = this.keep(text, start, end, id);
    if (this.words.length > this.capacity * LOAD) this.grow();
    return id;
  }

  /** Writes a new word's record (its length, id and characters) after the others'; where it starts. */
  private keep(text: string, start: number, end: number, id: number): number {
    const at = this.used;
    const length = end - start;
    if (at + HEADER + length > this.chars.length) {
      this.chars = grown(this.chars, Math.max(at + HEADER + length, this.chars.length * 2));
    }
    const { chars } = this;
    chars[at] = length & 0xffff;
    chars[at + 1] = length >>> 16;
    chars[at + 2] = id & 0xffff;
    chars[at + 3] = id >>> 16;
    for (let k = 0; k < length; k++) chars[at + HEADER + k] = text.charCodeAt(start + k);
    this.used = at + HEADER + length;
    return at;
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = new Int32Array(this.capacity * 2);
    const mask = this.capacity - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = (old[s] as number) & mask;
      while (this.table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      this.table[slot * 2] = old[s] as number;
      this.table[slot * 2 + 1] = old[s + 1] as number;
    }
  }
}

/** A word's record in `chars`: its length and id (each as two 16-bit halves), then its characters. */
const HEADER = 4;
/** The share of slots filled before the table grows: linear probing's runs stay short below 0.7. */
const LOAD = 0.6;

/**
 * One instance kept for good, so that WordIds's hidden classes outlive the rankers: V8 holds them only
 * through instances, and when a ranker's were collected before the next was made, the next got new
 * ones and V8 threw the optimized code that reads them away on every ranker (as analyze.ts explains).
 */
export const WORDIDS_SHAPE = new WordIds();
