import { describe, expect, test } from 'vitest';
import { corpusSliceDigest, sampleWeekBriefing, sampleWeekDigest } from '../../test/fixture-digests.ts';
import { digestToPlainText, wrap } from './plain-text.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
const week = sampleWeekDigest();
const slice = corpusSliceDigest();

describe('digestToPlainText', () => {
  const digest = slice;
  const text = digestToPlainText(digest);
  const lines = text.split('\n');

  test('title, counts, sample line, then the first section and paper', () => {
    expect(lines.slice(0, 12)).toEqual([
      'Research Digest — 2026-08-08',
      `DENG.Group · ${slice.stats.included} papers of ${slice.stats.considered} considered`,
      '',
      'Sample data: built from bundled recorded papers, not from a live fetch.',
      '',
      'ML Interatomic Potentials & Interface Simulations',
      '=================================================',
      '',
      '1. Refining Machine Learning Potentials through Thermodynamic Theory of',
      '   Phase Transitions',
      '   Paul Fuchs, Julija Zavadlav',
      '   Source: arXiv:2512.03974',
    ]);
    expect(lines[12]).toBe('   https://arxiv.org/abs/2512.03974');
  });

  test('every paper, numbered in order, with its relevance heading', () => {
    const numbers = lines.map((l) => /^(\d+)\. /.exec(l)?.[1]).filter(Boolean).map(Number);
    const n = digest.stats.included;
    expect(n).toBeGreaterThan(3);
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    // Under "10." and on, an entry's lines start where its title's text does: four columns in.
    expect(lines.filter((l) => /^ {3,4}Relevance to DENG\.Group$/.test(l))).toHaveLength(n);
  });

  test('an entry numbered 10 or more hangs under its title\'s text; a date stays with its mark', () => {
    const all = digestToPlainText(week).split('\n');
    const ten = all.findIndex((l) => l.startsWith('10. '));
    expect(ten).toBeGreaterThan(0);
    expect(all[ten + 1]).toMatch(/^ {4}\S/);
    expect(all.filter((l) => /📅$/.test(l))).toEqual([]);
    expect(all.some((l) => /📅\u00a0\d{4}-\d\d-\d\d/.test(l))).toBe(true);
  });

  test('lines fit in 72 columns unless one word is longer', () => {
    const all = digestToPlainText(week).split('\n');
    expect(all.length).toBeGreaterThan(week.stats.included * 10);
    expect(all.filter((line) => line.length > 72 && line.trim().includes(' '))).toEqual([]);
  });

  test('a taught section says what it learned, under its heading', () => {
    const taught = { ...digest, sections: digest.sections.map((s, i) => (i === 1 ? { ...s, learned: { positives: 12, negatives: 3, words: [{ word: 'thermal stability', weight: 0.8 }, { word: 'ring opening', weight: 0.6 }, { word: 'aqueous', weight: -0.4 }] } } : s)) };
    const out = digestToPlainText(taught).split('\n');
    const heading = out.indexOf(digest.sections[1]!.name);
    expect(out.slice(heading + 2, heading + 6)).toEqual([
      '',
      'Learned from 12 papers the group starred or read and 3 it dismissed:',
      'more weight on thermal stability and ring opening; less on aqueous.',
      '',
    ]);
    expect(digestToPlainText(digest)).not.toContain('Learned from');
  });

  test('an empty section says so', () => {
    const emptied = { ...digest, sections: digest.sections.map((s) => (s.id === 'halide-electrolytes' ? { ...s, papers: [] } : s)) };
    expect(digestToPlainText(emptied).endsWith('Halide Solid Electrolytes\n=========================\n\nNothing above the threshold this time.\n')).toBe(true);
  });
});

describe('a briefing', () => {
  const briefing = sampleWeekBriefing();
  const text = digestToPlainText(briefing);

  test('the picks in full, then "N more in <section>" and the rest in three lines each', () => {
    expect(text.split('\n', 2)[1]).toBe(`DENG.Group · ${briefing.stats.included} papers of ${briefing.stats.considered} considered · 12 picks`);
    expect(text.split('\n').filter((l) => /^ {3,4}Relevance to DENG\.Group$/.test(l))).toHaveLength(12);
    // The corpus stored "Mg 1‐x Li x F 2 /PEO"; the sample week is read with its formulas repaired.
    expect(text).toContain([
      '', '6. Electrostatic Suspension of Lithium Ions in Mg1‐xLixF2/PEO',
      '   Electrolytes Enables all‐Solid‐State Lithium Metal Batteries Operable',
      '   at 0°C',
      '   Yusheng Luo, Yanpeng Wang, Zhaoyang Song et al.',
    ].join('\n'));
    expect(text).toContain([
      '', '17 more in Polymer Electrolytes', '-------------------------------', '',
      '8. Synergistic Regulation of Li─O Binding and Anion Anchoring by Lewis',
      '   Acidic Perovskites for Ultra‐Stable PEO‐Based All‐Solid‐State',
      '   Batteries',
      '   Small (10.1002/smll.75241) · for Naibing Wu',
      '   https://doi.org/10.1002/smll.75241', '',
      '9. Enthalpy‐Entropy Molecular Design of Gel Polymer Electrolytes for',
    ].join('\n'));
  });

  test('every paper once, numbered in order; lines fit in 72 columns', () => {
    const lines = text.split('\n');
    const numbers = lines.map((l) => /^(\d+)\. /.exec(l)?.[1]).filter(Boolean).map(Number);
    expect(numbers).toEqual(Array.from({ length: briefing.stats.included }, (_, i) => i + 1));
    expect(lines.filter((line) => line.length > 72 && line.trim().includes(' '))).toEqual([]);
  });
});

test('wrap keeps words whole and indents the rest', () => {
  expect(wrap(`${'word '.repeat(20)}https://example.org/${'x'.repeat(80)}`, '1. ', '   ').split('\n')).toEqual([
    `1. ${'word '.repeat(14).trim()}`,
    `   ${'word '.repeat(6).trim()}`,
    `   https://example.org/${'x'.repeat(80)}`,
  ]);
});

test('a section with papers and no pick says so, not "1 more" under nothing; chat says the same', async () => {
  const briefing = sampleWeekBriefing();
  const [first, ...others] = briefing.sections;
  if (!first) throw new Error('the sample briefing has no section');
  const noPicks = { ...briefing, sections: [{ ...first, papers: first.papers.slice(0, 1).map((p) => ({ ...p, pick: false })) }, ...others] };
  const text = digestToPlainText(noPicks);
  expect(text).toContain(`No pick this time; 1 paper in ${first.name}\n`);
  expect(text).not.toContain(`1 more in ${first.name}`);
  const { moreText } = await import('../deliver/chat/chat-view.ts');
  expect(moreText({ name: first.name, picks: [], more: 1, moreLink: undefined })).toBe(`no pick this time; 1 paper in ${first.name}`);
  expect(moreText({ name: first.name, picks: [{ title: 'T', url: null } as never], more: 11, moreLink: undefined })).toBe(`and 11 more in ${first.name}`);
});
