// Journal feeds: RSS 2.0 (ACS, RSC, Elsevier), RSS 1.0/RDF with Dublin Core and PRISM (Nature,
// bioRxiv) and Atom. Publishers spread a paper's fields over different elements; each field below
// lists where we look, best first.
import { FeedParseError } from './errors.ts';
import { personName, splitAuthorList } from './normalize/authors.ts';
import { normalizeDoi } from './normalize/ids.ts';
import { cleanText, escapeMarkup } from './normalize/text.ts';
import { rootName } from './arxiv-api.ts';
import { attr, child, childText, list, parseXml, textOf, type XmlNode } from './body.ts';
import { readDescription } from './feed-description.ts';
import type { ParseContext, ParseResult } from './parse-result.ts';
import { buildPaper, splitRecords } from './record.ts';

/** Labels feeds prefix to titles: ACS "[ASAP]", RSC "[Graphical abstract added]". */
const titlePrefix = /^\[(?:ASAP|Graphical abstract added|Just Accepted|Accepted Manuscript|Early View|Advance Article)\]\s*/i;
/** Query parameters that only track the click (Elsevier dgcid, RSC rsc_ga, bioRxiv rss, utm_*). */
const trackingParam = /^(?:utm_[a-z]+|dgcid|rsc_ga|rss|af|ref|src)$/i;
const doiInUrl = /(?:doi\.org\/|\/doi\/(?:abs\/|full\/|pdf\/|epdf\/)?)(10\.\d{4,9}\/[^/?#\s]+)/i;

type FeedKind = 'rss' | 'rdf' | 'atom';

/**
 * Papers of a journal's RSS 1.0, RSS 2.0 or Atom feed. Anything else (an HTML page, another XML
 * document) is a FeedParseError; items without a title or with an absurd date are rejected.
 */
export function parseFeed(text: string, at: ParseContext): ParseResult {
  const doc = parseXml(text, at, {
    arrays: ['item', 'entry', 'dc:creator', 'author', 'category', 'link', 'dc:subject'],
    stopNodes: ['feed.entry.title', 'feed.entry.summary', 'feed.entry.content', 'feed.title'],
  });
  const { kind, channel, items } = feedParts(doc, at);
  const channelVenue = cleanText(childText(channel, 'prism:publicationName') || raw(kind, channel?.['title']));
  const records = items.map((item, index) => {
    const links = kind === 'atom' ? atomLinks(item) : [childText(item, 'link') || childText(item, 'prism:url')];
    const link = cleanUrl(links[0] ?? '');
    const guid = kind === 'atom' ? childText(item, 'id') : childText(item, 'guid') || attr(item, 'rdf:about') || '';
    const body = raw(kind, item['content:encoded'] ?? item['description'] ?? item['summary'] ?? item['content'], true);
    const description = readDescription(body);
    const doi = normalizeDoi(childText(item, 'prism:doi'))
      ?? normalizeDoi(childText(item, 'dc:identifier'))
      ?? doiFromUrl(guid) ?? doiFromUrl(link)
      ?? (description.doi ? normalizeDoi(description.doi) : null);
    const creators = list(item['dc:creator']).map((c) => textOf(c)).filter((c) => c.trim() !== '');
    const authors = list(item['author']).map((a) => authorName(childText(a, 'name') || textOf(a))).filter((a) => a !== '');
    return buildPaper(
      {
        title: cleanText(raw(kind, item['dc:title'] ?? item['title'])).replace(titlePrefix, ''),
        abstract: description.abstract,
        authors: creators.length > 0 ? creatorNames(creators) : authors.length > 0 ? authors : description.authors,
        published: childText(item, 'dc:date') || childText(item, 'pubDate') || childText(item, 'prism:publicationDate')
          || childText(item, 'prism:coverDate') || childText(item, 'published') || childText(item, 'updated') || null,
        doi,
        url: link || null,
        venue: cleanText(childText(item, 'prism:publicationName')) || description.venue || channelVenue || null,
        categories: [
          ...list(item['category']).map((c) => (kind === 'atom' ? attr(c, 'term') ?? '' : textOf(c)).trim()),
          ...list(item['dc:subject']).map((s) => textOf(s).trim()),
        ].filter((c) => c !== ''),
        nativeId: link || guid,
      },
      at,
      { recordId: doi ?? (link || guid || `#${index + 1}`) },
    );
  });
  return splitRecords(records);
}

function feedParts(doc: XmlNode, at: ParseContext): { kind: FeedKind; channel: XmlNode | undefined; items: XmlNode[] } {
  const rss = child(doc, 'rss');
  if (rss) {
    const channel = child(rss, 'channel');
    if (!channel) throw new FeedParseError(at, 'expected an RSS <channel>, saw an <rss> without one');
    return { kind: 'rss', channel, items: list(channel['item']) as XmlNode[] };
  }
  const rdf = child(doc, 'rdf:RDF');
  if (rdf) {
    // RSS 1.0 items are siblings of the channel; some feeds nest them anyway.
    const channel = child(rdf, 'channel');
    const items = list(rdf['item']).length > 0 ? list(rdf['item']) : list(channel?.['item']);
    return { kind: 'rdf', channel, items: items as XmlNode[] };
  }
  const feed = child(doc, 'feed');
  if (feed) return { kind: 'atom', channel: feed, items: list(feed['entry']) as XmlNode[] };
  throw new FeedParseError(at, `expected an RSS or Atom feed, saw <${rootName(doc)}>`);
}

/**
 * The markup of a text element. RSS values arrive decoded by the XML parser (HTML, for descriptions).
 * Atom title/summary/content are kept raw (they may be xhtml): their CDATA is literal text, except
 * that in an html-typed body it is the HTML itself.
 */
function raw(kind: FeedKind, node: unknown, body = false): string {
  const value = textOf(node);
  if (kind !== 'atom') return value;
  const html = body && attr(node, 'type') !== 'text';
  return value.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => (html ? inner : escapeMarkup(inner)));
}

/**
 * Names from dc:creator: one element per author (Nature), or one element holding the list
 * (bioRxiv). A lone "Surname, Given" is one name, not two.
 */
function creatorNames(creators: readonly string[]): string[] {
  if (creators.length > 1) return creators.map(personName);
  const only = creators[0] ?? '';
  return /^\s*[^\s,]+\s*,[^,]+$/.test(only) ? [personName(only)] : splitAuthorList(only);
}

/** RSS 2.0 <author> is an e-mail address, often followed by the name: "jd@example.org (Jane Doe)". */
function authorName(raw: string): string {
  const named = /\(([^)]+)\)\s*$/.exec(raw)?.[1];
  return personName(named ?? raw.replace(/\S+@\S+/g, ''));
}

function atomLinks(entry: XmlNode): string[] {
  const links = list(entry['link']);
  const alternate = links.filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return [...alternate, ...links].map((l) => attr(l, 'href') ?? '').filter((h) => h !== '');
}

function doiFromUrl(url: string): string | null {
  const m = doiInUrl.exec(url);
  return m?.[1] ? normalizeDoi(decodeURIComponent(m[1])) : null;
}

/** A link without click-tracking parameters; unparseable links are kept as they are. */
export function cleanUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '') return '';
  try {
    const u = new URL(trimmed);
    for (const key of [...u.searchParams.keys()]) if (trackingParam.test(key)) u.searchParams.delete(key);
    return u.toString();
  } catch {
    return trimmed;
  }
}
