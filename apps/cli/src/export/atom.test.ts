import type { Digest } from '@labdigest/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { digestToAtom, tagUri, xml } from './atom.ts';
import { corpusSliceDigest, sampleWeekBriefing, sampleWeekDigest } from '../../test/fixture-digests.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
const week = sampleWeekDigest();

// Counts follow the default config (digest.config.yaml): derived here, not copied.
const { included } = week.stats;
const slice = corpusSliceDigest();

interface Text { '#text': string; '@_type'?: string }
interface Link { '@_rel': string; '@_href': string; '@_type'?: string }
interface Entry {
  id: string; title: Text; updated: string; published?: string; author?: { name: string }[];
  category: { '@_term': string; '@_label': string }[]; link?: Link[]; summary: Text; content?: Text;
}
interface Feed { '@_xmlns': string; id: string; title: Text; updated: string; link?: Link[]; author: { name: string }[]; entry?: Entry[] }

function parseFeed(text: string): Feed {
  expect(XMLValidator.validate(text)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false, parseTagValue: false, textNodeName: '#text', alwaysCreateTextNode: false,
    isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
  });
  return (parser.parse(text) as { feed: Feed }).feed;
}

describe('digestToAtom on the sample week', () => {
  const digest = week;
  const feed = parseFeed(digestToAtom(digest, { selfUrl: 'https://lab.example.org/digests/atom.xml', readerUrl: 'https://lab.example.org/' }));
  const entries = feed.entry ?? [];
  const papers = digest.sections.flatMap((s) => s.papers.map((p) => ({ section: s, paper: p })));

  test('a valid Atom feed with one entry per paper, in digest order', () => {
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(entries).toHaveLength(included);
    expect(included).toBeGreaterThan(10);
    expect(entries.map((e) => e.title['#text'])).toEqual(papers.map((p) => p.paper.title));
  });

  test('feed metadata: id, title, updated, self and reader links, the group as author', () => {
    expect(feed.id).toBe('tag:labdigest,2026:DENG.Group/digest');
    expect(feed.title['#text']).toBe('DENG.Group: Research Digest — 2026-08-21');
    expect(feed.updated).toBe('2026-08-21T06:00:00.000Z');
    expect(feed.link).toEqual([
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': 'https://lab.example.org/digests/atom.xml' },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://lab.example.org/' },
    ]);
    expect(feed.author).toEqual([{ name: 'DENG.Group' }]);
  });

  test('entry ids are unique, stable tag: URIs', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(included);
    expect(entries[0]!.id).toBe('tag:labdigest,2026:DENG.Group/openalex:W4416056717');
    expect(parseFeed(digestToAtom(digest)).entry?.map((e) => e.id)).toEqual(entries.map((e) => e.id));
  });

  test('each entry: link, updated, published, authors, category = section, summary = summary + note', () => {
    const first = entries[0]!;
    const { paper, section } = papers[0]!;
    expect(first.link).toEqual([{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://doi.org/10.1038/s41467-026-76216-w' }]);
    expect(first.updated).toBe('2026-08-21T06:00:00.000Z');
    expect(first.published).toBe('2026-08-20T00:00:00Z');
    expect(first.author?.map((a) => a.name)).toEqual(paper.authors);
    expect(first.category).toEqual([{ '@_term': 'mlip-interfaces', '@_label': section.name }]);
    expect(first.summary['#text']).toBe(`${paper.summary}\n\nRelevance to DENG.Group: ${paper.note}`);
    expect(first.content).toBeUndefined();
    expect(entries.map((e) => e.category[0]!['@_term'])).toEqual(papers.map((p) => p.section.id));
  });
});

test('a briefing: every paper an entry; the rest summed up in one line (section, source line, members)', () => {
  const briefing = sampleWeekBriefing();
  const entries = parseFeed(digestToAtom(briefing)).entry ?? [];
  const papers = briefing.sections.flatMap((s) => s.papers);
  expect(entries.map((e) => e.title['#text'])).toEqual(papers.map((p) => p.title));
  // The first pick and the first "more" row of Polymer Electrolytes (after ML Interatomic Potentials' 3 picks and 1 more).
  const pick = papers[4]!;
  const more = papers[7]!;
  expect([pick.pick, more.pick]).toEqual([true, false]);
  expect(entries[4]!.summary['#text']).toBe(`${pick.summary}\n\nRelevance to DENG.Group: ${pick.note}`);
  expect(entries[7]!.summary['#text']).toBe('More in Polymer Electrolytes: Small (10.1002/smll.75241) · for Naibing Wu');
  expect(entries.filter((e) => e.summary['#text'].startsWith('More in '))).toHaveLength(included - 12);
});

test('an arXiv preprint without a date has no published element', () => {
  const entry = parseFeed(digestToAtom(slice)).entry![0]!;
  expect([entry.id, entry.published, entry.link?.[0]?.['@_href']]).toEqual(['tag:labdigest,2026:DENG.Group/arxiv:2512.03974', undefined, 'https://arxiv.org/abs/2512.03974']);
});

describe('escaping', () => {
  const hostile = '<script>alert("x")</script> *bold* & {Li6PS5Cl} \\ ]]> \'q\' \u0007bell';
  const patched = (digest: Digest): Digest => {
    const [first, ...rest] = digest.sections;
    const entry = first!.papers[0]!;
    return {
      ...digest, group: { name: 'Lab <&> "x"' },
      sections: [{ ...first!, papers: [{ ...entry, title: hostile, summary: hostile, authors: ['A & B <c>'], url: 'javascript:alert(1)' }, ...first!.papers.slice(1)] }, ...rest],
    };
  };

  test('hostile text parses back as written; a non-http URL becomes content, not a link', () => {
    const text = digestToAtom(patched(slice), { selfUrl: 'javascript:alert(1)' });
    expect(text).not.toContain('javascript:');
    expect(text).not.toContain('<script');
    const feed = parseFeed(text);
    const entry = feed.entry![0]!;
    const clean = hostile.replace('\u0007', '');
    expect(entry.title['#text']).toBe(clean);
    expect(entry.author).toEqual([{ name: 'A & B <c>' }]);
    expect(entry.link).toBeUndefined();
    expect(entry.content?.['#text']).toBe(entry.summary['#text']);
    expect(entry.id).toBe('tag:labdigest,2026:Lab%20%3C&%3E%20%22x%22/arxiv:2512.03974');
    expect(feed.link).toBeUndefined();
  });

  test('xml escapes markup characters and drops what XML forbids', () => {
    expect(xml('a<b>&"\'\u0000\uD800z 😀')).toBe('a&lt;b&gt;&amp;&quot;&apos;z 😀');
  });

  test('tag URIs percent-encode outside pchar, keep DOIs readable', () => {
    expect(tagUri('A/B lab', 'x')).toBe('tag:labdigest,2026:A%2FB%20lab/x');
    expect(tagUri('DENG.Group', 'doi:10.1002/(SICI)1097-4636<x>#1')).toBe('tag:labdigest,2026:DENG.Group/doi:10.1002/(SICI)1097-4636%3Cx%3E%231');
  });
});
