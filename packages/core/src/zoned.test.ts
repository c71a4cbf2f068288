import { expect, test } from 'vitest';
import { isTimeZone, localDay, localWeekday, startOfDay } from './zoned.ts';

test('the day and weekday an instant falls on, in the group\'s zone', () => {
  const morning = new Date('2026-07-20T21:30:00Z'); // 05:30 on Tuesday 21 July in Shanghai
  expect(localDay(morning, 'Asia/Shanghai')).toBe('2026-07-21');
  expect(localDay(morning, 'UTC')).toBe('2026-07-20');
  expect(localDay(morning, 'America/Los_Angeles')).toBe('2026-07-20');
  expect(localWeekday(morning, 'Asia/Shanghai')).toBe(2);
  expect(localWeekday(morning, 'UTC')).toBe(1);
});

test('where a day starts: its local midnight, on either side of a clock change', () => {
  expect(startOfDay('2026-07-21', 'Asia/Shanghai').toISOString()).toBe('2026-07-20T16:00:00.000Z');
  expect(startOfDay('2026-07-21', 'UTC').toISOString()).toBe('2026-07-21T00:00:00.000Z');
  // Berlin: winter (UTC+1) and summer (UTC+2) time, and the days the clocks change.
  expect(startOfDay('2026-01-15', 'Europe/Berlin').toISOString()).toBe('2026-01-14T23:00:00.000Z');
  expect(startOfDay('2026-07-15', 'Europe/Berlin').toISOString()).toBe('2026-07-14T22:00:00.000Z');
  expect(startOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  expect(startOfDay('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  // Where midnight does not exist (Santiago's clocks jump from 00:00 to 01:00 on 6 September 2026).
  const santiago = startOfDay('2026-09-06', 'America/Santiago');
  expect([santiago.toISOString(), localDay(santiago, 'America/Santiago')]).toEqual(['2026-09-06T04:00:00.000Z', '2026-09-06']);
});

test('a zone is an IANA name the runtime knows', () => {
  expect(isTimeZone('Asia/Shanghai')).toBe(true);
  expect(isTimeZone('Asia/Shanghia')).toBe(false);
  expect(isTimeZone('')).toBe(false);
});
