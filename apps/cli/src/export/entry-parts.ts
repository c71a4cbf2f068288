import type { DigestEntry, MatchedTerm } from '@labdigest/core';

/**
 * Pieces of a digest entry that every export format shows the same way (Markdown, HTML, text):
 * the author line, the source line's parts, the matched terms.
 */

/** True for an absolute http(s) URL without whitespace: the only links an export writes. */
export function isHttpUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url);
}

/** "A, B, C et al." for more than `max` authors; "" when none are known. */
export function authorLine(authors: readonly string[], max = 3): string {
  const names = authors.map((a) => a.trim()).filter(Boolean);
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} et al.`;
}

/** The source line's text parts: source, then the publication date when known. */
export function sourceParts(entry: DigestEntry): string[] {
  return [`Source: ${entry.sourceLine}`, ...(entry.published ? [`📅 ${entry.published}`] : [])];
}

/** "ion transport (in title, 4×)", strongest first, at most `max` terms. */
export function termLabels(terms: readonly MatchedTerm[], max = 8): string[] {
  const labels = terms.slice(0, max).map((t) => {
    const where = [t.inTitle ? 'in title' : '', t.count > 1 ? `${t.count}×` : ''].filter(Boolean).join(', ');
    return where ? `${t.keyword} (${where})` : t.keyword;
  });
  if (terms.length > max) labels.push(`and ${terms.length - max} more`);
  return labels;
}

/** Whitespace runs (newlines included) as one space: paper text is one paragraph in every format. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
