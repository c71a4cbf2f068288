import { expect, test } from 'vitest';
import { ACRONYMS } from './acronyms.ts';
import { displayKeyword, isTopic, listOf, pluralOf, withArticle } from './grammar.ts';

test.each([
  ['dendrite', 'dendrites'], ['grain boundary', 'grain boundaries'], ['interface', 'interfaces'], ['polymer electrolyte', 'polymer electrolytes'],
  ['superionic conductor', 'superionic conductors'], ['analysis', 'analysis'], ['ionic conductivity', 'ionic conductivity'],
  ['ion transport', 'ion transport'], ['dendrite growth', 'dendrite growth'], ['active learning', 'active learning'],
  ['segmental motion', 'segmental motion'], ['molecular dynamics', 'molecular dynamics'], ['SEI', 'SEI'], ['Li3InCl6', 'Li3InCl6'],
  ['NequIP', 'NequIP'], ['crosslinked', 'crosslinked'], ['lithium metal', 'lithium metal'], ['polyacrylonitrile', 'polyacrylonitrile'],
])('the plural of "%s" is "%s"', (phrase, plural) => {
  expect(pluralOf(phrase)).toBe(plural);
});

test('lists read as prose', () => {
  expect([listOf(['a']), listOf(['a', 'b']), listOf(['a', 'b', 'c'])]).toEqual(['a', 'a and b', 'a, b and c']);
});

test.each([
  ['MLIP study', 'an MLIP study'], ['SEI model', 'an SEI model'], ['DFT study', 'a DFT study'], ['interphase', 'an interphase'],
  ['universal potential', 'a universal potential'], ['hour', 'an hour'], ['8 nm film', 'an 8 nm film'], ['1.2 eV gap', 'a 1.2 eV gap'],
  ['phase-field model', 'a phase-field model'], ['elastic SEI', 'an elastic SEI'],
])('"%s" takes its article: "%s"', (phrase, expected) => {
  expect(withArticle(phrase)).toBe(expected);
});

test.each([
  ['machine learning interatomic potential', 'MLIP'], ['solid electrolyte interphase', 'SEI'], ['poly(ethylene oxide)', 'PEO'],
  ['solid polymer electrolyte', 'solid polymer electrolyte'], ['SPE', 'solid polymer electrolyte'], ['dendrite', 'dendrite'],
])('a note names "%s" as "%s"', (keyword, shown) => {
  expect(displayKeyword(keyword, ACRONYMS)).toBe(shown);
});

test.each([
  ['dendrite', true], ['ion transport', true], ['anode-free', false], ['crosslinked', false], ['dendrite-free', false],
  ['SEI', true], ['Li3InCl6', true], ['lithium metal', true], ['segmental motion', true],
])('"%s" reads as a topic: %s', (phrase, topic) => {
  expect(isTopic(phrase)).toBe(topic);
});
