import { fc, test as prop } from '@fast-check/vitest';
import { fixtureFiles, readFixture } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseCrossrefWorks } from './crossref.ts';
import { abstractFromInvertedIndex, buildOpenAlexWorksUrl, parseOpenAlexWorks } from './openalex.ts';
import { failure } from '../test/failure.ts';

const now = new Date('2026-11-25T00:00:00Z');
const at = (name: string) => ({ source: 'openalex', location: `fixtures/openalex/${name}`, now });
const parse = (name: string) => parseOpenAlexWorks(readFixture(`openalex/${name}`), at(name));
const inline = { source: 'openalex', location: 'test.json', now };

describe('buildOpenAlexWorksUrl', () => {
  test('without an api key the URL has none', () => {
    expect(buildOpenAlexWorksUrl({ filter: 'primary_location.source.issn:0002-7863,from_publication_date:2024-11-01', perPage: 200, cursor: '*' }))
      .toBe('https://api.openalex.org/works?filter=primary_location.source.issn%3A0002-7863%2Cfrom_publication_date%3A2024-11-01&per-page=200&cursor=*');
  });

  test('with a key and a search', () => {
    expect(buildOpenAlexWorksUrl({ search: 'halide electrolyte', perPage: 25, cursor: 'IlsxNjk', apiKey: 'k3y' }))
      .toBe('https://api.openalex.org/works?search=halide+electrolyte&per-page=25&cursor=IlsxNjk&api_key=k3y');
  });
});

describe('abstractFromInvertedIndex', () => {
  test('puts words back at their positions', () => {
    expect(abstractFromInvertedIndex({ the: [0, 3], cat: [1], saw: [2], dog: [4] })).toBe('the cat saw the dog');
  });

  test.each([[null], [undefined], [{}], ['text'], [{ word: 'not positions' }]])('%j is no abstract', (index) => {
    expect(abstractFromInvertedIndex(index)).toBeNull();
  });

  test('absurd positions are ignored rather than allocated', () => {
    expect(abstractFromInvertedIndex({ a: [0], huge: [1e12], neg: [-1], frac: [1.5], b: [1] })).toBe('a b');
  });

  prop.prop([fc.array(fc.stringMatching(/^\S{1,8}$/), { minLength: 1, maxLength: 40 })])('round-trips any word sequence', (words) => {
    const index: Record<string, number[]> = {};
    words.forEach((w, i) => {
      const key = `${w}`;
      index[key] = [...(Object.hasOwn(index, key) ? index[key]! : []), i];
    });
    expect(abstractFromInvertedIndex(index)).toBe(words.join(' '));
  });
});

describe('parseOpenAlexWorks on recorded responses', () => {
  test('every fixture is covered below', () => {
    expect(fixtureFiles('openalex')).toHaveLength(4);
  });

  test('a bioRxiv preprint: the leading "Abstract" word is dropped', () => {
    const { papers, next, total } = parse('openalex-work-single-biorxiv-posted-content.json');
    expect({ n: papers.length, next, total }).toEqual({ n: 1, next: undefined, total: undefined });
    expect(papers[0]).toMatchObject({
      id: 'doi:10.1101/097196',
      title: 'A Data Citation Roadmap for Scholarly Data Repositories',
      published: '2016-12-28',
      doi: '10.1101/097196',
      url: 'https://doi.org/10.1101/097196',
      venue: 'bioRxiv (Cold Spring Harbor Laboratory)',
      source: 'openalex',
    });
    expect(papers[0]?.authors).toHaveLength(11);
    expect(papers[0]?.authors.slice(0, 3)).toEqual(['Martin Fenner', 'Mercè Crosas', 'Jeffrey Grethe']);
    expect(papers[0]?.abstract?.startsWith('This article presents a practical roadmap for scholarly data repositories')).toBe(true);
    expect(papers[0]?.abstract?.endsWith('improve data citation support provided by data repositories.')).toBe(true);
  });

  test('a PLoS ONE work', () => {
    expect(parse('openalex-work-single-plos-one.json').papers[0]).toMatchObject({
      id: 'doi:10.1371/journal.pone.0000030',
      title: 'Triose Phosphate Isomerase Deficiency Is Caused by Altered Dimerization–Not Catalytic Inactivity–of the Mutant Enzymes',
      authors: ['Markus Ralser', 'Gino Heeren', 'Michael Breitenbach', 'Hans Lehrach', 'Sylvia Krobitsch'],
      published: '2006-12-20',
      venue: 'PLoS ONE',
    });
  });

  test('the eLife work reads like its Crossref record', () => {
    const fromOpenAlex = parse('openalex-work-single-elife.json').papers[0];
    const fromCrossref = parseCrossrefWorks(readFixture('crossref/crossref-work-single-elife-jats-abstract.json'), at('x')).papers[0];
    expect(fromOpenAlex).toMatchObject({ id: fromCrossref?.id, doi: fromCrossref?.doi, published: fromCrossref?.published, venue: 'eLife' });
    expect(fromOpenAlex?.title).toBe(fromCrossref?.title);
    expect(fromOpenAlex?.authors[3]).toBe('Ioannis Xénarios');
    expect(fromOpenAlex?.abstract?.slice(0, 200)).toBe(fromCrossref?.abstract?.slice(0, 200));
  });

  test('a results list: works without DOI keep their OpenAlex id, total from meta', () => {
    const { papers, rejected, next, total } = parse('openalex-works-sample-5.json');
    expect({ rejected, next, total }).toEqual({ rejected: [], next: null, total: 5 });
    expect(papers.map((p) => p.id)).toEqual([
      'openalex:W2600965442', 'openalex:W2042435470', 'doi:10.5580/1cbc', 'openalex:W7120675484', 'doi:10.1016/j.landusepol.2004.08.009',
    ]);
    expect(papers[0]).toMatchObject({
      authors: ['Беспалов Дмитрий Николаевич', 'Казаков Михаил Анатольевич'],
      venue: 'Бизнес. Общество. Власть',
      url: 'https://publications.hse.ru/en/articles/149359569',
      abstract: null,
      published: '2015-01-01',
    });
    expect(papers[1]?.venue).toBeNull();
    expect(papers[2]?.authors).toEqual([]);
  });
});

describe('parseOpenAlexWorks on bad input', () => {
  test('next_cursor is passed on; a missing title and an absurd date are rejected', () => {
    const body = JSON.stringify({ meta: { count: 3, next_cursor: 'IlsxNjk' }, results: [
      { id: 'https://openalex.org/W1', title: null, display_name: null },
      { id: 'https://openalex.org/W2', title: 'Old', publication_date: '1066-10-14' },
      { id: 'https://openalex.org/W3', title: '<i>Kept</i> <script>x()</script>', doi: 'https://doi.org/10.1234/ABC', publication_date: '2024-02-29' },
    ] });
    const result = parseOpenAlexWorks(body, inline);
    expect(result.next).toBe('IlsxNjk');
    expect(result.papers.map((p) => [p.id, p.title, p.published])).toEqual([['doi:10.1234/abc', 'Kept', '2024-02-29']]);
    expect(result.rejected.map((e) => e.message)).toEqual([
      '[openalex] test.json item W1: title: the item has no title',
      '[openalex] test.json item W2: published: date before 1900, saw "1066-10-14"',
    ]);
  });

  test("OpenAlex's error body", () => {
    expect(failure(() => parseOpenAlexWorks('{"error":"Invalid query parameters error.","message":"foo is not a valid field."}', inline)))
      .toBe('FeedParseError: [openalex] test.json OpenAlex error: Invalid query parameters error: foo is not a valid field.');
  });

  test('Crossref JSON is not an OpenAlex response', () => {
    expect(failure(() => parseOpenAlexWorks(readFixture('crossref/crossref-works-sample-10.json'), inline)))
      .toBe('FeedParseError: [openalex] test.json expected an OpenAlex works response (results and meta, or one work), saw JSON with keys status, message-type, message-version, message');
  });

  test('a truncated body', () => {
    expect(failure(() => parseOpenAlexWorks(readFixture('openalex/openalex-work-single-elife.json').slice(0, 80), inline)))
      .toBe('FeedParseError: [openalex] test.json expected OpenAlex works JSON, saw text that is not JSON: "{"id":"https://openalex.org/W2121398592","doi":"https://doi.…"');
  });
});
