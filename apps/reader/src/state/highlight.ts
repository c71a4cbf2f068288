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
function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return WORD_CHAR.test(c);
}

/**
 * Splits `text` into plain and marked runs. Terms match whole words only ("Li" not inside "Lithium"),
 * ignoring case; search words match anywhere, as the search does. A term wins where both match.
 * Plain indexOf on lower-cased text, no RegExp per call: a 50-paper digest highlights ~150 texts on
 * first render, and compiling a case-insensitive Unicode RegExp for each was most of that render's time.
 * Matches are kept as ranges, never as a mark per character: the work follows the number of matches,
 * not the length of a 2,000-character summary (a per-character pass was most of what remained).
 */
export function highlight(text: string, forms: readonly string[], query: readonly string[] = []): Segment[] {
  if (!text) return [];
  // Most texts on a first render (source line, authors, note, with no search) have nothing to mark.
  if (forms.length === 0 && query.length === 0) return [{ text, mark: null }];
  const lower = text.toLowerCase();
  // Lower-casing can change length (U+0130 "İ" becomes two code units); then offsets would not line up.
  if (lower.length !== text.length) return highlightByRegExp(text, forms, query);
  const find = (needles: readonly string[], wholeWord: boolean): Range[] => {
    const found: Range[] = [];
    for (const needle of needles) {
      const n = needle.toLowerCase();
      if (!n || n.length !== needle.length) continue;
      for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
        if (wholeWord && (isWordChar(text[i - 1]) || isWordChar(text[i + n.length]))) continue;
        found.push([i, i + n.length]);
      }
    }
    return found;
  };
  return segmentsOf(text, find(forms, true), find(query, false));
}

/** The same with regular expressions, for the rare text whose lower-case form has another length. */
function highlightByRegExp(text: string, forms: readonly string[], query: readonly string[]): Segment[] {
  const find = (pattern: RegExp): Range[] =>
    [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as Range);
  const words = query.filter(Boolean);
  const terms = forms.filter(Boolean);
  return segmentsOf(text,
    terms.length > 0 ? find(new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu')) : [],
    words.length > 0 ? find(new RegExp(words.map(escape).join('|'), 'giu')) : []);
}

/** A matched stretch of text: [start, end). */
type Range = [number, number];

/** Sorted, with overlapping and touching ranges joined: "ab" and "bc" in "abc" mark one run. */
function joined(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const [start, end] of ranges) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** The text cut at the marked ranges; where a term and a search hit overlap, the term wins. */
function segmentsOf(text: string, termRanges: Range[], queryRanges: Range[]): Segment[] {
  const terms = joined(termRanges);
  // Search hits outside the terms: each hit minus every term it overlaps.
  const hits: Range[] = [];
  for (const [start, end] of joined(queryRanges)) {
    let from = start;
    for (const [ts, te] of terms) {
      if (te <= from || ts >= end) continue;
      if (ts > from) hits.push([from, ts]);
      from = Math.max(from, te);
    }
    if (from < end) hits.push([from, end]);
  }
  const marked = [...terms.map(([s, e]) => ({ s, e, mark: 'term' as const })), ...hits.map(([s, e]) => ({ s, e, mark: 'query' as const }))]
    .sort((a, b) => a.s - b.s);
  const segments: Segment[] = [];
  let at = 0;
  for (const { s, e, mark } of marked) {
    if (s > at) segments.push({ text: text.slice(at, s), mark: null });
    segments.push({ text: text.slice(s, e), mark });
    at = e;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: null });
  return segments;
}

/**
 * Fills `element` with `text`, matched terms and search hits as <mark>: text nodes and elements
 * only, digest text is never parsed as HTML. Plain DOM calls rather than a component or an {#each}
 * over runs: a 50-paper digest paints ~250 such texts on its first render.
 */
export function paintMarked(element: HTMLElement, text: string, forms: readonly string[], query: readonly string[]): void {
  const segments = highlight(text, forms, query);
  if (segments.length <= 1 && !segments[0]?.mark) {
    element.textContent = text;
    return;
  }
  element.replaceChildren(...segments.map((segment) => {
    if (!segment.mark) return document.createTextNode(segment.text);
    const mark = document.createElement('mark');
    mark.className = segment.mark;
    mark.textContent = segment.text;
    return mark;
  }));
}
