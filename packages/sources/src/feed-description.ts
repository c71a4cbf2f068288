// Journal feeds put metadata in the paragraphs of an item's description, each publisher its own way:
//   Elsevier: "Publication date: …", "Source: <journal>, Volume 142", "Author(s): A, B"
//   RSC:      "<strong>Edge Article</strong> — 17 August 2026", then "A; B; C", then "DOI: 10.1039/…"
//   ACS:      "<cite>Journal of the American Chemical Society</cite>", "DOI: 10.1021/…", or the abstract
//   Nature:   "Nature, Published online: 15 January 2024; doi:10.1038/…", then the standfirst
// fixtures/rss/ has one feed of each.
import { splitAuthorList } from './normalize/authors.ts';
import { textBlocks } from './normalize/text.ts';

export interface DescriptionParts {
  abstract: string | null;
  authors: string[];
  venue: string | null;
  doi: string | null;
}

const articleTypeLine = /^\S.{0,60} — \d{1,2} \p{L}+ \d{4}$/u;

/** Splits a description's HTML into the abstract and the metadata paragraphs around it. */
export function readDescription(html: string): DescriptionParts {
  const parts: DescriptionParts = { abstract: null, authors: [], venue: null, doi: null };
  const abstract: string[] = [];
  let authorsNext = false;
  for (const { text, tag } of textBlocks(html)) {
    let m: RegExpExecArray | null;
    if ((m = /^Author\(s\):\s*(.*)$/i.exec(text))) {
      parts.authors = splitAuthorList(m[1] ?? '');
    } else if ((m = /^Source:\s*(.+)$/i.exec(text))) {
      parts.venue = (m[1] ?? '').replace(/,\s*(?:Volume|In press|Available online|Part)\b.*$/i, '').trim();
    } else if (/^Publication date:/i.test(text)) {
      // The issue date ("November 2026") can lie months ahead of the item; pubDate is used instead.
    } else if ((m = /^DOI:\s*(10\.\S+)$/i.exec(text))) {
      parts.doi = m[1] ?? null;
    } else if (articleTypeLine.test(text)) {
      authorsNext = true;
      continue;
    } else if (authorsNext) {
      parts.authors = splitAuthorList(text, text.includes(';') ? ';' : ',');
    } else if (tag === 'cite') {
      parts.venue = text;
    } else if (/Published online:/i.test(text) && /\bdoi:\s*10\./i.test(text)) {
      // Nature's dateline repeats the date and DOI given elsewhere.
    } else {
      abstract.push(text);
    }
    authorsNext = false;
  }
  parts.abstract = abstract.length > 0 ? abstract.join(' ') : null;
  return parts;
}
