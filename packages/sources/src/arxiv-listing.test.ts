import { readFixture, readFixtureGz } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { buildArxivListingUrl, parseArxivListing } from './arxiv-listing.ts';
import { failure } from '../test/failure.ts';

const now = new Date('2024-11-28T20:00:00Z');
const at = (name: string) => ({ source: 'arxiv-rss', location: `fixtures/arxiv/${name}`, now });
const bigName = 'arxiv-rss-listing-all-archives-2024-11-28.rss.xml.gz';
// Parsed once: 2.7 MB.
const big = parseArxivListing(readFixtureGz(`arxiv/${bigName}`), at(bigName));
const byId = new Map(big.papers.map((p) => [p.id, p]));

describe('buildArxivListingUrl', () => {
  test.each([
    ['cond-mat.mtrl-sci', 'https://rss.arxiv.org/rss/cond-mat.mtrl-sci'],
    [['cond-mat.mtrl-sci', 'physics.chem-ph', 'cs'], 'https://rss.arxiv.org/rss/cond-mat.mtrl-sci+physics.chem-ph+cs'],
  ])('%j', (categories, url) => {
    expect(buildArxivListingUrl(categories)).toBe(url);
  });

  test('refuses what is not a category name', () => {
    expect(failure(() => buildArxivListingUrl('cond-mat/../x'))).toBe('TypeError: buildArxivListingUrl: expected arXiv archive or category names, saw ["cond-mat/../x"]');
  });
});

describe('parseArxivListing on the full listing of 2024-11-28', () => {
  test('counts: every item is a paper, by announce type', () => {
    expect({ papers: big.papers.length, rejected: big.rejected.length, unique: byId.size }).toEqual({ papers: 1504, rejected: 0, unique: 1504 });
    const types = new Map<string, number>();
    for (const p of big.papers) for (const t of p.tags) types.set(t, (types.get(t) ?? 0) + 1);
    expect(Object.fromEntries(types)).toEqual({ 'announce:new': 926, 'announce:replace': 569, 'announce:cross': 9 });
    expect(big.papers.filter((p) => p.doi !== null)).toHaveLength(111);
    expect(big.papers.every((p) => p.published === '2024-11-28T00:00:00-05:00')).toBe(true);
  });

  test('a new paper: every field', () => {
    const p = byId.get('arxiv:2411.17700');
    expect(p).toMatchObject({
      title: "Exploring the Impact of Generative AI on Cross-Border E-Commerce Brand Building in Chinese Tianjin's Manufacturing Sector",
      authors: ['Jun Cui'],
      published: '2024-11-28T00:00:00-05:00',
      doi: null,
      arxivId: '2411.17700',
      url: 'https://arxiv.org/abs/2411.17700',
      venue: null,
      categories: ['cs.CY'],
      source: 'arxiv-rss',
      tags: ['announce:new'],
    });
    expect(p?.abstract?.startsWith('This study investigates the influence of generative artificial intelligence (AI)')).toBe(true);
    expect(p?.abstract).not.toContain('Announce Type');
  });

  test('a replacement with a journal DOI and six authors', () => {
    expect(byId.get('arxiv:1712.07645')).toMatchObject({
      title: 'Medium effects on freeze-out of light clusters at NICA energies',
      authors: ['G. Roepke', 'D. Blaschke', 'Yu. B. Ivanov', 'Iu. Karpenko', 'O. V. Rogachevsky', 'H. H. Wolter'],
      doi: '10.1134/s1547477118030159',
      categories: ['nucl-th', 'hep-ph'],
      tags: ['announce:replace'],
    });
  });

  test('LaTeX in title and abstract, affiliations left out of authors', () => {
    const p = byId.get('arxiv:2411.18031');
    expect(p?.title).toBe('Pressure Dependence of Ultrafast Carrier Dynamics in Excitonic Insulator Ta2NiSe5');
    expect(p?.abstract).toContain('spectroscopy of EI Ta2NiSe5 in an on-site in situ geometry');
    expect(p?.abstract).toContain('across PC1 ~1 GPa from EI phase');
    expect(byId.get('arxiv:2411.17753')?.authors).toEqual(['Aleteia Araujo', 'Breno Costa', 'Joao Bachiega Jr', 'Leonardo R. Carvalho', 'Rajkumar Buyya']);
  });

  test('a cross-list keeps all its categories', () => {
    expect(byId.get('arxiv:2405.12090')).toMatchObject({
      categories: ['physics.acc-ph', 'astro-ph.IM', 'physics.optics'],
      tags: ['announce:cross'],
    });
  });


  test('no title keeps a LaTeX command or a dollar sign pair', () => {
    const leftovers = big.papers.filter((p) => /\\[A-Za-z]|\$[^$\s][^$]*[^$\s]\$/.test(p.title)).map((p) => p.title);
    expect(leftovers).toEqual([]);
  });
});

describe('parseArxivListing on the other listings arXiv serves', () => {
  test('an empty listing is no papers', () => {
    expect(parseArxivListing(readFixture('arxiv/arxiv-rss-listing-empty-test-archive.rss.xml'), at('empty.xml')))
      .toEqual({ papers: [], rejected: [] });
  });

  test('the bad-archive listing is a FeedParseError with arXiv\'s words', () => {
    expect(failure(() => parseArxivListing(readFixture('arxiv/arxiv-rss-listing-error-bad-archive.rss.xml'), at('arxiv-rss-listing-error-bad-archive.rss.xml'))))
      .toBe("FeedParseError: [arxiv-rss] fixtures/arxiv/arxiv-rss-listing-error-bad-archive.rss.xml arXiv listing error: Bad archive 'astroph'. "
        + 'Valid archive names are: astro-ph, cond-mat, cs, econ, eess, gr-qc, hep-ex, hep-lat, hep-ph, hep-th, math, math-ph, '
        + 'nlin, nucl-ex, nucl-th, physics, q-bio, q-fin, quant-ph, stat, test.');
  });

  test('an API feed is not a listing', () => {
    expect(failure(() => parseArxivListing(readFixture('arxiv/arxiv-api-idlist-1111.2011v2-2016.atom.xml'), at('x.xml'))))
      .toBe('FeedParseError: [arxiv-rss] fixtures/arxiv/x.xml expected an arXiv RSS listing, saw <feed>');
  });
});

const listing = (item: string) => `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel>
<title>cs updates on arXiv.org</title><link>http://rss.arxiv.org/rss/cs</link>
<item>${item}</item></channel></rss>`;
const inline = { source: 'arxiv-rss', location: 'test.xml', now };

describe('parseArxivListing on bad items', () => {
  test('an item without a title is rejected, the others kept', () => {
    const text = listing('<title></title><link>https://arxiv.org/abs/2411.00001</link>'
      + '<description>arXiv:2411.00001v1 Announce Type: new \nAbstract: A.</description><guid>oai:arXiv.org:2411.00001v1</guid>'
      + '</item><item><title>Kept</title><link>https://arxiv.org/abs/2411.00002</link><guid>oai:arXiv.org:2411.00002v1</guid>');
    const result = parseArxivListing(text, inline);
    expect(result.papers.map((p) => p.id)).toEqual(['arxiv:2411.00002']);
    expect(result.rejected.map((e) => e.message)).toEqual(['[arxiv-rss] test.xml item 2411.00001v1: title: the item has no title']);
  });

  test('an absurd date is rejected', () => {
    const result = parseArxivListing(listing('<title>T</title><guid>oai:arXiv.org:2411.00001v1</guid><pubDate>Thu, 28 Nov 1824 00:00:00 -0500</pubDate>'), inline);
    expect(result.rejected.map((e) => e.message)).toEqual([
      '[arxiv-rss] test.xml item 2411.00001v1: published: date before 1900, saw "Thu, 28 Nov 1824 00:00:00 -0500"',
    ]);
  });

  test('script and event handlers in a title', () => {
    const result = parseArxivListing(listing('<title>Safe &lt;script&gt;steal()&lt;/script&gt;&lt;img src=x onerror=steal()&gt; title</title>'
      + '<guid>oai:arXiv.org:2411.00001v1</guid>'), inline);
    expect(result.papers[0]?.title).toBe('Safe title');
  });
});
