import type { Digest } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { corpusSliceDigest, sampleWeekBriefing, sampleWeekDigest } from '../../test/fixture-digests.ts';
import { digestToMarkdown, escapeMarkdown } from './markdown.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
const week = sampleWeekDigest();
const briefing = sampleWeekBriefing();
const slice = corpusSliceDigest();

// Counts follow the default config (digest.config.yaml): derived here, not copied.
const { included, considered } = week.stats;

/** A real digest with its first paper changed by `patch`: the rest stays as ranked. */
function withFirstEntry(digest: Digest, patch: Partial<Digest['sections'][number]['papers'][number]>): Digest {
  const [first, ...rest] = digest.sections;
  if (!first?.papers[0]) throw new Error('the fixture digest has no first paper');
  return { ...digest, sections: [{ ...first, papers: [{ ...first.papers[0], ...patch }, ...first.papers.slice(1)] }, ...rest] };
}

test('a taught section says what it learned, in italics under its heading', () => {
  const learned = { positives: 2, negatives: 0, words: [{ word: 'ring_opening*', weight: 0.6 }] };
  const md = digestToMarkdown({ ...slice, sections: slice.sections.map((s, i) => (i === 0 ? { ...s, learned } : s)) });
  const blocks = md.split('\n\n');
  const heading = blocks.indexOf(`## ${escapeMarkdown(slice.sections[0]!.name)}`);
  expect(blocks[heading + 1]).toBe('_Learned from 2 papers the group starred or read: more weight on ring\\_opening\\*._');
  expect(digestToMarkdown(slice)).not.toContain('Learned from');
});

describe('digestToMarkdown on the sample week', () => {
  const digest = week;
  const md = digestToMarkdown(digest);
  const lines = md.split('\n');

  test('opens with the title, the counts and the sample-data line', () => {
    expect(lines.slice(0, 5)).toEqual([
      '# Research Digest — 2026-08-21', '',
      `DENG.Group · ${included} papers of ${considered} considered`, '',
      '> **Sample data:** built from bundled recorded papers, not from a live fetch.',
    ]);
  });

  test('one heading per area in config order, papers numbered through the digest', () => {
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## ML Interatomic Potentials & Interface Simulations',
      '## Polymer Electrolytes',
      '## Phase Field / Dendrites & SEI',
      '## Halide Solid Electrolytes',
    ]);
    const numbers = lines.filter((l) => l.startsWith('### ')).map((l) => Number(/^### (\d+)\. /.exec(l)?.[1]));
    expect(numbers).toEqual(Array.from({ length: included }, (_, i) => i + 1));
  });

  test('each paper reads as in the example: title, authors, source, summary, relevance; no list of matched terms', () => {
    const entry = digest.sections[0]!.papers[0]!;
    const start = lines.indexOf(`### 1. ${entry.title}`);
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start, start + 12)).toEqual([
      '### 1. Microstructural insights into fast ion transport in solid electrolytes via multiscale modeling', '',
      '_Yongliang Ou, Lena Scholz, Sanath Keshav et al._', '',
      'Source: Nature Communications (10.1038/s41467-026-76216-w) · 📅 2026-08-20 · [Open paper](https://doi.org/10.1038/s41467-026-76216-w)', '',
      entry.summary, '',
      '**Relevance to DENG.Group**', '',
      entry.note, '',
    ]);
    expect(lines[start + 12]).toMatch(/^### 2\. /);
    expect(md).not.toContain('Matched terms');
  });

  test('no "nothing above the threshold" line when every section has papers', () => {
    expect(md).not.toContain('Nothing above the threshold');
  });
});

describe('a briefing: picks in full, then the rest as one line each', () => {
  const md = digestToMarkdown(briefing);
  const lines = md.split('\n');
  const picks = briefing.sections.flatMap((s) => s.papers.filter((p) => p.pick));

  test('the counts name the picks; only picks get a heading', () => {
    expect(lines[2]).toBe(`DENG.Group · ${included} papers of ${considered} considered · 12 picks`);
    expect(lines.filter((l) => l.startsWith('### '))).toEqual(picks.map((p) => `### ${p.number}. ${escapeMarkdown(p.title)}`));
    expect(picks).toHaveLength(12);
  });

  test('after a section\'s picks: "N more in <section>" and a list of linked rows', () => {
    const at = lines.indexOf('**17 more in Polymer Electrolytes**');
    expect(at).toBeGreaterThan(0);
    const rest = briefing.sections[1]!.papers.filter((p) => !p.pick);
    expect(lines.slice(at + 2, at + 2 + rest.length)).toEqual(rest.map((p) => `- ${p.number}\\. [${escapeMarkdown(p.title)}](${p.url}) · ${escapeMarkdown(p.sourceLine)} · for ${p.members.map((m) => m.name).join(', ')}`));
    expect(lines[at + 2]).toBe('- 8\\. [Synergistic Regulation of Li─O Binding and Anion Anchoring by Lewis Acidic Perovskites for Ultra‐Stable PEO‐Based All‐Solid‐State Batteries]'
      + '(https://doi.org/10.1002/smll.75241) · Small (10.1002/smll.75241) · for Naibing Wu');
    // The corpus stored "Mg 1‐x Li x F 2 /PEO"; the sample week is read with its formulas repaired, and the paper is a pick.
    expect(lines).toContain('### 6. Electrostatic Suspension of Lithium Ions in Mg1‐xLixF2/PEO Electrolytes Enables all‐Solid‐State Lithium Metal Batteries Operable at 0°C');
    expect(lines[at + 2 + rest.length]).toBe('');
    expect(lines[at + 3 + rest.length]).toBe('## Phase Field / Dendrites & SEI');
    expect(lines.filter((l) => / more in /.test(l))).toEqual(['**1 more in ML Interatomic Potentials & Interface Simulations**', '**17 more in Polymer Electrolytes**',
      '**24 more in Phase Field / Dendrites & SEI**', '**2 more in Halide Solid Electrolytes**']);
  });

  test('every paper of the digest is there, by number, once', () => {
    const numbers = [...md.matchAll(/^(?:### |- )(\d+)\\?\. /gm)].map((m) => Number(m[1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: included }, (_, i) => i + 1));
  });

  test('a hostile title in a row stays text; a javascript: URL leaves the title unlinked', () => {
    const id = briefing.sections[1]!.papers[3]!.id;
    const patched = { ...briefing, sections: briefing.sections.map((s) => ({ ...s, papers: s.papers.map((p) => (p.id === id ? { ...p, title: '[x](javascript:alert(1)) <b>*y*</b>', url: 'javascript:alert(2)' } : p)) })) };
    expect(digestToMarkdown(patched)).toContain('\n- 8\\. \\[x\\](javascript:alert(1)) \\<b\\>\\*y\\*\\</b\\> · Small (10.1002/smll.75241) · for Naibing Wu\n');
    expect(digestToMarkdown(patched)).not.toContain('javascript:alert(2)');
  });
});

test('an arXiv preprint without a date: source line without 📅', () => {
  const md = digestToMarkdown(slice);
  expect(md).toContain('\n### 1. Refining Machine Learning Potentials through Thermodynamic Theory of Phase Transitions\n\n'
    + '_Paul Fuchs, Julija Zavadlav_\n\n'
    + 'Source: arXiv:2512.03974 · [Open paper](https://arxiv.org/abs/2512.03974)\n');
});

test('an empty section says nothing cleared the threshold', () => {
  const digest = week;
  const emptied = { ...digest, sections: digest.sections.map((s) => (s.id === 'halide-electrolytes' ? { ...s, papers: [] } : s)) };
  expect(digestToMarkdown(emptied).endsWith('\n## Halide Solid Electrolytes\n\n_Nothing above the threshold this time._\n')).toBe(true);
});

test('a live digest has no sample-data line', () => {
  expect(digestToMarkdown({ ...week, sample: false })).not.toContain('Sample data');
});

describe('escaping text from papers', () => {
  test.each([
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['*bold* and _it_ and `code`', '\\*bold\\* and \\_it\\_ and \\`code\\`'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['Li & Na, &amp; not an entity', 'Li & Na, \\&amp; not an entity'],
    ['{Li6PS5Cl} with a \\ backslash', '{Li6PS5Cl} with a \\\\ backslash'],
    ['CDATA ]]> end', 'CDATA \\]\\]\\> end'],
    ['Li$_6$PS$_5$Cl ~~gone~~ | pipe', 'Li\\$\\_6\\$PS\\$\\_5\\$Cl \\~\\~gone\\~\\~ \\| pipe'],
    ['C# closes #', 'C\\# closes \\#'],
    ['2024. A year in review', '2024\\. A year in review'],
    ['- not a list', '\\- not a list'],
    ['+ not a list\nand no second line', '\\+ not a list and no second line'],
  ])('%j', (raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });

  test('a hostile title and summary stay text in the digest', () => {
    const md = digestToMarkdown(withFirstEntry(week, {
      title: '<script>alert(1)</script> *bold* & {x} \\ ]]>',
      summary: '# Heading?\n\n- list? <img src=x onerror=alert(1)>',
    }));
    expect(md).toContain('\n### 1. \\<script\\>alert(1)\\</script\\> \\*bold\\* & {x} \\\\ \\]\\]\\>\n');
    expect(md).toContain('\n\\# Heading? - list? \\<img src=x onerror=alert(1)\\>\n');
  });

  test('only http(s) links: a javascript: URL shows no link', () => {
    const md = digestToMarkdown(withFirstEntry(week, { url: 'javascript:alert(1)' }));
    expect(md).toContain('\nSource: Nature Communications (10.1038/s41467-026-76216-w) · 📅 2026-08-20\n');
    expect(md).not.toContain('javascript:');
  });

  test('parentheses in a URL cannot end the link early', () => {
    const md = digestToMarkdown(withFirstEntry(week, { url: 'https://example.org/a_(b)' }));
    expect(md).toContain('[Open paper](https://example.org/a_%28b%29)');
  });
});
