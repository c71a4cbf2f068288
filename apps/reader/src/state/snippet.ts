import type { DigestEntry } from '@labdigest/core';

// A folded row shows a title, a source line and members. A search can match a folded paper's
// summary, abstract or an author past the first three: the row then quotes the words around the hit,
// so the reader sees why it is there without opening it.

/** Characters a snippet holds, about two lines on a phone. */
const WIDTH = 140;

/**
 * The stretch of `text` around the first place one of `words` (lower-case) occurs, about `width`
 * characters cut at spaces, with "…" where it was cut; null when none of them occurs.
 */
export function snippetAround(text: string, words: readonly string[], width = WIDTH): string | null {
  const lower = text.toLowerCase();
  let at = -1;
  let length = 0;
  for (const word of words) {
    const i = lower.indexOf(word);
    if (i >= 0 && (at < 0 || i < at)) [at, length] = [i, word.length];
  }
  if (at < 0) return null;
  // The hit a third of the way in: some words before it for context, more after.
  let start = Math.max(0, at - Math.floor((width - length) / 3));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > at + length ? space : end;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/**
 * What a folded row quotes for a search: nothing when the row's own texts (title, source line,
 * members) hold every search word; else the words around the first missing one in the summary, the
 * abstract or the full author list, the first that has it.
 */
export function rowSnippet(entry: DigestEntry, words: readonly string[]): string | null {
  if (words.length === 0) return null;
  const shown = [entry.title, entry.sourceLine, ...entry.members.map((m) => m.name)].join('\n').toLowerCase();
  const missing = words.filter((w) => !shown.includes(w));
  if (missing.length === 0) return null;
  for (const text of [entry.summary, entry.abstract ?? '', entry.authors.join(', ')]) {
    const snippet = snippetAround(text, missing);
    if (snippet) return snippet;
  }
  return null;
}
