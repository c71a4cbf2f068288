import type { DigestEntry } from '@labdigest/core';

/** An http(s) URL, normalised, or null: a `javascript:` or `data:` link from a feed never becomes a link. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Where "Open paper" goes: the paper's own URL, else its DOI or arXiv page; null when none is safe. */
export function paperLink(entry: Pick<DigestEntry, 'url' | 'doi' | 'arxivId'>): string | null {
  return safeHttpUrl(entry.url)
    ?? (entry.doi ? safeHttpUrl(`https://doi.org/${entry.doi}`) : null)
    ?? (entry.arxivId ? safeHttpUrl(`https://arxiv.org/abs/${entry.arxivId}`) : null);
}

/** A link for a bare paper id (`arxiv:2506.10944`, `doi:10.1021/…`), when neither the store nor a digest knows the paper. */
export function paperIdLink(id: string): string | null {
  if (id.startsWith('arxiv:')) return paperLink({ url: null, doi: null, arxivId: id.slice(6) });
  if (id.startsWith('doi:')) return paperLink({ url: null, doi: id.slice(4), arxivId: null });
  return null;
}
