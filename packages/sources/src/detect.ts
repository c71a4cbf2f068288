// `digest fetch --feed URL` takes any URL: sniff what came back and hand it to the right parser.
import { FeedParseError } from './errors.ts';
import { parseArxivAtom } from './arxiv-api.ts';
import { parseArxivListing } from './arxiv-listing.ts';
import { checkSize, isLocalFile, quote } from './body.ts';
import { parseCrossrefWorks } from './crossref.ts';
import { parseCrossrefUnixref } from './crossref-unixref.ts';
import { parseFeed } from './feed.ts';
import { parseOpenAlexWorks } from './openalex.ts';
import type { ParseContext, ParseResult } from './parse-result.ts';

export type FeedFormat = 'arxiv-api' | 'arxiv-listing' | 'rss' | 'atom' | 'rdf' | 'crossref' | 'openalex' | 'unknown';

/** How far into a body we look for the root element and its namespaces. */
const SNIFF_CHARS = 4096;

/**
 * The format of a response body, from its content; `contentType` only breaks ties (a JSON body
 * served as text/plain is still JSON). Crossref UNIXREF XML counts as 'crossref'.
 */
export function detectFormat(text: string, contentType?: string): FeedFormat {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || (head === '' && /json/i.test(contentType ?? ''))) return jsonFormat(text);
  if (!head.startsWith('<')) return 'unknown';
  const root = rootElement(head);
  switch (root) {
    case 'feed':
      return /xmlns(?::\w+)?="https?:\/\/arxiv\.org\/schemas\/atom"|<id>https?:\/\/arxiv\.org\/api\//.test(head) ? 'arxiv-api' : 'atom';
    case 'rss':
      return /<link>https?:\/\/(?:rss\.|export\.)?arxiv\.org\/rss\//.test(head) ? 'arxiv-listing' : 'rss';
    case 'rdf:RDF':
      return 'rdf';
    case 'crossref_result':
    case 'doi_records':
      return 'crossref';
    default:
      return 'unknown';
  }
}

function jsonFormat(text: string): FeedFormat {
  const head = text.slice(0, SNIFF_CHARS);
  if (/"message-type"\s*:\s*"work(?:-list)?"/.test(head)) return 'crossref';
  if (/^\s*\{\s*"status"\s*:\s*"(?:ok|failed)"/.test(head) && /"message(?:-type)?"/.test(head)) return 'crossref';
  if (/"id"\s*:\s*"https:\/\/openalex\.org\/W\d+"/.test(head) || /^\s*\{\s*"meta"\s*:\s*\{[^}]*"(?:count|db_response_time_ms)"/.test(head)) {
    return 'openalex';
  }
  return 'unknown';
}

/** The name of the first element, past the XML declaration, comments, processing instructions and DOCTYPE. */
function rootElement(head: string): string | null {
  const m = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>))*\s*<([A-Za-z_][\w:.-]*)/i.exec(head);
  return m?.[1] ?? null;
}

/** Parses a body of any supported format; an unrecognised body is a FeedParseError saying what it looks like. */
export function parseAny(text: string, at: ParseContext, contentType?: string): ParseResult {
  checkSize(text, at);
  const format = detectFormat(text, contentType);
  switch (format) {
    case 'arxiv-api':
      return parseArxivAtom(text, at);
    case 'arxiv-listing':
      return parseArxivListing(text, at);
    case 'rss':
    case 'rdf':
    case 'atom':
      return parseFeed(text, at);
    case 'crossref':
      return text.trimStart().startsWith('<') ? parseCrossrefUnixref(text, at) : parseCrossrefWorks(text, at);
    case 'openalex':
      return parseOpenAlexWorks(text, at);
    case 'unknown':
      throw new FeedParseError(at, `not a feed this tool reads (arXiv, Crossref, OpenAlex, RSS, Atom): ${describe(text, at)}`);
  }
}

/** What the body looks like, quoting its start; a local file's content is never quoted (see isLocalFile). */
function describe(text: string, at: ParseContext): string {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\uFEFF/, '').trimStart();
  const local = isLocalFile(at);
  if (head === '') return 'the response is empty';
  if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(head)) {
    return local ? 'saw an HTML page whose content is not shown (a local file)' : `saw an HTML page: ${quote(text, at)}`;
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    const what = 'saw JSON that is not a Crossref or OpenAlex response';
    return local ? `${what}, whose content is not shown (a local file)` : `${what}: ${quote(text, at)}`;
  }
  if (head.startsWith('<')) return local ? 'saw XML that is not a feed, whose content is not shown (a local file)' : `saw XML with root <${rootElement(head) ?? '?'}>`;
  return `saw ${quote(text, at)}`;
}
