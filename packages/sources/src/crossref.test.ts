import { fixtureFiles, readFixture } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { buildCrossrefWorksUrl, parseCrossrefWorks } from './crossref.ts';
import { failure } from '../test/failure.ts';

const now = new Date('2026-11-25T00:00:00Z');
const at = (name: string) => ({ source: 'crossref', location: `fixtures/crossref/${name}`, now });
const parse = (name: string) => parseCrossrefWorks(readFixture(`crossref/${name}`), at(name));
const inline = { source: 'crossref', location: 'test.json', now };

describe('buildCrossrefWorksUrl', () => {
  test('a journal since an index date, first cursor page, polite pool', () => {
    expect(buildCrossrefWorksUrl({ issn: '0002-7863', fromDate: '2024-11-01', rows: 100, cursor: '*', mailto: 'lab@example.org' }))
      .toBe('https://api.crossref.org/works?filter=issn%3A0002-7863%2Cfrom-index-date%3A2024-11-01&rows=100&cursor=*&mailto=lab%40example.org');
  });

  test('a query between publication dates, a later cursor', () => {
    expect(buildCrossrefWorksUrl({ query: 'solid electrolyte', fromDate: '2024-01-01', untilDate: '2024-06-30', dateField: 'pub', rows: 20, cursor: 'DnF1+/=' }))
      .toBe('https://api.crossref.org/works?query=solid+electrolyte&filter=from-pub-date%3A2024-01-01%2Cuntil-pub-date%3A2024-06-30&rows=20&cursor=DnF1%2B%2F%3D');
  });
});

describe('parseCrossrefWorks on recorded responses', () => {
  test('every JSON fixture is covered below', () => {
    expect(fixtureFiles('crossref').filter((f) => f.endsWith('.json'))).toHaveLength(7);
  });

  test('a single work with a JATS abstract: every field', () => {
    const { papers, rejected, next, total } = parse('crossref-work-single-elife-jats-abstract.json');
    expect({ n: papers.length, rejected, next, total }).toEqual({ n: 1, rejected: [], next: undefined, total: undefined });
    expect(papers[0]).toMatchObject({
      id: 'doi:10.7554/elife.01567',
      title: 'Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth',
      authors: ['Martial Sankar', 'Kaisa Nieminen', 'Laura Ragni', 'Ioannis Xenarios', 'Christian S Hardtke'],
      published: '2014-02-11',
      doi: '10.7554/elife.01567',
      arxivId: null,
      url: 'https://doi.org/10.7554/elife.01567',
      venue: 'eLife',
      categories: [],
      source: 'crossref',
    });
    expect(papers[0]?.abstract?.startsWith('Among various advantages, their small size makes model organisms preferred')).toBe(true);
    expect(papers[0]?.abstract?.endsWith('for example equidistant phloem pole formation.')).toBe(true);
    expect(papers[0]?.abstract).not.toContain('jats');
  });

  test('JATS structured abstracts keep their section labels; <i> in titles', () => {
    const { papers, total, next } = parse('crossref-works-journal-peerj-query-ecology-20-jats-abstracts.json');
    expect({ n: papers.length, total, next }).toEqual({ n: 20, total: 203, next: null });
    expect(papers.filter((p) => p.abstract?.startsWith('Background: '))).toHaveLength(6);
    expect(papers[1]?.title).toBe('The genomic sequence of Exiguobacterium chiriqhucha str. N139 reveals a species that thrives in cold waters and extreme environmental conditions');
    expect(papers[1]?.authors.slice(0, 2)).toEqual(['Ana Gutiérrez-Preciado', 'Carlos Vargas-Chávez']);
  });

  test('small caps, the JATS "Abstract" heading, earlier online date, &amp; in a journal name', () => {
    const { papers } = parse('crossref-works-type-journal-article-20.json');
    expect(papers).toHaveLength(20);
    const diisc = papers.find((p) => p.doi === '10.3847/1538-4357/adb8ca');
    expect(diisc).toMatchObject({
      title: 'DIISC-VI (COS-DIISC): Ultraviolet Metal Absorption Relative to the H i Disk of Galaxies',
      published: '2025-03-27', // online; print is 2025-04-01
      venue: 'The Astrophysical Journal',
    });
    expect(diisc?.abstract?.startsWith('As part of the Deciphering the Interplay')).toBe(true);
    // R<jats:sub>HI</jats:sub> on its own indented line: the subscript joins its base (was "R HI").
    expect(diisc?.abstract).toContain('near the H i gas disk (<4.5RHI) of 31 nearby galaxies');
    expect(papers.find((p) => p.doi === '10.1016/0267-3649(87)90079-3')?.venue).toBe('Computer Law & Security Report');
  });

  test('a cursor page: next-cursor, total, works without dates', () => {
    const { papers, total, next } = parse('crossref-works-query-widget-cursor-page1.json');
    expect({ n: papers.length, total }).toEqual({ n: 20, total: 454 });
    expect(next?.startsWith('DnF1ZXJ5VGhlbkZldGNoJAAAAAFNehByFlV1U25DZFJ2U2JLRVVuNjdsaVhxWkEAAAABTXoQcx')).toBe(true);
    expect(papers.filter((p) => p.published === null).map((p) => p.doi)).toEqual(['10.1007/978-1-4302-0197-7_9', '10.1007/springerreference_66110']);
    // print [[2020]] vs online [[2020, 11, 13]]: the day, not the padded year
    expect(papers.find((p) => p.doi === '10.1007/978-1-4842-6700-4_5')?.published).toBe('2020-11-13');
    expect(papers.find((p) => p.doi === '10.59350/7mtwq-q3661')).toMatchObject({ published: '2008-06-18', venue: null });
  });

  test('a random sample: front matter is rejected, old print date beats the later online one', () => {
    const { papers, rejected } = parse('crossref-works-sample-10.json');
    expect(papers).toHaveLength(9);
    expect(rejected.map((e) => e.message)).toEqual([
      '[crossref] fixtures/crossref/crossref-works-sample-10.json item 10.1016/s1532-0464(03)00128-x: title: "Table of Contents" is front matter, not a paper',
    ]);
    expect(papers.find((p) => p.doi === '10.1246/bcsj.36.278')).toMatchObject({
      title: 'The Cationic Copolymerization of Styrene and p-Brornostyrene in Liquid Sulfur Dioxide',
      published: '1963-03-01',
      venue: 'Bulletin of the Chemical Society of Japan',
    });
  });

  test('test DOIs: year-only and year-month dates', () => {
    const { papers, total } = parse('crossref-works-prefix-10.5555-test-dois-20.json');
    expect({ n: papers.length, total }).toEqual({ n: 20, total: 1205 });
    expect(papers.find((p) => p.doi === '10.5555/alias')?.published).toBe('2014-01-01');
    expect(papers.find((p) => p.doi === '10.3969/j.issn.1004-4132.2010.01.020')?.published).toBe('2010-02-01');
  });

  test('select=DOI,title: papers with nothing but an id and a title', () => {
    const { papers } = parse('crossref-works-select-doi-title.json');
    expect(papers).toHaveLength(20);
    expect(papers[0]).toEqual({
      id: 'doi:10.1093/obo/9780199830060-0238', title: 'Communicating Ecology', abstract: null, authors: [], published: null,
      doi: '10.1093/obo/9780199830060-0238', arxivId: null, url: null, venue: null, categories: [], source: 'crossref', tags: [],
    });
  });
});

describe('parseCrossrefWorks on bad input', () => {
  const work = (fields: object) => JSON.stringify({ status: 'ok', 'message-type': 'work-list', message: { 'total-results': 1, items: [fields] } });

  test('an item without a title, and one with an absurd date, are rejected; the good one kept', () => {
    const body = JSON.stringify({ status: 'ok', 'message-type': 'work-list', message: { items: [
      { DOI: '10.1/none', title: [] },
      { DOI: '10.1234/future', title: ['Future'], 'published-online': { 'date-parts': [[2099, 1, 1]] } },
      { DOI: '10.1234/ok', title: ['Fine'], 'published-print': { 'date-parts': [[2024, 5]] } },
    ] } });
    const result = parseCrossrefWorks(body, inline);
    expect(result.papers.map((p) => [p.id, p.published])).toEqual([['doi:10.1234/ok', '2024-05-01']]);
    expect(result.rejected.map((e) => e.message)).toEqual([
      '[crossref] test.json item 10.1/none: title: the item has no title',
      '[crossref] test.json item 10.1234/future: published: date more than 2 days after 2026-11-25, saw "[2099,1,1]"',
    ]);
  });

  test('script and onerror in a title are stripped', () => {
    const result = parseCrossrefWorks(work({ DOI: '10.1234/x', title: ['Li<sub>6</sub>PS<sub>5</sub>Cl<script>alert(1)</script><img src=x onerror=alert(1)>'] }), inline);
    expect(result.papers[0]?.title).toBe('Li6PS5Cl');
  });

  test('a truncated body', () => {
    expect(failure(() => parseCrossrefWorks(readFixture('crossref/crossref-works-sample-10.json').slice(0, 120), inline)))
      .toBe('FeedParseError: [crossref] test.json expected Crossref works JSON, saw text that is not JSON: "{"status":"ok","message-type":"work-list","message-version":…"');
  });

  test('OpenAlex JSON is not a Crossref response', () => {
    expect(failure(() => parseCrossrefWorks(readFixture('openalex/openalex-works-sample-5.json'), inline)))
      .toBe('FeedParseError: [crossref] test.json expected a Crossref works response (status "ok", message-type work or work-list), saw JSON with keys meta, results, group_by');
  });

  test('an HTML error page', () => {
    expect(failure(() => parseCrossrefWorks('<html><body><h1>502 Bad Gateway</h1></body></html>', inline)))
      .toBe('FeedParseError: [crossref] test.json expected Crossref works JSON, saw markup: "<html><body><h1>502 Bad Gateway</h1></body></html>"');
  });

  test("Crossref's own error body", () => {
    const failed = '{"status":"failed","message-type":"validation-failure","message":[{"value":"foo","message":"Filter foo specified but there is no such filter for this route.","type":"filter-not-available"}]}';
    expect(failure(() => parseCrossrefWorks(failed, inline)))
      .toBe('FeedParseError: [crossref] test.json Crossref error: Filter foo specified but there is no such filter for this route.');
  });

  test('JSON that is not an object', () => {
    expect(failure(() => parseCrossrefWorks('[1, 2]', inline))).toBe('FeedParseError: [crossref] test.json expected a Crossref works response, saw JSON: "[1, 2]"');
  });
});
