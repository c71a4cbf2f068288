import type { DigestEntry } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { bibtexTitle, citationKeys, escapeLatex, papersToBibtex } from './bibtex.ts';
import { corpusSliceDigest, sampleWeekDigest } from '../../test/fixture-digests.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
const week = sampleWeekDigest();

// Counts follow the default config (digest.config.yaml): derived here, not copied.
const { included } = week.stats;
const slice = corpusSliceDigest();

const weekEntries = week.sections.flatMap((s) => s.papers);
const sliceEntries = slice.sections.flatMap((s) => s.papers);

/** Brace depth never below zero and back to zero at the end: what BibTeX needs (it counts `\{` too). */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('papersToBibtex on the sample week', () => {
  const bib = papersToBibtex(weekEntries);
  const keys = [...bib.matchAll(/^@(\w+)\{([^,]+),$/gm)].map((m) => [m[1] ?? '', m[2] ?? ''] as const);

  test('one @article per journal paper, keys unique and plain ASCII', () => {
    expect(keys).toHaveLength(included);
    expect(included).toBeGreaterThan(10);
    expect(new Set(keys.map(([type]) => type))).toEqual(new Set(['article']));
    expect(new Set(keys.map(([, key]) => key)).size).toBe(included);
    for (const [, key] of keys) expect(key).toMatch(/^[A-Z][A-Za-z0-9]+$/);
  });

  test('the same paper in two journals gets the a/b suffixes', () => {
    expect(keys.map(([, key]) => key).filter((k) => k.startsWith('Seong2026Reflex'))).toEqual(['Seong2026Reflexa', 'Seong2026Reflexb']);
  });

  test('the first entry in full', () => {
    expect(bib.split('\n\n')[0]).toBe([
      '@article{Ou2026Microstructural,',
      '  author  = {Yongliang Ou and Lena Scholz and Sanath Keshav and Yuji Ikeda and Marvin A. Kraft and Sergiy V. Divinski},',
      '  title   = {Microstructural insights into fast ion transport in solid electrolytes via multiscale modeling},',
      '  journal = {Nature Communications},',
      '  year    = {2026},',
      '  month   = aug,',
      '  doi     = {10.1038/s41467-026-76216-w},',
      '  url     = {https://doi.org/10.1038/s41467-026-76216-w},',
      '}',
    ].join('\n'));
  });

  test('braces balance in every entry, and the output is stable', () => {
    const chunks = bib.trim().split('\n\n');
    expect(chunks).toHaveLength(included);
    expect(chunks.filter((chunk) => !balanced(chunk))).toEqual([]);
    expect(papersToBibtex(weekEntries)).toBe(bib);
  });
});

test('an arXiv preprint is @misc with eprint and archivePrefix, year from its id', () => {
  expect(papersToBibtex(sliceEntries.slice(0, 1))).toBe([
    '@misc{Fuchs2025Refining,',
    '  author        = {Paul Fuchs and Julija Zavadlav},',
    '  title         = {Refining Machine Learning Potentials through Thermodynamic Theory of Phase Transitions},',
    '  year          = {2025},',
    '  eprint        = {2512.03974},',
    '  archivePrefix = {arXiv},',
    '  url           = {https://arxiv.org/abs/2512.03974},',
    '}',
    '',
  ].join('\n'));
});

describe('escaping', () => {
  test.each([
    ['<script>alert(1)</script> *bold*', '<script>alert(1)</script> *bold*'],
    ['Li & Na at 50% for $5 #1 under_score', 'Li \\& Na at 50\\% for \\$5 \\#1 under\\_score'],
    ['{x} \\cite ~ ^ ]]>', '\\textbraceleft{}x\\textbraceright{} \\textbackslash{}cite \\textasciitilde{} \\textasciicircum{} ]]>'],
  ])('escapeLatex(%j)', (raw, escaped) => {
    expect(escapeLatex(raw)).toBe(escaped);
  });

  test('titles brace formulas, acronyms and inner capitals, not title-case words or punctuation', () => {
    expect(bibtexTitle('Li6PS5Cl and the SEI in “Dendrite‐Free” 3D Li/Al cells (NMC811)'))
      .toBe('{Li6PS5Cl} and the {SEI} in “Dendrite‐Free” {3D} {Li/Al} cells ({NMC811})');
    expect(bibtexTitle('A {Hostile} & \\Title_')).toBe('A \\textbraceleft{}Hostile\\textbraceright{} \\& \\textbackslash{}Title\\_');
  });

  test('a hostile title and authors give a balanced entry', () => {
    const entry: DigestEntry = { ...sliceEntries[0]!, title: '<script>*bold*</script> & { \\ ]]> }}}', authors: ['Jones and Sons Ltd', 'Zoë Ü_ber'] };
    const bib = papersToBibtex([entry]);
    expect(balanced(bib)).toBe(true);
    expect(bib).toContain('  title         = {<script>*bold*</script> \\& \\textbraceleft{} \\textbackslash{} ]]> \\textbraceright{}\\textbraceright{}\\textbraceright{}},\n');
    expect(bib).toContain('  author        = {{Jones and Sons Ltd} and Zoë Ü\\_ber},\n');
    expect(bib.startsWith('@misc{Ltd2025Script,')).toBe(true);
  });
});

describe('citation keys', () => {
  const base = weekEntries[0]!;

  test('a suffixed key skips a key another paper has', () => {
    const papers = [
      { ...base, id: 'x:1', title: 'Microstructurala one' },
      { ...base, id: 'x:2' },
      { ...base, id: 'x:3' },
    ];
    expect(citationKeys(papers)).toEqual(['Ou2026Microstructurala', 'Ou2026Microstructuralb', 'Ou2026Microstructuralc']);
  });

  test('past z the suffixes go on with aa, ab', () => {
    const keys = citationKeys(Array.from({ length: 28 }, (_, i) => ({ ...base, id: `x:${i}` })));
    expect(keys.slice(24)).toEqual(['Ou2026Microstructuraly', 'Ou2026Microstructuralz', 'Ou2026Microstructuralaa', 'Ou2026Microstructuralab']);
  });

  test('accents dropped, stopwords skipped, no author or date', () => {
    expect(citationKeys([
      { ...base, authors: ['José Müller-Łukasz'], title: 'On the ‘Øresund’ effect' },
      { ...base, authors: ['Kozinsky, Boris', 'X'], title: 'The A of B', published: null, arxivId: null },
      { ...base, authors: [], title: '' },
    ])).toEqual(['MullerLukasz2026Oresund', 'KozinskyndB', 'Anon2026']);
  });

  test('the same id twice is written once', () => {
    expect(papersToBibtex([base, base]).match(/^@/gm)).toHaveLength(1);
  });
});
