import type { MatchedTerm } from '@labdigest/core';

/** A run of text, marked when it is a matched term or a search hit. Rendered as text + <mark>, never as HTML. */
export interface Segment {
  readonly text: string;
  readonly mark: 'term' | 'query' | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words as the paper writes them (`forms`), longest first so "solid electrolytes" wins over "electrolytes". */
export function termForms(terms: readonly MatchedTerm[]): string[] {
  const forms = new Set<string>();
  for (const term of terms) for (const form of term.forms) if (form.trim()) forms.add(form.trim());
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Search words: whitespace-separated, lower-cased, without duplicates. */
export function queryWords(q: string): string[] {
  return [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))];
}

/** Letters and digits in any script: what a term may not touch on either side to count as a whole word. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) =>
  c !== undefined && (c < '\u0080' ? /[A-Za-z0-9]/.test(c) : WORD_CHAR.test(c));

/**
 * Splits `text` into plain and marked runs. Terms match whole words only ("Li" not inside "Lithium"),
 * ignoring case; search words match anywhere, as the search does. A term wins where both match.
 * Plain indexOf on lower-cased text, no RegExp per call: a 50-paper digest highlights ~150 texts on
 * first render, and compiling a case-insensitive Unicode RegExp for each was most of that render's time.
 */
export function highlight(text: string, forms: readonly string[], query: readonly string[] = []): Segment[] {
  if (!text) return [];
  const lower = text.toLowerCase();
  // Lower-casing can change length (U+0130 "İ" becomes two code units); then offsets would not line up.
  if (lower.length !== text.length) return highlightByRegExp(text, forms, query);
  const marks = new Uint8Array(text.length); // 0 plain, 1 query, 2 term
  const paint = (needle: string, level: number, wholeWord: boolean) => {
    const n = needle.toLowerCase();
    if (!n || n.length !== needle.length) return;
    for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
      if (wholeWord && (isWordChar(text[i - 1]) || isWordChar(text[i + n.length]))) continue;
      for (let j = i; j < i + n.length; j++) marks[j] = Math.max(marks[j] ?? 0, level);
    }
  };
  for (const word of query) paint(word, 1, false);
  for (const form of forms) paint(form, 2, true);
  return segmentsOf(text, marks);
}

/** The same with regular expressions, for the rare text whose lower-case form has another length. */
function highlightByRegExp(text: string, forms: readonly string[], query: readonly string[]): Segment[] {
  const marks = new Uint8Array(text.length);
  const paint = (pattern: RegExp, level: number) => {
    for (const match of text.matchAll(pattern)) {
      for (let i = match.index; i < match.index + match[0].length; i++) marks[i] = Math.max(marks[i] ?? 0, level);
    }
  };
  const words = query.filter(Boolean);
  if (words.length > 0) paint(new RegExp(words.map(escape).join('|'), 'giu'), 1);
  const terms = forms.filter(Boolean);
  if (terms.length > 0) paint(new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu'), 2);
  return segmentsOf(text, marks);
}

function segmentsOf(text: string, marks: Uint8Array): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[start]) {
      const level = marks[start];
      segments.push({ text: text.slice(start, i), mark: level === 2 ? 'term' : level === 1 ? 'query' : null });
      start = i;
    }
  }
  return segments;
}
