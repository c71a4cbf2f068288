import { paperSchema, type Paper } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { GAP_BREAK, GAP_JOIN, GAP_SPACE, GAP_START, splitWords } from '../words/tokenize.ts';
import { WordIds } from './word-ids.ts';

// The bundled sample week (1,755 real papers): titles and abstracts with LaTeX, unicode subscripts,
// formulas written with spaces and titles in capitals.
const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));

const wordsOf = (scanner: WordIds, text: string) => [...scanner.read(text)].map((id) => scanner.words[id]);

test('reads the words splitWords reads, in every title and abstract of the sample week', () => {
  const scanner = new WordIds();
  const texts = week.flatMap((p) => [p.title, p.abstract ?? '']);
  const differ = texts.filter((text) => JSON.stringify(wordsOf(scanner, text)) !== JSON.stringify(splitWords(text).words));
  expect(differ).toEqual([]);
  // Texts the scan rewrites: formula notation and formulas written with spaces are there to be read.
  expect(texts.filter((t) => /[$_\\₀-₉]/.test(t)).length).toBeGreaterThan(100);
});

test('rewrites formula notation, spaced formulas and shouted titles as the analyzer does', () => {
  const scanner = new WordIds();
  const texts = [
    'Li$_6$PS$_5$Cl and Li₂S electrolytes',
    'in $\\mathrm{Li_3YCl_6}$ and $\\mathrm{Li_{3}InCl_{6}}$',
    'The Li 6 PS 5 Cl argyrodite at 3.5 V',
    'SOLID ELECTROLYTE INTERPHASE GROWTH ON LITHIUM METAL',
    'a cost of $5 and $\\alpha$ stays',
  ];
  for (const text of texts) expect(wordsOf(scanner, text), text).toEqual(splitWords(text).words);
  expect(wordsOf(scanner, texts[0]!)).toEqual(['Li6PS5Cl', 'and', 'Li2S', 'electrolytes']);
  expect(wordsOf(scanner, texts[2]!)).toEqual(['The', 'Li6PS5Cl', 'argyrodite', 'at', '3.5', 'V']);
});

test('says what stands between each word and the one before it: a compound\'s hyphen, the end of a sentence or clause, or neither', () => {
  const scanner = new WordIds();
  const gapsOf = (text: string) => { scanner.read(text); return [...scanner.gaps]; };
  const [start, space, join, other] = [GAP_START, GAP_SPACE, GAP_JOIN, GAP_BREAK];
  expect(gapsOf('solid-state Li\u2011metal structure\u2013property')).toEqual([start, join, space, join, space, join, start]);
  expect(gapsOf('a “b” c \'d\' e')).toEqual([start, space, space, space, space, start]);
  expect(gapsOf('a b,c (d) e. F g - h i--j k/l m\u00a0n')).toEqual([start, space, space, space, space, other, space, space, space, space, space, space, space, space, start]);
  expect(gapsOf('x; y: z! w? v')).toEqual([start, other, other, other, other, start]);
  // Across the sample week's texts: as splitWords's spans say.
  for (const text of week.slice(0, 200).flatMap((p) => [p.title, p.abstract ?? ''])) {
    const { text: read, starts, ends } = splitWords(text);
    const expected = starts.map((s, k) => {
      if (k === 0) return start;
      const between = read.slice(ends[k - 1], s);
      return /^[-\u2010\u2011\u2013]$/.test(between) ? join : !/[.;:!?]/.test(between) ? space : other;
    });
    expect(gapsOf(text), text).toEqual([...expected, start]);
  }
});

test('tells whether a word was read, adding nothing', () => {
  const scanner = new WordIds();
  scanner.read('Sodium ion cells; sodium metal.');
  expect(['Sodium', 'sodium', 'ion', 'metal'].map((w) => scanner.has(w))).toEqual([true, true, true, true]);
  expect(['SODIUM', 'lithium', 'sodiu', ''].map((w) => scanner.has(w))).toEqual([false, false, false, false]);
  expect(scanner.words).toEqual(['Sodium', 'ion', 'cells', 'sodium', 'metal']);
  // Past the table's growth, every word read is still found: 40,000 words, then each of them.
  const many = Array.from({ length: 40_000 }, (_, i) => `w${i.toString(36)}`);
  scanner.read(many.join(' '));
  expect(many.every((w) => scanner.has(w))).toBe(true);
  expect(scanner.has('w-none')).toBe(false);
});
