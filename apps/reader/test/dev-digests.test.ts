// The sample digests in public/digests/ (which the built reader ships and the end-to-end test reads) are
// what today's ranker, summaries and notes make of the recorded sample week: a change to any of them
// must come with `pnpm --filter @labdigest/reader make:digests`, or the shipped samples show old text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildDevDigests, devDigestsDir } from '../scripts/dev-digests.ts';

const built = buildDevDigests();

test('public/digests holds exactly the sample digests, no leftover file', () => {
  const committed = readdirSync(devDigestsDir).filter((name) => name.endsWith('.json')).sort();
  expect(committed).toEqual(built.map((f) => f.file).sort());
  expect(built.map((f) => f.file)).toContain('index.json');
  expect(built.filter((f) => f.considered !== undefined).length, 'one digest per recorded week').toBeGreaterThanOrEqual(3);
});

test.each(built.map((f) => [f.file, f] as const))('%s is what today\'s ranker makes (else run make:digests)', (file, { text }) => {
  const path = join(devDigestsDir, file);
  expect(existsSync(path), `${path} exists`).toBe(true);
  const stale = readFileSync(path, 'utf8') !== text;
  // The message names the fix; a diff of one-line JSON files would say nothing.
  expect(stale, `${file} differs from what the ranker makes now: run pnpm --filter @labdigest/reader make:digests`).toBe(false);
});
