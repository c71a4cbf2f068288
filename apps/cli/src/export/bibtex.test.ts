import { latexText, papersToBibtex } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { corpusSliceDigest, sampleWeekDigest } from '../../test/fixture-digests.ts';

// `digest export --format bibtex` on digests the ranker builds from the recorded week (the writer
// itself, and its pdflatex check, are in packages/core/src/bibtex.test.ts). Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
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
      '  author   = {Yongliang Ou and Lena Scholz and Sanath Keshav and Yuji Ikeda and Marvin A. Kraft and Sergiy V. Divinski},',
      '  title    = {Microstructural insights into fast ion transport in solid electrolytes via multiscale modeling},',
      '  journal  = {Nature Communications},',
      '  year     = {2026},',
      '  month    = aug,',
      '  doi      = {10.1038/s41467-026-76216-w},',
      '  url      = {https://doi.org/10.1038/s41467-026-76216-w},',
      // The abstract, as reference managers export it ("… X {\ensuremath{\in}} \textbraceleft{}Cl, Br, I\textbraceright{}---are …").
      `  abstract = {${latexText(weekEntries[0]!.abstract!.trim())}},`,
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
    `  abstract      = {${latexText(sliceEntries[0]!.abstract!.trim())}},`,
    '}',
    '',
  ].join('\n'));
});
