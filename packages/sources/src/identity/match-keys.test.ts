import { describe, expect, test } from 'vitest';
import { paper, preprintRecord, journalRecord } from '../../test/records.ts';
import { idsConflict, matchKeys, surnameOf, titleKeyOf } from './match-keys.ts';

describe('matchKeys', () => {
  test('the preprint and journal records of one paper share the title key, not the ids', () => {
    expect(matchKeys(preprintRecord)).toEqual({
      doi: null, arxiv: '2512.16085',
      titleKey: 'machine learning enabled graph analysis of particulate composites application to solid state battery cathodes|li',
    });
    expect(matchKeys(journalRecord)).toEqual({
      doi: '10.1021/acsenergylett.5c04258', arxiv: null,
      titleKey: 'machine learning enabled graph analysis of particulate composites application to solid state battery cathodes|li',
    });
  });

  test('an arXiv DOI is a preprint id, not a DOI', () => {
    expect(matchKeys(paper({ id: 'doi:10.48550/arXiv.2401.01234', title: 'x', doi: '10.48550/arXiv.2401.01234' })))
      .toMatchObject({ doi: null, arxiv: '2401.01234' });
  });

  test('Angewandte’s German edition is matched on the International Edition’s DOI', () => {
    expect(matchKeys(paper({ id: 'openalex:W7201969359', title: 'x', doi: '10.1002/ange.4035251' }))).toMatchObject({ doi: '10.1002/anie.4035251' });
    expect(matchKeys(paper({ id: 'x', title: 'x', doi: 'https://doi.org/10.1002/ANGE.202520110' }))).toMatchObject({ doi: '10.1002/anie.202520110' });
    expect(matchKeys(paper({ id: 'x', title: 'x', doi: '10.1002/anie.202520110' }))).toMatchObject({ doi: '10.1002/anie.202520110' });
    expect(matchKeys(paper({ id: 'x', title: 'x', doi: '10.1002/aenm.202501234' })), 'only that journal').toMatchObject({ doi: '10.1002/aenm.202501234' });
  });

  test('ids come from the id and the URL when the fields are empty; versions are dropped', () => {
    expect(matchKeys(paper({ id: 'doi:10.1000/ABC', title: 'x' }))).toMatchObject({ doi: '10.1000/abc', arxiv: null });
    expect(matchKeys(paper({ id: 'feed:1', title: 'x', url: 'https://arxiv.org/abs/2506.10944v2' }))).toMatchObject({ arxiv: '2506.10944' });
    expect(matchKeys(paper({ id: 'x', title: 'x', arxivId: 'arXiv:2506.10944v3', doi: 'https://doi.org/10.1000/Q' })))
      .toMatchObject({ doi: '10.1000/q', arxiv: '2506.10944' });
  });
});

describe('titleKeyOf', () => {
  test.each([
    ['Ünïcode <i>Titles</i> Fold, to:  ASCII words', 'José Müller', 'unicode titles fold to ascii words|muller'],
    ['Graph Neural Networks for Molecules', 'Smith, Jane', 'graph neural networks for molecules|smith'],
    ['Editorial', 'Jane Smith', null],
    ['A title with enough words', undefined, null],
  ] as const)('%s / %s', (title, author, expected) => {
    expect(titleKeyOf(title, author)).toBe(expected);
  });

  test('surnames: "Surname, Given" and "Given Surname"', () => {
    expect(surnameOf('van der Berg, A.')).toBe('van der berg');
    expect(surnameOf('Jia-Mian Hu')).toBe('hu');
    expect(surnameOf('  ')).toBe('');
    expect(surnameOf(' Marie\tCurie \n')).toBe('curie');
    expect(surnameOf('Hu')).toBe('hu');
  });
});

test('ids conflict only when both sides have one and they differ', () => {
  expect(idsConflict({ doi: '10.1/a', arxiv: null }, { doi: '10.1/b', arxiv: null })).toBe(true);
  expect(idsConflict({ doi: null, arxiv: '2401.1' }, { doi: null, arxiv: '2401.2' })).toBe(true);
  expect(idsConflict({ doi: '10.1/a', arxiv: null }, { doi: null, arxiv: '2401.1' })).toBe(false);
  expect(idsConflict({ doi: '10.1/a', arxiv: '2401.1' }, { doi: '10.1/a', arxiv: null })).toBe(false);
});
