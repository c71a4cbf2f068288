import { readFileSync } from 'node:fs';
import type { Digest } from '@labdigest/core';
import { fixturePath } from '@labdigest/fixtures';
import { afterAll, expect, test } from 'vitest';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';

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
