import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { splitWords, tokenize } from './tokenize.ts';

describe('chemical formulas stay whole and match across notations', () => {
  test.each([
    'Li6PS5Cl', 'Li₆PS₅Cl', 'Li$_6$PS$_5$Cl', 'Li$_{6}$PS$_{5}$Cl', 'Li_{6}PS_{5}Cl', 'Li 6 PS 5 Cl', '\\mathrm{Li}_6\\mathrm{PS}_5\\mathrm{Cl}',
  ])('%s', (notation) => {
    expect(tokenize(`the argyrodite ${notation} electrolyte`)).toEqual(['the', 'argyrodit', 'li6ps5cl', 'electrolyt']);
  });

  test('decimal compositions are one word', () => {
    expect(tokenize('a Li2S0.72P0.14Cl0.14 phase')).toEqual(['a', 'li2s0.72p0.14cl0.14', 'phase']);
  });

  test('a sentence starting "In 2023" is not a formula', () => {
    expect(tokenize('In 2023 we')).toEqual(['in', '2023', 'we']);
  });

  test('spaced halide formulas as some feeds print them', () => {
    expect(tokenize('Li 3 InCl 6 (LIC)')).toEqual(['li3incl6', '#lic']);
  });
});

describe('words', () => {
  test('hyphenated and spaced forms give the same terms', () => {
    expect(tokenize('phase-field model')).toEqual(tokenize('phase field model'));
    expect(tokenize('all-solid-state batteries')).toEqual(tokenize('all solid state battery'));
  });

  test('acronyms are kept apart from words, plurals folded', () => {
    expect(tokenize('MACE and mace, MLIPs and SEIs')).toEqual(['#mace', 'and', 'mace', '#mlip', 'and', '#sei']);
  });

  test('names with inner capitals are not stemmed', () => {
    expect(tokenize('NequIP DeePMD CHGNet LiTFSI')).toEqual(['nequip', 'deepmd', 'chgnet', 'litfsi']);
  });

  test('a shouted title is read in lower case, not as acronyms', () => {
    expect(tokenize('SOLID POLYMER ELECTROLYTES FOR LITHIUM BATTERIES')).toEqual(tokenize('solid polymer electrolytes for lithium batteries'));
  });

  test('spans point into the normalized text', () => {
    const words = splitWords('PEO-based Li$_3$InCl$_6$ composites');
    expect(words.words.map((_, i) => words.text.slice(words.starts[i], words.ends[i]))).toEqual(words.words);
    expect(words.words).toEqual(['PEO', 'based', 'Li3InCl6', 'composites']);
  });
});

fcTest.prop([fc.string({ maxLength: 200 })])('words never hold separators and spans match them', (text) => {
  const words = splitWords(text);
  words.words.forEach((word, i) => {
    expect(word).not.toMatch(/[\s\-,;()]/);
    expect(words.text.slice(words.starts[i], words.ends[i])).toBe(word);
  });
  expect(words.words.length).toBe(words.starts.length);
});
