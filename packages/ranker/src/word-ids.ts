import { normalizeFormulaNotation } from './formula.ts';
import { isDigit, isRewriteMark, isShouting, isWordChar, rewriteNormalized, rewriteText, spacedFormulaAt } from './tokenize.ts';

/**
 * Words of texts as ids, each distinct word (as written) numbered once: `splitWords`'s words, found by
 * scanning the rewritten text and hashing each word in place, so a word seen before costs no string
 * (an open-addressing table of FNV-1a hashes, as word-cache.ts). For learning from thousands of
 * abstracts (example-bags.ts), where cutting out every word and looking it up in a Map took seconds.
 */
export class WordIds {
  private capacity = 1 << 15;
  // Per slot, side by side: the word's hash and its id (-1: empty).
  private table = WordIds.empty(this.capacity);
  /** Id -> the word. */
  readonly words: string[] = [];
  private out = new Int32Array(1024);
  // Every word's characters, one after another, to compare a text's words against: word `id`'s are
  // `chars[charsAt[id]..charsAt[id + 1])` (one typed array, not the words' strings, which V8 keeps in
  // several representations).
  private chars = new Uint16Array(1 << 16);
  private charsAt = new Int32Array(1 << 12);
  // The words of the text last scanned: spans and hashes, before they are numbered.
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private wordHashes = new Int32Array(1024);
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
    const { out, starts, ends, wordHashes } = this;
    for (let k = 0; k < n; k++) out[k] = this.idOf(text, starts[k] as number, ends[k] as number, wordHashes[k] as number);
    return out.subarray(0, n);
  }

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
    }
    const { starts, ends, wordHashes } = this;
    let count = 0;
    let i = 0;
    let notationChecked = !strict;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) {
        // LaTeX or subscripts: rewritten first, unless rewriting leaves them as they are ("$\alpha$").
        if (!notationChecked && isRewriteMark(c)) {
          const normalized = normalizeFormulaNotation(text);
          if (normalized !== text) { this.normalized = normalized; return -1; }
          notationChecked = true;
        }
        i++;
        continue;
      }
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

  private idOf(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = this.capacity - 1;
    const { table } = this;
    let slot = hash & mask;
    for (;;) {
      const id = table[slot * 2 + 1] as number;
      if (id < 0) break;
      if (table[slot * 2] === hash) {
        const at = this.charsAt[id] as number;
        if ((this.charsAt[id + 1] as number) - at === length) {
          const { chars } = this;
          let same = true;
          for (let k = 0; k < length; k++) {
            if (chars[at + k] !== text.charCodeAt(start + k)) { same = false; break; }
          }
          if (same) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    this.keep(text, start, end);
    table[slot * 2] = hash;
    table[slot * 2 + 1] = id;
    if (this.words.length * 2 > this.capacity) this.grow();
    return id;
  }

  /** Copies a new word's characters after the others' (`charsAt[id]` to `charsAt[id + 1]`). */
  private keep(text: string, start: number, end: number): void {
    const id = this.words.length - 1;
    const at = this.charsAt[id] as number;
    if (at + end - start > this.chars.length) {
      const more = new Uint16Array(Math.max(at + end - start, this.chars.length * 2));
      more.set(this.chars);
      this.chars = more;
    }
    for (let k = start; k < end; k++) this.chars[at + k - start] = text.charCodeAt(k);
    if (id + 2 > this.charsAt.length) {
      const more = new Int32Array(this.charsAt.length * 2);
      more.set(this.charsAt);
      this.charsAt = more;
    }
    this.charsAt[id + 1] = at + end - start;
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = WordIds.empty(this.capacity);
    const mask = this.capacity - 1;
    for (let s = 0; s < old.length; s += 2) {
      const id = old[s + 1] as number;
      if (id < 0) continue;
      let slot = (old[s] as number) & mask;
      while ((this.table[slot * 2 + 1] as number) >= 0) slot = (slot + 1) & mask;
      this.table[slot * 2] = old[s] as number;
      this.table[slot * 2 + 1] = id;
    }
  }

  private static empty(capacity: number): Int32Array {
    const table = new Int32Array(capacity * 2);
    for (let s = 1; s < table.length; s += 2) table[s] = -1;
    return table;
  }
}

/**
 * One instance kept for good, so that WordIds's hidden classes outlive the rankers: V8 holds them only
 * through instances, and when a ranker's were collected before the next was made, the next got new
 * ones and V8 threw the optimized code that reads them away on every ranker (as analyze.ts explains).
 */
export const WORDIDS_SHAPE = new WordIds();
