import { localDay, startOfDay, type DigestIndex } from '@labdigest/core';
import { UsageError } from '../errors.ts';
import { badDate, parseDate } from '../options.ts';

export interface DigestWindow {
  /** Papers first seen at or after this instant (ISO). */
  readonly since: string;
  /** ... and before this one (ISO). */
  readonly until: string;
  /** The digest's day, YYYY-MM-DD: the day `until` falls on in the group's time zone (a bare `--until`'s day). */
  readonly date: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** A date option's value as an instant (options.ts reads it); a bad value is a usage error naming the option. */
function dateOption(value: string, option: string): Date {
  const date = parseDate(value);
  if (date === null) throw new UsageError(`${option}: ${badDate(value)}`);
  return date;
}

/**
 * The window of a digest: what the options say, else papers first seen since the last digest's
 * window ended, else the last `defaultDays` days. `until` defaults to now.
 */
export function digestWindow(input: {
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly now: Date;
  readonly index: DigestIndex;
  readonly lastUntil?: string | null | undefined;
  /** What `lastUntil` is, for a message: "the end of the last digest" (the default). */
  readonly lastUntilIs?: string | undefined;
  readonly defaultDays?: number;
  /** The group's time zone (`groupTimeZone`): bare dates are its days; UTC when not given. */
  readonly zone?: string | undefined;
}): DigestWindow {
  const zone = input.zone ?? 'UTC';
  const until = input.until ? zonedOption(input.until, '--until', zone) : input.now;
  // A bare --until date means "up to the end of that day", the group's day.
  const bareUntil = input.until !== undefined && BARE_DATE.test(input.until);
  const end = bareUntil ? startOfDay(nextDay(input.until as string), zone) : until;
  let since: Date;
  if (input.since) since = zonedOption(input.since, '--since', zone);
  // A digest file edited by hand may hold anything in its window: such a start is no start.
  else if (input.lastUntil && !Number.isNaN(Date.parse(input.lastUntil))) since = new Date(input.lastUntil);
  else since = new Date(end.getTime() - (input.defaultDays ?? 7) * DAY);
  if (since.getTime() >= end.getTime()) throw new UsageError(emptyWindow(input, since));
  return { since: since.toISOString(), until: end.toISOString(), date: digestDay(input.until, input.now, zone) as string };
}

/**
 * The day a digest ending at --until (else now) is dated by, in the group's time zone: a bare date is
 * that day. Undefined for an --until that is no date (`digestWindow` says why).
 */
export function digestDay(until: string | undefined, now: Date, zone: string): string | undefined {
  if (until === undefined) return localDay(now, zone);
  if (BARE_DATE.test(until)) return until;
  const instant = parseDate(until);
  return instant === null ? undefined : localDay(instant, zone);
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date option as an instant: a bare date is where that day starts in the group's zone, a time as written. */
function zonedOption(value: string, option: string, zone: string): Date {
  const date = dateOption(value, option);
  return BARE_DATE.test(value) ? startOfDay(value, zone) : date;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** `2026-12-06 14:22 UTC`: an instant as a message shows it. */
const shown = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Why a window is empty, blaming only what the user gave: without --since the start is where the
 * archive's last digest stopped, and without --until the end is now.
 */
function emptyWindow(input: Parameters<typeof digestWindow>[0], since: Date): string {
  const end = input.until ? `--until ${input.until}` : `now (${shown(input.now)})`;
  if (input.since) return `the window is empty: --since ${input.since} is not before ${end}`;
  const start = `${input.lastUntilIs ?? 'the end of the last digest'} (${shown(since)}), where this window starts`;
  return input.until ? `${end} is before ${start}: pass --since too` : `${start}, is not before ${end}: pass --since and --until`;
}
