import { test as fcTest, fc } from '@fast-check/vitest';
import { expect, test } from 'vitest';
import { badIsoWeek, isoWeek, isoWeekRange } from './iso-week.ts';

test.each([
  ['2026-06-08T09:15:02.123Z', '2026-W24'], // a Monday
  ['2026-06-14T23:59:59.999Z', '2026-W24'], // its Sunday, last instant
  ['2026-06-15T00:00:00.000Z', '2026-W25'],
  ['2026-12-03T12:00:00Z', '2026-W49'],
  ['2027-01-01T00:00:00Z', '2026-W53'], // 2026 has 53 weeks: it starts on a Thursday
  ['2025-12-29T08:00:00Z', '2026-W01'], // Monday of the week that holds 2026's first Thursday
  ['2021-01-03T10:00:00Z', '2020-W53'],
  ['2026-06-08T01:00:00+02:00', '2026-W23'], // Sunday 23:00 UTC: weeks are counted in UTC
])('isoWeek(%s) is %s', (time, week) => {
  expect(isoWeek(time)).toBe(week);
});

test('isoWeekRange gives Monday 00:00 UTC to the next Monday, and null for a week that does not exist', () => {
  expect(isoWeekRange('2026-W49')).toEqual({ start: new Date('2026-11-30T00:00:00Z'), end: new Date('2026-12-07T00:00:00Z') });
  expect(isoWeekRange('2026-W01')).toEqual({ start: new Date('2025-12-29T00:00:00Z'), end: new Date('2026-01-05T00:00:00Z') });
  expect(isoWeekRange('2026-W53')).toEqual({ start: new Date('2026-12-28T00:00:00Z'), end: new Date('2027-01-04T00:00:00Z') });
  expect([isoWeekRange('2025-W53'), isoWeekRange('2026-W00'), isoWeekRange('2026-W54'), isoWeekRange('2026-49'), isoWeekRange('2026-W4')])
    .toEqual([null, null, null, null, null]);
});

fcTest.prop([fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })])(
  'every time lies in the range of its week', (date) => {
    const range = isoWeekRange(isoWeek(date));
    expect(range !== null && range.start <= date && date < range.end).toBe(true);
  },
);

test('a week past its year\'s last says how many weeks the year has', () => {
  expect(badIsoWeek('2027-W53')).toBe('2027 has 52 ISO weeks (W01–W52), saw "2027-W53"');
  expect(badIsoWeek('2026-W54')).toBe('2026 has 53 ISO weeks (W01–W53), saw "2026-W54"');
  expect(badIsoWeek('W24')).toBe('expected an ISO week like 2026-W49, saw "W24"');
});
