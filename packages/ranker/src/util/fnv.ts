/**
 * FNV-1a over `text[from..to)`'s UTF-16 code units, a signed 32-bit integer: the hash of the ranker's
 * open-addressing tables of strings (the corpus statistics' n-grams, words and terms). The scans that
 * read a text word by word hash each word as they go (word-ids.ts), with the same constants.
 */
export function fnv1a(text: string, from = 0, to = text.length): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
