import { isDigit, isWordChar, rewriteText } from './tokenize.ts';

/**
 * Words of texts as ids, each distinct word (as written) numbered once: `splitWords`'s words, found by
 * scanning the rewritten text and hashing each word in place, so a word seen before costs no string
 * (an open-addressing table of FNV-1a hashes, as word-cache.ts). For learning from thousands of
 * abstracts (example-bags.ts), where cutting out every word and looking it up in a Map took seconds.
 */
export class WordIds {
  private capacity = 1 << 15;
  private hashes = new Int32Array(this.capacity);
  private ids = new Int32Array(this.capacity).fill(-1);
  /** Id -> the word. */
  readonly words: string[] = [];
  private out = new Int32Array(1024);

  /**
   * The ids of `text`'s words, in order (a view valid until the next call), as `splitWords` splits
   * it: letters and digits, a decimal point inside a number.
   */
  read(input: string): Int32Array {
    const text = rewriteText(input);
    if (this.out.length < text.length) this.out = new Int32Array(text.length * 2);
    const out = this.out;
    const n = text.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      while (i < n && !isWordChar(text.charCodeAt(i))) i++;
      if (i >= n) break;
      const start = i;
      let hash = 0x811c9dc5 | 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (isWordChar(c) || (c === 46 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)))) {
          hash = Math.imul(hash ^ c, 0x01000193);
          i++;
        } else break;
      }
      out[count++] = this.idOf(text, start, i, hash);
    }
    return out.subarray(0, count);
  }

  private idOf(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = this.capacity - 1;
    let slot = hash & mask;
    for (;;) {
      const id = this.ids[slot] as number;
      if (id < 0) break;
      if (this.hashes[slot] === hash) {
        const word = this.words[id] as string;
        if (word.length === length) {
          let same = true;
          for (let k = 0; k < length; k++) {
            if (word.charCodeAt(k) !== text.charCodeAt(start + k)) { same = false; break; }
          }
          if (same) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    this.hashes[slot] = hash;
    this.ids[slot] = id;
    if (this.words.length * 2 > this.capacity) this.grow();
    return id;
  }

  private grow(): void {
    const { hashes, ids } = this;
    this.capacity *= 2;
    this.hashes = new Int32Array(this.capacity);
    this.ids = new Int32Array(this.capacity).fill(-1);
    const mask = this.capacity - 1;
    for (let s = 0; s < ids.length; s++) {
      const id = ids[s] as number;
      if (id < 0) continue;
      let slot = (hashes[s] as number) & mask;
      while ((this.ids[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[s] as number;
      this.ids[slot] = id;
    }
  }
}
