import { expect, test } from 'vitest';
import { listOf, possessive } from './english.ts';

test('lists without a serial comma, as the digest writes', () => {
  expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(listOf)).toEqual(['', 'a', 'a and b', 'a, b and c']);
});

test('possessives of names, the group\'s included', () => {
  expect(['Naibing Wu', 'DENG.Group', 'Thomas'].map(possessive)).toEqual(["Naibing Wu's", "DENG.Group's", "Thomas'"]);
});
