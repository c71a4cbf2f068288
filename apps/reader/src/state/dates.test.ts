import { describe, expect, test } from 'vitest';
import { formatCount, formatDay, formatMonth, formatShortDay, formatWindow } from './dates.ts';

// The hand-written formats must read as Intl's en-GB ones did (the reader used to call Intl).
const intl = (options: Intl.DateTimeFormatOptions) => (day: string) =>
  new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2025, 11, 20 + i)).toISOString().slice(0, 10));

describe('dates agree with Intl en-GB', () => {
  test('every day of a year and more', () => {
    expect(days.length).toBe(400);
    const shortDay = intl({ day: 'numeric', month: 'short', year: 'numeric' });
    const dayMonth = intl({ day: 'numeric', month: 'short' });
    const month = intl({ month: 'long', year: 'numeric' });
    const weekday = intl({ weekday: 'short' });
    for (const day of days) {
      expect(formatShortDay(day), day).toBe(shortDay(day));
      expect(formatDay(day), day).toBe(`${weekday(day)} ${shortDay(day)}`);
      expect(formatMonth(day), day).toBe(month(day));
      expect(formatWindow(day, day), day).toBe(`${dayMonth(day)} – ${shortDay(day)}`);
    }
  });
});

describe('dates', () => {
  test('examples', () => {
    expect(formatDay('2026-06-08')).toBe('Mon 8 Jun 2026');
    expect(formatShortDay('2026-09-01T10:00:00Z')).toBe('1 Sept 2026');
    expect(formatMonth('2026-08-17')).toBe('August 2026');
    expect(formatWindow('2026-06-01', '2026-06-07')).toBe('1 Jun – 7 Jun 2026');
    expect(formatWindow(null, '2026-06-07')).toBe('until 7 Jun 2026');
    expect(formatWindow('2026-06-01', null)).toBe('since 1 Jun 2026');
    expect(formatWindow(null, null)).toBe(null);
  });

  test('text that is not a day is shown as it is', () => {
    expect(formatDay('soon')).toBe('soon');
    expect(formatShortDay('soon')).toBe('soon');
    expect(formatShortDay(null)).toBe('');
  });

  test('counts', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_234_567]) expect(formatCount(n)).toBe(n.toLocaleString('en-GB'));
  });
});
