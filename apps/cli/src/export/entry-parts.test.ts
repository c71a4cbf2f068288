import { expect, test } from 'vitest';
import { authorLine, isHttpUrl, oneLine, termLabels } from './entry-parts.ts';
import { sampleWeekDigest } from '../../test/fixture-digests.ts';

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
  expect(authorLine(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
  expect(authorLine([])).toBe('');
});

test('termLabels on a real entry: where and how often, then how many more', () => {
  const entry = week.sections[0]!.papers[0]!;
  expect(termLabels(entry.matchedTerms, 3)).toEqual([
    'electrolyte (in title, 4×)', 'ion transport (in title, 4×)', 'solid electrolyte (in title, 4×)', `and ${entry.matchedTerms.length - 3} more`,
  ]);
});

test('oneLine folds newlines and runs of spaces', () => {
  expect(oneLine(' a\n\n b\t c ')).toBe('a b c');
});
