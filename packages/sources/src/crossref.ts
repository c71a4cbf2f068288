// Crossref REST API `works` (https://api.crossref.org/swagger-ui/index.html): one work under
// `message`, or a list under `message.items` with `next-cursor` for deep paging.
import { FeedParseError } from './errors.ts';
import { parseDateParts, type DateResult } from './normalize/dates.ts';
import { cleanText } from './normalize/text.ts';
import { parseJson, quote } from './body.ts';
import type { ParseContext, ParseResult } from './parse-result.ts';
import { buildPaper, splitRecords } from './record.ts';

export const CROSSREF_WORKS_URL = 'https://api.crossref.org/works';

export interface CrossrefWorksQuery {
  /** Limit to one journal (print or electronic ISSN). */
  issn?: string | undefined;
  /** Free-text `query`. */
  query?: string | undefined;
  /** `YYYY-MM-DD`, inclusive. */
  fromDate: string;
  untilDate?: string | undefined;
  /**
   * `index` (default) filters on when Crossref indexed the record, which catches late deposits and
   * updates when polling; `pub` filters on the publication date.
   */
  dateField?: 'index' | 'pub' | undefined;
  /** Crossref allows up to 1000. */
  rows: number;
  /** `*` for the first page, then the previous page's `next-cursor`. */
  cursor: string;
  /** Puts requests in Crossref's "polite" pool. */
  mailto?: string | undefined;
}

/** The `works` URL for a journal and/or query since a date, one cursor page. */
export function buildCrossrefWorksUrl(q: CrossrefWorksQuery): string {
  const field = q.dateField === 'pub' ? 'pub' : 'index';
  const filters: string[] = [];
  if (q.issn) filters.push(`issn:${q.issn}`);
  filters.push(`from-${field}-date:${q.fromDate}`);
  if (q.untilDate) filters.push(`until-${field}-date:${q.untilDate}`);
  const params = new URLSearchParams();
  if (q.query) params.set('query', q.query);
  params.set('filter', filters.join(','));
  params.set('rows', String(q.rows));
  params.set('cursor', q.cursor);
  if (q.mailto) params.set('mailto', q.mailto);
  return `${CROSSREF_WORKS_URL}?${params.toString()}`;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/**
 * Papers of a Crossref `works` response, single work or list. `next` is the next cursor (null once
 * a page comes back empty: Crossref keeps sending a cursor on the last page), `total` is
 * `total-results`. A failed request (`status: "failed"`) or JSON of another API is a FeedParseError.
 */
export function parseCrossrefWorks(text: string, at: ParseContext): ParseResult {
  const body = parseJson(text, at, 'Crossref works');
  if (!isObject(body)) throw new FeedParseError(at, `expected a Crossref works response, saw JSON: ${quote(text, at)}`);
  if (body['status'] === 'failed' || body['status'] === 'error') {
    const problems = Array.isArray(body['message']) ? body['message'] : [body['message']];
    const said = problems.map((m) => (isObject(m) ? String(m['message'] ?? JSON.stringify(m)) : String(m))).join('; ');
    throw new FeedParseError(at, `Crossref error: ${said}`);
  }
  const type = body['message-type'];
  const message = body['message'];
  if (body['status'] !== 'ok' || (type !== 'work' && type !== 'work-list') || !isObject(message)) {
    throw new FeedParseError(at, `expected a Crossref works response (status "ok", message-type work or work-list), saw JSON with keys ${Object.keys(body).join(', ')}`);
  }
  const items = type === 'work' ? [message] : Array.isArray(message['items']) ? message['items'] : [];
  const now = at.now ?? new Date();
  const records = items.map((item: unknown, index: number) => {
    const work = isObject(item) ? item : {};
    const doi = typeof work['DOI'] === 'string' ? work['DOI'] : null;
    const title = cleanText(strings(work['title'])[0] ?? '');
    const subtitle = cleanText(strings(work['subtitle'])[0] ?? '');
    return buildPaper(
      {
        title: subtitle && title && !title.toLowerCase().includes(subtitle.toLowerCase())
          ? `${title}${/[.:?!]$/.test(title) ? '' : ':'} ${subtitle}`
          : title,
        abstract: typeof work['abstract'] === 'string' ? cleanText(work['abstract']) : null,
        authors: (Array.isArray(work['author']) ? work['author'] : []).map(authorName),
        published: publishedDate(work, now),
        doi,
        url: typeof work['URL'] === 'string' ? work['URL'] : null,
        venue: cleanText(strings(work['container-title'])[0] ?? strings(work['short-container-title'])[0] ?? ''),
        categories: strings(work['subject']),
        nativeId: doi,
      },
      at,
      { recordId: doi ?? `#${index + 1}` },
    );
  });
  const result: ParseResult = splitRecords(records);
  if (type === 'work-list') {
    const cursor = message['next-cursor'];
    result.next = typeof cursor === 'string' && items.length > 0 ? cursor : null;
    if (typeof message['total-results'] === 'number') result.total = message['total-results'];
  }
  return result;
}

function authorName(a: unknown): string {
  if (!isObject(a)) return '';
  const given = typeof a['given'] === 'string' ? a['given'] : '';
  const family = typeof a['family'] === 'string' ? a['family'] : '';
  const name = typeof a['name'] === 'string' ? a['name'] : '';
  return cleanText(`${given} ${family}`.trim() || name);
}

/** How many of year, month, day a Crossref date gives: `[[2020]]` is 1, `[[2020, 11, 13]]` is 3. */
function precision(value: unknown): number {
  const parts = (value as { 'date-parts'?: unknown[][] } | null)?.['date-parts']?.[0];
  return Array.isArray(parts) ? parts.filter((p) => p !== null).length : 0;
}

/**
 * The earlier of the online and print dates (journals post online weeks before the issue, and the
 * digest is about when a paper appeared), compared at the precision both have, so a print year
 * `[[2020]]` does not beat the online day `[[2020, 11, 13]]`; else `issued`, else `posted` (preprints).
 */
function publishedDate(work: Json, now: Date): DateResult | null {
  const candidates = ['published-online', 'published-print']
    .map((key) => ({ result: parseDateParts(work[key], now), precision: precision(work[key]) }))
    .filter((c): c is { result: DateResult; precision: number } => c.result !== null);
  const failed = candidates.find((c) => !c.result.ok);
  if (failed) return failed.result;
  const width = (p: number): number => [0, 4, 7, 10][p] ?? 10;
  const [a, b] = candidates;
  if (a && b && a.result.ok && b.result.ok) {
    const shared = width(Math.min(a.precision, b.precision));
    const ka = a.result.value.slice(0, shared);
    const kb = b.result.value.slice(0, shared);
    if (ka !== kb) return ka < kb ? a.result : b.result;
    return a.precision >= b.precision ? a.result : b.result;
  }
  if (a) return a.result;
  return parseDateParts(work['issued'], now) ?? parseDateParts(work['posted'], now);
}
