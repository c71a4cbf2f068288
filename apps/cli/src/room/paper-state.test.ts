import type { StateChangeInput } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { applyChanges, changesSince, currentSeq, type ServerStart } from './paper-state.ts';

const now = new Date('2026-06-08T09:00:00.000Z');
const t0 = now.getTime(); // the first sequence number a write at `now` takes
const star = (paper: string, value: boolean, at: string): StateChangeInput => ({ paper, field: 'starred', value, at });

describe('the shared state', () => {
  test('per field, the later change wins, whatever order the devices send them in', () => {
    const db = openDb(':memory:');
    const phone = applyChanges(db, { member: 'Naibing Wu', device: 'd-aaaaaa', now, changes: [
      star('arxiv:1', true, '2026-06-08T08:00:00.000Z'),
      { paper: 'arxiv:1', field: 'note', value: 'PEO <b>again</b>', at: '2026-06-08T08:00:00.000Z' },
    ] });
    expect(phone).toEqual({ accepted: 2, ignored: 0, cursor: t0 + 1 });
    // The laptop unstarred it later, and sends an older note that must not win.
    const laptop = applyChanges(db, { member: 'Naibing Wu', device: 'd-bbbbbb', now, changes: [
      star('arxiv:1', false, '2026-06-08T08:30:00.000+00:00'),
      { paper: 'arxiv:1', field: 'note', value: 'old note', at: '2026-06-08T07:00:00.000Z' },
    ] });
    expect(laptop).toEqual({ accepted: 1, ignored: 1, cursor: t0 + 2 });
    expect(changesSince(db, 0)).toEqual({ cursor: t0 + 2, more: false, changes: [
      { member: 'Naibing Wu', device: 'd-aaaaaa', paper: 'arxiv:1', field: 'note', value: 'PEO <b>again</b>', at: '2026-06-08T08:00:00.000Z' },
      { member: 'Naibing Wu', device: 'd-bbbbbb', paper: 'arxiv:1', field: 'starred', value: false, at: '2026-06-08T08:30:00.000Z' },
    ] });
  });

  test('equal times: the larger device id wins; a resend of the same change is ignored', () => {
    const db = openDb(':memory:');
    const at = '2026-06-08T08:00:00.000Z';
    applyChanges(db, { member: 'Yanhao Deng', device: 'd-mmmmmm', now, changes: [star('arxiv:2', true, at)] });
    expect(applyChanges(db, { member: 'Yanhao Deng', device: 'd-aaaaaa', now, changes: [star('arxiv:2', false, at)] })).toEqual({ accepted: 0, ignored: 1, cursor: t0 });
    expect(applyChanges(db, { member: 'Yanhao Deng', device: 'd-mmmmmm', now, changes: [star('arxiv:2', true, at)] })).toEqual({ accepted: 0, ignored: 1, cursor: t0 });
    expect(applyChanges(db, { member: 'Yanhao Deng', device: 'd-zzzzzz', now, changes: [star('arxiv:2', false, at)] })).toEqual({ accepted: 1, ignored: 0, cursor: t0 + 1 });
    expect(changesSince(db, t0).changes).toEqual([{ member: 'Yanhao Deng', device: 'd-zzzzzz', paper: 'arxiv:2', field: 'starred', value: false, at }]);
  });

  test('members write apart: the same paper and field of two members are two rows', () => {
    const db = openDb(':memory:');
    applyChanges(db, { member: 'Yanhao Deng', device: 'd-aaaaaa', now, changes: [star('arxiv:3', true, '2026-06-08T08:00:00.000Z')] });
    applyChanges(db, { member: 'Naibing Wu', device: 'd-bbbbbb', now, changes: [star('arxiv:3', false, '2026-06-08T07:00:00.000Z')] });
    expect(changesSince(db, 0).changes.map((c) => [c.member, c.value])).toEqual([['Yanhao Deng', true], ['Naibing Wu', false]]);
  });

  test('a time more than five minutes ahead of the server is taken as the server\'s now', () => {
    const db = openDb(':memory:');
    applyChanges(db, { member: 'Naibing Wu', device: 'd-aaaaaa', now, changes: [
      star('arxiv:4', true, '2026-06-08T09:04:59.000Z'),
      { paper: 'arxiv:4', field: 'read', value: true, at: '2027-01-01T00:00:00.000Z' },
    ] });
    expect(changesSince(db, 0).changes.map((c) => c.at)).toEqual(['2026-06-08T09:04:59.000Z', '2026-06-08T09:00:00.000Z']);
  });

  test('pulls come in pages by sequence, and a cursor past the store starts again', () => {
    const db = openDb(':memory:');
    const changes = Array.from({ length: 7 }, (_, i) => star(`arxiv:${i}`, true, '2026-06-08T08:00:00.000Z'));
    applyChanges(db, { member: 'Naibing Wu', device: 'd-aaaaaa', now, changes });
    const first = changesSince(db, 0, 3);
    expect([first.cursor, first.more, first.changes.map((c) => c.paper)]).toEqual([t0 + 2, true, ['arxiv:0', 'arxiv:1', 'arxiv:2']]);
    const last = changesSince(db, t0 + 5, 3);
    expect([last.cursor, last.more, last.changes.map((c) => c.paper)]).toEqual([t0 + 6, false, ['arxiv:6']]);
    expect(changesSince(db, t0 + 6, 3)).toEqual({ cursor: t0 + 6, more: false, changes: [] });
    const unknown = changesSince(db, t0 + 99, 3);
    expect([unknown.restarted, unknown.changes.map((c) => c.paper)]).toEqual([true, ['arxiv:0', 'arxiv:1', 'arxiv:2']]);
    expect(first.restarted).toBeUndefined();
  });

  test('a store restored from an older backup numbers new writes past the cursors readers were given', () => {
    const live = openDb(':memory:');
    const backup = openDb(':memory:'); // last night's copy: it lacks the write below
    const given = applyChanges(live, { member: 'Naibing Wu', device: 'd-aaaaaa', now, changes: [star('arxiv:1', true, '2026-06-08T08:00:00.000Z')] }).cursor;
    // The live store is lost and the backup restored; an hour later Yanhao stars a paper.
    const later = new Date(now.getTime() + 3_600_000);
    const start: ServerStart = { seq: currentSeq(backup), at: later.getTime() - 60_000 }; // the server restarted on the backup a minute before
    applyChanges(backup, { member: 'Yanhao Deng', device: 'd-bbbbbb', now: later, changes: [star('arxiv:2', true, '2026-06-08T10:00:00.000Z')] });
    expect(changesSince(backup, given).changes.map((c) => [c.member, c.paper])).toEqual([['Yanhao Deng', 'arxiv:2']]);
    // Naibing's cursor is now below the store's sequence, but was never given by this server (it started
    // after it, on a store numbered below it): the answer starts again and says so, so that his device
    // sends again the star the store lost.
    const pulled = changesSince(backup, given, undefined, start);
    expect([pulled.restarted, pulled.changes.map((c) => [c.member, c.paper])]).toEqual([true, [['Yanhao Deng', 'arxiv:2']]]);
    // A cursor this server gave is known: no restart.
    expect(changesSince(backup, pulled.cursor, undefined, start).restarted).toBeUndefined();
    // Nor is one an earlier server of the same store gave (at most its sequence at the start).
    expect(changesSince(live, given, undefined, { seq: currentSeq(live), at: later.getTime() }).restarted).toBeUndefined();
  });
});
