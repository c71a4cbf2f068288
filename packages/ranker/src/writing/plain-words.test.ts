import { expect, test } from 'vitest';
import { plainQuantity, withoutHerein, withoutPraise } from './plain-words.ts';

test.each([
  // Real summaries of the audit's digests.
  ['Luo et al. developed PEO/LiTFSI‐Mg1‐xLixF2 composite electrolytes based on a novel electrostatic suspension strategy.',
    'Luo et al. developed PEO/LiTFSI‐Mg1‐xLixF2 composite electrolytes based on an electrostatic suspension strategy.'],
  ['Electrochemically, the LA-modified lithium anode exhibits remarkable stability, sustaining more than 1500 h of cycling.',
    'Electrochemically, the LA-modified lithium anode exhibits stability, sustaining more than 1500 h of cycling.'],
  ['The system exhibits excellent temperature adaptability and interfacial stability.', 'The system exhibits temperature adaptability and interfacial stability.'],
  ['Outstanding rate capability is obtained, with an exceptional Li-ion transference number of 0.71.', 'Rate capability is obtained, with a Li-ion transference number of 0.71.'],
  ['It shows remarkably high conductivity.', 'It shows high conductivity.'],
  // Where the word is the claim itself, or compares, it stays.
  ['The electrolyte is superior to PEO, and the gain is remarkable.', 'The electrolyte is superior to PEO, and the gain is remarkable.'],
  ['A novel approach.', 'An approach.'],
  ['We test 3 models.', 'We test 3 models.'],
  // A note's quantity, as specifics.ts quotes it.
  ['outstanding ionic conductivity of 1.11 mS cm−1', 'ionic conductivity of 1.11 mS cm−1'],
])('%s', (input, expected) => {
  expect(withoutPraise(input)).toBe(expected);
});

test.each([
  // Real (openalex:W7160989599): the third person leaves a "Herein," whose subject is the strategy.
  ['Herein, a “chemical‐structural dual regulation” strategy introduces soft and hard segments into a GPE.', 'A “chemical‐structural dual regulation” strategy introduces soft and hard segments into a GPE.'],
  ['They test it. In this work, machine learning potentials reach DFT accuracy.', 'They test it. Machine learning potentials reach DFT accuracy.'],
  // "we" is the third person's to tell; a "here" inside a sentence stays.
  ['Herein, we design a gel.', 'Herein, we design a gel.'],
  ['The data shown here, in this case, agree.', 'The data shown here, in this case, agree.'],
  ['Herein, α-Li3N coatings form.', 'α-Li3N coatings form.'],
])('%s', (input, expected) => {
  expect(withoutHerein(input)).toBe(expected);
});

test.each([
  // Real notes of `pnpm start`'s digest (6 December 2026).
  ['high ionic conductivity of 1.56 mS cm−1', 'ionic conductivity of 1.56 mS cm−1'],
  ['high stack‐level energy density of 322.7 Wh kg−1', 'stack‐level energy density of 322.7 Wh kg−1'],
  ['ultra-long stable cycle life of over 1700 hours', 'stable cycle life of over 1700 hours'],
  ['enhanced ionic conductivity on the order of 10−4 S cm−1', 'ionic conductivity on the order of 10−4 S cm−1'],
  ['stable cycling over 1900 h', 'stable cycling over 1900 h'],
  // A name that needs the word, or a compound, keeps it; so does a quantity that is only the word and a number.
  ['maximum tolerable current density exceeding 25 mA cm−2', 'maximum tolerable current density exceeding 25 mA cm−2'],
  ['initial discharge capacity of 766 mAh g−1', 'initial discharge capacity of 766 mAh g−1'],
  ['high‐voltage cycling at 4.6 V', 'high‐voltage cycling at 4.6 V'],
  ['high 99.1%', 'high 99.1%'],
])('%s', (input, expected) => {
  expect(plainQuantity(input)).toBe(expected);
});
