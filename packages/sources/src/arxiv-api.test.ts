import { fixtureFiles, readFixture } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { FeedParseError } from './errors.ts';
import { buildArxivQueryUrl, parseArxivAtom } from './arxiv-api.ts';
import { failure } from '../test/failure.ts';

const now = new Date('2026-11-25T00:00:00Z');
const at = (name: string) => ({ source: 'arxiv', location: `fixtures/arxiv/${name}`, now });
const parse = (name: string) => parseArxivAtom(readFixture(`arxiv/${name}`), at(name));

describe('buildArxivQueryUrl', () => {
  test('search query with paging and sorting', () => {
    expect(buildArxivQueryUrl({ query: 'cat:cond-mat.mtrl-sci AND abs:electrolyte', start: 200, maxResults: 100, sortBy: 'submittedDate' }))
      .toBe('https://export.arxiv.org/api/query?search_query=cat%3Acond-mat.mtrl-sci+AND+abs%3Aelectrolyte&start=200&max_results=100&sortBy=submittedDate&sortOrder=descending');
  });

  test('id list, old and new style', () => {
    expect(buildArxivQueryUrl({ idList: ['2506.10944v2', 'astro-ph/0601001'], start: 0, maxResults: 2, sortBy: 'relevance', sortOrder: 'ascending' }))
      .toBe('https://export.arxiv.org/api/query?id_list=2506.10944v2%2Castro-ph%2F0601001&start=0&max_results=2&sortBy=relevance&sortOrder=ascending');
  });

  test('neither query nor ids is a programming error', () => {
    expect(failure(() => buildArxivQueryUrl({ idList: [], start: 0, maxResults: 10, sortBy: 'relevance' })))
      .toBe('TypeError: buildArxivQueryUrl: expected a query or an idList, saw neither');
  });
});

describe('parseArxivAtom on recorded responses', () => {
  test('every API fixture is covered below', () => {
    expect(fixtureFiles('arxiv').filter((f) => f.includes('arxiv-api-'))).toHaveLength(8);
  });

  test('a v2 entry: every field', () => {
    const { papers, rejected, total, next } = parse('arxiv-api-idlist-1111.2011v2-2016.atom.xml');
    expect({ count: papers.length, rejected, total, next }).toEqual({ count: 1, rejected: [], total: 1, next: null });
    const [p] = papers;
    expect(p).toMatchObject({
      id: 'arxiv:1111.2011',
      title: 'Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit',
      authors: ['James M. Murray', 'Adrian Del Maestro', 'Zlatko Tesanovic'],
      // <published> (v1), not <updated> 2012-04-02T12:38:54Z (v2)
      published: '2011-11-08T18:48:36Z',
      doi: '10.1103/physrevb.85.115117',
      arxivId: '1111.2011',
      url: 'http://arxiv.org/abs/1111.2011v2',
      venue: null,
      categories: ['cond-mat.str-el', 'cond-mat.stat-mech'],
      source: 'arxiv',
      tags: [],
    });
    expect(p?.abstract?.startsWith('Theoretical description of anisotropic systems, such as layered superconductors')).toBe(true);
    expect(p?.abstract?.endsWith('the theory describing a single node.')).toBe(true);
    expect(p?.abstract).not.toMatch(/\n|\s{2}/);
  });

  test('an old-style id, entities in the abstract, primary category not repeated', () => {
    const [p] = parse('arxiv-api-idlist-oldstyle-astro-ph-0601001.atom.xml').papers;
    expect(p).toMatchObject({
      id: 'arxiv:astro-ph/0601001',
      arxivId: 'astro-ph/0601001',
      authors: ['Andrew Gould', 'Susan Dorsher', 'B. Scott Gaudi', 'Andrzej Udalski'],
      published: '2006-01-02T14:57:58Z',
      doi: null,
      url: 'https://arxiv.org/abs/astro-ph/0601001v1',
      categories: ['astro-ph'],
    });
    expect(p?.abstract).toContain('following Gould & Morgan (2003)');
    expect(p?.abstract).toContain('spectroscopic-followup limit of V_max<17.5.');
  });

  test('paging: the next start index and the total', () => {
    const electron = parse('arxiv-api-query-all-electron-2024.atom.xml');
    expect({ n: electron.papers.length, total: electron.total, next: electron.next }).toEqual({ n: 1, total: 218712, next: '1' });
    expect(electron.papers[0]).toMatchObject({ id: 'arxiv:cond-mat/0102536', doi: '10.1063/1.1383585', categories: ['cond-mat.str-el'] });
    const page = parse('arxiv-api-query-all-testing-100-2026.atom.xml');
    expect({ n: page.papers.length, rejected: page.rejected.length, total: page.total, next: page.next }).toEqual({ n: 100, rejected: 0, total: 214881, next: '100' });
    expect(parse('arxiv-api-query-andnot-2016.atom.xml')).toMatchObject({ total: 24, next: '10' });
    expect(parse('arxiv-api-query-au-del_maestro-2016.atom.xml')).toMatchObject({ total: 31, next: '10' });
  });

  test('the 2026 server layout: first entry of the 100-entry page', () => {
    const p = parse('arxiv-api-query-all-testing-100-2026.atom.xml').papers[0];
    expect(p).toMatchObject({
      id: 'arxiv:2202.12139',
      title: 'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
      authors: ['Mohit Kumar Ahuja', 'Arnaud Gotlieb', 'Helge Spieker'],
      published: '2022-02-24T15:05:19Z',
      doi: '10.1109/icstw55395.2022.00035',
      categories: ['cs.SE', 'cs.LG'],
    });
  });

  test('mojibake is passed on as arXiv serves it', () => {
    const p = parse('arxiv-api-query-all-testing-100-2026.atom.xml').papers.find((x) => x.id === 'arxiv:2405.13786');
    expect(p?.authors[0]).toBe('Aurora RamÃ\u00adrez');
  });

  test('a nonexistent id is an empty result, not an error', () => {
    expect(parse('arxiv-api-idlist-nonexistent-0000.0000.atom.xml')).toEqual({ papers: [], rejected: [], total: 0, next: null });
  });

  test("arXiv's error feed becomes a FeedParseError with arXiv's message", () => {
    expect(() => parse('arxiv-api-error-malformed-id.atom.xml')).toThrow(new FeedParseError(
      at('arxiv-api-error-malformed-id.atom.xml'), 'arXiv API error: incorrect id format for abc'));
    expect(failure(() => parse('arxiv-api-error-malformed-id.atom.xml')))
      .toBe('FeedParseError: [arxiv] fixtures/arxiv/arxiv-api-error-malformed-id.atom.xml arXiv API error: incorrect id format for abc');
  });
});

const entry = (fields: string) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <opensearch:totalResults>1</opensearch:totalResults><opensearch:startIndex>0</opensearch:startIndex>
  <entry>${fields}</entry>
</feed>`;
const inline = { source: 'arxiv', location: 'test.xml', now };

describe('parseArxivAtom on bad input', () => {
  test('an entry without a title is rejected, naming the entry', () => {
    const result = parseArxivAtom(entry('<id>http://arxiv.org/abs/2411.00001v1</id><title>  </title><published>2024-11-01T00:00:00Z</published>'), inline);
    expect(result.papers).toEqual([]);
    expect(result.rejected.map((e) => e.message)).toEqual(['[arxiv] test.xml item 2411.00001v1: title: the item has no title']);
  });

  test('an absurd date is rejected', () => {
    const result = parseArxivAtom(entry('<id>http://arxiv.org/abs/2411.00001v1</id><title>T</title><published>2099-01-01T00:00:00Z</published>'), inline);
    expect(result.rejected.map((e) => e.message)).toEqual([
      '[arxiv] test.xml item 2411.00001v1: published: date more than 2 days after 2026-11-25, saw "2099-01-01T00:00:00Z"',
    ]);
  });

  test('markup and script in a title do not survive', () => {
    const result = parseArxivAtom(entry('<id>http://arxiv.org/abs/2411.00001v1</id>'
      + '<title>Li$_6$PS$_5$Cl &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt;</title>'), inline);
    expect(result.papers[0]?.title).toBe('Li6PS5Cl');
  });

  test('malformed XML names the line', () => {
    expect(failure(() => parseArxivAtom('<feed>\n<entry>\n<title>x</titl>\n</entry></feed>', inline)))
      .toBe("FeedParseError: [arxiv] test.xml:3 malformed XML: Expected closing tag 'title' (opened in line 3, col 1) instead of closing tag 'titl'.");
  });

  test('a truncated body says which elements were left open', () => {
    const cut = readFixture('arxiv/arxiv-api-idlist-1111.2011v2-2016.atom.xml').slice(0, 1500);
    expect(failure(() => parseArxivAtom(cut, inline)))
      .toBe('FeedParseError: [arxiv] test.xml:21 truncated XML: <feed>, <entry>, <summary> not closed at the end of the body');
  });

  test('an entity bomb is refused before parsing', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE feed [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
      + '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n<feed><entry><title>&c;</title></entry></feed>';
    expect(failure(() => parseArxivAtom(bomb, inline))).toBe('FeedParseError: [arxiv] test.xml XML entity declarations are not accepted');
  });

  test('an external entity is refused too', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]><feed><title>&x;</title></feed>';
    expect(failure(() => parseArxivAtom(xxe, inline))).toBe('FeedParseError: [arxiv] test.xml XML entity declarations are not accepted');
  });

  test('an HTML error page where the feed should be', () => {
    expect(failure(() => parseArxivAtom('<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body>Busy</body></html>', inline)))
      .toBe('FeedParseError: [arxiv] test.xml expected XML, saw an HTML page: "<!DOCTYPE html> <html><head><title>503 Service Unavailable</…"');
  });

  test('another XML document', () => {
    expect(failure(() => parseArxivAtom(readFixture('rss/rss-biorxiv-genomics-rss1.rdf.xml'), inline)))
      .toBe('FeedParseError: [arxiv] test.xml expected an arXiv API Atom feed, saw <rdf:RDF>');
  });

  test('an empty body', () => {
    expect(failure(() => parseArxivAtom('  \n', inline))).toBe('FeedParseError: [arxiv] test.xml response is empty, expected XML');
  });
});
