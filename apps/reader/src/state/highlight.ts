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

/**
 * Splits `text` into plain and marked runs. Terms match whole words only ("Li" not inside "Lithium"),
 * ignoring case; search words match anywhere, as the search does. A term wins where both match.
 */
export function highlight(text: string, forms: readonly string[], query: readonly string[] = []): Segment[] {
  if (!text) return [];
  const marks = new Uint8Array(text.length); // 0 plain, 1 query, 2 term
  const paint = (pattern: RegExp, level: number) => {
    for (const match of text.matchAll(pattern)) {
      if (!match[0]) continue;
      const start = match.index;
      for (let i = start; i < start + match[0].length; i++) marks[i] = Math.max(marks[i] ?? 0, level);
    }
  };
  if (query.length > 0) paint(new RegExp(query.map(escape).join('|'), 'giu'), 1);
  if (forms.length > 0) {
    paint(new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu'), 2);
  }
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
