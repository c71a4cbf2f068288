import { afterEach, describe, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { StateChange } from '@labdigest/core';
import { openPaperStore, type PaperRecord, type PaperStore } from './paper-store.ts';
import { blankRecord } from './paper-record.ts';
import { withRoomTables } from '../room/room-tables.ts';
import { createPaperState } from './papers.svelte.ts';
import { newestDigest } from '../../test/sample-digests.ts';

const opened: PaperStore[] = [];
const open = async (factory: IDBFactory) => {
  const store = await openPaperStore({ factory, name: 'test' });
  opened.push(store);
  return withRoomTables(store);
};
afterEach(() => { for (const s of opened.splice(0)) s.close(); });

const record: PaperRecord = { ...blankRecord('arxiv:2506.10944', '2026-06-08T07:00:00.000Z'), read: true };

test('records and meta survive closing and reopening the database', async () => {
  const factory = new IDBFactory();
  const first = await open(factory);
  await first.addMissing(record, { ...record, id: 'doi:10.1/x', starred: true });
  await first.setMeta('lastVisit', '2026-06-08T07:00:00.000Z');
  first.close();

  const second = await open(factory);
  expect((await second.all()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
    record, { ...record, id: 'doi:10.1/x', starred: true },
  ].sort((a, b) => a.id.localeCompare(b.id)));
  expect(await second.getMeta('lastVisit')).toBe('2026-06-08T07:00:00.000Z');
  expect(await second.getMeta('missing')).toBeNull();
});

const papers = newestDigest.sections.flatMap((s) => s.papers);
const [a, b, c] = papers as [typeof papers[number], typeof papers[number], typeof papers[number]];

test('stars and read marks persist; starred papers keep what BibTeX needs', async () => {
  const factory = new IDBFactory();
  const visit1 = createPaperState(open(factory), () => '2026-08-24T08:00:00.000Z');
  await visit1.ready;
  await visit1.toggleStar(a);
  await visit1.setRead(b, true);
  expect(visit1.isStarred(a.id)).toBe(true);
  expect(visit1.isRead(b.id)).toBe(true);

  const visit2 = createPaperState(open(factory), () => '2026-08-25T08:00:00.000Z');
  await visit2.ready;
  expect(visit2.isStarred(a.id)).toBe(true);
  expect(visit2.isRead(b.id)).toBe(true);
  expect(visit2.isStarred(b.id)).toBe(false);
  expect(visit2.starred()).toEqual([{
    id: a.id, title: a.title, authors: a.authors, published: a.published, doi: a.doi, arxivId: a.arxivId, venue: a.venue, url: a.url,
  }]);
  await visit2.toggleStar(a);
  expect(visit2.starred()).toEqual([]);
});

test('"new" means first seen since the last visit, and nothing is new on a first visit', async () => {
  const factory = new IDBFactory();
  const visit1 = createPaperState(open(factory), () => '2026-08-24T08:00:00.000Z');
  await visit1.noteSeen([a, b]);
  expect(visit1.isNew(a.id)).toBe(false);

  const visit2 = createPaperState(open(factory), () => '2026-08-25T08:00:00.000Z');
  await visit2.noteSeen([a, b, c]);
  expect([visit2.isNew(a.id), visit2.isNew(b.id), visit2.isNew(c.id)]).toEqual([false, false, true]);

  const visit3 = createPaperState(open(factory), () => '2026-08-26T08:00:00.000Z');
  await visit3.noteSeen([a, b, c]);
  expect(visit3.isNew(c.id)).toBe(false);
});

test('without a store the state lives in memory', async () => {
  const state = createPaperState(null);
  await state.toggleStar(a);
  expect(state.isStarred(a.id)).toBe(true);
  expect(state.error).toBeNull();
});

describe('version 2 of the device store', () => {
  /** A database as the first version of the reader left it: papers (by id) and meta, at version 1. */
  async function versionOne(factory: IDBFactory, records: object[], meta: Record<string, string>) {
    const request = factory.open('test', 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('papers', { keyPath: 'id' });
      request.result.createObjectStore('meta');
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['papers', 'meta'], 'readwrite');
    for (const r of records) tx.objectStore('papers').put(r);
    for (const [key, value] of Object.entries(meta)) tx.objectStore('meta').put(value, key);
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  }

  const bib = { id: 'arxiv:2506.10944', title: 'A paper', authors: ['A. Author'], published: '2026-06-01', doi: null, arxivId: '2506.10944', venue: null, url: 'https://arxiv.org/abs/2506.10944' };

  test('opening a version 1 database keeps every record and the last visit, and queues its stars and read marks', async () => {
    const factory = new IDBFactory();
    await versionOne(factory, [
      { id: 'arxiv:2506.10944', read: false, starred: true, firstSeen: '2026-06-08T07:00:00.000Z', starredAt: '2026-06-08T07:05:00.000Z', paper: bib },
      { id: 'doi:10.1/read', read: true, starred: false, firstSeen: '2026-06-08T07:00:00.000Z', starredAt: null, paper: null },
      { id: 'doi:10.1/seen', read: false, starred: false, firstSeen: '2026-06-08T07:00:00.000Z', starredAt: null, paper: null },
    ], { lastVisit: '2026-06-08T07:00:00.000Z' });

    const store = await open(factory);
    expect((await store.all()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      {
        ...blankRecord('arxiv:2506.10944', '2026-06-08T07:00:00.000Z'), starred: true, starredAt: '2026-06-08T07:05:00.000Z', paper: bib,
        stamps: { starred: { at: '2026-06-08T07:05:00.000Z', device: '' } },
      },
      { ...blankRecord('doi:10.1/read', '2026-06-08T07:00:00.000Z'), read: true, stamps: { read: { at: '2026-06-08T07:00:00.000Z', device: '', estimated: true } } },
      blankRecord('doi:10.1/seen', '2026-06-08T07:00:00.000Z'),
    ]);
    expect(await store.getMeta('lastVisit')).toBe('2026-06-08T07:00:00.000Z');
    expect(await store.outbox()).toEqual([
      { paper: 'doi:10.1/read', field: 'read', value: true, at: '2026-06-08T07:00:00.000Z' },
      { paper: 'arxiv:2506.10944', field: 'starred', value: true, at: '2026-06-08T07:05:00.000Z' },
    ]);
  });

  test('the outbox keeps the newest change per paper and field; a sent change leaves it unless changed again', async () => {
    const store = await open(new IDBFactory());
    const star = (value: boolean, at: string) => store.update(record.id, (r) => ({ ...(r ?? record), starred: value }), { paper: record.id, field: 'starred', value, at });
    await star(true, '2026-06-08T07:00:00.000Z');
    await star(false, '2026-06-08T07:00:01.000Z');
    await store.update(record.id, (r) => (r ? { ...r, note: 'see Fig. 3' } : null), { paper: record.id, field: 'note', value: 'see Fig. 3', at: '2026-06-08T07:00:02.000Z' });
    const sent = await store.outbox();
    expect(sent).toEqual([
      { paper: record.id, field: 'starred', value: false, at: '2026-06-08T07:00:01.000Z' },
      { paper: record.id, field: 'note', value: 'see Fig. 3', at: '2026-06-08T07:00:02.000Z' },
    ]);
    // While the request was out, the star changed again: that newer change stays queued.
    await star(true, '2026-06-08T07:00:03.000Z');
    await store.acknowledge(sent);
    expect(await store.outbox()).toEqual([{ paper: record.id, field: 'starred', value: true, at: '2026-06-08T07:00:03.000Z' }]);
    expect(await store.outboxCount()).toBe(1);
    expect((await store.all())[0]).toMatchObject({ starred: true, note: 'see Fig. 3' });
  });

  test('merging pulled changes: the later change wins per field, equal times go to the larger device id, and the cursor moves with them', async () => {
    const store = await open(new IDBFactory());
    await store.update(record.id, () => ({
      ...record, starred: true, note: 'mine', stamps: { starred: { at: '2026-06-08T09:00:00.000Z', device: 'd-b' }, note: { at: '2026-06-08T09:00:00.000Z', device: 'd-b' } },
    }));
    const change = (over: Partial<StateChange>) => ({ member: 'Naibing Wu', device: 'd-a', paper: record.id, field: 'starred', value: false, at: '2026-06-08T09:00:00.000Z', ...over }) as StateChange;
    const pulled = [
      change({}), // same time, smaller device id: loses
      change({ field: 'note', value: 'from the laptop', device: 'd-c' }), // same time, larger device id: wins
      change({ field: 'dismissed', value: true, at: '2026-06-08T08:00:00.000Z' }), // no stamp yet: wins
      change({ member: 'Yanhao Deng', value: true }), // another member's: shared only
      change({ paper: 'doi:10.1/new', field: 'nominated', value: { reason: 'Li metal' } }), // a paper not on this device yet
    ];
    const merged = await store.merge(pulled, { member: 'Naibing Wu', cursor: 1_780_000_000_123, firstSeen: '2026-06-08T10:00:00.000Z' });
    const mine = await store.all();
    expect(mine.find((r) => r.id === record.id)).toEqual({
      ...record, starred: true, note: 'from the laptop', dismissed: true,
      stamps: {
        starred: { at: '2026-06-08T09:00:00.000Z', device: 'd-b' }, note: { at: '2026-06-08T09:00:00.000Z', device: 'd-c' },
        dismissed: { at: '2026-06-08T08:00:00.000Z', device: 'd-a' },
      },
    });
    expect(mine.find((r) => r.id === 'doi:10.1/new')).toEqual({
      ...blankRecord('doi:10.1/new', '2026-06-08T10:00:00.000Z'), nominated: { reason: 'Li metal' },
      stamps: { nominated: { at: '2026-06-08T09:00:00.000Z', device: 'd-a' } },
    });
    expect(merged.records.map((r) => r.id).sort()).toEqual(['arxiv:2506.10944', 'doi:10.1/new']);
    expect((await store.shared()).length).toBe(5);
    expect(await store.getMeta('cursor')).toBe('1780000000123');
    // The same answer again (a retried pull) changes nothing.
    expect(await store.merge(pulled, { member: 'Naibing Wu', cursor: 1_780_000_000_123, firstSeen: '2026-06-08T10:00:00.000Z' }))
      .toEqual({ records: [], shared: [] });
  });

  test('requeueing puts every stamped field back in the outbox', async () => {
    const store = await open(new IDBFactory());
    await store.update(record.id, () => ({ ...record, starred: true, stamps: { starred: { at: '2026-06-08T09:00:00.000Z', device: 'd-b' } } }));
    expect(await store.requeueAll()).toBe(1);
    expect(await store.outbox()).toEqual([{ paper: record.id, field: 'starred', value: true, at: '2026-06-08T09:00:00.000Z' }]);
  });
});

describe('the paper state queues every change', () => {
  test('star, read, dismiss, note and nominate are saved at once, stamped in order, and queued once per field', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    // The clock does not move between the changes: each still gets its own time.
    const state = createPaperState(store, () => '2026-08-24T08:00:00.000Z');
    let changes = 0;
    state.onChange(() => { changes++; });
    await state.toggleStar(a, 'mlip-interfaces');
    await state.toggleStar(a, 'mlip-interfaces');
    await state.setDismissed(b, true, 'polymer-electrolytes');
    await state.setNote(a, 'see Fig. 3', 'mlip-interfaces');
    await state.setNominated(c, { reason: 'the SEI model we need' }, 'phase-field-sei');
    expect(changes).toBe(5);
    expect([state.isStarred(a.id), state.isDismissed(b.id), state.noteOf(a.id), state.nominationOf(c.id)])
      .toEqual([false, true, 'see Fig. 3', { reason: 'the SEI model we need' }]);
    expect(await store.outbox()).toEqual([
      { paper: a.id, field: 'starred', value: false, at: '2026-08-24T08:00:00.001Z' },
      { paper: b.id, field: 'dismissed', value: true, at: '2026-08-24T08:00:00.002Z' },
      { paper: a.id, field: 'note', value: 'see Fig. 3', at: '2026-08-24T08:00:00.003Z' },
      { paper: c.id, field: 'nominated', value: { reason: 'the SEI model we need' }, at: '2026-08-24T08:00:00.004Z' },
    ]);
    // A nominated paper keeps what the meeting list needs; an unstarred one does not.
    const records = await store.all();
    expect(records.find((r) => r.id === c.id)?.paper?.title).toBe(c.title);
    expect(records.find((r) => r.id === a.id)).toMatchObject({ paper: null, area: 'mlip-interfaces', stamps: { starred: { at: '2026-08-24T08:00:00.001Z', device: '' } } });

    // After sign-in, changes carry the device's id.
    state.setDevice('d-7k2m9q');
    await state.setRead(a, true);
    expect((await store.all()).find((r) => r.id === a.id)?.stamps.read).toEqual({ at: '2026-08-24T08:00:00.005Z', device: 'd-7k2m9q' });
  });

  test('a star pulled from another device gets its copy of the paper when a digest shows it', async () => {
    const store = await open(new IDBFactory());
    await store.merge([{ member: 'Naibing Wu', device: 'd-x', paper: a.id, field: 'starred', value: true, at: '2026-08-24T07:00:00.000Z' }],
      { member: 'Naibing Wu', cursor: 1, firstSeen: '2026-08-24T07:30:00.000Z' });
    const state = createPaperState(store, () => '2026-08-24T08:00:00.000Z');
    await state.ready;
    expect(state.starred()).toEqual([]);
    await state.noteSeen([a, b]);
    expect(state.starred().map((p) => p.title)).toEqual([a.title]);
    expect((await store.all()).find((r) => r.id === a.id)?.paper?.title).toBe(a.title);
  });

  test('a star synced after the digest was shown can be exported at once, not after a reload', async () => {
    // Found by an audit: "Star papers to export them as BibTeX." stayed until a reload.
    const store = await open(new IDBFactory());
    const state = createPaperState(store, () => '2026-08-24T08:00:00.000Z');
    await state.noteSeen([a, b]);
    state.applyRemote([{ ...blankRecord(a.id, '2026-08-24T07:00:00.000Z'), starred: true }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.starred().map((p) => p.title)).toEqual([a.title]);
    expect((await store.all()).find((r) => r.id === a.id)?.paper?.title).toBe(a.title);
  });

  test('a signal synced from another device takes the section its paper is in, for the export\'s area', async () => {
    // Found by an audit: a member's other devices exported the room's signals without "area".
    const store = await open(new IDBFactory());
    const state = createPaperState(store, () => '2026-08-24T08:00:00.000Z');
    await state.noteSeen([a, b], { [a.id]: 'polymer-electrolytes', [b.id]: 'phase-field-sei' });
    state.applyRemote([{ ...blankRecord(a.id, '2026-08-24T07:00:00.000Z'), dismissed: true }, { ...blankRecord(b.id, '2026-08-24T07:00:00.000Z') }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([state.recordOf(a.id)?.area, state.recordOf(b.id)?.area]).toEqual(['polymer-electrolytes', null]);
    expect((await store.all()).find((r) => r.id === a.id)?.area).toBe('polymer-electrolytes');
  });

  test('records merged from the reading room show at once', async () => {
    const state = createPaperState(null);
    state.applyRemote([{ ...blankRecord(a.id, '2026-08-24T07:00:00.000Z'), starred: true, note: 'from the laptop' }]);
    expect([state.isStarred(a.id), state.noteOf(a.id), state.recordOf(a.id)?.note]).toEqual([true, 'from the laptop', 'from the laptop']);
  });
});

test('a change is stamped after the field\'s stamp, even one from a device whose clock runs ahead', async () => {
  const store = await open(new IDBFactory());
  // Another device starred it at 08:00:05; this device's clock says 08:00:00.
  await store.merge([{ member: 'Naibing Wu', device: 'd-fast', paper: a.id, field: 'starred', value: true, at: '2026-08-24T08:00:05.000Z' }],
    { member: 'Naibing Wu', cursor: 1, firstSeen: '2026-08-24T07:00:00.000Z' });
  const state = createPaperState(store, () => '2026-08-24T08:00:00.000Z');
  await state.toggleStar(a);
  expect(state.isStarred(a.id)).toBe(false);
  expect(await store.outbox()).toEqual([{ paper: a.id, field: 'starred', value: false, at: '2026-08-24T08:00:05.001Z' }]);
});
