// arXiv API (https://info.arxiv.org/help/api/user-manual.html): Atom responses to search_query and
// id_list queries, paged with start/max_results, the total in opensearch:totalResults.
import { FeedParseError } from './errors.ts';
import { normalizeArxivId } from './normalize/ids.ts';
import { cleanPlainText } from './normalize/text.ts';
import { attr, childText, list, parseXml, textOf, type XmlNode } from './body.ts';
import type { ParseContext, ParseResult } from './parse-result.ts';
import { buildPaper, splitRecords } from './record.ts';

export const ARXIV_API_URL = 'https://export.arxiv.org/api/query';

export interface ArxivQuery {
  /** search_query syntax: `cat:cond-mat.mtrl-sci AND abs:electrolyte`. */
  query?: string | undefined;
  /** Ids with or without version: `2506.10944v2`, `astro-ph/0601001`. */
  idList?: readonly string[] | undefined;
  start: number;
  /** arXiv asks for at most 2000 per call (and 30 000 in total per query). */
  maxResults: number;
  sortBy: 'relevance' | 'lastUpdatedDate' | 'submittedDate';
  sortOrder?: 'ascending' | 'descending' | undefined;
}

/** The API URL for a query and/or id list. */
export function buildArxivQueryUrl(q: ArxivQuery): string {
  if (!q.query && !(q.idList && q.idList.length > 0)) {
    throw new TypeError('buildArxivQueryUrl: expected a query or an idList, saw neither');
  }
  const params = new URLSearchParams();
  if (q.query) params.set('search_query', q.query);
  if (q.idList && q.idList.length > 0) params.set('id_list', q.idList.join(','));
  params.set('start', String(q.start));
  params.set('max_results', String(q.maxResults));
  params.set('sortBy', q.sortBy);
  params.set('sortOrder', q.sortOrder ?? 'descending');
  return `${ARXIV_API_URL}?${params.toString()}`;
}

const errorId = /^https?:\/\/arxiv\.org\/api\/errors/i;

/**
 * Papers of an arXiv API Atom response. An error response (an entry whose id is
 * `…/api/errors#…`, fixtures/arxiv/arxiv-api-error-malformed-id.atom.xml) is a FeedParseError
 * carrying arXiv's message. `next` is the start index of the next page, null on the last.
 */
export function parseArxivAtom(text: string, at: ParseContext): ParseResult {
  const doc = parseXml(text, at, { arrays: ['entry', 'author', 'link', 'category'] });
  const feed = doc['feed'];
  if (feed === undefined || feed === null || typeof feed !== 'object') {
    throw new FeedParseError(at, `expected an arXiv API Atom feed, saw <${rootName(doc)}>`);
  }
  const entries = list((feed as XmlNode)['entry']) as XmlNode[];
  for (const entry of entries) {
    if (errorId.test(childText(entry, 'id'))) {
      throw new FeedParseError(at, `arXiv API error: ${cleanPlainText(childText(entry, 'summary'))}`);
    }
  }
  const records = entries.map((entry, index) => {
    const rawId = childText(entry, 'id');
    const arxiv = normalizeArxivId(rawId);
    const links = list(entry['link']);
    const alternate = links.find((l) => attr(l, 'rel') === 'alternate');
    const primary = attr(entry['arxiv:primary_category'], 'term');
    const categories = list(entry['category']).map((c) => attr(c, 'term') ?? '').filter((c) => c !== '');
    return buildPaper(
      {
        title: cleanPlainText(childText(entry, 'title')),
        abstract: cleanPlainText(childText(entry, 'summary')),
        authors: list(entry['author']).map((a) => cleanPlainText(childText(a, 'name'))),
        // arXiv bumps <updated> on every revision; <published> is v1's date, the day the work first
        // appeared, which is what a digest sorts by. fixtures/arxiv/arxiv-api-idlist-1111.2011v2-2016.atom.xml
        // is a v2 entry: updated 2012-04-02, published 2011-11-08.
        published: childText(entry, 'published') || null,
        doi: childText(entry, 'arxiv:doi') || null,
        arxivId: arxiv?.id ?? null,
        url: (alternate ? attr(alternate, 'href') : undefined) ?? (rawId || null),
        categories: primary ? [primary, ...categories] : categories,
        nativeId: rawId,
      },
      at,
      { recordId: arxiv ? `${arxiv.id}${arxiv.version ? `v${arxiv.version}` : ''}` : rawId || `#${index + 1}` },
    );
  });
  const total = Number(textOf((feed as XmlNode)['opensearch:totalResults']).trim());
  const start = Number(textOf((feed as XmlNode)['opensearch:startIndex']).trim()) || 0;
  const result: ParseResult = splitRecords(records);
  if (Number.isFinite(total) && textOf((feed as XmlNode)['opensearch:totalResults']).trim() !== '') {
    result.total = total;
    result.next = entries.length > 0 && start + entries.length < total ? String(start + entries.length) : null;
  }
  return result;
}

export function rootName(doc: XmlNode): string {
  return Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? 'nothing';
}
