import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { joinSpacedSuperscripts } from './superscript-spacing.ts';

describe('joinSpacedSuperscripts', () => {
  // Phrases of the shared corpus's OpenAlex records (Wiley abstracts stored without their <sup> markup).
  test.each([
    ['a Li + transference number of 0.56', 'a Li+ transference number of 0.56'],
    ['sluggish Zn 2+ transport kinetics', 'sluggish Zn2+ transport kinetics'],
    ['(>4.9 V vs Li + /Li), broad compatibility', '(>4.9 V vs Li+/Li), broad compatibility'],
    ['uniform lithium-ion (Li + ) deposition', 'uniform lithium-ion (Li+) deposition'],
    ['Fast Li + , Na + , and Al 3+ transport', 'Fast Li+, Na+, and Al3+ transport'],
    ['a highly reversible Fe 3+ /Fe 4+ ‐dominated charge', 'a highly reversible Fe3+/Fe4+‐dominated charge'],
    ['strong Li + ‐solvent binding', 'strong Li+‐solvent binding'],
    ['an initial discharge capacity of 766 mAh g − 1 and', 'an initial discharge capacity of 766 mAh g−1 and'],
    ['an ionic conductivity of 0.158 mS cm −1 at 30°C', 'an ionic conductivity of 0.158 mS cm−1 at 30°C'],
    // An electrocatalysis paper's Tafel slope (openalex:W7166663079 and others of the corpus).
    ['a Tafel slope of 92.4 mV dec −1 and', 'a Tafel slope of 92.4 mV dec−1 and'],
    ['of 7.1 mg cm −2 , the battery', 'of 7.1 mg cm−2, the battery'],
    ['(0.5 mA cm −2 /1.0 mAh cm −2 ). More', '(0.5 mA cm−2/1.0 mAh cm−2). More'],
    ['a yield of 20.1 µg h −1 mg −1 and', 'a yield of 20.1 µg h−1 mg−1 and'],
    ['of 334 Wh kg −1 , markedly', 'of 334 Wh kg−1, markedly'],
    ['an energy density of 456.7 Wh kg⁻ 1 at 0.1 C', 'an energy density of 456.7 Wh kg⁻1 at 0.1 C'],
    // Units joined by a middle dot, and newtons.
    ['energy density (993.8 Wh·kg − 1 ) and', 'energy density (993.8 Wh·kg−1) and'], ['cycles at 5 A·g −1 . In', 'cycles at 5 A·g−1. In'],
    ['a low line load (50 N mm − 1 ).', 'a low line load (50 N mm−1).'],
    // A power of ten after a number and a multiplication sign.
    ['conductivity (8.4 × 10 −4 S cm −1 ), and', 'conductivity (8.4 × 10−4 S cm−1), and'],
    ['from 1.785 × 10 −7 to 2.823 × 10 −6 S cm −1 after', 'from 1.785 × 10−7 to 2.823 × 10−6 S cm−1 after'],
    ['up to p = 1.4 × 10 –2 Pa and', 'up to p = 1.4 × 10−2 Pa and'],
    // A minus printed as an en dash or a figure dash, apart or not (corpus abstracts): "cm–2" reads as a range.
    ['at 1.35 mA cm –2 for', 'at 1.35 mA cm−2 for'], ['of 505 Wh kg –1 and', 'of 505 Wh kg−1 and'],
    ['of 1.56 mS cm‒1 and 322.7 Wh kg‒1.', 'of 1.56 mS cm−1 and 322.7 Wh kg−1.'], ['exceeding 800 Wh L ‒1 .', 'exceeding 800 Wh L−1.'],
    ['(4.2 × 10 ‒4 S cm ‒1 )', '(4.2 × 10−4 S cm−1)'],
    // A charge's count set apart from its plus, a capacity's "mA h" (corpus abstracts).
    ['of Mg 2 + sites, while', 'of Mg2+ sites, while'], ['Mn 3 + ‐induced distortion', 'Mn3+‐induced distortion'],
    ['of 110 mA h g –1 at 0.1 C', 'of 110 mA h g−1 at 0.1 C'],
  ])('%s', (input, expected) => {
    expect(joinSpacedSuperscripts(input)).toBe(expected);
  });

  test.each([
    // A sum of two elements, a tolerance, arithmetic, a figure panel, text already joined.
    ['mixing Li + Na in the lattice', 'mixing Li + Na in the lattice'],
    ['Tmax = 950 K +/- 50K, and', 'Tmax = 950 K +/- 50K, and'],
    ['a ratio of 10 − 2 to 1', 'a ratio of 10 − 2 to 1'],
    ['as Fig. 2 − 1 shows', 'as Fig. 2 − 1 shows'],
    ['Li+ flux of 1 mA cm−2', 'Li+ flux of 1 mA cm−2'],
    // A symbol that is a word: "I + II" is not iodine.
    ['phases I + II coexist', 'phases I + II coexist'],
  ])('leaves "%s" alone', (input, expected) => {
    expect(joinSpacedSuperscripts(input)).toBe(expected);
  });

  const spaced = fc.string({ unit: fc.constantFrom('Li', 'Zn', 'K', ' ', '+', '2', '−', '-', 'mAh', 'g', 'cm', ',', ')', '/', 'x') });
  prop.prop([spaced], { numRuns: 3000 })('is idempotent', (text) => {
    const once = joinSpacedSuperscripts(text);
    expect(joinSpacedSuperscripts(once)).toBe(once);
  });

  prop.prop([spaced], { numRuns: 3000 })('only removes spaces: the letters, digits and marks stay, in order', (text) => {
    expect(joinSpacedSuperscripts(text).replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });
});
