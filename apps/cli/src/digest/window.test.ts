import type { DigestIndex } from '@labdigest/core';
import { expect, test } from 'vitest';
import { digestWindow } from './window.ts';

const index: DigestIndex = { schemaVersion: 2, group: 'DENG.Group', digests: [] };

test('a digest is dated by the group\'s day: a Shanghai lab building at 05:30 gets that morning\'s date, not the UTC day before', () => {
  const now = new Date('2026-07-20T21:30:00Z'); // 05:30 on 21 July in Shanghai
  expect(digestWindow({ now, index, zone: 'Asia/Shanghai' }).date).toBe('2026-07-21');
  expect(digestWindow({ now, index, zone: 'UTC' }).date).toBe('2026-07-20');
  expect(digestWindow({ now, index }).date).toBe('2026-07-20');
});

test('bare dates are the group\'s days: --since starts at its midnight, --until ends at the next', () => {
  const now = new Date('2026-07-25T00:00:00Z');
  expect(digestWindow({ since: '2026-07-21', until: '2026-07-21', now, index, zone: 'Asia/Shanghai' })).toEqual({
    since: '2026-07-20T16:00:00.000Z', until: '2026-07-21T16:00:00.000Z', date: '2026-07-21',
  });
  expect(digestWindow({ since: '2026-07-21', until: '2026-07-21', now, index, zone: 'UTC' })).toEqual({
    since: '2026-07-21T00:00:00.000Z', until: '2026-07-22T00:00:00.000Z', date: '2026-07-21',
  });
  // A time is the instant written, dated by the group's day.
  expect(digestWindow({ since: '2026-07-21', until: '2026-07-21T20:00:00Z', now, index, zone: 'Asia/Shanghai' })).toMatchObject({
    until: '2026-07-21T20:00:00.000Z', date: '2026-07-22',
  });
});
