// Digest days are calendar dates (YYYY-MM-DD) with no time zone: format them in UTC so a reader
// west of Greenwich does not see the day before.

const long = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const full = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function parseDay(day: string): Date | null {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Mon 8 Jun 2026" (some ICU versions put a comma after the weekday; we never do). */
export function formatDay(day: string): string {
  const date = parseDay(day);
  if (!date) return day;
  const part = (type: Intl.DateTimeFormatPartTypes) => long.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

const shortDays = new Map<string, string>();

/** "8 Jun 2026" (cached: a digest repeats the same few days, and Intl formatting is slow on phones) */
export function formatShortDay(day: string | null): string {
  if (!day) return '';
  let text = shortDays.get(day);
  if (text === undefined) {
    const date = parseDay(day);
    shortDays.set(day, (text = date ? full.format(date) : day));
  }
  return text;
}

/** "1–7 Jun 2026" for a digest's window, or null when it has none. */
export function formatWindow(since: string | null, until: string | null): string | null {
  const from = since ? parseDay(since) : null;
  const to = until ? parseDay(until) : null;
  if (from && to) return `${short.format(from)} – ${full.format(to)}`;
  if (from) return `since ${full.format(from)}`;
  if (to) return `until ${full.format(to)}`;
  return null;
}
