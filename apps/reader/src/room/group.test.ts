import { expect, test } from 'vitest';
import type { StateChange } from '@labdigest/core';
import { groupIndex, names, papersOf } from './group.ts';
import { blankRecord, withField } from '../state/paper-record.ts';
import { newestBriefing, briefingDigests } from '../../test/sample-digests.ts';

const papers = newestBriefing.sections.flatMap((s) => s.papers);
const [p1, p2, p3] = papers.map((p) => p.id) as [string, string, string];
const row = (member: string, paper: string, field: StateChange['field'], value: unknown, at: string) =>
  ({ member, device: `d-${member[0]}`, paper, field, value, at }) as StateChange;

// Week 35 of 2026 is 24 to 30 August.
const shared = [
  row('Yanhao Deng', p1, 'starred', true, '2026-08-25T10:00:00.000Z'),
  row('Naibing Wu', p1, 'starred', true, '2026-08-24T09:00:00.000Z'),
  row('Naibing Wu', p2, 'starred', false, '2026-08-25T11:00:00.000Z'), // taken back
  row('Yanhao Deng', p3, 'starred', true, '2026-08-21T08:00:00.000Z'), // the week before
  row('Yanhao Deng', p1, 'note', 'Fig. 3 matches our LLZO runs', '2026-08-25T10:01:00.000Z'),
  row('Naibing Wu', p1, 'note', '', '2026-08-25T10:02:00.000Z'), // a note cleared
  row('Naibing Wu', p2, 'nominated', { reason: 'PEO baseline' }, '2026-08-26T08:00:00.000Z'),
  row('Yanhao Deng', p2, 'nominated', null, '2026-08-26T08:30:00.000Z'), // withdrawn
  // The device's own member, as last pulled: its records replace these.
  row('Mei Lin', p3, 'starred', true, '2026-08-25T12:00:00.000Z'),
];
const mine = [
  withField(blankRecord(p2, '2026-08-24T07:00:00.000Z'), 'starred', true, { at: '2026-08-26T07:00:00.000Z', device: 'd-m' }),
  withField(blankRecord(p3, '2026-08-24T07:00:00.000Z'), 'starred', false, { at: '2026-08-26T07:30:00.000Z', device: 'd-m' }),
];

test('who starred, wrote and nominated a paper, first first; the device\'s records speak for its member', () => {
  const group = groupIndex(shared, mine, 'Mei Lin');
  expect(group.of(p1)).toEqual({
    starredBy: [{ member: 'Naibing Wu', at: '2026-08-24T09:00:00.000Z' }, { member: 'Yanhao Deng', at: '2026-08-25T10:00:00.000Z' }],
    notes: [{ member: 'Yanhao Deng', at: '2026-08-25T10:01:00.000Z', note: 'Fig. 3 matches our LLZO runs' }],
    nominations: [],
  });
  expect(group.of(p2)).toEqual({
    starredBy: [{ member: 'Mei Lin', at: '2026-08-26T07:00:00.000Z' }],
    notes: [],
    nominations: [{ member: 'Naibing Wu', at: '2026-08-26T08:00:00.000Z', reason: 'PEO baseline' }],
  });
  expect(group.of(p3).starredBy).toEqual([{ member: 'Yanhao Deng', at: '2026-08-21T08:00:00.000Z' }]);
  expect(names(group.of(p1).starredBy)).toBe('Naibing Wu, Yanhao Deng');
  expect([group.isStarred(p1), group.isStarred('arxiv:0000.00000')]).toEqual([true, false]);
  expect(group.of('arxiv:0000.00000')).toEqual({ starredBy: [], notes: [], nominations: [] });
});

test('the week\'s picks: starred in the week and still starred, most stars first, then the latest', () => {
  const group = groupIndex(shared, mine, 'Mei Lin');
  expect(group.picks('2026-W35').map((p) => [p.paper, names(p.starredBy)])).toEqual([[p1, 'Naibing Wu, Yanhao Deng'], [p2, 'Mei Lin']]);
  expect(group.picks('2026-W34').map((p) => p.paper)).toEqual([p3]);
  expect(group.picks('not a week')).toEqual([]);
});

test('without a member (signed out), every pulled row counts and the records do not', () => {
  const group = groupIndex(shared, mine, null);
  expect(names(group.of(p3).starredBy)).toBe('Yanhao Deng, Mei Lin');
  expect(group.of(p2).starredBy).toEqual([]);
});

test('papers of the digests on hand by id, each from the newest digest that has it', () => {
  const digests = ['2026-08-24.json', '2026-08-17.json', '2026-08-10.json'].map((f) => briefingDigests[f]!);
  const found = papersOf(digests);
  const total = new Set(digests.flatMap((d) => d.sections.flatMap((s) => s.papers.map((p) => p.id)))).size;
  expect(found.size).toBe(total);
  expect(found.get(p1)).toEqual({ entry: papers[0], area: { id: newestBriefing.sections[0]!.id, name: newestBriefing.sections[0]!.name }, date: '2026-08-24' });
});
