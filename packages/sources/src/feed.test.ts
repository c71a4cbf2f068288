import { fixtureFiles, readFixture } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { cleanUrl, parseFeed } from './feed.ts';
import { failure } from '../test/failure.ts';

const now = new Date('2026-11-25T00:00:00Z');
const at = (name: string) => ({ source: 'feed', location: `fixtures/rss/${name}`, now });
const parse = (name: string) => parseFeed(readFixture(`rss/${name}`), at(name));
const inline = { source: 'feed', location: 'test.xml', now };

describe('parseFeed on recorded journal feeds', () => {
  test('every feed fixture is covered below', () => {
    expect(fixtureFiles('rss')).toHaveLength(7);
  });

  test('Nature (RSS 1.0 + PRISM): every field of a news item, the dateline left out of the abstract', () => {
    const { papers, rejected } = parse('rss-nature-2024-01-15.rdf.xml');
    expect({ n: papers.length, rejected: rejected.length }).toEqual({ n: 75, rejected: 0 });
    expect(papers[0]).toEqual({
      id: 'doi:10.1038/d41586-024-00102-y',
      title: 'Can foreign coral save a dying reef? Radical idea sparks debate',
      abstract: 'Devastation brought on by climate change and other threats prompts a last-resort proposal to rescue Caribbean corals.',
      authors: ['Heidi Ledford'],
      published: '2024-01-15',
      doi: '10.1038/d41586-024-00102-y',
      arxivId: null,
      url: 'https://www.nature.com/articles/d41586-024-00102-y',
      venue: 'Nature',
      categories: [],
      source: 'feed',
      tags: [],
    });
    expect(papers.filter((p) => p.authors.length === 0)).toHaveLength(12);
  });

  test('Nature research articles: <sub> in titles, several dc:creator, a description that only repeats the title', () => {
    const { papers } = parse('rss-nature-2024-07-18.rdf.xml');
    expect(papers).toHaveLength(75);
    expect(papers[0]).toMatchObject({
      id: 'doi:10.1038/s41586-024-07811-4',
      title: 'Catalysis of an SN2 pathway by geometric preorganization',
      abstract: null,
      authors: ['Gabriel J. Lovinger', 'Marcus H. Sak', 'Eric N. Jacobsen'],
      published: '2024-07-18',
    });
    expect(papers.find((p) => p.doi === '10.1038/s41586-024-07800-7')?.authors).toEqual([
      'Melinda Kliegman', 'Manar Zaghlula', 'Susan Abrahamson', 'Jonathan H. Esensten', 'Ross Wilson', 'Fyodor D. Urnov', 'Jennifer A. Doudna',
    ]);
  });

  test('JACS (RSS 2.0): the abstract comes out of the escaped description, without its "Abstract" heading', () => {
    const { papers } = parse('rss-acs-jacs-mirrored-2026-08-22.xml');
    expect(papers).toHaveLength(150);
    expect(papers.filter((p) => p.abstract !== null)).toHaveLength(63);
    const p = papers.find((x) => x.doi === '10.1021/jacs.6c09551');
    expect(p).toMatchObject({
      // The feed's "kg –1" (an en dash for the minus, set apart) is repaired to "kg−1" (superscript-spacing.ts).
      title: 'Nanofiber-Reinforced Composite Polymer Electrolyte Enables Continuous Lithium-Ion Transport and Anion-Rich Solvation Structure for 670 Wh kg−1 Lithium Batteries',
      published: '2026-08-21T22:01:17Z',
      url: 'https://pubs.acs.org/jacsat/article/doi/10.1021/jacs.6c09551/5290236/Nanofiber-Reinforced-Composite-Polymer-Electrolyte',
      venue: 'J.Am.Chem.Soc',
      authors: [],
    });
    expect(p?.abstract?.startsWith('Solid-state electrolytes are highly promising for high-energy lithium-metal batteries')).toBe(true);
    expect(p?.abstract).toContain('sluggish Li+ transport');
    expect(papers.find((x) => x.doi === '10.1021/jacs.6c05150')?.abstract).toContain('under fast magic-angle spinning, R1ρ relaxation dispersion');
  });

  test('JACS ASAP: "[ASAP]" dropped from titles, journal from <cite>, no abstract in a TOC-only description', () => {
    const { papers } = parse('rss-acs-jacs-mirrored-asap-toc-2026-07-02.xml');
    expect(papers).toHaveLength(150);
    expect(papers.filter((p) => p.title.startsWith('['))).toEqual([]);
    expect(papers[0]).toEqual({
      id: 'doi:10.1021/jacs.6c08303',
      title: 'Photoinduced Disproportionation Enables Oxidative Addition of Aryl Iodides at a Gallium(I) Center',
      abstract: null,
      authors: [],
      published: '2026-07-02T05:00:19-07:00',
      doi: '10.1021/jacs.6c08303',
      arxivId: null,
      url: 'http://dx.doi.org/10.1021/jacs.6c08303',
      venue: 'Journal of the American Chemical Society',
      categories: [],
      source: 'feed',
      tags: [],
    });
  });

  test('RSC: authors after the article-type line, DOI from the link, repeated items merged', () => {
    const { papers, rejected } = parse('rss-rsc-chemsci-mirrored-2026-08.xml');
    // 98 items; 4 are "[Graphical abstract added]" repeats of other items
    expect({ n: papers.length, rejected: rejected.length }).toEqual({ n: 94, rejected: 0 });
    expect(papers[0]).toMatchObject({
      id: 'doi:10.1039/d6sc05138c',
      title: 'Stereocontrolled entry to borylated piperidines via stepwise dearomative carboboration of pyridines',
      authors: ['Laxman D. Khalse', 'William DeSnoo', 'Yin-Peng Lou', 'Dean J Tantillo', 'Zackaria Nairoukh'],
      published: '2026-08-21T15:05:17Z',
      url: 'https://pubs.rsc.org/sc/article/doi/10.1039/D6SC05138C/1291521/Stereocontrolled-entry-to-borylated-piperidines',
      venue: 'Chem.Sci.',
      abstract: null,
    });
  });

  test('Elsevier: no DOI (keyed by link, tracking removed), Source and Author(s) paragraphs, front matter rejected', () => {
    const name = 'rss-elsevier-sciencedirect-bioorgmedchem-mirrored-2026-08-22.xml';
    const { papers, rejected } = parse(name);
    expect(papers).toHaveLength(34);
    expect(papers[2]).toEqual({
      id: 'feed:https://www.sciencedirect.com/science/article/pii/S0968089626002312',
      title: 'Design, synthesis and antiviral activity of ciclopirox (CPX) analogs against orthopoxvirus',
      abstract: null,
      authors: ['D.M. Nirosh Udayanga', 'Ziyue Wang', 'Anil Pant', 'Ajit D. Jagtap', 'Zhilong Yang', 'Zhengqiang Wang'],
      // pubDate, not "Publication date: November 2026" (the issue)
      published: '2026-08-21T19:47:53Z',
      doi: null,
      arxivId: null,
      url: 'https://www.sciencedirect.com/science/article/pii/S0968089626002312',
      venue: 'Bioorganic & Medicinal Chemistry',
      categories: [],
      source: 'feed',
      tags: [],
    });
    const where = `[feed] fixtures/rss/${name} item https://www.sciencedirect.com/science/article/pii`;
    expect(rejected.map((e) => e.message)).toEqual([
      `${where}/S0968089626002282: title: "Graphical abstract TOC" is front matter, not a paper`,
      `${where}/S0968089626002270: title: "Graphical abstract TOC" is front matter, not a paper`,
      `${where}/S0968089626002300: title: "Contents continued" is front matter, not a paper`,
      `${where}/S0968089626002269: title: "Editorial Board" is front matter, not a paper`,
    ]);
  });

  test('bioRxiv (RSS 1.0): CDATA, dc:identifier DOI, "SURNAME, I." authors', () => {
    expect(parse('rss-biorxiv-genomics-rss1.rdf.xml').papers).toEqual([{
      id: 'doi:10.1101/2023.12.16.571984',
      title: 'Complete genome of the Medicago anthracnose fungus, Colletotrichum destructivum, reveals a mini-chromosome-like region within a core chromosome.',
      abstract: expect.stringMatching(/^Colletotrichum destructivum \(Cd\) is a phytopathogenic fungus .* in this asexual fungal pathogen\.$/) as unknown as string,
      authors: ['N. LAPALU', 'A. SIMON', 'A. Lu', 'P.-L. Plaumann', 'J. Amselem', 'S. Pigne', 'A. Auger', 'C. Koch', 'J.-F. Dallery', "R. J. O'Connell"],
      published: '2023-12-16',
      doi: '10.1101/2023.12.16.571984',
      arxivId: null,
      url: 'http://biorxiv.org/cgi/content/short/2023.12.16.571984v1',
      venue: 'bioRxiv',
      categories: [],
      source: 'feed',
      tags: [],
    }]);
  });
});

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Test Journal</title>${items}</channel></rss>`;

describe('parseFeed on bad input', () => {
  test('an item without a title and one with an absurd date are rejected; the good one kept', () => {
    const result = parseFeed(rss(`
      <item><title></title><link>https://example.org/a/1</link></item>
      <item><title>From the future</title><link>https://example.org/a/2</link><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>
      <item><title>Fine</title><link>https://example.org/a/3?utm_source=rss&amp;id=3</link><pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate></item>`), inline);
    expect(result.papers.map((p) => [p.id, p.url, p.venue, p.published])).toEqual([
      ['feed:https://example.org/a/3?id=3', 'https://example.org/a/3?id=3', 'Test Journal', '2025-06-02T08:00:00Z'],
    ]);
    expect(result.rejected.map((e) => e.message)).toEqual([
      '[feed] test.xml item https://example.org/a/1: title: the item has no title',
      '[feed] test.xml item https://example.org/a/2: published: date more than 2 days after 2026-11-25, saw "Fri, 01 Jan 2100 00:00:00 GMT"',
    ]);
  });

  test('an item with nothing to identify it by is rejected', () => {
    expect(parseFeed(rss('<item><title>Orphan</title></item>'), inline).rejected.map((e) => e.message))
      .toEqual(['[feed] test.xml item #1: id: the item has no DOI, arXiv id, link or guid to identify it']);
  });

  test('script, event handlers and javascript: links in title and description', () => {
    const result = parseFeed(rss(`<item><title>Li&lt;sub&gt;6&lt;/sub&gt;PS&lt;sub&gt;5&lt;/sub&gt;Cl &lt;script&gt;alert(1)&lt;/script&gt;</title>
      <link>https://example.org/a/1</link>
      <description><![CDATA[<p onclick="steal()">Real <a href="javascript:steal()">abstract</a>.<img src=x onerror="steal()"><script>steal()</script></p>]]></description></item>`), inline);
    expect(result.papers.map((p) => [p.title, p.abstract])).toEqual([['Li6PS5Cl', 'Real abstract.']]);
  });

  test('a line break in an author\'s name or a title is a space: a name cannot forge lines of a plain-text digest', () => {
    const result = parseFeed(rss(`<item><title>Solid polymer
      electrolytes</title><link>https://example.org/a/2</link>
      <dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">A. Author&#10;   https://evil.example/phish&#10;&#10;2. FAKE ENTRY</dc:creator></item>`), inline);
    expect(result.papers.map((p) => [p.title, p.authors])).toEqual([['Solid polymer electrolytes', ['A. Author https://evil.example/phish 2. FAKE ENTRY']]]);
  });

  test('malformed XML', () => {
    expect(failure(() => parseFeed(rss('<item><title>x</titel></item>'), inline)))
      .toBe("FeedParseError: [feed] test.xml:2 malformed XML: Expected closing tag 'title' (opened in line 2, col 106) instead of closing tag 'titel'.");
  });

  test('a truncated feed', () => {
    expect(failure(() => parseFeed(readFixture('rss/rss-biorxiv-genomics-rss1.rdf.xml').slice(0, 2000), inline)))
      .toBe('FeedParseError: [feed] test.xml:41 truncated XML: <rdf:RDF>, <item>, <description> not closed at the end of the body');
  });

  test('a DOCTYPE entity bomb', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
      + '<rss><channel><item><title>&lol2;</title></item></channel></rss>';
    expect(failure(() => parseFeed(bomb, inline))).toBe('FeedParseError: [feed] test.xml XML entity declarations are not accepted');
  });

  test('an HTML page where the feed was expected', () => {
    expect(failure(() => parseFeed('<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>', inline)))
      .toBe('FeedParseError: [feed] test.xml expected XML, saw an HTML page: "<html><head><title>Just a moment...</title></head><body>Chec…"');
  });

  test('an XML document that is not a feed', () => {
    expect(failure(() => parseFeed('<?xml version="1.0"?><sitemap><loc>x</loc></sitemap>', inline)))
      .toBe('FeedParseError: [feed] test.xml expected an RSS or Atom feed, saw <sitemap>');
  });

  test('a body over MAX_RESPONSE_BYTES is refused before parsing', () => {
    const huge = `<rss><channel>${'<item><title>x</title></item>'.repeat(760_000)}</channel></rss>`;
    expect(failure(() => parseFeed(huge, inline))).toBe('FeedParseError: [feed] test.xml response is 22040030 bytes, over the limit of 20971520');
  });
});

describe('parseFeed on Atom', () => {
  test('entries with html and xhtml content, authors, alternate links', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Journal of Tests</title>
  <entry><title type="html">Li&lt;sub&gt;6&lt;/sub&gt;PS&lt;sub&gt;5&lt;/sub&gt;Cl cathodes</title>
    <link rel="alternate" href="https://doi.org/10.1234/ABC.1"/><id>tag:example.org,2024:1</id>
    <published>2024-11-28T09:00:00+01:00</published><author><name>Doe, Jane</name></author><author><name>John Smith</name></author>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>We <em>measure</em> things.</p></div></summary>
    <category term="batteries"/></entry>
  <entry><title>Plain &amp; simple</title><link href="https://example.org/2"/><id>tag:example.org,2024:2</id>
    <updated>2024-11-27T00:00:00Z</updated><content type="html"><![CDATA[<p>CDATA <b>html</b></p>]]></content></entry>
</feed>`;
    expect(parseFeed(atom, inline).papers).toEqual([
      { id: 'doi:10.1234/abc.1', title: 'Li6PS5Cl cathodes', abstract: 'We measure things.', authors: ['Jane Doe', 'John Smith'],
        published: '2024-11-28T09:00:00+01:00', doi: '10.1234/abc.1', arxivId: null, url: 'https://doi.org/10.1234/ABC.1',
        venue: 'Journal of Tests', categories: ['batteries'], source: 'feed', tags: [] },
      { id: 'feed:https://example.org/2', title: 'Plain & simple', abstract: 'CDATA html', authors: [],
        published: '2024-11-27T00:00:00Z', doi: null, arxivId: null, url: 'https://example.org/2',
        venue: 'Journal of Tests', categories: [], source: 'feed', tags: [] },
    ]);
  });
});

describe('parseFeed author forms', () => {
  test.each([
    ['<dc:creator>Smith, John</dc:creator>', ['John Smith']],
    ['<dc:creator>A. Smith, B. Jones</dc:creator>', ['A. Smith', 'B. Jones']],
    ['<dc:creator>Smith, John</dc:creator><dc:creator>Doe, Jane</dc:creator>', ['John Smith', 'Jane Doe']],
    ['<author>jd@example.org (Jane Doe)</author>', ['Jane Doe']],
    ['<author>jd@example.org</author>', []],
  ])('%s', (xml, authors) => {
    expect(parseFeed(rss(`<item><title>T</title><link>https://example.org/1</link>${xml}</item>`), inline).papers[0]?.authors).toEqual(authors);
  });
});

describe('cleanUrl', () => {
  test.each([
    ['https://www.sciencedirect.com/science/article/pii/S0968089626002385?dgcid=rss_sd_all', 'https://www.sciencedirect.com/science/article/pii/S0968089626002385'],
    ['https://pubs.rsc.org/sc/article/doi/10.1039/D6SC05138C/1291521/x?rsc_ga=1', 'https://pubs.rsc.org/sc/article/doi/10.1039/D6SC05138C/1291521/x'],
    ['http://biorxiv.org/cgi/content/short/2023.12.16.571984v1?rss=1', 'http://biorxiv.org/cgi/content/short/2023.12.16.571984v1'],
    ['https://example.org/a?id=3&utm_campaign=x', 'https://example.org/a?id=3'],
    ['not a url', 'not a url'],
  ])('%s', (url, clean) => {
    expect(cleanUrl(url)).toBe(clean);
  });
});
