/**
 * A cache from words to numbers keyed by the word's characters in the text, so a word seen before
 * is found without cutting it out of the text (no string allocated): an open-addressing table of
 * FNV-1a hashes, each slot keeping its word to compare against.
 */
export function createWordCache(compute: (word: string) => number) {
  let capacity = 1 << 15;
  let hashes = new Int32Array(capacity);
  let values = new Int32Array(capacity);
  let words: (string | undefined)[] = new Array<string | undefined>(capacity);
  let size = 0;

  const put = (hash: number, word: string, value: number) => {
    let slot = hash & (capacity - 1);
    while (words[slot] !== undefined) slot = (slot + 1) & (capacity - 1);
    hashes[slot] = hash;
    values[slot] = value;
    words[slot] = word;
  };

  const grow = () => {
    const old = { hashes, values, words };
    capacity *= 2;
    hashes = new Int32Array(capacity);
    values = new Int32Array(capacity);
    words = new Array<string | undefined>(capacity);
    for (let i = 0; i < old.words.length; i++) {
      const word = old.words[i];
      if (word !== undefined) put(old.hashes[i] as number, word, old.values[i] as number);
    }
  };

  return {
    /** The value of `text.slice(start, end)`, computed once per distinct word. */
    get(text: string, start: number, end: number): number {
      let hash = 0x811c9dc5 | 0;
      for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      const length = end - start;
      let slot = hash & (capacity - 1);
      for (;;) {
        const word = words[slot];
        if (word === undefined) break;
        if (hashes[slot] === hash && word.length === length) {
          let same = true;
          for (let k = 0; k < length; k++) {
            if (word.charCodeAt(k) !== text.charCodeAt(start + k)) { same = false; break; }
          }
          if (same) return values[slot] as number;
        }
        slot = (slot + 1) & (capacity - 1);
      }
      const word = text.slice(start, end);
      const value = compute(word);
      if (++size * 2 > capacity) grow();
      put(hash, word, value);
      return value;
    },
  };
}
