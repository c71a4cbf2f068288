import { describe, expect, test } from 'vitest';
import { feedbackLineSchema, feedbackLineText } from './feedback.ts';

describe('a feedback line', () => {
  test('reads the documented shape and writes it back the same', () => {
    const text = '{"paper":"openalex:W7203471315","signal":"star","member":"Naibing Wu","area":"polymer-electrolytes","at":"2026-11-12T09:15:02Z"}';
    const line = feedbackLineSchema.parse(JSON.parse(text));
    expect(line).toEqual({ paper: 'openalex:W7203471315', signal: 'star', member: 'Naibing Wu', area: 'polymer-electrolytes', at: '2026-11-12T09:15:02Z' });
    expect(feedbackLineText(line)).toBe(text);
    expect(feedbackLineText({ paper: 'arxiv:2512.03974', signal: 'dismiss' })).toBe('{"paper":"arxiv:2512.03974","signal":"dismiss"}');
  });

  test.each([
    [{ paper: 'x', signal: 'like' }, 'signal', 'expected one of star, dismiss, read, nominate'],
    [{ paper: ' ', signal: 'star' }, 'paper', 'expected a paper id'],
    [{ paper: 'x', signal: 'star', at: 'yesterday' }, 'at', 'expected an ISO time with a zone, like 2026-11-12T09:15:02Z'],
  ])('%j is refused at its field', (value, field, message) => {
    const result = feedbackLineSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[field, message]]);
  });

  test('an unknown field is refused, not dropped', () => {
    const result = feedbackLineSchema.safeParse({ paper: 'x', signal: 'star', stars: 5 });
    expect(result.error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
  });
});
