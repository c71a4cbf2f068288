import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { parseDate, parseDateParts } from './dates.ts';

const now = new Date('2026-11-25T12:00:00Z');

describe('parseDate', () => {
  test.each([
    // RSS pubDate as arXiv, ACS and Elsevier write it
    ['Thu, 28 Nov 2024 00:00:00 -0500', '2024-11-28T00:00:00-05:00'],
    ['Sat, 22 Aug 2026 01:02:08 GMT', '2026-08-22T01:02:08Z'],
    ['Thu, 02 Jul 2026 05:00:19 PDT', '2026-07-02T05:00:19-07:00'],
    ['28 Nov 24 10:00 +0100', '2024-11-28T10:00:00+01:00'],
    ['Mon, 3 Jun 1999 10:00 EST', '1999-06-03T10:00:00-05:00'],
    // ISO from Atom, dc:date, OpenAlex
    ['2024-11-28', '2024-11-28'],
    ['2011-11-08T18:48:36Z', '2011-11-08T18:48:36Z'],
    ['2016-10-09T00:00:00-04:00', '2016-10-09T00:00:00-04:00'],
    ['2024-01-15T10:00:00.123+0200', '2024-01-15T10:00:00+02:00'],
    ['2024-01-15 10:00', '2024-01-15T10:00:00'],
    ['2014-2-5', '2014-02-05'],
    ['2024-11', '2024-11-01'],
    ['2024', '2024-01-01'],
    // Written out
    ['January 15, 2024', '2024-01-15'],
    ['15 January 2024', '2024-01-15'],
    ['November 2026', '2026-11-01'],
    // Up to two days ahead is allowed: time zones and publishers' clocks
    ['2026-11-27', '2026-11-27'],
  ])('%s -> %s', (raw, iso) => {
    expect(parseDate(raw, now)).toEqual({ ok: true, value: iso });
  });

  test.each([
    ['foo', 'expected a date, saw "foo"'],
    ['', 'expected a date, saw ""'],
    ['2024-13-01', 'expected a real calendar date, saw "2024-13-01"'],
    ['2024-02-30', 'expected a real calendar date, saw "2024-02-30"'],
    ['2024-01-01T25:00:00Z', 'expected a real calendar date, saw "2024-01-01T25:00:00Z"'],
    ['1899-12-31', 'date before 1900, saw "1899-12-31"'],
    ['0001-01-01', 'date before 1900, saw "0001-01-01"'],
    ['2026-11-28', 'date more than 2 days after 2026-11-25, saw "2026-11-28"'],
    ['Fri, 01 Jan 2100 00:00:00 GMT', 'date more than 2 days after 2026-11-25, saw "Fri, 01 Jan 2100 00:00:00 GMT"'],
    ['Thu, 28 Nov 2024 00:00:00 XYZ', 'unknown time zone, saw "Thu, 28 Nov 2024 00:00:00 XYZ"'],
  ])('%j is refused', (raw, problem) => {
    expect(parseDate(raw, now)).toEqual({ ok: false, problem });
  });

  const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: now, noInvalidDate: true })
    .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

  prop.prop([instant])('an RFC 822 date (toUTCString) keeps its instant', (d) => {
    const result = parseDate(d.toUTCString(), now);
    expect(result.ok && Date.parse(result.value)).toBe(d.getTime());
  });

  prop.prop([instant])('an ISO date-time keeps its instant', (d) => {
    const result = parseDate(d.toISOString(), now);
    expect(result.ok && Date.parse(result.value)).toBe(d.getTime());
  });

  prop.prop([instant])('a date alone comes back as itself', (d) => {
    const day = d.toISOString().slice(0, 10);
    expect(parseDate(day, now)).toEqual({ ok: true, value: day });
  });

  prop.prop([fc.string()])('is idempotent: its output parses to itself', (raw) => {
    const once = parseDate(raw, now);
    if (once.ok) expect(parseDate(once.value, now)).toEqual(once);
    else expect(once.problem.endsWith(`saw "${raw}"`)).toBe(true);
  });

  prop.prop([fc.date({ min: new Date('2026-11-28T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })])(
    'dates more than two days ahead are refused', (d) => {
      expect(parseDate(d.toISOString().slice(0, 10), now).ok).toBe(false);
    });
});

describe('parseDateParts', () => {
  test.each([
    [{ 'date-parts': [[2014, 2, 11]] }, { ok: true, value: '2014-02-11' }],
    [{ 'date-parts': [[2010, 2]] }, { ok: true, value: '2010-02-01' }],
    [{ 'date-parts': [[2014]] }, { ok: true, value: '2014-01-01' }],
    [{ 'date-parts': [[1863, 1, 1]] }, { ok: false, problem: 'date before 1900, saw "[1863,1,1]"' }],
    [{ 'date-parts': [[2014, 'x']] }, { ok: false, problem: 'expected date-parts [year, month, day], saw [2014,"x"]' }],
  ])('%j', (value, result) => {
    expect(parseDateParts(value, now)).toEqual(result);
  });

  test.each([[{ 'date-parts': [[null]] }], [undefined], [null], [{}], [{ 'date-parts': [] }]])('%j is no date', (value) => {
    expect(parseDateParts(value, now)).toBeNull();
  });
});
