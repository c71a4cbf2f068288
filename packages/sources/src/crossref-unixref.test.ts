import { readFixture } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseCrossrefUnixref } from './crossref-unixref.ts';
import { parseCrossrefWorks } from './crossref.ts';
import { failure } from '../test/failure.ts';

const now = new Date('2026-11-25T00:00:00Z');
const name = 'crossref-unixref-work-single.xml';
const at = { source: 'crossref', location: `fixtures/crossref/${name}`, now };

describe('parseCrossrefUnixref', () => {
  const { papers, rejected } = parseCrossrefUnixref(readFixture(`crossref/${name}`), at);

  test('the eLife record: every field, the scientific abstract rather than the executive summary', () => {
    expect({ n: papers.length, rejected }).toEqual({ n: 1, rejected: [] });
    expect(papers[0]).toMatchObject({
      id: 'doi:10.7554/elife.01567',
      title: 'Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth',
      authors: ['Martial Sankar', 'Kaisa Nieminen', 'Laura Ragni', 'Ioannis Xenarios', 'Christian S Hardtke'],
      published: '2014-02-11',
      doi: '10.7554/elife.01567',
      url: 'https://elifesciences.org/articles/01567',
      venue: 'eLife',
    });
    expect(papers[0]?.abstract?.startsWith('Among various advantages')).toBe(true);
    expect(papers[0]?.abstract).not.toContain('Thale cress');
  });

  test('agrees with the JSON record of the same work', () => {
    const json = parseCrossrefWorks(readFixture('crossref/crossref-work-single-elife-jats-abstract.json'), at).papers[0];
    // Only the URL differs: UNIXREF gives the landing page, JSON the DOI link.
    expect({ ...papers[0], url: null }).toEqual({ ...json, url: null });
  });

  test('an unresolved DOI is a rejection naming it', () => {
    const body = '<crossref_result><query_result><body><query status="unresolved"><doi>10.1234/missing</doi></query></body></query_result></crossref_result>';
    expect(parseCrossrefUnixref(body, { ...at, location: 'test.xml' }).rejected.map((e) => e.message))
      .toEqual(['[crossref] test.xml item 10.1234/missing: query: status is "unresolved", not "resolved"']);
  });

  test('face markup in the title and an entity bomb', () => {
    const body = '<crossref_result><query_result><body><query status="resolved"><doi>10.1234/x</doi><doi_record><crossref><journal>'
      + '<journal_metadata><full_title>J</full_title></journal_metadata><journal_article><titles><title>Li<sub>6</sub>PS<sub>5</sub>Cl &amp; more</title></titles>'
      + '<doi_data><doi>10.1234/x</doi></doi_data></journal_article></journal></crossref></doi_record></query></body></query_result></crossref_result>';
    expect(parseCrossrefUnixref(body, at).papers[0]?.title).toBe('Li6PS5Cl & more');
    expect(failure(() => parseCrossrefUnixref(`<!DOCTYPE x [<!ENTITY e "e">]>${body}`, { ...at, location: 'test.xml' })))
      .toBe('FeedParseError: [crossref] test.xml XML entity declarations are not accepted');
  });

  test('another XML document', () => {
    expect(failure(() => parseCrossrefUnixref(readFixture('rss/rss-biorxiv-genomics-rss1.rdf.xml'), { ...at, location: 'test.xml' })))
      .toBe('FeedParseError: [crossref] test.xml expected Crossref UNIXREF XML (<crossref_result>), saw <rdf:RDF>');
  });
});
