import { expect, test } from 'vitest';
import { parseFeed } from '../feed.ts';
import { FIELD_LIMITS, fieldSizeProblem } from './limits.ts';

test.each([
  [{ title: 'T'.repeat(FIELD_LIMITS.title) }, null],
  [{ title: 'T'.repeat(FIELD_LIMITS.title + 1) }, 'title: 2,001 characters, more than the 2,000 a title may have'],
  [{ title: 'ok', abstract: 'a'.repeat(FIELD_LIMITS.abstract + 1) }, 'abstract: 100,001 characters, more than the 100,000 an abstract may have'],
  [{ title: 'ok', authors: Array<string>(FIELD_LIMITS.authors + 1).fill('A B') }, 'authors: 10,001 names, more than the 10,000 a paper may have'],
  [{ title: 'ok', authors: ['A B', 'C'.repeat(FIELD_LIMITS.author + 1)] }, 'authors[1]: 1,001 characters, more than the 1,000 a name may have'],
  [{ title: 'ok', url: `https://x.org/${'a'.repeat(FIELD_LIMITS.url)}` }, 'url: 8,014 characters, more than the 8,000 a link may have'],
])('fieldSizeProblem(%#)', (record, problem) => {
  expect(fieldSizeProblem(record)).toBe(problem);
});

test('a feed item over a limit is rejected by its id; the others are read', () => {
  const item = (title: string, n: number) => `<item><title>${title}</title><link>https://example.org/${n}</link></item>`;
  const rss = `<rss version="2.0"><channel><title>F</title>${item('Fine', 1)}${item('T'.repeat(3000), 2)}</channel></rss>`;
  const { papers, rejected } = parseFeed(rss, { source: 'feed', location: 'test.xml' });
  expect(papers.map((p) => p.title)).toEqual(['Fine']);
  expect(rejected.map((r) => r.message)).toEqual(['[feed] test.xml item https://example.org/2: title: 3,000 characters, more than the 2,000 a title may have']);
});
