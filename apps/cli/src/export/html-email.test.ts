import type { Digest, MatchedTerm } from '@labdigest/core';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { corpusSliceDigest, sampleWeekDigest } from '../../test/fixture-digests.ts';
import { digestEmailSubject, digestToHtmlEmail, escapeHtml, highlight } from './html-email.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
const week = sampleWeekDigest();

// Counts follow the default config (digest.config.yaml): derived here, not copied.
const { included } = week.stats;
const slice = corpusSliceDigest();

function elements(html: string) {
  return DomUtils.getElementsByTagName(() => true, parseDocument(html).children, true);
}
const texts = (html: string, tag: string) => elements(html).filter((e) => e.name === tag).map((e) => DomUtils.textContent(e));

function withFirstEntry(digest: Digest, patch: Partial<Digest['sections'][number]['papers'][number]>): Digest {
  const [first, ...rest] = digest.sections;
  if (!first?.papers[0]) throw new Error('the fixture digest has no first paper');
  return { ...digest, sections: [{ ...first, papers: [{ ...first.papers[0], ...patch }, ...first.papers.slice(1)] }, ...rest] };
}

describe('digestToHtmlEmail on the sample week', () => {
  const digest = week;
  const html = digestToHtmlEmail(digest);

  test('same content and order as the digest: title, sections, numbered papers', () => {
    expect(texts(html, 'h1')).toEqual(['Research Digest — 2026-08-21']);
    expect(texts(html, 'title')).toEqual(['Research Digest — 2026-08-21']);
    expect(texts(html, 'h2')).toEqual(digest.sections.map((s) => s.name));
    const titles = digest.sections.flatMap((s) => s.papers.map((p) => `${p.number}. ${p.title}`));
    expect(texts(html, 'h3')).toEqual(titles);
    expect(titles).toHaveLength(included);
    expect(included).toBeGreaterThan(10);
  });

  test('self-contained: no scripts, style blocks, images, frames or external resources', () => {
    const names = new Set(elements(html).map((e) => e.name));
    for (const banned of ['script', 'style', 'link', 'img', 'iframe', 'object', 'embed', 'form', 'table']) {
      expect(names.has(banned), banned).toBe(false);
    }
    const attributes = elements(html).flatMap((e) => Object.keys(e.attribs));
    expect(new Set(attributes)).toEqual(new Set(['lang', 'charset', 'name', 'content', 'style', 'href']));
    expect(html).not.toMatch(/url\(|@import|<!--/i);
    expect(html).toContain('max-width:680px');
  });

  test('every link is http(s) and opens the paper', () => {
    const links = elements(html).filter((e) => e.name === 'a');
    expect(links).toHaveLength(included);
    for (const a of links) expect(a.attribs.href).toMatch(/^https?:\/\//);
    expect(links[0]!.attribs.href).toBe('https://doi.org/10.1038/s41467-026-76216-w');
  });

  test('the first paper reads as in the example', () => {
    const entry = digest.sections[0]!.papers[0]!;
    const ps = texts(html, 'p');
    const at = ps.indexOf('Yongliang Ou, Lena Scholz, Sanath Keshav et al.');
    expect(ps.slice(at, at + 5)).toEqual([
      'Yongliang Ou, Lena Scholz, Sanath Keshav et al.',
      'Source: Nature Communications (10.1038/s41467-026-76216-w) · 📅 2026-08-20 · ↗ Open paper',
      entry.summary,
      'Relevance to DENG.Group',
      entry.note,
    ]);
  });

  test('matched words are marked in the summary, longest form first, never nested', () => {
    const marks = texts(html, 'mark');
    expect(marks.slice(0, 6)).toEqual(['solid electrolytes', 'all-solid-state batteries', 'ion transport', 'diffusion', 'Grain boundaries', 'diffusion']);
    expect(elements(html).filter((e) => e.name === 'mark' && e.parent && 'name' in e.parent && e.parent.name === 'mark')).toEqual([]);
  });

  test('the subject names group, title and count', () => {
    expect(digestEmailSubject(digest)).toBe(`DENG.Group: Research Digest — 2026-08-21 (${included} papers)`);
  });
});

test('an empty section and the sample line', () => {
  const digest = slice;
  const emptied = { ...digest, sections: digest.sections.map((s) => (s.id === 'mlip-interfaces' ? { ...s, papers: [] } : s)) };
  const ps = texts(digestToHtmlEmail(emptied), 'p');
  expect(ps).toContain('Nothing above the threshold this time.');
  expect(ps).toContain('Sample data: built from bundled recorded papers, not from a live fetch.');
  expect(texts(digestToHtmlEmail({ ...digest, sample: false }), 'p')).not.toContain('Sample data: built from bundled recorded papers, not from a live fetch.');
});

describe('escaping', () => {
  const hostile = '<script>alert("x")</script> *bold* & {Li6PS5Cl} \\ ]]> \'quote\'';

  test('escapeHtml leaves no markup', () => {
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; *bold* &amp; {Li6PS5Cl} \\ ]]&gt; &#39;quote&#39;');
  });

  test('a hostile title, summary, note and group stay text', () => {
    const digest = { ...withFirstEntry(week, { title: hostile, summary: `${hostile} PEO`, note: hostile, url: 'javascript:alert(1)' }), group: { name: '<b>Lab</b>' } };
    const html = digestToHtmlEmail(digest);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('javascript:');
    expect(texts(html, 'h3')[0]).toBe(`1. ${hostile}`);
    expect(texts(html, 'p')).toEqual(expect.arrayContaining([`${hostile} PEO`, 'Relevance to <b>Lab</b>', hostile]));
    expect(texts(html, 'a')).toHaveLength(included - 1);
  });
});

describe('highlight', () => {
  const term = (forms: string[]): MatchedTerm => ({ keyword: forms[0] ?? '', forms, inTitle: false, count: 1, profiles: [] });

  test('marks on escaped text, whole words only', () => {
    expect(highlight('Li & Na <b>PEO</b> SEIZE the SEI', [term(['Li & Na']), term(['PEO', 'SEI'])]))
      .toBe('<mark style="background-color:#fff3b0;color:inherit;padding:0 1px;">Li &amp; Na</mark> &lt;b&gt;'
        + '<mark style="background-color:#fff3b0;color:inherit;padding:0 1px;">PEO</mark>&lt;/b&gt; SEIZE the '
        + '<mark style="background-color:#fff3b0;color:inherit;padding:0 1px;">SEI</mark>');
  });

  test('no forms: the text escaped', () => {
    expect(highlight('a < b', [])).toBe('a &lt; b');
  });
});
