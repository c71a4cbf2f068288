import { fixtureFiles, readFixture, readFixtureGz } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { detectFormat, parseAny, type FeedFormat } from './detect.ts';
import { failure } from '../test/failure.ts';

const now = new Date('2026-11-25T00:00:00Z');
const inline = { source: 'feed', location: 'https://example.org/feed', now };

// What each recorded response is, and how many papers parseAny gets out of it (or the error it raises).
const expected: Record<string, [FeedFormat, number | string]> = {
  'arxiv/arxiv-api-error-malformed-id.atom.xml': ['arxiv-api', 'arXiv API error: incorrect id format for abc'],
  'arxiv/arxiv-api-idlist-1111.2011v2-2016.atom.xml': ['arxiv-api', 1],
  'arxiv/arxiv-api-idlist-nonexistent-0000.0000.atom.xml': ['arxiv-api', 0],
  'arxiv/arxiv-api-idlist-oldstyle-astro-ph-0601001.atom.xml': ['arxiv-api', 1],
  'arxiv/arxiv-api-query-all-electron-2024.atom.xml': ['arxiv-api', 1],
  'arxiv/arxiv-api-query-all-testing-100-2026.atom.xml': ['arxiv-api', 100],
  'arxiv/arxiv-api-query-andnot-2016.atom.xml': ['arxiv-api', 10],
  'arxiv/arxiv-api-query-au-del_maestro-2016.atom.xml': ['arxiv-api', 10],
  'arxiv/arxiv-rss-listing-empty-test-archive.rss.xml': ['arxiv-listing', 0],
  'arxiv/arxiv-rss-listing-error-bad-archive.rss.xml': ['arxiv-listing', "arXiv listing error: Bad archive 'astroph'."],
  'crossref/crossref-unixref-work-single.xml': ['crossref', 1],
  'crossref/crossref-work-single-elife-jats-abstract.json': ['crossref', 1],
  'crossref/crossref-works-journal-peerj-query-ecology-20-jats-abstracts.json': ['crossref', 20],
  'crossref/crossref-works-prefix-10.5555-test-dois-20.json': ['crossref', 20],
  'crossref/crossref-works-query-widget-cursor-page1.json': ['crossref', 20],
  'crossref/crossref-works-sample-10.json': ['crossref', 9],
  'crossref/crossref-works-select-doi-title.json': ['crossref', 20],
  'crossref/crossref-works-type-journal-article-20.json': ['crossref', 20],
  'openalex/openalex-work-single-biorxiv-posted-content.json': ['openalex', 1],
  'openalex/openalex-work-single-elife.json': ['openalex', 1],
  'openalex/openalex-work-single-plos-one.json': ['openalex', 1],
  'openalex/openalex-works-sample-5.json': ['openalex', 5],
  'rss/rss-acs-jacs-mirrored-2026-08-22.xml': ['rss', 150],
  'rss/rss-acs-jacs-mirrored-asap-toc-2026-07-02.xml': ['rss', 150],
  'rss/rss-biorxiv-genomics-rss1.rdf.xml': ['rdf', 1],
  'rss/rss-elsevier-sciencedirect-bioorgmedchem-mirrored-2026-08-22.xml': ['rss', 34],
  'rss/rss-nature-2024-01-15.rdf.xml': ['rdf', 75],
  'rss/rss-nature-2024-07-18.rdf.xml': ['rdf', 75],
  'rss/rss-rsc-chemsci-mirrored-2026-08.xml': ['rss', 94],
};
const cases = ['arxiv', 'crossref', 'openalex', 'rss'].flatMap((d) => fixtureFiles(d)).filter((f) => !f.endsWith('.gz'));

describe('detectFormat and parseAny on every recorded response', () => {
  test('the table names every fixture', () => {
    expect(cases).toEqual(Object.keys(expected).sort());
  });

  test.each(cases)('%s', (file) => {
    const [format, outcome] = expected[file]!;
    const text = readFixture(file);
    expect(detectFormat(text)).toBe(format);
    if (typeof outcome === 'number') expect(parseAny(text, { ...inline, location: file }).papers).toHaveLength(outcome);
    else expect(failure(() => parseAny(text, { ...inline, location: file }))).toContain(`FeedParseError: [feed] ${file} ${outcome}`);
  });

  test('the gzipped full listing', () => {
    expect(detectFormat(readFixtureGz('arxiv/arxiv-rss-listing-all-archives-2024-11-28.rss.xml.gz'))).toBe('arxiv-listing');
  });
});

describe('detectFormat on other bodies', () => {
  test.each<[string, string, string | undefined, FeedFormat]>([
    ['a generic Atom feed', '<?xml version="1.0"?>\n<!-- generator -->\n<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', undefined, 'atom'],
    ['RSS with a BOM and a DOCTYPE', '\uFEFF<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss version="0.91"></rss>', undefined, 'rss'],
    ['an HTML page', '<!DOCTYPE html><html><body>Moved</body></html>', 'text/html', 'unknown'],
    ['JSON of another API', '{"data": []}', 'application/json', 'unknown'],
    ['a Crossref error body', '{"status":"failed","message-type":"validation-failure","message":[]}', 'application/json', 'crossref'],
    ['plain text', 'Service temporarily unavailable', 'text/plain', 'unknown'],
    ['nothing', '', 'application/json', 'unknown'],
  ])('%s', (_, text, contentType, format) => {
    expect(detectFormat(text, contentType)).toBe(format);
  });
});

describe('parseAny on what is not a feed', () => {
  test.each([
    ['<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head></html>', 'saw an HTML page: "<!DOCTYPE html> <html><head><title>404 Not Found</title></he…"'],
    ['{"data": [1, 2, 3]}', 'saw JSON that is not a Crossref or OpenAlex response: "{"data": [1, 2, 3]}"'],
    ['<?xml version="1.0"?><urlset><url/></urlset>', 'saw XML with root <urlset>'],
    ['   ', 'the response is empty'],
    ['Rate limit exceeded', 'saw "Rate limit exceeded"'],
  ])('%j', (text, problem) => {
    expect(failure(() => parseAny(text, inline)))
      .toBe(`FeedParseError: [feed] https://example.org/feed not a feed this tool reads (arXiv, Crossref, OpenAlex, RSS, Atom): ${problem}`);
  });
});
