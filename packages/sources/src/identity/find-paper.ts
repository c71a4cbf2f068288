import { paperArxivId } from '@labdigest/core';

/** What a paper needs for `findPaper`: a Paper and a DigestEntry both qualify. */
export interface PaperRef {
  readonly id: string;
  readonly title: string;
  readonly doi?: string | null | undefined;
  readonly arxivId?: string | null | undefined;
  readonly url?: string | null | undefined;
}

export type PaperSearch<T> =
  | { readonly kind: 'one'; readonly paper: T }
  | { readonly kind: 'none' }
  | { readonly kind: 'many'; readonly papers: readonly T[] };

/**
 * Finds a paper the way a person names it: by id (`arxiv:2411.12345`, `openalex:W123`), bare arXiv
 * id or arXiv URL (any version), DOI (`10.1021/...`, `doi:...`, `https://doi.org/...`), or by a
 * fragment of its title (case, dashes and spacing ignored). An id match wins over title matches;
 * a title that equals the query wins over titles that only contain it.
 */
export function findPaper<T extends PaperRef>(papers: readonly T[], query: string): PaperSearch<T> {
  const q = query.trim();
  if (!q) return { kind: 'none' };
  const byId = papers.filter((p) => p.id.toLowerCase() === q.toLowerCase());
  if (byId.length) return result(byId);
  const arxiv = arxivIdOf(q);
  if (arxiv) {
    const hits = papers.filter((p) => paperArxivId({ id: p.id, arxivId: p.arxivId ?? null, url: p.url ?? null })?.toLowerCase() === arxiv);
    if (hits.length) return result(hits);
  }
  const doi = doiOf(q);
  if (doi) {
    const hits = papers.filter((p) => doiOf(p.doi ?? '') === doi || doiOf(p.id) === doi);
    if (hits.length) return result(hits);
  }
  const fragment = foldTitle(q);
  const hits = papers.filter((p) => foldTitle(p.title).includes(fragment));
  const exact = hits.filter((p) => foldTitle(p.title) === fragment);
  return result(exact.length === 1 ? exact : hits);
}

function result<T>(papers: readonly T[]): PaperSearch<T> {
  if (papers.length === 0) return { kind: 'none' };
  if (papers.length === 1) return { kind: 'one', paper: papers[0] as T };
  return { kind: 'many', papers };
}

/** `2411.12345`, `arXiv:2411.12345v2`, `cond-mat/0102345`, an arxiv.org abs/pdf URL -> the id without version, lower case. */
export function arxivIdOf(text: string): string | undefined {
  const m = /^(?:arxiv:|https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?$/i.exec(text.trim());
  return m?.[1]?.toLowerCase();
}

/** `10.1021/x`, `doi:10.1021/x`, `https://doi.org/10.1021/x` -> `10.1021/x` in lower case (DOIs ignore case). */
export function doiOf(text: string): string | undefined {
  const m = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i.exec(text.trim());
  return m?.[1]?.toLowerCase();
}

/** Lower case, every dash as "-", runs of spaces as one: "Soft‐Hard  Segment" = "soft-hard segment". */
function foldTitle(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ').trim();
}
