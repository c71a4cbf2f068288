// Digest days are calendar dates (YYYY-MM-DD) with no time zone: format them in UTC so a reader
// west of Greenwich does not see the day before.
// Formatted by hand in British English rather than with Intl.DateTimeFormat: creating the first
// formatter loads ICU data, which took 100–280 ms on a phone-speed CPU before the digest could show.
// The names match en-GB in current ICU ("Sept", no comma after the weekday); dates.test.ts compares.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

function parseDay(day: string): Date | null {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dayMonth = (date: Date) => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''}`;
const dayMonthYear = (date: Date) => `${dayMonth(date)} ${date.getUTCFullYear()}`;

/** "Mon 8 Jun 2026" */
export function formatDay(day: string): string {
  const date = parseDay(day);
  return date ? `${WEEKDAYS[date.getUTCDay()] ?? ''} ${dayMonthYear(date)}` : day;
}

const shortDays = new Map<string, string>();

/** "8 Jun 2026" (cached: a digest's papers share a few dozen days) */
export function formatShortDay(day: string | null): string {
  if (!day) return '';
  let text = shortDays.get(day);
  if (text === undefined) {
    const date = parseDay(day);
    shortDays.set(day, (text = date ? dayMonthYear(date) : day));
  }
  return text;
}

/** "June 2026": the archive's month headings. */
export function formatMonth(day: string): string {
  const date = parseDay(day);
  return date ? `${LONG_MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}` : day;
}

/** "1 Jun – 7 Jun 2026" for a digest's window, or null when it has none. */
export function formatWindow(since: string | null, until: string | null): string | null {
  const from = since ? parseDay(since) : null;
  const to = until ? parseDay(until) : null;
  if (from && to) return `${dayMonth(from)} – ${dayMonthYear(to)}`;
  if (from) return `since ${dayMonthYear(from)}`;
  if (to) return `until ${dayMonthYear(to)}`;
  return null;
}

/** "12,345": counts with British thousands separators, without Intl for the same reason. */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);
}
