import type { Digest, MatchedTerm } from '@labdigest/core';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { corpusSliceDigest, sampleWeekBriefing, sampleWeekDigest } from '../../test/fixture-digests.ts';
import { HTML_EMAIL_BUDGET, digestEmailSubject, digestToHtmlEmail, escapeHtml, highlight, htmlEmailBytes } from './html-email.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
// `week` has every paper a pick (as the ranker writes digests today, and as version 1 digests read);
// `briefing` is the same week with the first 3 papers of each section marked as picks.
const week = sampleWeekDigest();
const briefing = sampleWeekBriefing();
// The same week with every summary said twice: a week long enough that the budget must shorten it
// (the week itself fits in 85 KB since the picks' lists of matched terms left the e-mail).
const longWeek: Digest = { ...week, sections: week.sections.map((s) => ({ ...s, papers: s.papers.map((p) => ({ ...p, summary: `${p.summary} ${p.summary}` })) })) };

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

test('a taught section says what it learned, under its heading, escaped', () => {
  const learned = { positives: 12, negatives: 3, words: [{ word: 'thermal stability', weight: 0.8 }, { word: 'ring opening', weight: 0.6 }, { word: '<b>aqueous</b>', weight: -0.4 }] };
  const taught = { ...slice, sections: slice.sections.map((s, i) => (i === 0 ? { ...s, learned } : s)) };
  const html = digestToHtmlEmail(taught, Infinity);
  expect(texts(html, 'p').filter((t) => t.startsWith('Learned from'))).toEqual(['Learned from 12 papers the group starred or read and 3 it dismissed: more weight on thermal stability and ring opening; less on <b>aqueous</b>.']);
  expect(html).toContain('&lt;b&gt;aqueous&lt;/b&gt;');
  expect(html.indexOf('Learned from')).toBeGreaterThan(html.indexOf(`>${slice.sections[0]!.name.replace('&', '&amp;')}</h2>`));
});

describe('digestToHtmlEmail on the sample week, every paper a pick', () => {
  const digest = longWeek;
  const html = digestToHtmlEmail(digest, Infinity);

  test('without a size budget: same content and order as the digest, every paper in full', () => {
    expect(texts(html, 'h1')).toEqual(['Research Digest — 2026-08-21']);
    expect(texts(html, 'title')).toEqual(['Research Digest — 2026-08-21']);
    expect(texts(html, 'h2')).toEqual(digest.sections.map((s) => s.name));
    const titles = digest.sections.flatMap((s) => s.papers.map((p) => `${p.number}. ${p.title}`));
    expect(texts(html, 'h3')).toEqual(titles);
    expect(titles).toHaveLength(included);
    expect(included).toBeGreaterThan(10);
    expect(new TextEncoder().encode(html).length).toBeGreaterThan(HTML_EMAIL_BUDGET);
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
    // The first paper's summary: "ion transport", not "ion" and "transport"; the later summaries' marks
    // move with what each summary says.
    expect(marks.slice(0, 3)).toEqual(['ion transport', 'grain boundaries', 'diffusion']);
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

describe('the size budget (Gmail clips HTML past about 102 KB)', () => {
  const html = digestToHtmlEmail(longWeek);
  const bytes = new TextEncoder().encode(html).length;

  test('an all-picks week too big in full: the best-ranked picks of every section in full, the others as rows', () => {
    expect(bytes).toBeLessThanOrEqual(HTML_EMAIL_BUDGET);
    expect(htmlEmailBytes(longWeek)).toBe(bytes);
    // Picks take their full form by rank across sections (every section's first, then every second, ...)
    // while the budget lasts; past the first that does not fit, a shorter one further down may still fit.
    const order = longWeek.sections.flatMap((s, i) => s.papers.map((p) => ({ p, key: p.rank * 1000 + i })))
      .sort((a, b) => a.key - b.key).map(({ p }) => p);
    const shown = new Set(texts(html, 'h3'));
    const isFull = (p: (typeof order)[number]) => shown.has(`${p.number}. ${p.title}`);
    const firstMiss = order.findIndex((p) => !isFull(p));
    expect(order.slice(0, firstMiss).every(isFull)).toBe(true);
    // How many fit follows the summaries' lengths: most, not all; a shorter one past it may fit too.
    expect(shown.size).toBeGreaterThanOrEqual(firstMiss);
    expect(firstMiss).toBeGreaterThan(order.length / 2);
    expect(firstMiss).toBeLessThan(order.length);
    expect(texts(html, 'h3')).toEqual(longWeek.sections.flatMap((s) => s.papers.filter(isFull).map((p) => `${p.number}. ${p.title}`)));
    expect(texts(html, 'p')).toContain('Some picks are shown in one line to keep this e-mail whole in mail clients that cut long messages; the reader has them in full.');
    expect(elements(html).filter((e) => e.name === 'a')).toHaveLength(included);
  });

  test('a briefing in full needs no shortening', () => {
    expect(digestToHtmlEmail(briefing)).toBe(digestToHtmlEmail(briefing, Infinity));
    expect(digestToHtmlEmail(briefing)).not.toContain('Some picks are shown in one line');
  });
});

describe('a briefing: picks in full, then the rest as linked rows', () => {
  const html = digestToHtmlEmail(briefing);
  const bytes = htmlEmailBytes(briefing);
  const picks = briefing.sections.flatMap((s) => s.papers.filter((p) => p.pick));
  const rest = briefing.sections.flatMap((s) => s.papers.filter((p) => !p.pick));

  test('the sample week\'s HTML e-mail stays under 100 KB', () => {
    console.log(`html e-mail of the sample week (${picks.length} picks, ${rest.length} more): ${bytes} bytes`);
    expect(bytes).toBeLessThan(100_000);
    expect(picks).toHaveLength(12);
    expect(rest).toHaveLength(included - 12);
  });

  test('the picks in full, "N more in <section>" above the rows, every paper linked once', () => {
    expect(texts(html, 'h3')).toEqual(picks.map((p) => `${p.number}. ${p.title}`));
    expect(texts(html, 'h4')).toEqual(briefing.sections.filter((s) => s.papers.length > 3).map((s) => `${s.papers.length - 3} more in ${s.name}`));
    expect(texts(html, 'h4')).toEqual(['1 more in ML Interatomic Potentials & Interface Simulations', '17 more in Polymer Electrolytes', '24 more in Phase Field / Dendrites & SEI', '2 more in Halide Solid Electrolytes']);
    expect(elements(html).filter((e) => e.name === 'a').map((a) => a.attribs.href)).toEqual(briefing.sections.flatMap((s) => s.papers.map((p) => p.url)));
    expect(texts(html, 'p')).toContain(`DENG.Group · ${included} papers of ${briefing.stats.considered} considered · 12 picks`);
  });

  test('a row: number, linked title, then source line and members', () => {
    const row = rest[0]!;
    expect(row.number).toBe(4);
    expect(texts(html, 'p')).toContain(`4. ${row.title}${row.sourceLine} · for Yanhao Deng`);
    expect(html).toContain(`<p style="margin:0 0 10px;font-size:15px;line-height:1.4;">4. <a href="${row.url}" style="color:#0969da;text-decoration:underline;">${escapeHtml(row.title)}</a><br>`
      + `<span style="font-size:13px;color:#57606a;">${escapeHtml(row.sourceLine)} · for Yanhao Deng</span></p>`);
  });

  test('a hostile title in a row stays text, and a non-http link is no link', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> & "q"';
    const patched = {
      ...briefing,
      sections: briefing.sections.map((s) => ({ ...s, papers: s.papers.map((p) => (p.id === rest[0]!.id ? { ...p, title: hostile, url: 'javascript:alert(3)' } : p)) })),
    };
    const out = digestToHtmlEmail(patched);
    expect(out).not.toMatch(/<script|<img|javascript:/);
    expect(texts(out, 'p')).toContain(`4. ${hostile}${rest[0]!.sourceLine} · for Yanhao Deng`);
  });
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
