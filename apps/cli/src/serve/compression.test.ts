import { expect, test } from 'vitest';
import { chooseEncoding } from './compression.ts';

test.each([
  ['gzip, deflate, br', 'br'],
  ['br;q=0.5, gzip', 'gzip'],
  ['gzip;q=0.8, br;q=0.8', 'br'],
  ['gzip', 'gzip'],
  ['deflate', undefined],
  ['gzip;q=0, br;q=0', undefined],
  ['*', 'br'],
  ['*;q=0.1, gzip;q=0.5', 'gzip'],
  ['identity', undefined],
  [undefined, undefined],
])('Accept-Encoding %s -> %s', (header, expected) => {
  expect(chooseEncoding(header)).toBe(expected);
});
