// Crossref's UNIXREF XML for one DOI (https://www.crossref.org/documentation/retrieve-metadata/xml-api/):
// what `doi.crossref.org/servlet/query?format=unixref` and content negotiation return.
import { FeedParseError, RecordRejectedError } from './errors.ts';
import { cleanText, escapeMarkup } from './normalize/text.ts';
import { rootName } from './arxiv-api.ts';
import { attr, child, childText, list, parseXml, textOf, type XmlNode } from './body.ts';
import type { ParseContext, ParseResult } from './parse-result.ts';
import { buildPaper, splitRecords } from './record.ts';

/** The kinds of work UNIXREF nests under <crossref>, with their container and item element names. */
const workKinds: readonly { kind: string; container: string; item: string }[] = [
  { kind: 'journal', container: 'journal_metadata', item: 'journal_article' },
  { kind: 'conference', container: 'proceedings_metadata', item: 'conference_paper' },
  { kind: 'book', container: 'book_metadata', item: 'content_item' },
  { kind: 'posted_content', container: '', item: '' },
];

/**
 * Papers of a UNIXREF response (`<crossref_result>` with one <query> per DOI). Titles and
 * abstracts may hold face markup and JATS, so they are read raw and cleaned. An unresolved
 * query becomes a rejection naming its DOI.
 */
export function parseCrossrefUnixref(text: string, at: ParseContext): ParseResult {
  const doc = parseXml(text, at, {
    arrays: ['query', 'person_name', 'organization', 'publication_date', 'jats:abstract', 'title'],
    stopNodes: ['*.title', '*.jats:abstract', '*.full_title', '*.proceedings_title'],
  });
  const result = child(doc, 'crossref_result');
  if (!result) throw new FeedParseError(at, `expected Crossref UNIXREF XML (<crossref_result>), saw <${rootName(doc)}>`);
  const queries = list(child(child(result, 'query_result'), 'body')?.['query']) as XmlNode[];
  const records = queries.map((query, index) => {
    const doi = childText(query, 'doi');
    const place = { recordId: doi || `#${index + 1}` };
    const crossref = child(child(query, 'doi_record'), 'crossref');
    if (attr(query, 'status') !== 'resolved' || !crossref) {
      const status = attr(query, 'status') ?? 'missing';
      return new RecordRejectedError({ ...at, recordId: place.recordId }, `query: status is "${status}", not "resolved"`);
    }
    const { container, item } = workParts(crossref);
    const titles = child(item, 'titles');
    const abstracts = list(item?.['jats:abstract']);
    // The first abstract without abstract-type is the scientific one; eLife adds an executive summary.
    const abstract = abstracts.find((a) => attr(a, 'abstract-type') === undefined) ?? abstracts[0];
    const date = list(item?.['publication_date'] ?? container?.['publication_date'])
      .map((d) => [childText(d, 'year'), childText(d, 'month'), childText(d, 'day')].filter((p) => p !== '').join('-'))
      .filter((d) => d !== '')
      .sort()[0];
    return buildPaper(
      {
        title: raw(list(titles?.['title'])[0]),
        abstract: abstract === undefined ? null : raw(abstract),
        authors: list(child(item, 'contributors')?.['person_name'])
          .filter((p) => (attr(p, 'contributor_role') ?? 'author') === 'author')
          .map((p) => cleanText(`${childText(p, 'given_name')} ${childText(p, 'surname')}`)),
        published: date ?? null,
        doi: childText(child(item, 'doi_data'), 'doi') || doi,
        url: childText(child(item, 'doi_data'), 'resource') || null,
        venue: raw(container?.['full_title'] ?? container?.['proceedings_title']),
        nativeId: doi,
      },
      at,
      place,
    );
  });
  return splitRecords(records);
}

function workParts(crossref: XmlNode): { container: XmlNode | undefined; item: XmlNode | undefined } {
  for (const { kind, container, item } of workKinds) {
    const work = child(crossref, kind);
    if (!work) continue;
    if (kind === 'posted_content') return { container: undefined, item: work };
    return { container: child(work, container), item: child(work, item) };
  }
  return { container: undefined, item: undefined };
}

/** Raw markup kept by stopNodes: CDATA is literal text, the rest is markup for cleanText. */
function raw(node: unknown): string {
  const markup = textOf(node);
  return cleanText(markup.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => escapeMarkup(inner)));
}
