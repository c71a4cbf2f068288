import { groupConfigSchema, type GroupConfig } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { openDb, type Db } from '../store/open-db.ts';
import { recordDelivery } from './deliveries.ts';
import { addDays, planDeliveries, type Job } from './plan.ts';

const config: GroupConfig = groupConfigSchema.parse({
  group: { name: 'DENG.Group' },
  areas: [{ id: 'polymer-electrolytes', name: 'Polymer Electrolytes', keywords: ['PEO'] }],
  members: [
    { name: 'Naibing Wu', interests: ['PEO'], email: 'Naibing.Wu@uni.example.edu' },
    { name: 'Yanhao Deng', interests: ['PEO'], email: 'yanhao.deng@uni.example.edu', delivery: 'weekly' },
    { name: 'No Address', interests: ['PEO'] },
  ],
  delivery: {
    email: { from: 'digest@lab.example.org', smtp: { host: 'smtp.example.org' } },
    chat: [{ type: 'slack', webhookEnv: 'SLACK_URL' }],
  },
});
const NAIBING = 'naibing.wu@uni.example.edu';
const YANHAO = 'yanhao.deng@uni.example.edu';
const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07'];
const MONDAY = new Date(2026, 11, 7, 6, 0);
const TUESDAY = new Date(2026, 11, 8, 6, 0);

function plan(db: Db, overrides: { target?: string; explicit?: boolean; now?: Date; deliverable?: string[] } = {}) {
  return planDeliveries({ config, db, target: overrides.target ?? '2026-12-07', explicit: overrides.explicit ?? false, deliverable: overrides.deliverable ?? days, now: overrides.now ?? TUESDAY });
}
const describeJobs = (jobs: readonly Job[]) => jobs.map((j) => (j.kind === 'email' ? `email ${j.recipient} ${j.cadence} ${j.dates.join(',')}` : `chat ${j.recipient} ${j.date}`));
const fail = (db: Db, date: string, channel: string, recipient: string) =>
  recordDelivery(db, { digestDate: date, channel, recipient }, { status: 'failed', attempts: 1, now: new Date(`${date}T06:00:00Z`), error: 'x' });
const sent = (db: Db, date: string, channel: string, recipient: string, at = `${date}T06:00:00Z`) =>
  recordDelivery(db, { digestDate: date, channel, recipient }, { status: 'sent', attempts: 1, now: new Date(at) });

describe('daily members and chats', () => {
  test('the newest digest, and the failures of the last week still owed, oldest first', () => {
    const db = openDb(':memory:');
    fail(db, '2026-12-02', 'email', NAIBING);
    fail(db, '2026-11-20', 'email', NAIBING); // older than a week: given up
    fail(db, '2026-12-03', 'slack', 'slack');
    sent(db, '2026-12-04', 'email', NAIBING);
    expect(describeJobs(plan(db).jobs)).toEqual([
      `email ${NAIBING} daily 2026-12-02`, `email ${NAIBING} daily 2026-12-07`, 'chat slack 2026-12-03', 'chat slack 2026-12-07',
    ]);
  });

  test('--digest names one digest: no retries of others; what is sent is skipped', () => {
    const db = openDb(':memory:');
    fail(db, '2026-12-02', 'email', NAIBING);
    sent(db, '2026-12-04', 'slack', 'slack');
    const { jobs, skipped } = plan(db, { target: '2026-12-04', explicit: true });
    expect(describeJobs(jobs)).toEqual([`email ${NAIBING} daily 2026-12-04`]);
    expect(skipped.map((s) => `${s.channel} ${s.recipient} ${s.status}`)).toEqual([`email ${YANHAO} not due`, 'slack slack already sent']);
  });

  test('a digest that may not be delivered (sample data, empty) is no job', () => {
    const db = openDb(':memory:');
    expect(describeJobs(plan(db, { deliverable: days.filter((d) => d !== '2026-12-07') }).jobs)).toEqual([]);
  });
});

describe('weekly members', () => {
  const weekly = (db: Db, now: Date) => describeJobs(plan(db, { now }).jobs).filter((j) => j.includes(YANHAO));

  test('due on their weekday: the digests of the week before, newest first', () => {
    expect(weekly(openDb(':memory:'), MONDAY)).toEqual([`email ${YANHAO} weekly 2026-12-07,2026-12-04,2026-12-03,2026-12-02,2026-12-01`]);
  });

  test('not due on another day; the skip says when and how much waits', () => {
    const { skipped } = plan(openDb(':memory:'));
    expect(skipped.find((s) => s.recipient === YANHAO)).toEqual({
      channel: 'email', recipient: YANHAO, date: '2026-12-07', status: 'not due', note: 'weekly, next on monday (5 digests waiting)',
    });
  });

  test('since the last e-mail only; a week after it even on another day (a run missed the day)', () => {
    const db = openDb(':memory:');
    sent(db, '2026-12-02', 'email', YANHAO, '2026-11-30T06:00:00Z');
    expect(weekly(db, TUESDAY)).toEqual([`email ${YANHAO} weekly 2026-12-07,2026-12-04,2026-12-03`]);
    const recent = openDb(':memory:');
    sent(recent, '2026-12-02', 'email', YANHAO, '2026-12-02T06:00:00Z');
    expect(weekly(recent, TUESDAY)).toEqual([]);
  });

  test('a failed weekly e-mail is tried again on the next run, whatever the day', () => {
    const db = openDb(':memory:');
    for (const d of ['2026-12-04', '2026-12-07']) fail(db, d, 'email', YANHAO);
    expect(weekly(db, TUESDAY)).toEqual([`email ${YANHAO} weekly 2026-12-07,2026-12-04,2026-12-03,2026-12-02,2026-12-01`]);
  });

  test('at most two weeks back, however long since the last e-mail', () => {
    const db = openDb(':memory:');
    sent(db, '2026-10-01', 'email', YANHAO);
    const old = ['2026-11-20', '2026-11-24', ...days];
    expect(describeJobs(plan(db, { deliverable: old, now: MONDAY }).jobs).filter((j) => j.includes(YANHAO)))
      .toEqual([`email ${YANHAO} weekly 2026-12-07,2026-12-04,2026-12-03,2026-12-02,2026-12-01,2026-11-24`]);
  });
});

test('addDays crosses months and years', () => {
  expect([addDays('2026-12-07', -7), addDays('2026-03-01', -1), addDays('2026-12-31', 1)]).toEqual(['2026-11-30', '2026-02-28', '2027-01-01']);
});

test('the weekly e-mail goes on the group\'s weekday (`group.timezone`), not the UTC one', () => {
  // Sunday 22:00 UTC is Monday 06:00 in Shanghai.
  const sundayUtc = new Date('2026-12-06T22:00:00Z');
  const inZone = (timezone: string) => planDeliveries({
    config: { ...config, group: { ...config.group, timezone } }, db: openDb(':memory:'), target: '2026-12-07', explicit: false, deliverable: days, now: sundayUtc,
  });
  expect(describeJobs(inZone('Asia/Shanghai').jobs).filter((j) => j.includes(YANHAO))).toHaveLength(1);
  expect(describeJobs(inZone('UTC').jobs).filter((j) => j.includes(YANHAO))).toEqual([]);
});
