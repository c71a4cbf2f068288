import { expect, test } from 'vitest';
import { z } from 'zod';
import { describeValue, formatIssue, zodIssues } from './issues.ts';
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

test('zodIssues says a size check in plain words, with the value seen; a schema\'s own message stays', () => {
  const schema = z.strictObject({
    name: z.string().trim().min(1),
    code: z.string().max(3),
    port: z.number().int().min(1).max(65535),
    count: z.number().int().positive(),
    tags: z.array(z.string()).min(1),
    weights: z.record(z.string().min(1), z.number()),
    note: z.string().max(2, { error: 'expected a note of at most 2 characters' }),
  });
  const input = { name: ' ', code: 'abcd', port: 99999, count: -3, tags: [], weights: { '': 1 }, note: 'abc' };
  const parsed = schema.safeParse(input);
  expect(zodIssues(parsed.success ? [] : parsed.error.issues, input).map(formatIssue)).toEqual([
    'name: cannot be empty',
    'code: expected at most 3 characters, saw 4 characters',
    'port: expected a number up to 65535, saw 99999',
    'count: expected a number above 0, saw -3',
    'tags: cannot be an empty list',
    'weights[""]: the key cannot be empty',
    'note: expected a note of at most 2 characters, saw "abc"',
  ]);
});

test('a long value is quoted cut to 57 characters, never through an emoji', () => {
  expect(describeValue('x'.repeat(61))).toBe(`"${'x'.repeat(57)}..."`);
  expect(describeValue('🔋'.repeat(61))).toBe(`"${'🔋'.repeat(57)}..."`);
  expect(describeValue('🔋'.repeat(40))).toBe(`"${'🔋'.repeat(40)}"`);
});
