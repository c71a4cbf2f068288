import { readFixture } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseBibtex, readBibtexEntries } from './bibtex.ts';
import { failure } from '../test/failure.ts';

const now = new Date('2026-11-25T00:00:00Z');
const at = (name: string) => ({ source: 'import', location: `fixtures/import/${name}`, now });
const parse = (name: string) => parseBibtex(readFixture(`import/${name}`), at(name));
const inline = { source: 'import', location: 'refs.bib', now };

describe('parseBibtex on recorded exports', () => {
  test("Crossref's BibTeX: braces, bare year, month macro", () => {
    expect(parse('bibtex-crossref-elife-2014.bib')).toEqual({
      papers: [{
        id: 'doi:10.7554/elife.01567',
        title: 'Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth',
        abstract: 'Among various advantages, their small size makes model organisms preferred subjects of investigation. Yet, even in model '
          + 'systems detailed analysis of numerous developmental processes at cellular level is severely hampered by their scale.',
        authors: ['Martial Sankar', 'Kaisa Nieminen', 'Laura Ragni', 'Ioannis Xenarios', 'Christian S Hardtke'],
        published: '2014-02-01',
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

  test('a Pure thesis export: quoted values, day and month, no DOI (keyed by citation key)', () => {
    const { papers, rejected } = parse('bibtex-pure-export.bib');
    expect(rejected).toEqual([]);
    expect(papers).toEqual([{
      id: 'import:dbbe66e459a446a0b6fddf42d3401ccb',
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
});

describe('parseBibtex on hand-written files', () => {
  const file = [
    '% a comment line',
    '@string{jn = "Journal of Things"}',
    '@comment{ignored, title = {Not a paper}}',
    '@article{ok, title = {{B}ayesian Schr\\"odinger {Li$_6$PS$_5$Cl}}, year = 2020, author = {Doe, Jane and John Smith and {Acme Lab and Co}}}',
    '@article{notitle, year = 2020, doi = {10.1234/nt}}',
    '@article{bad, title = {x} year = 2020}',
    '@article{future, title = {F}, year = 2099}',
    '@misc(arxiv, title = "Quoted " # jn, journal = jn, month = mar, year = {2019}, eprint = {2411.17759v2}, archivePrefix = {arXiv})',
    '@article{open, title = {never closed',
    '',
  ].join('\n');

  test('good entries become papers: macros, concatenation, LaTeX, arXiv eprints, "Last, First" names', () => {
    expect(parseBibtex(file, inline).papers).toEqual([
      { id: 'import:ok', title: 'Bayesian Schrödinger Li6PS5Cl', abstract: null, authors: ['Jane Doe', 'John Smith', 'Acme Lab and Co'],
        published: '2020-01-01', doi: null, arxivId: null, url: null, venue: null, categories: [], source: 'import', tags: [] },
      { id: 'arxiv:2411.17759', title: 'Quoted Journal of Things', abstract: null, authors: [], published: '2019-03-01', doi: null,
        arxivId: '2411.17759', url: null, venue: 'Journal of Things', categories: [], source: 'import', tags: [] },
    ]);
  });

  test('LaTeX\'s dashes are the dashes they print: "Li--S" is Li–S, "---" an em dash', () => {
    // As `digest export --format bibtex` writes a sample-week title ("Aqueous Zinc–Iodine Batteries") and an
    // abstract's em dash ("potentials—developed"), and Zotero writes page ranges.
    const bib = '@article{z, title = {Aqueous Zinc--Iodine Batteries}, abstract = {Accurate lightweight machine-learning potentials---developed via closed-loop active learning}, year = 2026}';
    const [paper] = parseBibtex(bib, inline).papers;
    expect([paper?.title, paper?.abstract]).toEqual(['Aqueous Zinc\u2013Iodine Batteries', 'Accurate lightweight machine-learning potentials\u2014developed via closed-loop active learning']);
  });

  test('a key used again (two members\' files merged) keys another paper, not the first one twice', () => {
    const merged = '@article{a_2024, title = {First DMRG paper}, year = 2024}\n@article{a_2024, title = {Duplicate key DMRG paper}, year = 2024}\n@article{a_2024, title = {Third}, year = 2024}';
    expect(parseBibtex(merged, inline).papers.map((p) => [p.id, p.title])).toEqual([
      ['import:a_2024', 'First DMRG paper'], ['import:a_2024#2', 'Duplicate key DMRG paper'], ['import:a_2024#3', 'Third'],
    ]);
  });

  test('bad entries are rejected with their line, in file order', () => {
    expect(parseBibtex(file, inline).rejected.map((e) => e.message)).toEqual([
      '[import] refs.bib:5 item notitle: title: the item has no title',
      '[import] refs.bib:6 item bad: expected "," after field title, saw "year = 2020"',
      '[import] refs.bib:7 item future: published: date more than 2 days after 2026-11-25, saw "2099"',
      '[import] refs.bib:9 item open: entry is not closed (unbalanced braces)',
    ]);
  });

  test('readBibtexEntries keeps raw field values', () => {
    expect(readBibtexEntries('@book{k,\n  Title = {A {B} c},\n  pages = 12}').entries)
      .toEqual([{ type: 'book', key: 'k', fields: { title: 'A {B} c', pages: '12' }, line: 1 }]);
  });

  test('a file without entries is a FeedParseError', () => {
    expect(failure(() => parseBibtex('TY  - JOUR\nTI  - RIS, not BibTeX\nER  - \n', inline)))
      .toBe('FeedParseError: [import] refs.bib expected BibTeX entries (@article{key, …}), saw "TY - JOUR TI - RIS, not BibTeX ER -"');
  });

  test('script in a title is dropped', () => {
    expect(parseBibtex('@article{x, title = {Safe <script>alert(1)</script> title}}', inline).papers[0]?.title).toBe('Safe title');
  });
});
