import { fc, test as fcTest } from '@fast-check/vitest';
import { expect, test } from 'vitest';
import { createAnalyzer } from '../scan/analyze.ts';
import { compoundSpellings, splitCompound } from './compounds.ts';
import { compileProfiles } from '../profiles/profiles.ts';

/** Whether `keyword` matches `text`, through the analyzer's fast path and its span path. */
function matches(keyword: string, text: string, others: readonly string[] = []): boolean {
  const lexicon = compileProfiles([{ id: 'a', kind: 'area', keywords: [keyword, ...others].map((term) => ({ term, weight: 1 })) }]);
  const analyzer = createAnalyzer(lexicon);
  const counted = analyzer.features({ title: `we study ${text} here` }).ids.includes(0);
  const spanned = analyzer.matches(`we study ${text} here`).matches.some((m) => m.feature === 0);
  expect(spanned).toBe(counted);
  return counted;
}

const join = (parts: readonly string[], separators: readonly string[]) =>
  parts.reduce((out, part, i) => (i === 0 ? part : `${out}${separators[i - 1] ?? ''}${part}`), '');

// Compounds of the field: a combining form and a word, or two words a keyword also uses apart.
const compounds: readonly (readonly string[])[] = [
  ['inter', 'atomic'], ['electro', 'chemo', 'mechanical'], ['super', 'ionic'], ['cross', 'linked'], ['multi', 'scale'],
  ['under', 'potential'], ['electro', 'deposition'], ['quasi', 'solid'], ['anti', 'perovskite'], ['nano', 'particle'],
];
const separator = fc.constantFrom('', '-', ' ');

fcTest.prop([fc.constantFrom(...compounds), fc.array(separator, { minLength: 3, maxLength: 3 }), fc.array(separator, { minLength: 3, maxLength: 3 }),
  fc.constantFrom('', ' potential', ' model')])(
  'a compound keyword matches its text however each is joined: apart, hyphenated or as one word',
  (parts, keywordSeparators, textSeparators, tail) => {
    expect(matches(`${join(parts, keywordSeparators)}${tail}`, `${join(parts, textSeparators)}${tail}`)).toBe(true);
  },
);

fcTest.prop([fc.array(separator, { minLength: 1, maxLength: 1 }), fc.array(separator, { minLength: 1, maxLength: 1 })])(
  'two words a keyword uses apart are one compound both ways: phase field, phase-field, phasefield',
  (keywordSeparators, textSeparators) => {
    // "phasefield" splits because the config also writes "phase" and "field" as words (in "phase field model").
    expect(matches(`${join(['phase', 'field'], keywordSeparators)}`, `${join(['phase', 'field'], textSeparators)} simulations`, ['phase field model'])).toBe(true);
  },
);

test('a compound keyword still needs all its parts', () => {
  expect(matches('interatomic potential', 'inter-atomic distances and the potential')).toBe(false);
  expect(matches('phase field', 'the electric field of each phase')).toBe(false);
});

test('short combining forms split only before a word the keywords use, so "coordination" stays whole', () => {
  expect(splitCompound('coordination')).toEqual(['coordination']);
  expect(splitCompound('copolymer', new Set(['polymer']))).toEqual(['co', 'polymer']);
  expect(splitCompound('electrochemomechanical')).toEqual(['electro', 'chemo', 'mechanical']);
  expect(splitCompound('electrolyte')).toEqual(['electrolyte']);
  expect(splitCompound('LiTFSI')).toEqual(['LiTFSI']);
});

test('spellings keep the keyword as written first and join neighbouring plain words', () => {
  expect(compoundSpellings(['phase', 'field', 'model'])).toEqual([
    ['phase', 'field', 'model'], ['phasefield', 'model'], ['phase', 'fieldmodel'], ['phasefieldmodel'],
  ]);
  expect(compoundSpellings(['Li', 'metal'])).toEqual([['Li', 'metal']]);
});

// Gels: every kind an expert files with gel (polymer) electrolytes, written joined or not.
fcTest.prop([fc.constantFrom('hydro', 'iono', 'organo', 'eutecto', ''), fc.constantFrom('', '-'), fc.constantFrom('s', ''),
  fc.constantFrom('gel electrolyte', 'gel polymer electrolyte', 'GPE')])(
  'every kind of gel electrolyte matches the gel electrolyte keywords',
  (kind, hyphen, plural, keyword) => {
    const gel = kind === '' ? 'gel' : `${kind}${kind === 'eutecto' ? '' : hyphen}gel`;
    expect(matches(keyword, `a ${gel} electrolyte${plural} for zinc batteries`)).toBe(true);
  },
);

test('a gel kind as a keyword does not match every gel', () => {
  expect(matches('hydrogel electrolyte', 'an ionogel electrolyte')).toBe(false);
  expect(matches('hydrogel', 'a hydro-gel coating')).toBe(true);
});

test('gels stay electrolytes: a gel that is not one is not a gel electrolyte', () => {
  expect(matches('gel polymer electrolyte', 'a hydrogel wound dressing')).toBe(false);
});

test('two keywords written as different spellings of one compound are one feature', () => {
  const lexicon = compileProfiles([{ id: 'a', kind: 'area', keywords: [{ term: 'phasefield', weight: 2 }, { term: 'phase-field', weight: 3 }] }]);
  expect(lexicon.features).toHaveLength(1);
  expect(lexicon.profiles[0]?.weights).toEqual([3]);
});
