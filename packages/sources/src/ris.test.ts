import { readFixture } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseBibtex } from './bibtex.ts';
import { parseRis, readRisRecords } from './ris.ts';
import { failure } from '../test/failure.ts';

const now = new Date('2026-11-25T00:00:00Z');
const at = (name: string) => ({ source: 'import', location: `fixtures/import/${name}`, now });
const parse = (name: string) => parseRis(readFixture(`import/${name}`), at(name));
const inline = { source: 'import', location: 'refs.ris', now };

describe('parseRis on recorded exports', () => {
  test("Crossref's RIS: T2 is the journal, names inverted", () => {
    expect(parse('ris-crossref-elife-2014.ris')).toEqual({
      papers: [{
        id: 'doi:10.7554/elife.01567',
        title: 'Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth',
        abstract: 'Among various advantages, their small size makes model organisms preferred subjects of investigation. Yet, even in model '
          + 'systems detailed analysis of numerous developmental processes at cellular level is severely hampered by their scale.',
        authors: ['Martial Sankar', 'Kaisa Nieminen', 'Laura Ragni', 'Ioannis Xenarios', 'Christian S Hardtke'],
        published: '2014-01-01',
        doi: '10.7554/elife.01567',
        arxivId: null,
        url: 'http://elifesciences.org/lookup/doi/10.7554/eLife.01567',
        venue: 'eLife',
        categories: [],
        source: 'import',
        tags: [],
      }],
      rejected: [],
    });
  });

  test('a Pure thesis: T2 is the subtitle, ISBN the only identifier, "Toparlar,Y."', () => {
    expect(parse('ris-pure-export.ris').papers).toEqual([{
      id: 'import:978-90-386-4503-2',
      title: 'A multiscale analysis of the urban heat island effect: from city averaged temperatures to the energy demand of individual buildings',
      abstract: 'Designing the climates of cities',
      authors: ['Y. Toparlar'],
      published: '2018-04-25',
      doi: null,
      arxivId: null,
      url: null,
      venue: null,
      categories: [],
      source: 'import',
      tags: [],
    }]);
  });

  test('the same works read the same from BibTeX and RIS, but for what RIS does not say', () => {
    const bib = parseBibtex(readFixture('import/bibtex-pure-export.bib'), at('x')).papers[0];
    const ris = parse('ris-pure-export.ris').papers[0];
    expect({ ...ris, id: bib?.id }).toEqual(bib);
  });
});

describe('parseRis on hand-written files', () => {
  const file = [
    'TY  - JOUR', 'TI  - Fine', 'AU  - Doe, Jane', 'PY  - 2014/02//', 'JO  - Journal', 'AB  - First line', 'continued here.', 'DO  - 10.1234/FINE', 'ER  - ',
    '',
    'TY  - JOUR', 'AU  - No Title', 'UR  - https://example.org/x', 'ER  - ',
    'TY  - JOUR', 'TI  - Ancient', 'PY  - 1850', 'DO  - 10.1234/old', 'ER  - ',
    'TY  - JOUR', 'TI  - Truncated', 'DO  - 10.1234/cut',
  ].join('\r\n');

  test('good records become papers; continuation lines join their value', () => {
    expect(parseRis(file, inline).papers).toEqual([{
      id: 'doi:10.1234/fine', title: 'Fine', abstract: 'First line continued here.', authors: ['Jane Doe'], published: '2014-02-01',
      doi: '10.1234/fine', arxivId: null, url: null, venue: 'Journal', categories: [], source: 'import', tags: [],
    }]);
  });

  test('bad records are rejected with the line of their TY', () => {
    expect(parseRis(file, inline).rejected.map((e) => e.message)).toEqual([
      '[import] refs.ris:11 item #2: title: the item has no title',
      '[import] refs.ris:15 item 10.1234/old: published: date before 1900, saw "1850"',
      '[import] refs.ris:20 item 10.1234/cut: record is not closed by "ER  -" (truncated file?)',
    ]);
  });

  test('old Mac line endings (CR alone) read as lines too', () => {
    expect(parseRis(file.replace(/\r\n/g, '\r'), inline).papers.map((p) => p.title)).toEqual(['Fine']);
    expect(parseRis(file.replace(/\r\n/g, '\r'), inline).rejected).toHaveLength(3);
  });

  test('readRisRecords collects repeated tags in order', () => {
    expect(readRisRecords('TY  - JOUR\nAU  - A\nAU  - B\nER  -\n').map((r) => [...r.tags])).toEqual([[['TY', ['JOUR']], ['AU', ['A', 'B']]]]);
  });

  test('a file without records is a FeedParseError', () => {
    expect(failure(() => parseRis('@article{x, title = {BibTeX}}', inline)))
      .toBe('FeedParseError: [import] refs.ris expected RIS records (TY  - …), saw "@article{x, title = {BibTeX}}"');
  });
});
