import { afterEach, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openPaperStore, type PaperRecord, type PaperStore } from './paper-store.ts';
import { createPaperState } from './papers.svelte.ts';
import { newestDigest } from '../../test/sample-digests.ts';

const opened: PaperStore[] = [];
const open = async (factory: IDBFactory) => {
  const store = await openPaperStore({ factory, name: 'test' });
  opened.push(store);
  return store;
};
afterEach(() => { for (const s of opened.splice(0)) s.close(); });

const record: PaperRecord = { id: 'arxiv:2506.10944', read: true, starred: false, firstSeen: '2026-06-08T07:00:00.000Z', starredAt: null, paper: null };

test('records and meta survive closing and reopening the database', async () => {
  const factory = new IDBFactory();
  const first = await open(factory);
  await first.put(record, { ...record, id: 'doi:10.1/x', starred: true });
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
