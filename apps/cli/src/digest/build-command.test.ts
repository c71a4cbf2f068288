import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { paperSchema, type Digest } from '@labdigest/core';
import { fixturePath } from '@labdigest/fixtures';
import { afterAll, expect, test } from 'vitest';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';
import { recordDelivery } from '../deliver/deliveries.ts';
import { openDb } from '../store/open-db.ts';
import { upsertPapers } from '../store/queries.ts';
import { SAMPLE_WEEK_SOURCE } from '../net/recorded-feeds.ts';
import { readIndex } from './archive.ts';
import { defaultWindow } from './build-command.ts';

const CONFIG = fixturePath('../digest.config.yaml');
const SLICE = fixturePath('papers/corpus-slice.jsonl');
const dir = tempDir();
afterAll(() => dir.remove());

test('a window with no papers does not blank the day\'s digest; --force writes the empty one', async () => {
  const db = inDir(dir.path, 'store.sqlite');
  const digests = inDir(dir.path, 'digests');
  expect((await runCli('import', SLICE, '--db', db)).code).toBe(0);
  // The papers were first seen now: today's digest holds them.
  const today = new Date().toISOString().slice(0, 10);
  const read = () => JSON.parse(readFileSync(inDir(digests, `${today}.json`), 'utf8')) as Digest;
  const build = (...window: string[]) => runCli('build', '--config', CONFIG, '--db', db, '--digests', digests, ...window);
  expect((await build('--since', '2000-01-01', '--until', today)).code).toBe(0);
  const full = read().stats.included;
  expect(full).toBeGreaterThan(0);

  // The same day's first second, a time copied to the minute from an earlier run: no paper in it.
  const empty = ['--since', `${today}T00:00:00Z`, '--until', `${today}T00:00:01Z`];
  const refused = await build(...empty);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain(`${inDir(digests, `${today}.json`)}: holds ${full} papers, and no paper first seen ${today}T00:00:00.000Z – ${today}T00:00:01.000Z`);
  expect(refused.err).toContain('`digest build --force` writes the empty digest over it');
  expect(refused.err).not.toMatch(/\n\s+at /); // no stack trace
  expect(read().stats.included).toBe(full);

  const forced = await build(...empty, '--force');
  expect(forced.code).toBe(0);
  expect(read().stats.included).toBe(0);
});

test('a window no paper was first seen in writes no digest: the latest stays the reader\'s first page', async () => {
  const db = inDir(dir.path, 'weekend.sqlite');
  const digests = inDir(dir.path, 'weekend-digests');
  expect((await runCli('import', SLICE, '--db', db)).code).toBe(0);
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const build = (...args: string[]) => runCli('build', '--config', CONFIG, '--db', db, '--digests', digests, ...args);
  const index = () => JSON.parse(readFileSync(inDir(digests, 'index.json'), 'utf8')) as { digests: { date: string; papers: number }[] };
  // A star of the group's: a build that ranks says what it learned from; one that writes nothing does not.
  const firstPaper = (JSON.parse(readFileSync(SLICE, 'utf8').split('\n')[0] as string) as { id: string }).id;
  const signals = inDir(dir.path, 'signals.jsonl');
  writeFileSync(signals, `${JSON.stringify({ paper: firstPaper, signal: 'star' })}\n`);
  expect((await runCli('feedback', 'import', signals, '--config', CONFIG, '--db', db)).code).toBe(0);
  const first = await build('--since', '2000-01-01', '--until', today);
  expect(first.code).toBe(0);
  expect(first.err).toContain('learned from 1 signal of the group');
  const held = index().digests;
  expect(held.map((d) => d.date)).toEqual([today]);

  // The next day's build starts where today's stopped, and no paper arrived since.
  const quiet = await build('--until', tomorrow);
  expect(quiet.code).toBe(0);
  expect(quiet.out).toBe('');
  expect(quiet.err).not.toContain('learned from');
  expect(quiet.err).toContain(`digest ${tomorrow}: no paper first seen ${tomorrow}T00:00:00Z – `);
  expect(quiet.err).toContain(`so no digest for ${tomorrow}; the latest stays ${today} (${inDir(digests, `${today}.json`)})`);
  expect(existsSync(inDir(digests, `${tomorrow}.json`))).toBe(false);
  expect(index().digests).toEqual(held);

  const forced = await build('--until', tomorrow, '--force');
  expect(forced.code).toBe(0);
  expect(forced.err).toContain('learned from 1 signal of the group');
  expect(index().digests.map((d) => [d.date, d.papers])).toEqual([[tomorrow, 0], [today, held[0]?.papers]]);
});

test('an --until before the end of the last digest names where the window starts, not a --since never given', async () => {
  const db = inDir(dir.path, 'until.sqlite');
  const digests = inDir(dir.path, 'until-digests');
  expect((await runCli('import', SLICE, '--db', db)).code).toBe(0);
  const build = (...args: string[]) => runCli('build', '--config', CONFIG, '--db', db, '--digests', digests, ...args);
  expect((await build('--since', '2000-01-01')).code).toBe(0);
  const today = new Date().toISOString().slice(0, 10);
  const { until } = (JSON.parse(readFileSync(inDir(digests, `${today}.json`), 'utf8')) as Digest).window;
  const end = `${(until as string).slice(0, 16).replace('T', ' ')} UTC`;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  expect(await build('--until', yesterday)).toEqual({
    code: 2, out: '',
    err: `digest: --until ${yesterday} is before the end of the last digest (${end}), where this window starts: pass --since too\n`,
  });
  // Both given: both named, as they were written.
  expect(await build('--since', '2026-12-02', '--until', '2026-12-01')).toEqual({
    code: 2, out: '', err: 'digest: the window is empty: --since 2026-12-02 is not before --until 2026-12-01\n',
  });
});

test('today\'s digest, once sent, is kept as sent: a later build leaves it and its new papers wait for the next digest', async () => {
  const db = inDir(dir.path, 'sent.sqlite');
  const digests = inDir(dir.path, 'sent-digests');
  const papers = readFileSync(SLICE, 'utf8').trim().split('\n');
  const morning = inDir(dir.path, 'morning.jsonl');
  const afternoon = inDir(dir.path, 'afternoon.jsonl');
  writeFileSync(morning, `${papers.slice(0, 200).join('\n')}\n`);
  writeFileSync(afternoon, `${papers.slice(200).join('\n')}\n`);
  const build = (...more: string[]) => runCli('build', '--config', CONFIG, '--db', db, '--digests', digests, ...more);
  const today = new Date().toISOString().slice(0, 10);
  const read = () => JSON.parse(readFileSync(inDir(digests, `${today}.json`), 'utf8')) as Digest;
  expect((await runCli('import', morning, '--db', db)).code).toBe(0);
  expect((await build()).code).toBe(0);
  const sent = read();
  // The morning's `digest send` went out: one e-mail and the lab's Slack.
  const store = openDb(db);
  for (const [channel, recipient] of [['email', 'naibing.wu@uni.example.edu'], ['slack', 'slack']] as const) {
    recordDelivery(store, { digestDate: today, channel, recipient }, { status: 'sent', attempts: 1, now: new Date() });
  }
  store.close();

  expect((await runCli('import', afternoon, '--db', db)).code).toBe(0);
  const kept = await build();
  expect(kept.code).toBe(0);
  expect(kept.err).toMatch(new RegExp(`^digest ${today}: already sent \\(1 e-mail and slack from \\d\\d:\\d\\d UTC\\), so it is kept as sent; `
    + 'papers first seen since it was built go into the next digest, and every member gets them\\.'));
  expect(read()).toEqual(sent);
  // Tomorrow's window starts where the sent digest stopped, so the afternoon's papers are in it.
  const index = readIndex(digests, 'DENG.Group');
  const tomorrow = defaultWindow({ digests }, index, new Date(Date.now() + 86_400_000));
  expect(tomorrow.since).toBe(sent.window.until);

  const forced = await build('--force');
  expect(forced.code).toBe(0);
  expect(forced.err).toContain(`note: the ${today} digest was already sent (1 e-mail and slack from `);
  expect(read().stats.considered).toBeGreaterThan(sent.stats.considered);
});

test('a past window with papers published in it but none arriving says that windows go by arrival, and where imported papers go', async () => {
  const db = inDir(dir.path, 'past.sqlite');
  const digests = inDir(dir.path, 'past-digests');
  expect((await runCli('import', SLICE, '--db', db)).code).toBe(0);
  const store = openDb(db, { create: false });
  const published = store.prepare("SELECT count(*) FROM papers WHERE published >= '2025-10-01' AND published < '2025-11-01'").pluck().get() as number;
  store.close();
  expect(published).toBeGreaterThan(0);
  const { code, err } = await runCli('build', '--config', CONFIG, '--db', db, '--digests', digests, '--since', '2025-10-01', '--until', '2025-10-31');
  expect(code).toBe(0);
  expect(err).toContain(`The store holds ${published} papers published in that window: a digest takes the papers that arrived in it `
    + '(were fetched or imported), whenever they were published, so papers imported today go into the digest of today (`digest build` alone).');
});

test('a window of the bundled recordings alone is sample data, however it is built; one live paper makes it live', async () => {
  // Found by an audit: `digest build --force` of `digest start`'s offline digest marked it live, and
  // `digest send` would then have sent the recordings as news.
  const db = inDir(dir.path, 'recorded.sqlite');
  const digests = inDir(dir.path, 'recorded-digests');
  const papers = readFileSync(SLICE, 'utf8').split('\n').filter((l) => l.trim()).slice(0, 40).map((l) => paperSchema.parse(JSON.parse(l)));
  const store = openDb(db);
  try {
    // As `digest start` stores them offline: the bundled week's, and the recorded feeds' (named after them).
    upsertPapers(store, papers.slice(0, 30).map((p) => ({ ...p, source: SAMPLE_WEEK_SOURCE })), { source: SAMPLE_WEEK_SOURCE, now: new Date('2026-06-03T06:00:00Z') });
    upsertPapers(store, papers.slice(30, 35).map((p) => ({ ...p, source: 'recorded-feeds-nature' })), { source: 'recorded-feeds-nature', now: new Date('2026-06-03T06:00:00Z') });
  } finally {
    store.close();
  }
  const build = () => runCli('build', '--config', CONFIG, '--db', db, '--digests', digests, '--since', '2026-06-01', '--until', '2026-06-08', '--force');
  const read = () => JSON.parse(readFileSync(inDir(digests, '2026-06-08.json'), 'utf8')) as Digest;
  expect((await build()).code).toBe(0);
  expect(read().sample).toBe(true);
  const live = openDb(db);
  try {
    upsertPapers(live, papers.slice(35).map((p) => ({ ...p, source: 'arxiv' })), { source: 'arxiv', now: new Date('2026-06-04T06:00:00Z') });
  } finally {
    live.close();
  }
  expect((await build()).code).toBe(0);
  expect(read().sample).toBe(false);
});
