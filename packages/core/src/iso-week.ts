// ISO 8601 weeks (`2026-W49`): Monday to Sunday, week 1 holds the year's first Thursday. The group
// meeting's list is per week; weeks are counted in UTC, on the server and the reader alike. No zod
// here (its schema is in api.ts): the reader imports these two, and its bundle must not pull zod in.

const DAY_MS = 86_400_000;

/** The ISO week of a time: `2026-W02`. */
export function isoWeek(time: Date | string): string {
  const date = new Date(time);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = new Date(day).getUTCDay() || 7; // Monday 1 … Sunday 7
  const thursday = new Date(day + (4 - weekday) * DAY_MS); // the week's Thursday decides its year
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week's first and last instants: Monday 00:00 UTC up to (not including) the next Monday. Null for a week that does not exist (`2026-W53`). */
export function isoWeekRange(week: string): { start: Date; end: Date } | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * DAY_MS;
  const start = new Date(monday1 + (n - 1) * 7 * DAY_MS);
  if (n < 1 || isoWeek(start) !== week) return null;
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

/**
 * What is wrong with a week that `isoWeekRange` refuses: `2027 has 52 ISO weeks` for a week past a
 * year's last (a year has 53 when it holds 53 Thursdays), else the form expected.
 */
export function badIsoWeek(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  const shown = `"${[...week].slice(0, 40).join('')}"`;
  if (!match) return `expected an ISO week like 2026-W49, saw ${shown}`;
  const year = Number(match[1]);
  // 28 December is always in its year's last week.
  const weeks = Number(isoWeek(new Date(Date.UTC(year, 11, 28))).slice(6));
  return `${year} has ${weeks} ISO weeks (W01–W${weeks}), saw ${shown}`;
}
