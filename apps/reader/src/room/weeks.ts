// The group views go week by week, as the meeting does: ISO weeks in UTC (core's iso-week.ts, the
// same the server counts nominations by).
import { isoWeek, isoWeekRange } from '@labdigest/core';
import { formatWindow } from '../state/dates.ts';

const WEEK_MS = 7 * 86_400_000;

/** The week `by` weeks after `week` (before, when negative); the week itself when it is not one. */
export function shiftWeek(week: string, by: number): string {
  const range = isoWeekRange(week);
  return range ? isoWeek(new Date(range.start.getTime() + by * WEEK_MS)) : week;
}

/** "Week 35 · 24 Aug – 30 Aug 2026" */
export function formatWeek(week: string): string {
  const range = isoWeekRange(week);
  if (!range) return week;
  const last = new Date(range.end.getTime() - 86_400_000);
  return `Week ${Number(week.slice(6))} · ${formatWindow(range.start.toISOString(), last.toISOString())}`;
}

/**
 * The digests that may hold a paper starred in `week`: dated from four weeks before it to a week
 * after (a paper is starred from a recent digest), newest first, at most `max`.
 */
export function digestsAround<T extends { readonly date: string }>(digests: readonly T[], week: string, max = 5): T[] {
  const range = isoWeekRange(week);
  if (!range) return [];
  const from = new Date(range.start.getTime() - 4 * WEEK_MS).toISOString().slice(0, 10);
  const to = new Date(range.end.getTime() + WEEK_MS).toISOString().slice(0, 10);
  return digests.filter((d) => d.date >= from && d.date < to).slice(0, max);
}
