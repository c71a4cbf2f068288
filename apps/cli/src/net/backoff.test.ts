import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { backoffMs, formatDuration, formatMegabytes, retryAfterMs } from './backoff.ts';
import { redactSecrets } from './redact.ts';

describe('backoffMs', () => {
  test('doubles per retry up to the maximum', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, () => 1, 1000, 8000))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
  prop.prop([fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })])(
    'stays between half and all of its ceiling', (attempt, r) => {
      const ceiling = Math.min(60_000, 1000 * 2 ** (attempt - 1));
      const ms = backoffMs(attempt, () => r);
      expect(ms >= ceiling / 2 && ms <= ceiling).toBe(true);
    });
});

test.each([
  ['120', 120_000],
  [' 0 ', 0],
  ['Mon, 01 Jun 2026 06:01:00 GMT', 60_000],
  ['Mon, 01 Jun 2026 05:00:00 GMT', 0],
  ['soon', null],
  [null, null],
])('retryAfterMs(%j)', (header, expected) => {
  expect(retryAfterMs(header, Date.parse('2026-06-01T06:00:00Z'))).toBe(expected);
});

test('durations and sizes read naturally', () => {
  expect([200, 3000, 1500, 300_000].map(formatDuration)).toEqual(['200 ms', '3 s', '1.5 s', '5 min']);
  expect([50 * 1024 * 1024, 1024 * 1024, 512 * 1024, 1024].map(formatMegabytes)).toEqual(['50 MB', '1 MB', '0.5 MB', '1 KB']);
});

test('secrets in URLs are redacted, the rest kept', () => {
  expect(redactSecrets('https://api.openalex.org/works?api_key=abc123&mailto=x@y.z'))
    .toBe('https://api.openalex.org/works?api_key=REDACTED&mailto=x@y.z');
  expect(redactSecrets('failed: "https://h/?filter=a&API_KEY=k" then api_key=zzz')).toBe('failed: "https://h/?filter=a&API_KEY=REDACTED" then api_key=REDACTED');
});
