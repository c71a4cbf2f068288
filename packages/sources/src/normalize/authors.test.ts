import { describe, expect, test } from 'vitest';
import { personName, splitAuthorList } from './authors.ts';

describe('splitAuthorList', () => {
  test('arXiv listing: affiliations in parentheses are dropped, commas inside them ignored', () => {
    expect(splitAuthorList('Aleteia Araujo (University of Brasilia Brazil, The University of Melbourne Australia), '
      + 'Breno Costa (University of Brasilia Brazil), Joao Bachiega Jr (University of Brasilia Brazil)'))
      .toEqual(['Aleteia Araujo', 'Breno Costa', 'Joao Bachiega Jr']);
  });

  test('" and " inside an affiliation does not split', () => {
    expect(splitAuthorList('Jadelynn Dao (Andrew and Peggy Cherng Department of Medical Engineering), Ruixiao Liu'))
      .toEqual(['Jadelynn Dao', 'Ruixiao Liu']);
  });

  test('LaTeX accents in names', () => {
    expect(splitAuthorList("G. Roepke, Yu. B. Ivanov, C. Bal\\'azs, P. Erd\\H{o}s"))
      .toEqual(['G. Roepke', 'Yu. B. Ivanov', 'C. Balázs', 'P. Erdős']);
  });

  test('bioRxiv "SURNAME, I." pairs', () => {
    expect(splitAuthorList(" LAPALU, N., SIMON, A., Lu, A., Plaumann, P.-L., O'Connell, R. J. "))
      .toEqual(['N. LAPALU', 'A. SIMON', 'A. Lu', 'P.-L. Plaumann', "R. J. O'Connell"]);
  });

  test('RSC ";" lists', () => {
    expect(splitAuthorList('Laxman D. Khalse; William DeSnoo; Yin-Peng Lou', ';'))
      .toEqual(['Laxman D. Khalse', 'William DeSnoo', 'Yin-Peng Lou']);
  });

  test('" and " before the last name, empty parts dropped', () => {
    expect(splitAuthorList('A. One, , B. Two and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
  });
});

describe('personName', () => {
  test.each([
    ['Sankar, Martial', 'Martial Sankar'],
    ['Toparlar,Y.', 'Y. Toparlar'],
    ['Hardtke, Christian S', 'Christian S Hardtke'],
    ['{\\"O}zt{\\"u}rk, Ay{\\c{s}}e', 'Ayşe Öztürk'],
    ['  Lesley Evans Ogden ', 'Lesley Evans Ogden'],
    ['Consortium,', 'Consortium'],
  ])('%s -> %s', (raw, name) => {
    expect(personName(raw)).toBe(name);
  });
});
