import { papersToBibtex, type BibtexPaper } from '@labdigest/core';

/** What a BibTeX entry needs from a paper; kept with each starred paper so export works for any digest. */
export type BibSource = BibtexPaper;

export function toBibSource(entry: BibSource): BibSource {
  const { id, title, authors, published, doi, arxivId, venue, url, abstract } = entry;
  return { id, title, authors: [...authors], published, doi, arxivId, venue, url, ...(abstract ? { abstract } : {}) };
}

/** A .bib file of the given papers, in the order given: core's writer, the one `digest export` uses. */
export function toBibtex(papers: readonly BibSource[]): string {
  return papersToBibtex(papers);
}
