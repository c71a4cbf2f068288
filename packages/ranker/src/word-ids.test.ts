import { paperSchema, type Paper } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { splitWords } from './tokenize.ts';
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

test('marks a word joined to the word before it by a hyphen or en dash alone, and nothing else', () => {
  const scanner = new WordIds();
  const joinedOf = (text: string) => { scanner.read(text); return [...scanner.joined]; };
  expect(joinedOf('solid-state Li\u2011metal structure\u2013property')).toEqual([0, 1, 0, 1, 0, 1, 0]);
  // Spaced dashes, two hyphens, slashes and the text's first word are not compounds.
  expect(joinedOf('-a b - c d--e f/g')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  // Across the sample week's texts: as splitWords's spans say.
  for (const text of week.slice(0, 200).flatMap((p) => [p.title, p.abstract ?? ''])) {
    const { text: read, starts, ends } = splitWords(text);
    const expected = starts.map((s, k) => Number(k > 0 && s === ends[k - 1]! + 1 && /[-\u2010\u2011\u2013]/.test(read[s - 1]!)));
    expect(joinedOf(text), text).toEqual([...expected, 0]);
  }
});
