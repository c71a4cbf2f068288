import { WEEKDAYS, chatName, groupTimeZone, localWeekday, memberDelivery, type ChatTarget, type GroupConfig, type Weekday } from '@labdigest/core';
import type { Db } from '../store/open-db.ts';
import { deliveryOf, failedSince, lastSent } from './deliveries.ts';

/**
 * Who gets what in a run of `digest send`, from the config, the archive's days and the deliveries
 * table. Nothing is sent here.
 */

/** A failed delivery is tried again on later runs while its digest is at most this many days old. */
export const RETRY_DAYS = 7;
/** A weekly e-mail covers the digests since the member's last one, at most this many days back. */
export const WEEKLY_MAX_DAYS = 14;

export interface EmailJob {
  readonly kind: 'email';
  readonly member: { readonly name: string; readonly email: string; readonly formerly?: readonly string[] };
  /** The address as the store keys it (lower case). */
  readonly recipient: string;
  readonly cadence: 'daily' | 'weekly';
  /** The digests the e-mail covers, newest first: one unless weekly. */
  readonly dates: readonly string[];
}

export interface ChatJob {
  readonly kind: 'chat';
  readonly chat: ChatTarget;
  readonly recipient: string;
  readonly date: string;
}

export type Job = EmailJob | ChatJob;

/** A recipient with nothing to send in this run, and why. */
export interface Skipped {
  readonly channel: string;
  readonly recipient: string;
  readonly date: string | null;
  readonly status: 'already sent' | 'not due' | 'off';
  readonly note: string;
}

export interface PlanInput {
  readonly config: GroupConfig;
  readonly db: Db;
  /** The newest digest to deliver (YYYY-MM-DD). */
  readonly target: string;
  /** The digest was named with --digest: deliver it alone, without retrying older failures. */
  readonly explicit: boolean;
  /** Days of the archive's digests that may be delivered (not sample data, not empty). */
  readonly deliverable: readonly string[];
  readonly now: Date;
  readonly only?: 'email' | 'chat' | undefined;
}

export function planDeliveries(input: PlanInput): { jobs: Job[]; skipped: Skipped[] } {
  const jobs: Job[] = [];
  const skipped: Skipped[] = [];
  const { config, db, target, explicit, now } = input;
  const deliverable = new Set(input.deliverable);
  const sent = (date: string, channel: string, recipient: string) => deliveryOf(db, { digestDate: date, channel, recipient })?.status === 'sent';
  /** The target, then (unless explicit) the failed deliveries still owed, oldest first; none already sent. */
  const owed = (channel: string, recipient: string): string[] => {
    const retries = explicit ? [] : failedSince(db, channel, recipient, addDays(target, -RETRY_DAYS)).filter((d) => d < target && deliverable.has(d));
    return [...retries, ...(deliverable.has(target) ? [target] : [])].filter((d) => !sent(d, channel, recipient));
  };

  if (input.only !== 'chat' && config.delivery?.email) {
    const weeklyOn = config.delivery.email.weeklyOn;
    for (const member of config.members) {
      if (!member.email) continue;
      const recipient = member.email.toLowerCase();
      const cadence = memberDelivery(member);
      const who = { name: member.name, email: member.email, formerly: member.formerly };
      if (cadence === 'off') {
        skipped.push({ channel: 'email', recipient, date: null, status: 'off', note: 'delivery: off' });
      } else if (cadence === 'daily') {
        const dates = owed('email', recipient);
        for (const date of dates) jobs.push({ kind: 'email', member: who, recipient, cadence, dates: [date] });
        if (dates.length === 0) skipped.push({ channel: 'email', recipient, date: target, status: 'already sent', note: '' });
      } else {
        const weekly = weeklyPlan({ db, recipient, target, deliverable: input.deliverable, now, weeklyOn, zone: groupTimeZone(config) });
        if (weekly.due) jobs.push({ kind: 'email', member: who, recipient, cadence, dates: weekly.dates });
        else skipped.push({ channel: 'email', recipient, date: weekly.dates[0] ?? null, status: weekly.dates.length ? 'not due' : 'already sent', note: weekly.note });
      }
    }
  }
  if (input.only !== 'email') {
    for (const chat of config.delivery?.chat ?? []) {
      const recipient = chatName(chat);
      const dates = owed(chat.type, recipient);
      for (const date of dates) jobs.push({ kind: 'chat', chat, recipient, date });
      if (dates.length === 0) skipped.push({ channel: chat.type, recipient, date: target, status: 'already sent', note: '' });
    }
  }
  return { jobs, skipped };
}

/**
 * A weekly member's e-mail: the digests since their last e-mail (at most WEEKLY_MAX_DAYS back, a
 * week when there was none), due on their weekday, or as soon as a week has passed since the last
 * one (a run missed the day), or when the last try failed.
 */
function weeklyPlan(input: { db: Db; recipient: string; target: string; deliverable: readonly string[]; now: Date; weeklyOn: Weekday; zone: string }): { due: boolean; dates: string[]; note: string } {
  const { db, recipient, target, now, weeklyOn } = input;
  const last = lastSent(db, 'email', recipient);
  const floor = [last?.digestDate ?? addDays(target, -7), addDays(target, -WEEKLY_MAX_DAYS)].sort().at(-1) as string;
  const dates = input.deliverable.filter((d) => d <= target && d > floor
    && deliveryOf(db, { digestDate: d, channel: 'email', recipient })?.status !== 'sent').sort().reverse();
  const retrying = dates.some((d) => deliveryOf(db, { digestDate: d, channel: 'email', recipient })?.status === 'failed');
  const weekPassed = last !== undefined && now.getTime() - Date.parse(last.updated) >= 7 * 86_400_000;
  // The group's weekday, as its digests' days are the group's (config `group.timezone`).
  const today = WEEKDAYS[localWeekday(now, input.zone)];
  const due = dates.length > 0 && (today === weeklyOn || retrying || weekPassed);
  const waiting = `${dates.length} digest${dates.length === 1 ? '' : 's'} waiting`;
  return { due, dates, note: dates.length ? `weekly, next on ${weeklyOn} (${waiting})` : '' };
}

/** `2026-12-05` plus `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
