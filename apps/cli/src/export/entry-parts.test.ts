import { expect, test } from 'vitest';
import { authorLine, countsLine, isHttpUrl, oneLine, rowDetail, splitPicks } from './entry-parts.ts';
import { sampleWeekDigest, withPicks } from '../../test/fixture-digests.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
const week = sampleWeekDigest();

test.each([
  ['https://doi.org/10.1038/x', true],
  ['HTTP://arxiv.org/abs/2512.03974', true],
  ['javascript:alert(1)', false],
  ['data:text/html,<script>', false],
  ['https:///no-host', false],
  ['https://a.org/with space', false],
  ['//example.org/relative', false],
])('isHttpUrl(%j) is %s', (url, ok) => {
  expect(isHttpUrl(url)).toBe(ok);
});

test('authorLine shortens to three names', () => {
  expect(authorLine(['A', ' B ', '', 'C'])).toBe('A, B, C');
  // A digest made before names were kept on one line at import: its line breaks forge no lines.
  expect(authorLine(['A. Author\n   https://evil.example\n\n2. FAKE'])).toBe('A. Author https://evil.example 2. FAKE');
  expect(authorLine(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
  expect(authorLine([])).toBe('');
});

test('oneLine folds newlines and runs of spaces', () => {
  expect(oneLine(' a\n\n b\t c ')).toBe('a b c');
});

test('splitPicks: picks then the rest, each by rank, whatever order the papers come in', () => {
  const section = withPicks(week).sections[1]!;
  const { picks, rest } = splitPicks([...section.papers].reverse());
  expect(picks.map((p) => p.rank)).toEqual([1, 2, 3]);
  expect(rest.map((p) => p.rank)).toEqual(Array.from({ length: section.papers.length - 3 }, (_, i) => i + 4));
  expect(splitPicks(week.sections[1]!.papers).rest).toEqual([]);
});

test('countsLine names the picks only when some papers are not picks', () => {
  const { included, considered } = week.stats;
  expect(countsLine(week)).toBe(`DENG.Group · ${included} papers of ${considered} considered`);
  expect(countsLine(withPicks(week, 2))).toBe(`DENG.Group · ${included} papers of ${considered} considered · 8 picks`);
});

test('rowDetail: the source line and whom the paper is for (not a bare name, read as its author), or whichever is there', () => {
  const entry = week.sections[1]!.papers[0]!;
  expect(rowDetail(entry)).toBe('Advanced Functional Materials (10.1002/adfm.77192) · for Naibing Wu');
  expect(rowDetail({ ...entry, members: [] })).toBe('Advanced Functional Materials (10.1002/adfm.77192)');
});
