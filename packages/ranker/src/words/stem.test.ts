import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { americanSpelling, BRITISH, termOf } from './stem.ts';
import { splitWords } from './tokenize.ts';

describe('stemming keeps apart what a materials scientist keeps apart', () => {
  test.each([
    ['oxide', 'oxidation'], ['active', 'activation'], ['mechanism', 'mechanical'], ['universal', 'university'],
    ['composite', 'composition'], ['transference', 'transfer'], ['polar', 'polarization'], ['organic', 'organization'],
    ['MACE', 'mace'], ['GAP', 'gap'], ['aging', 'Ag'], ['ageing', 'Ag'], ['Ising', 'is'],
    // Porter's "y" before a consonant is a vowel: cyanate is not cyan (natural's stemmer made both "cyan").
    ['cyanate', 'cyan'], ['dyadic', 'dyad'],
    // What the British rewrite must leave alone.
    ['raise', 'raze'], ['analyses', 'analyzes'], ['noise', 'noize'],
  ])('%s / %s', (a, b) => {
    expect(termOf(a)).not.toBe(termOf(b));
  });
});

describe('and merges the forms of one word', () => {
  test.each([
    ['polymer', 'polymers'], ['polymer', 'polymeric'], ['interface', 'interfacial'], ['electrolyte', 'electrolytes'],
    ['battery', 'batteries'], ['dendrite', 'dendrites'], ['simulation', 'simulations'], ['potential', 'potentials'],
    ['MLIP', 'MLIPs'], ['Electrolyte', 'electrolyte'], ['aging', 'ageing'], ['aging', 'aged'],
    // British spellings.
    ['sulfide', 'sulphide'], ['polysulfides', 'polysulphides'], ['aluminum', 'aluminium'], ['fiber', 'fibres'], ['center', 'centre'],
    ['micrometers', 'micrometres'], ['stabilization', 'stabilisation'], ['optimized', 'optimised'], ['crystallizing', 'crystallising'],
    ['behavior', 'behaviour'], ['vapor', 'vapour'], ['meter', 'metre'], ['analyzed', 'analysed'], ['catalyze', 'catalyse'], ['polarization', 'polarisation'],
  ])('%s / %s', (a, b) => {
    expect(termOf(a)).toBe(termOf(b));
  });
});

test('words that are names on every JavaScript object are words like any other', () => {
  for (const word of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
    expect(typeof termOf(word)).toBe('string');
  }
  expect(termOf('constructors')).toBe(termOf('constructor'));
});

test('the British check\'s one test skips no word a rewrite would change, on every word of the fixtures\' texts', () => {
  const words = new Set([...readFixtureRecords('papers/corpus-slice.jsonl'), ...readFixtureRecords('papers/sample-week.jsonl.gz')]
    .flatMap((r) => splitWords(`${String(r.title)} ${String(r.abstract ?? '')}`).words.map((w) => w.toLowerCase())));
  const everyRule = (w: string) => BRITISH.reduce((x, [pattern, replacement]) => x.replace(pattern, replacement), w);
  const changed = [...words].filter((w) => everyRule(w) !== w);
  expect(changed.length).toBeGreaterThan(50);
  expect([...words].filter((w) => americanSpelling(w) !== everyRule(w))).toEqual([]);
});
