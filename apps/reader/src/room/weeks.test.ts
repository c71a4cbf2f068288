import { expect, test } from 'vitest';
import { digestsAround, formatWeek, shiftWeek } from './weeks.ts';
import { sampleIndex } from '../../test/sample-digests.ts';

test('weeks step across a year end, and a non-week stays as it is', () => {
  // 2026 has 53 ISO weeks (it starts on a Thursday); 2025 has 52.
  expect([shiftWeek('2026-W35', -1), shiftWeek('2026-W35', 1), shiftWeek('2026-W53', 1), shiftWeek('2027-W01', -1), shiftWeek('nope', 1)])
    .toEqual(['2026-W34', '2026-W36', '2027-W01', '2026-W53', 'nope']);
  expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
});

test('a week reads as its number and its Monday to Sunday', () => {
  expect(formatWeek('2026-W35')).toBe('Week 35 · 24 Aug – 30 Aug 2026');
  expect(formatWeek('2026-W01')).toBe('Week 1 · 29 Dec – 4 Jan 2026');
  expect(formatWeek('nope')).toBe('nope');
});

test('the digests a week\'s stars come from: the test archive\'s three for its last week, none a year on', () => {
  expect(digestsAround(sampleIndex.digests, '2026-W35').map((d) => d.date)).toEqual(['2026-08-24', '2026-08-17', '2026-08-10']);
  // Week 33 is 10 to 16 Aug: its own digest and the next week's.
  expect(digestsAround(sampleIndex.digests, '2026-W33').map((d) => d.date)).toEqual(['2026-08-17', '2026-08-10']);
  expect(digestsAround(sampleIndex.digests, '2026-W35', 1).map((d) => d.date)).toEqual(['2026-08-24']);
  expect(digestsAround(sampleIndex.digests, '2027-W35')).toEqual([]);
});
