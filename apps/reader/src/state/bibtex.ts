import type { DigestEntry } from '@labdigest/core';

/** What a BibTeX entry needs from a paper; kept with each starred paper so export works for any digest. */
export type BibSource = Pick<DigestEntry, 'id' | 'title' | 'authors' | 'published' | 'doi' | 'arxivId' | 'venue' | 'url'>;

export function toBibSource(entry: BibSource): BibSource {
  const { id, title, authors, published, doi, arxivId, venue, url } = entry;
  return { id, title, authors: [...authors], published, doi, arxivId, venue, url };
}

/** Escapes the characters LaTeX treats specially; keeps Unicode (biber and modern BibTeX read UTF-8). */
export function escapeBibtex(text: string): string {
  // One pass, so the braces that \textbackslash{} brings are not escaped again.
  return text
    .replace(/[\\{}&%$#_~^]/g, (c) => LATEX_SPECIALS[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}
const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
  '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_',
};

const ascii = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '');
const STOP = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'via', 'with', 'from', 'towards', 'toward']);

/** `deng2026coupled`: first author's family name, year, first real title word; a, b, … when taken. */
export function bibtexKey(paper: BibSource, taken: Set<string>): string {
  const family = ascii(paper.authors[0]?.trim().split(/\s+/).at(-1) ?? '').toLowerCase() || 'anon';
  const year = paper.published?.slice(0, 4) ?? '';
  const word = paper.title.toLowerCase().split(/[^\p{L}\p{N}]+/u).find((w) => w && !STOP.has(w)) ?? '';
  const base = `${family}${year}${ascii(word)}` || 'paper';
  let key = base;
  for (let i = 0; taken.has(key); i++) key = `${base}${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;
  taken.add(key);
  return key;
}

/** One entry: @article for journal papers, @misc with eprint fields for arXiv preprints. */
export function bibtexEntry(paper: BibSource, key: string): string {
  const fields: [string, string][] = [
    // Double braces keep the title's capitalisation (LiPON, SEI) in every bibliography style.
    ['title', `{${escapeBibtex(paper.title)}}`],
    ['author', paper.authors.map(escapeBibtex).join(' and ')],
  ];
  const year = paper.published?.slice(0, 4);
  if (year && /^\d{4}$/.test(year)) fields.push(['year', year]);
  const month = paper.published?.slice(5, 7);
  if (month && /^\d{2}$/.test(month)) fields.push(['month', String(Number(month))]);
  const isArticle = Boolean(paper.venue) && !(paper.arxivId && !paper.doi);
  if (isArticle && paper.venue) fields.push(['journal', escapeBibtex(paper.venue)]);
  if (paper.doi) fields.push(['doi', escapeBibtex(paper.doi)]);
  if (paper.arxivId) fields.push(['eprint', paper.arxivId], ['archivePrefix', 'arXiv']);
  if (paper.url && /^https?:\/\//i.test(paper.url)) fields.push(['url', paper.url.replace(/[{}\s]/g, '')]);
  const body = fields.filter(([, v]) => v).map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@${isArticle ? 'article' : 'misc'}{${key},\n${body}\n}`;
}

/** A .bib file of the given papers, in the order given. */
export function toBibtex(papers: readonly BibSource[]): string {
  const taken = new Set<string>();
  return papers.map((p) => bibtexEntry(p, bibtexKey(p, taken))).join('\n\n') + (papers.length ? '\n' : '');
}
