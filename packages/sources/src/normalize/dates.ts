import { quoteValue } from './controls.ts';

// Feeds date their items in RFC 822 (RSS), ISO 8601 (Atom, arXiv, OpenAlex, dc:date) or Crossref
// date-parts; Paper.published wants ISO 8601. Dates with a time keep their offset, so the day the
// publisher meant stays the day we show (Thu, 28 Nov 2024 00:00:00 -0500 -> 2024-11-28T00:00:00-05:00).

export type DateResult = { ok: true; value: string } | { ok: false; problem: string };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Items dated further ahead than this are wrong (a typo'd year, a placeholder), not early. */
export const MAX_FUTURE_MS = 2 * DAY_MS;
export const MIN_YEAR = 1900;

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const zones: Readonly<Record<string, string>> = {
  GMT: 'Z', UT: 'Z', UTC: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00',
  MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00', CET: '+01:00', CEST: '+02:00', BST: '+01:00',
};

const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const rfc822 = /^(?:[A-Za-z]{2,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([A-Za-z]{1,5}|[+-]\d{4}))?)?$/;
const monthFirst = /^([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  time?: { h: number; m: number; s: number; zone: string | null };
}

/**
 * A feed's date as ISO 8601: `YYYY-MM-DD` for a date, `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`) for a
 * date-time. A missing month or day is taken as the first (`2024` -> `2024-01-01`). Dates before 1900,
 * impossible dates and dates more than two days after `now` are refused with the reason.
 */
export function parseDate(raw: string, now: Date): DateResult {
  const text = raw.trim();
  const parts = isoParts(text) ?? rfc822Parts(text) ?? monthFirstParts(text);
  if (parts === null) return { ok: false, problem: `expected a date, saw ${quoteValue(raw)}` };
  if (parts === 'zone') return { ok: false, problem: `unknown time zone, saw ${quoteValue(raw)}` };
  return checked(parts, raw, now);
}

/**
 * Crossref's `{ "date-parts": [[2024, 11, 28]] }` (month and day optional). Null when there is no date:
 * Crossref writes `[[null]]` for works without one.
 */
export function parseDateParts(value: unknown, now: Date): DateResult | null {
  const first: unknown = (value as { 'date-parts'?: unknown } | null)?.['date-parts'];
  const parts = Array.isArray(first) ? (first[0] as unknown) : undefined;
  if (!Array.isArray(parts) || parts.length === 0 || parts[0] === null || parts[0] === undefined) return null;
  const [year, month = 1, day = 1] = parts as unknown[];
  if (![year, month, day].every((n) => Number.isInteger(n))) {
    return { ok: false, problem: `expected date-parts [year, month, day], saw ${JSON.stringify(parts)}` };
  }
  return checked({ year: year as number, month: month as number, day: day as number }, JSON.stringify(parts), now);
}

function isoParts(text: string): Parts | null {
  const m = iso.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const parts: Parts = { year: Number(y), month: Number(mo ?? 1), day: Number(d ?? 1) };
  if (h !== undefined && mi !== undefined) {
    parts.time = { h: Number(h), m: Number(mi), s: Number(s ?? 0), zone: zone === undefined ? null : offset(zone) };
  }
  return parts;
}

function rfc822Parts(text: string): Parts | 'zone' | null {
  const m = rfc822.exec(text);
  if (!m) return null;
  const [, d, monthName, y, h, mi, s, zone] = m;
  const month = monthIndex(monthName);
  if (month === null) return null;
  // RFC 2822 4.3: two-digit years below 50 are 20xx.
  const year = y?.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
  const parts: Parts = { year, month, day: Number(d) };
  if (h !== undefined && mi !== undefined) {
    let z: string | null = null;
    if (zone !== undefined) {
      z = /^[+-]\d{4}$/.test(zone) ? offset(zone) : (zones[zone.toUpperCase()] ?? null);
      if (z === null) return 'zone';
    }
    parts.time = { h: Number(h), m: Number(mi), s: Number(s ?? 0), zone: z };
  }
  return parts;
}

function monthFirstParts(text: string): Parts | null {
  const m = monthFirst.exec(text);
  if (!m) return null;
  const month = monthIndex(m[1]);
  return month === null ? null : { year: Number(m[3]), month, day: Number(m[2] ?? 1) };
}

function monthIndex(name: string | undefined): number | null {
  const at = months.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return at === -1 ? null : at + 1;
}

function offset(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.slice(1).replace(':', '').padEnd(4, '0');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function checked(p: Parts, raw: string, now: Date): DateResult {
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const probe = new Date(0);
  probe.setUTCFullYear(p.year, p.month - 1, p.day); // Date.UTC would read years 0–99 as 1900–1999
  const real = probe.getUTCFullYear() === p.year && probe.getUTCMonth() === p.month - 1 && probe.getUTCDate() === p.day;
  const t = p.time;
  if (!real || (t && (t.h > 23 || t.m > 59 || t.s > 60))) {
    return { ok: false, problem: `expected a real calendar date, saw ${quoteValue(raw)}` };
  }
  if (p.year < MIN_YEAR) return { ok: false, problem: `date before ${MIN_YEAR}, saw ${quoteValue(raw)}` };
  const value = t ? `${date}T${pad(t.h)}:${pad(t.m)}:${pad(Math.min(t.s, 59))}${t.zone ?? ''}` : date;
  const instant = t && t.zone !== null ? Date.parse(value) : probe.getTime();
  if (instant - now.getTime() > MAX_FUTURE_MS) {
    return { ok: false, problem: `date more than 2 days after ${now.toISOString().slice(0, 10)}, saw ${quoteValue(raw)}` };
  }
  return { ok: true, value };
}
