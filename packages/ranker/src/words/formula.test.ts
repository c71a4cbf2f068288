import { describe, expect, test } from 'vitest';
import { isFormula, joinLoneCounts, joinSpacedFormulas, normalizeFormulaNotation } from './formula.ts';

describe('isFormula', () => {
  test.each(['Li6PS5Cl', 'Li3InCl6', 'NaAlCl4', 'LiF', 'H2O', 'Li2S0.72P0.14Cl0.14'])('%s is a formula', (s) => {
    expect(isFormula(s)).toBe(true);
  });
  test.each(['The', 'MACE', 'CHGNet', 'li6ps5cl', 'Xy2'])('%s is not', (s) => {
    expect(isFormula(s)).toBe(false);
  });
});

test('joins formulas written with spaces and leaves prose alone', () => {
  expect(joinSpacedFormulas(['Na', '3', 'Zr', '2', 'Si', '2', 'PO', '12', 'framework'])).toEqual(['Na3Zr2Si2PO12', 'framework']);
  expect(joinSpacedFormulas(['At', '5', 'AU', 'the'])).toEqual(['At', '5', 'AU', 'the']);
});

test('notation rewrites are no-ops on plain text', () => {
  const text = 'Solid polymer electrolytes conduct Li+ ions at 25 °C.';
  expect(normalizeFormulaNotation(text)).toBe(text);
});

test.each([
  ['Li$_3$PS$_4$ and Li$_{6}$PS$_5$Cl', 'Li3PS4 and Li6PS5Cl'],
  // Real arXiv abstracts (lattice gauge theory): a subscript inside a math span keeps the span closed.
  ['a $Z_2$ gauge theory', 'a Z2 gauge theory'], ['the $\\mathbb{Z}_2$ phase', 'the $\\mathbb{Z}2$ phase'], ['$SU(2)_3$ anyons', '$SU(2)3$ anyons'],
  ['Li_{x}CoO_2', 'LixCoO2'], ['Li₂S', 'Li2S'],
])('"%s" reads as "%s"', (text, expected) => {
  expect(normalizeFormulaNotation(text)).toBe(expected);
});

test.each([
  // Real forms of the sample week's abstracts, as summaries quoted them ("Zn||VO 2 pouch cells").
  ['The anode enables 4.23 Ah Zn||VO 2 pouch cells.', 'The anode enables 4.23 Ah Zn||VO2 pouch cells.'],
  ['paired with LiFePO 4 cathodes, and MnO 2, CO 2 and NO 3 − anions', 'paired with LiFePO4 cathodes, and MnO2, CO2 and NO3 − anions'],
  ['a cathode of LiCoO 2.', 'a cathode of LiCoO2.'],
  // Not element symbols, a charge, or a number that goes on: left as written.
  ['JHEP 10 and QIIME 2 and Zn 2+ ions', 'JHEP 10 and QIIME 2 and Zn 2+ ions'],
  ['NiO 4.5 nm thick, Figure 2 shows', 'NiO 4.5 nm thick, Figure 2 shows'],
  ['In 2023 we', 'In 2023 we'],
])('a formula\'s last count printed apart is joined: %s', (text, joined) => {
  expect(joinLoneCounts(text)).toBe(joined);
});
