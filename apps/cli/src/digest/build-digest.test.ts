import { digestSchema, paperSchema, parseGroupConfig } from '@labdigest/core';
import { readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { upsertPapers } from '../store/queries.ts';
import { loadCorpusBackground } from './background.ts';
import { buildDigest, papersFirstSeen } from './build-digest.ts';
import { digestWindow } from './window.ts';

const parsed = parseGroupConfig(readDefaultConfigText());
if (!parsed.ok) throw new Error('default config invalid');
const config = parsed.config;
const journalPapers = readFixtureRecords('papers/sample-week.jsonl.gz')
  .filter((r) => r.source === 'battery-paper-daily-openalex').map((r) => paperSchema.parse(r));
const emptyIndex = { schemaVersion: 1 as const, group: 'DENG.Group', digests: [] };

describe('the digest of a window', () => {
  test('holds the papers first seen in the window, ranked and valid', () => {
    const db = openDb(':memory:');
    upsertPapers(db, journalPapers.slice(0, 120), { source: 'old', now: new Date('2026-06-01T06:00:00Z') });
    upsertPapers(db, journalPapers.slice(120), { source: 'new', now: new Date('2026-06-08T06:00:00Z') });
    const window = digestWindow({ since: '2026-06-05', until: '2026-06-08', now: new Date('2026-06-09T00:00:00Z'), index: emptyIndex });
    expect(papersFirstSeen(db, window)).toHaveLength(journalPapers.length - 120);
    const { digest, considered } = buildDigest({ db, config, window, now: new Date('2026-06-09T00:00:00Z'), sample: true, background: loadCorpusBackground });
    expect(considered).toBe(journalPapers.length - 120);
    expect(digestSchema.safeParse(digest).success).toBe(true);
    expect(digest.date).toBe('2026-06-08');
    expect(digest.stats.included).toBeGreaterThan(5);
    expect(digest.sections.every((s) => s.papers.every((p) => p.note.length > 0 && p.score >= 0.55))).toBe(true);
  });
});

describe('windows', () => {
  const now = new Date('2026-06-08T07:30:00Z');
  test('default: the last 7 days', () => {
    expect(digestWindow({ now, index: emptyIndex })).toEqual({ since: '2026-06-01T07:30:00.000Z', until: '2026-06-08T07:30:00.000Z', date: '2026-06-08' });
  });
  test('after a digest: from where the last one stopped', () => {
    expect(digestWindow({ now, index: emptyIndex, lastUntil: '2026-06-07T06:00:00.000Z' }).since).toBe('2026-06-07T06:00:00.000Z');
  });
  test('an empty window blames only what was given: the last digest\'s end, --until, or now', () => {
    const lastUntil = '2026-06-07T06:00:00.000Z';
    expect(() => digestWindow({ now, index: emptyIndex, lastUntil, until: '2026-06-05' }))
      .toThrow('--until 2026-06-05 is before the end of the last digest (2026-06-07 06:00 UTC), where this window starts: pass --since too');
    expect(() => digestWindow({ now, index: emptyIndex, lastUntil, lastUntilIs: 'the start of the 2026-06-07 digest this build replaces', until: '2026-06-07T05:00:00Z' }))
      .toThrow('--until 2026-06-07T05:00:00Z is before the start of the 2026-06-07 digest this build replaces (2026-06-07 06:00 UTC), where this window starts: pass --since too');
    expect(() => digestWindow({ now, index: emptyIndex, lastUntil: '2026-06-09T00:00:00.000Z' }))
      .toThrow('the end of the last digest (2026-06-09 00:00 UTC), where this window starts, is not before now (2026-06-08 07:30 UTC): pass --since and --until');
    expect(() => digestWindow({ now, index: emptyIndex, since: '2026-06-09' }))
      .toThrow('the window is empty: --since 2026-06-09 is not before now (2026-06-08 07:30 UTC)');
  });
  test('a last digest whose window end is not a time (a file edited by hand): the last 7 days', () => {
    expect(digestWindow({ now, index: emptyIndex, lastUntil: 'soon' }).since).toBe('2026-06-01T07:30:00.000Z');
  });
  test('a bad date is a usage error naming the option', () => {
    expect(() => digestWindow({ now, index: emptyIndex, since: '06/01/2026' })).toThrow('--since: expected a date like 2026-06-01 or an ISO time, saw "06/01/2026"');
  });
});
