import { feedbackLineSchema, feedbackLineText } from '@labdigest/core';
import { expect, test } from 'vitest';
import { feedbackLines, signalCount } from './feedback.ts';
import { blankRecord, upgradeRecordV1, withField } from './paper-record.ts';

const seen = '2026-08-24T07:00:00.000Z';
const at = (s: string) => ({ at: `2026-08-24T08:00:${s}.000Z`, device: 'd-7k2m9q' });
const records = [
  withField(withField(blankRecord('doi:10.1021/acs.nanolett.5c01234', seen), 'starred', true, at('01'), { area: 'polymer-electrolytes' }), 'read', true, at('02')),
  withField(blankRecord('arxiv:2508.01234', seen), 'dismissed', true, at('03'), { area: 'mlip-interfaces' }),
  withField(blankRecord('arxiv:2508.09999', seen), 'nominated', { reason: 'the SEI model we need' }, at('04')),
  // A star taken back and a note are no signals.
  withField(withField(blankRecord('arxiv:2508.00001', seen), 'starred', true, at('05')), 'starred', false, at('06')),
  withField(blankRecord('arxiv:2508.00002', seen), 'note', 'Fig. 3', at('07')),
  // A read mark kept by the first version of the store: when is not known.
  upgradeRecordV1({ id: 'arxiv:2507.11111', read: true, starred: false, firstSeen: seen, starredAt: null, paper: null }),
];

test('one JSON line per signal, keys in the agreed order, unknown fields left out', () => {
  expect(feedbackLines(records, 'Naibing Wu').split('\n')).toEqual([
    '{"paper":"arxiv:2507.11111","signal":"read","member":"Naibing Wu"}',
    '{"paper":"arxiv:2508.01234","signal":"dismiss","member":"Naibing Wu","area":"mlip-interfaces","at":"2026-08-24T08:00:03.000Z"}',
    '{"paper":"arxiv:2508.09999","signal":"nominate","member":"Naibing Wu","at":"2026-08-24T08:00:04.000Z"}',
    '{"paper":"doi:10.1021/acs.nanolett.5c01234","signal":"star","member":"Naibing Wu","area":"polymer-electrolytes","at":"2026-08-24T08:00:01.000Z"}',
    '{"paper":"doi:10.1021/acs.nanolett.5c01234","signal":"read","member":"Naibing Wu","area":"polymer-electrolytes","at":"2026-08-24T08:00:02.000Z"}',
    '',
  ]);
  expect(signalCount(records)).toBe(5);
});

test('without a member the lines carry none', () => {
  expect(feedbackLines(records.slice(1, 2), null)).toBe(
    '{"paper":"arxiv:2508.01234","signal":"dismiss","area":"mlip-interfaces","at":"2026-08-24T08:00:03.000Z"}\n');
  expect(feedbackLines([], null)).toBe('');
});

test('every line is what `digest feedback import` reads, written as core writes it', () => {
  const lines = feedbackLines(records, 'Naibing Wu').trim().split('\n');
  for (const line of lines) expect(feedbackLineText(feedbackLineSchema.parse(JSON.parse(line)))).toBe(line);
  expect(lines).toHaveLength(5);
});
