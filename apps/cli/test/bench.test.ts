import { fixturePath, readFixtureGz } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { readPapers } from '../src/read-papers.ts';
import { benchParseListing, benchServer, benchUpsert } from './bench.ts';

test('benchParseListing parses the 2.7 MB listing and times it', () => {
  const result = benchParseListing(readFixtureGz('arxiv/arxiv-rss-listing-all-archives-2024-11-28.rss.xml.gz'));
  expect(result.papers).toBe(1504);
  expect(result.ms > 0 && Number.isFinite(result.ms)).toBe(true);
});

test('benchUpsert times a whole batch into a fresh store', async () => {
  const { papers } = await readPapers(fixturePath('papers/corpus-slice.jsonl'));
  expect(papers).toHaveLength(313);
  const { ms, perSecond } = benchUpsert(papers);
  expect(ms).toBeGreaterThan(0);
  expect(perSecond).toBe(Math.round(papers.length / (ms / 1000)));
});

test('benchServer syncs every member\'s changes through a real server and finds them all in the store', async () => {
  const run = await benchServer({ members: 3, changesPerMember: 20 });
  expect({ ...run, syncMs: 0, p99Ms: 0, rps: 0 }).toEqual({ members: 3, events: 60, syncMs: 0, p99Ms: 0, rps: 0, accepted: 60, stored: 60, failed: 0 });
  expect(run.syncMs > 0 && run.p99Ms >= 0 && run.rps > 0).toBe(true);
});
