import type { Paper } from '@labdigest/core';
import { isArxivDoi, isGermanEditionOf } from './match-keys.ts';

/**
 * The stored paper enriched with what an incoming record of the same paper adds: the longer abstract,
 * the fuller author list, the journal's venue and DOI over the preprint's, both ids, the union of
 * categories and tags; the International Edition's DOI, link and venue over Angewandte's German
 * edition's. The stored id, title and source stay, so ids in published digests stay valid.
 * Pure; `mergePaper(mergePaper(a, b), b)` equals `mergePaper(a, b)`.
 */
export function mergePaper(stored: Paper, incoming: Paper): Paper {
  if (isGermanEditionOf(stored.doi, incoming.doi)) {
    stored = { ...stored, doi: incoming.doi, url: incoming.url ?? stored.url, venue: incoming.venue ?? stored.venue };
  }
  return {
    id: stored.id,
    title: stored.title.trim() ? stored.title : incoming.title,
    abstract: longer(stored.abstract, incoming.abstract),
    authors: incoming.authors.length > stored.authors.length ? incoming.authors : stored.authors,
    published: richerDate(stored.published, incoming.published),
    doi: journalFirst(stored.doi, incoming.doi, isArxivDoi),
    arxivId: stored.arxivId ?? incoming.arxivId,
    url: stored.url ?? incoming.url,
    venue: journalFirst(stored.venue, incoming.venue, (v) => /^arxiv\b/i.test(v.trim())),
    categories: union(stored.categories, incoming.categories),
    source: stored.source,
    tags: union(stored.tags, incoming.tags),
  };
}

/** True when the two hold the same values (arrays compared in order). */
export function samePaper(a: Paper, b: Paper): boolean {
  return a.title === b.title && a.abstract === b.abstract && a.published === b.published
    && a.doi === b.doi && a.arxivId === b.arxivId && a.url === b.url && a.venue === b.venue
    && a.source === b.source && sameList(a.authors, b.authors) && sameList(a.categories, b.categories)
    && sameList(a.tags, b.tags);
}

function longer(a: string | null, b: string | null): string | null {
  if (!b?.trim()) return a;
  if (!a?.trim()) return b;
  return b.trim().length > a.trim().length ? b : a;
}

/** "2024" or "2024-05" gives way to "2024-05-03" (same date, more precise); otherwise the stored date stays. */
function richerDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b !== null && b.length > a.length && b.startsWith(a)) return b;
  return a;
}

/** The stored value, unless it is missing or a preprint's (arXiv) value and the incoming one is a journal's. */
function journalFirst(a: string | null, b: string | null, isPreprint: (value: string) => boolean): string | null {
  if (b === null || !b.trim()) return a;
  if (a === null || !a.trim()) return b;
  return isPreprint(a) && !isPreprint(b) ? b : a;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  if (b.every((x) => a.includes(x))) return [...a];
  return [...new Set([...a, ...b])];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
