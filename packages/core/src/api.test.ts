import { describe, expect, test } from 'vitest';
import { getStateResponseSchema, postStateRequestSchema, stateChangeInputSchema } from './api.ts';
import { formatIssue, zodIssues } from './issues.ts';

/** The issues of a body that must be refused, as the server's 400 message lists them. */
function problems(body: unknown): string[] {
  const parsed = postStateRequestSchema.safeParse(body);
  return parsed.success ? [] : zodIssues(parsed.error.issues, body).map(formatIssue);
}

const at = '2026-06-08T09:15:02.123Z';

describe('POST /api/state bodies', () => {
  test('take each field with its own kind of value', () => {
    const changes = [
      { paper: 'arxiv:2506.10944', field: 'read', value: true, at },
      { paper: 'arxiv:2506.10944', field: 'starred', value: false, at },
      { paper: 'doi:10.1021/acsenergylett.5c02748', field: 'dismissed', value: true, at: '2026-06-08T11:15:02+02:00' },
      { paper: 'arxiv:2506.10944', field: 'note', value: '<b>check</b> the *SEI* model', at },
      { paper: 'arxiv:2506.10944', field: 'nominated', value: { reason: 'new PEO force field' }, at, member: 'Naibing Wu' },
      { paper: 'arxiv:2506.10944', field: 'nominated', value: null, at },
    ];
    expect(postStateRequestSchema.parse({ changes })).toEqual({ changes });
  });

  test('refuse wrong values, naming the change and the field', () => {
    expect(problems({ changes: [
      { paper: 'arxiv:1', field: 'read', value: 'yes', at },
      { paper: 'arxiv:1', field: 'note', value: 'x'.repeat(501), at },
      { paper: 'arxiv:1', field: 'nominated', value: { reason: 'two\nlines' }, at },
      { paper: 'arxiv:1', field: 'starred', value: true, at: '2026-06-08 09:15' },
      { paper: '', field: 'read', value: true, at },
      { paper: 'arxiv:1', field: 'liked', value: true, at },
      { paper: 'arxiv:1', field: 'read', value: true, at, colour: 'red' },
    ] })).toEqual([
      'changes[0].value: expected boolean, received string, saw "yes"',
      'changes[1].value: expected a note of at most 500 characters, saw "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."',
      // The line break written as its code: a message never breaks a line, or hides or reorders one, with what it quotes.
      'changes[2].value.reason: expected a one-line reason, saw "two\\u000alines"',
      'changes[3].at: expected an ISO time with a zone, like 2026-06-08T09:15:02.123Z, saw "2026-06-08 09:15"',
      'changes[4].paper: expected a paper id, saw ""',
      'changes[5].field: expected field to be one of read, starred, dismissed, note, nominated, saw "liked"',
      'changes[6]: unknown field "colour"',
    ]);
  });

  test('refuse a paper id of spaces or with direction characters, and a note with control characters or overrides', () => {
    expect(problems({ changes: [
      { paper: ' ', field: 'starred', value: true, at },
      { paper: 'arxiv:2608.1\u202e', field: 'starred', value: true, at },
      { paper: 'arxiv:1', field: 'note', value: 'ring\u0007 the bell', at },
      { paper: 'arxiv:1', field: 'note', value: 'see \u202eFDP', at },
      { paper: 'arxiv:1', field: 'note', value: 'two\nlines\tand a tab, في العربية', at },
    ] }).map((p) => p.replace(/, saw .*/s, ''))).toEqual([
      'changes[0].paper: expected a paper id without spaces around it',
      'changes[1].paper: expected a paper id without control or formatting characters',
      'changes[2].value: expected a note without control characters or direction overrides',
      'changes[3].value: expected a note without control characters or direction overrides',
    ]);
  });

  test('hold 1 to 500 changes', () => {
    const change = { paper: 'arxiv:1', field: 'read', value: true, at };
    expect(problems({ changes: [] })).toEqual(['changes: expected at least one change, saw a list']);
    expect(problems({ changes: Array.from({ length: 501 }, () => change) })).toEqual(['changes: expected at most 500 changes in one request, saw a list']);
    expect(problems({ changes: Array.from({ length: 500 }, () => change) })).toEqual([]);
    expect(problems({})).toEqual(['changes: missing required field']);
  });
});

test('a stored change names its member and device', () => {
  const change = { member: 'Naibing Wu', device: 'd-7k2m9q', paper: 'arxiv:1', field: 'starred', value: true, at };
  expect(getStateResponseSchema.parse({ cursor: 7, changes: [change], more: false })).toEqual({ cursor: 7, changes: [change], more: false });
  const sent = { paper: change.paper, field: change.field, value: change.value, at };
  expect(stateChangeInputSchema.parse(sent)).toEqual(sent);
  expect(stateChangeInputSchema.safeParse(change).success).toBe(false); // a device does not say its own id
});
