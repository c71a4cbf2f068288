// OpenAlex `works` (https://docs.openalex.org/api-entities/works): one work, or `results` with
// `meta.next_cursor` for cursor paging. Abstracts come only as an inverted index (word -> positions).
import { FeedParseError } from './errors.ts';
import { cleanText } from './normalize/text.ts';
import { parseJson, quote } from './body.ts';
import type { ParseContext, ParseResult } from './parse-result.ts';
import { buildPaper, splitRecords } from './record.ts';

export const OPENALEX_WORKS_URL = 'https://api.openalex.org/works';

export interface OpenAlexWorksQuery {
  /** OpenAlex filter syntax: `primary_location.source.issn:0002-7863,from_publication_date:2024-11-01`. */
  filter?: string | undefined;
  search?: string | undefined;
  /** OpenAlex allows up to 200. */
  perPage: number;
  /** `*` for the first page, then the previous page's `meta.next_cursor`. */
  cursor: string;
  /** The caller reads it from the environment; it only goes into the URL when given. */
  apiKey?: string | undefined;
}

/** The `works` URL for one cursor page. */
export function buildOpenAlexWorksUrl(q: OpenAlexWorksQuery): string {
  const params = new URLSearchParams();
  if (q.filter) params.set('filter', q.filter);
  if (q.search) params.set('search', q.search);
  params.set('per-page', String(q.perPage));
  params.set('cursor', q.cursor);
  if (q.apiKey) params.set('api_key', q.apiKey);
  return `${OPENALEX_WORKS_URL}?${params.toString()}`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The abstract text from OpenAlex's `abstract_inverted_index`; null when there is none. */
export function abstractFromInvertedIndex(index: unknown): string | null {
  if (!isObject(index)) return null;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const p of positions) {
      // Positions index an array; a corrupt index must not make us allocate a huge sparse one.
      if (Number.isInteger(p) && p >= 0 && p < 100_000) words[p as number] = word;
    }
  }
  const text = words.filter((w) => w !== undefined).join(' ');
  return text === '' ? null : text;
}

/**
 * Papers of an OpenAlex `works` response. `next` is `meta.next_cursor` (null on the last page),
 * `total` is `meta.count`. An OpenAlex error body, or JSON of another API, is a FeedParseError.
 */
export function parseOpenAlexWorks(text: string, at: ParseContext): ParseResult {
  const body = parseJson(text, at, 'OpenAlex works');
  if (!isObject(body)) throw new FeedParseError(at, `expected an OpenAlex works response, saw JSON: ${quote(text, at)}`);
  if (typeof body['error'] === 'string') {
    const said = body['error'].replace(/\.\s*$/, '');
    throw new FeedParseError(at, `OpenAlex error: ${said}${body['message'] ? `: ${str(body['message'])}` : ''}`);
  }
  const isList = Array.isArray(body['results']) && isObject(body['meta']);
  const isWork = /^https:\/\/openalex\.org\/W\d+$/.test(str(body['id']));
  if (!isList && !isWork) {
    throw new FeedParseError(at, `expected an OpenAlex works response (results and meta, or one work), saw JSON with keys ${Object.keys(body).join(', ')}`);
  }
  const works = isList ? (body['results'] as unknown[]) : [body];
  const records = works.map((item, index) => {
    const work = isObject(item) ? item : {};
    const openalexId = str(work['id']).replace(/^https:\/\/openalex\.org\//, '');
    const location = isObject(work['primary_location']) ? work['primary_location'] : {};
    const venueSource = isObject(location['source']) ? location['source'] : {};
    const abstract = abstractFromInvertedIndex(work['abstract_inverted_index']);
    const doi = str(work['doi']) || null;
    return buildPaper(
      {
        title: cleanText(str(work['title']) || str(work['display_name'])),
        abstract: abstract === null ? null : cleanText(abstract),
        authors: (Array.isArray(work['authorships']) ? work['authorships'] : []).map((a: unknown) => {
          const authorship = isObject(a) ? a : {};
          const author = isObject(authorship['author']) ? authorship['author'] : {};
          return cleanText(str(author['display_name']) || str(authorship['raw_author_name']));
        }),
        published: str(work['publication_date']) || null,
        doi,
        url: doi ?? (str(location['landing_page_url']) || null),
        venue: cleanText(str(venueSource['display_name'])),
        nativeId: openalexId,
      },
      at,
      { recordId: openalexId || `#${index + 1}` },
    );
  });
  const result: ParseResult = splitRecords(records);
  if (isList) {
    const meta = body['meta'] as Json;
    result.next = typeof meta['next_cursor'] === 'string' && works.length > 0 ? meta['next_cursor'] : null;
    if (typeof meta['count'] === 'number') result.total = meta['count'];
  }
  return result;
}
