import { expect, test } from 'vitest';
import { formatIssue, zodIssues } from './issues.ts';
import { paperSchema } from './paper.ts';

test('zodIssues names the field, the problem and the value seen, or that the field is missing', () => {
  const input = { id: 'x', authors: 'A. B', published: null };
  const parsed = paperSchema.safeParse(input);
  expect(parsed.success).toBe(false);
  expect(zodIssues(parsed.success ? [] : parsed.error.issues, input).map(formatIssue)).toEqual([
    'title: missing required field',
    'authors: expected array, received string, saw "A. B"',
  ]);
});
