// arXiv's daily RSS listing per archive or category (https://info.arxiv.org/help/rss.html):
// RSS 2.0 whose description holds "arXiv:<id>v<n> Announce Type: <type> \nAbstract: <text>".
import { FeedParseError } from './errors.ts';
import { splitAuthorList } from './normalize/authors.ts';
import { normalizeArxivId } from './normalize/ids.ts';
import { cleanPlainText } from './normalize/text.ts';
import { rootName } from './arxiv-api.ts';
import { child, childText, list, parseXml, textOf, type XmlNode } from './body.ts';
import type { ParseContext, ParseResult } from './parse-result.ts';
import { buildPaper, splitRecords } from './record.ts';

export const ARXIV_RSS_URL = 'https://rss.arxiv.org/rss/';

/** The listing URL for archives or categories: `cond-mat.mtrl-sci`, or several joined by `+`. */
export function buildArxivListingUrl(categories: string | readonly string[]): string {
  const names = typeof categories === 'string' ? [categories] : [...categories];
  if (names.length === 0 || names.some((n) => !/^[a-z-]+(?:\.[A-Za-z-]+)?$/.test(n))) {
    throw new TypeError(`buildArxivListingUrl: expected arXiv archive or category names, saw ${JSON.stringify(names)}`);
  }
  return `${ARXIV_RSS_URL}${names.join('+')}`;
}

const description = /^\s*arXiv:(\S+)\s+Announce Type:\s*(\S+)\s*(?:Abstract:\s*)?([\s\S]*)$/;

/**
 * Papers of an arXiv RSS listing. A day without announcements (weekends, holidays) is an empty
 * channel (fixtures/arxiv/arxiv-rss-listing-empty-test-archive.rss.xml); a bad archive name is a
 * channel titled "Feed error for query" whose description says why: that is a FeedParseError.
 * `published` is the announcement date (pubDate): the listing gives no v1 date, and a replacement
 * (tag `announce:replace`) is an old paper announced again today.
 */
export function parseArxivListing(text: string, at: ParseContext): ParseResult {
  const doc = parseXml(text, at, { arrays: ['item', 'category', 'dc:creator'] });
  const channel = child(doc['rss'], 'channel');
  if (!channel) throw new FeedParseError(at, `expected an arXiv RSS listing, saw <${rootName(doc)}>`);
  const channelTitle = childText(channel, 'title');
  if (/^Feed error for query/i.test(channelTitle)) {
    throw new FeedParseError(at, `arXiv listing error: ${cleanPlainText(childText(channel, 'description'))}`);
  }
  const records = (list(channel['item']) as XmlNode[]).map((item, index) => {
    const desc = description.exec(childText(item, 'description'));
    const guid = childText(item, 'guid');
    const arxiv = normalizeArxivId(desc?.[1] ?? guid) ?? normalizeArxivId(childText(item, 'link'));
    const creators = list(item['dc:creator']).map((c) => textOf(c)).join(', ');
    const announce = desc?.[2];
    return buildPaper(
      {
        title: cleanPlainText(childText(item, 'title')),
        abstract: desc ? cleanPlainText(desc[3] ?? '') : null,
        authors: splitAuthorList(creators),
        published: childText(item, 'pubDate') || null,
        doi: childText(item, 'arxiv:DOI') || null,
        arxivId: arxiv?.id ?? null,
        url: childText(item, 'link') || null,
        categories: list(item['category']).map((c) => textOf(c).trim()).filter((c) => c !== ''),
        tags: announce ? [`announce:${announce}`] : [],
        nativeId: guid || childText(item, 'link'),
      },
      at,
      { recordId: arxiv ? `${arxiv.id}${arxiv.version ? `v${arxiv.version}` : ''}` : guid || `#${index + 1}` },
    );
  });
  return splitRecords(records);
}
