import { describe, expect, test } from 'vitest';
import { termOf } from './stem.ts';

describe('stemming keeps apart what a materials scientist keeps apart', () => {
  test.each([
    ['oxide', 'oxidation'], ['active', 'activation'], ['mechanism', 'mechanical'], ['universal', 'university'],
    ['composite', 'composition'], ['transference', 'transfer'], ['polar', 'polarization'], ['organic', 'organization'],
    ['MACE', 'mace'], ['GAP', 'gap'], ['aging', 'Ag'], ['ageing', 'Ag'], ['Ising', 'is'],
  ])('%s / %s', (a, b) => {
    expect(termOf(a)).not.toBe(termOf(b));
  });
});

describe('and merges the forms of one word', () => {
  test.each([
    ['polymer', 'polymers'], ['polymer', 'polymeric'], ['interface', 'interfacial'], ['electrolyte', 'electrolytes'],
    ['battery', 'batteries'], ['dendrite', 'dendrites'], ['simulation', 'simulations'], ['potential', 'potentials'],
    ['MLIP', 'MLIPs'], ['Electrolyte', 'electrolyte'], ['aging', 'ageing'], ['aging', 'aged'],
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
