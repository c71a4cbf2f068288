import type { Source } from '@labdigest/core';
import { ARXIV_API_URL, buildArxivQueryUrl, parseArxivAtom } from '@labdigest/sources';
import { ARXIV_RSS_URL, buildArxivListingUrl, parseArxivListing } from '@labdigest/sources';
import { buildCrossrefWorksUrl, CROSSREF_WORKS_URL, parseCrossrefWorks } from '@labdigest/sources';
import { parseAny } from '@labdigest/sources';
import { parseFeed } from '@labdigest/sources';
import { buildOpenAlexWorksUrl, OPENALEX_WORKS_URL, parseOpenAlexWorks } from '@labdigest/sources';
import type { ParseContext, ParseResult } from '@labdigest/sources';

/** Base URLs of the APIs; tests (or a mirror) point them elsewhere. */
export interface Endpoints {
  readonly arxivApi: string;
  readonly arxivRss: string;
  readonly crossref: string;
  readonly openalex: string;
}

export const DEFAULT_ENDPOINTS: Endpoints = {
  arxivApi: ARXIV_API_URL, arxivRss: ARXIV_RSS_URL, crossref: CROSSREF_WORKS_URL, openalex: OPENALEX_WORKS_URL,
};

/**
 * How to read one stream of pages: the first URL, the URL after a page (null: done), the parser.
 * A source is one or more streams (a Crossref source with three ISSNs is three).
 */
export interface PageStream {
  readonly firstUrl: string;
  nextUrl(result: ParseResult, fetchedSoFar: number): string | null;
  readonly parse: (text: string, at: ParseContext, contentType?: string) => ParseResult;
  /** Single-page feeds send If-None-Match / If-Modified-Since from the last run. */
  readonly conditional: boolean;
}

export interface PlanContext {
  /** Start of the window: papers since then are asked for. */
  readonly since: Date;
  readonly now: Date;
  /** group.email: Crossref's `mailto`. */
  readonly email?: string | undefined;
  /** OPENALEX_API_KEY; goes into OpenAlex URLs only (and those are redacted wherever they are shown). */
  readonly openAlexKey?: string | undefined;
  readonly endpoints?: Endpoints | undefined;
}

/** arXiv hands out at most this many entries per call here: pages stay small and quick to retry. */
export const ARXIV_PAGE_SIZE = 100;

export function planSource(source: Source, ctx: PlanContext): PageStream[] {
  const endpoints = ctx.endpoints ?? DEFAULT_ENDPOINTS;
  const rebase = (url: string, from: string, to: string) => (url.startsWith(from) ? to + url.slice(from.length) : url);
  switch (source.type) {
    case 'arxiv': {
      const pageSize = Math.min(source.maxResults, ARXIV_PAGE_SIZE);
      // search_query takes a submittedDate range (YYYYMMDDHHMM, GMT); sorted newest first.
      const query = `(${source.query}) AND submittedDate:[${arxivTime(ctx.since)} TO ${arxivTime(ctx.now)}]`;
      const url = (start: number) => rebase(
        buildArxivQueryUrl({ query, start, maxResults: Math.min(pageSize, source.maxResults - start), sortBy: 'submittedDate', sortOrder: 'descending' }),
        ARXIV_API_URL, endpoints.arxivApi);
      return [{
        firstUrl: url(0),
        nextUrl: (result, fetched) => (result.next == null || fetched >= source.maxResults ? null : url(Number(result.next))),
        parse: parseArxivAtom,
        conditional: false,
      }];
    }
    case 'arxiv-listing':
      return [{
        firstUrl: rebase(buildArxivListingUrl(source.category), ARXIV_RSS_URL, endpoints.arxivRss),
        nextUrl: () => null, parse: parseArxivListing, conditional: true,
      }];
    case 'crossref': {
      const issns = source.issn.length > 0 ? source.issn : [undefined];
      return issns.map((issn) => {
        const url = (cursor: string) => rebase(buildCrossrefWorksUrl({
          issn, query: source.query, fromDate: isoDay(ctx.since), rows: source.rows, cursor, mailto: ctx.email,
        }), CROSSREF_WORKS_URL, endpoints.crossref);
        return { firstUrl: url('*'), nextUrl: (result) => (result.next ? url(result.next) : null), parse: parseCrossrefWorks, conditional: false };
      });
    }
    case 'openalex': {
      const window = `from_publication_date:${isoDay(ctx.since)}`;
      const filter = source.filter?.includes('from_publication_date') ? source.filter : [source.filter, window].filter(Boolean).join(',');
      const url = (cursor: string) => rebase(buildOpenAlexWorksUrl({
        filter, search: source.search, perPage: source.perPage, cursor, apiKey: ctx.openAlexKey,
      }), OPENALEX_WORKS_URL, endpoints.openalex);
      return [{ firstUrl: url('*'), nextUrl: (result) => (result.next ? url(result.next) : null), parse: parseOpenAlexWorks, conditional: false }];
    }
    case 'feed':
      return [{ firstUrl: source.url, nextUrl: () => null, parse: parseFeed, conditional: true }];
  }
}

/** `digest fetch --feed URL`: one page of whatever the URL serves, recognised by its content. */
export function planFeedUrl(url: string): PageStream[] {
  return [{ firstUrl: url, nextUrl: () => null, parse: parseAny, conditional: true }];
}

/** The source name for an ad-hoc feed: its host, or the file name for file: URLs. */
export function feedSourceName(url: string): string {
  const parsed = new URL(url);
  // A folder's URL ends in '/': its last name, not the empty one after the slash.
  return parsed.protocol === 'file:' ? decodeURIComponent(parsed.pathname.split('/').filter(Boolean).at(-1) ?? 'file') : parsed.hostname;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function arxivTime(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-:T]/g, '');
}
