import { expect, test } from 'vitest';
import { acronymsDefined, expansionBefore } from './acronym-definitions.ts';

test('the words before an acronym in brackets that spell it, small words passed over, a hyphenated word\'s parts each a letter', () => {
  const words = (text: string) => text.split(' ');
  expect(expansionBefore(words('we use the density matrix renormalization group'), 'DMRG')).toBe('density matrix renormalization group');
  expect(expansionBefore(words('ansatz of projected entangled-pair states'), 'PEPS')).toBe('projected entangled-pair states');
  expect(expansionBefore(words('the estimated state of charge'), 'SOC')).toBe('state of charge');
  expect(expansionBefore(words('catalysts for the oxygen reduction reaction'), 'ORR')).toBe('oxygen reduction reaction');
  expect(expansionBefore(words('a new method'), 'TASK')).toBeUndefined();
  expect(expansionBefore(words('of the group'), 'MLIP')).toBeUndefined();
});

test('the acronyms own papers define, at least twice, with the phrase most write; those labdigest knows are left out', () => {
  const papers = [
    { title: 'Fe-N-C catalysts for the oxygen reduction reaction (ORR)', abstract: 'Density functional theory (DFT) shows …' },
    { title: 'Dual sites', abstract: 'Boosting the oxygen reduction reaction (ORR) and the hydrogen evolution reaction (HER) in alkaline media.' },
    { title: 'Nitrate', abstract: 'The oxygen reduction reactions (ORRs) at low overpotential.' },
  ];
  expect(acronymsDefined(papers)).toEqual({ ORR: ['oxygen reduction reaction'] });
  expect(acronymsDefined(papers, 1)).toEqual({ HER: ['hydrogen evolution reaction'], ORR: ['oxygen reduction reaction'] });
  // Two meanings in the papers: neither is written into the config.
  const mixed = [{ title: 'Boron nitride (BN) sheets', abstract: null }, { title: 'Spiking biological neurons (BN) in silico', abstract: null }];
  expect(acronymsDefined(mixed)).toEqual({});
});
