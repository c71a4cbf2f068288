import { fixturePath } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { benchUpsert } from './bench-store.ts';
import { readPapers } from './papers/read-papers.ts';

test('benchUpsert times a whole batch into a fresh store', async () => {
  const { papers } = await readPapers(fixturePath('papers/corpus-slice.jsonl'));
  expect(papers).toHaveLength(313);
  const { ms, perSecond } = benchUpsert(papers);
  expect(ms).toBeGreaterThan(0);
  expect(perSecond).toBe(Math.round(papers.length / (ms / 1000)));
});
