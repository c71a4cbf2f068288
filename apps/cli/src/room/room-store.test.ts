import { rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { inDir, tempDir } from '../../test/run-cli.ts';
import { openRoomStore, StoreBusyError, type RoomStore } from './room-store.ts';

let dir: { path: string; remove: () => void } | undefined;
let store: RoomStore | undefined;
afterEach(() => {
  store?.close();
  dir?.remove();
});

function open(patienceMs?: number): { store: RoomStore; path: string } {
  dir = tempDir();
  const path = inDir(dir.path, 'store.sqlite');
  store = openRoomStore(path, patienceMs === undefined ? {} : { patienceMs });
  store.db.exec('CREATE TABLE t (x TEXT NOT NULL)');
  return { store, path };
}

test('writes asked for in one turn are committed in one transaction; one that throws rolls back alone', async () => {
  const { store: s, path } = open();
  const outside = new Database(path, { readonly: true });
  const committed = () => outside.prepare('SELECT count(*) FROM t').pluck().get() as number;
  // Each write says how many rows another connection sees: none until the batch commits.
  const insert = (x: string) => s.write((db) => {
    db.prepare('INSERT INTO t (x) VALUES (?)').run(x);
    return committed();
  });
  const failing = s.write((db) => {
    db.prepare('INSERT INTO t (x) VALUES (?)').run('lost');
    throw new Error('this write fails');
  });
  const results = await Promise.allSettled([insert('a'), failing, insert('b')]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([0, 'this write fails', 0]);
  expect(s.db.prepare('SELECT x FROM t ORDER BY rowid').pluck().all()).toEqual(['a', 'b']);
  // The next turn's write is a transaction of its own, after the first committed.
  expect(await insert('c')).toBe(2);
  expect(committed()).toBe(3);
  outside.close();
});

test('while another connection holds the write lock, a write waits for it without blocking reads', async () => {
  const { store: s, path } = open();
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  other.prepare('INSERT INTO t (x) VALUES (?)').run('theirs');
  let wrote = false;
  const write = s.write((db) => db.prepare('INSERT INTO t (x) VALUES (?)').run('ours')).then(() => { wrote = true; });
  await new Promise((done) => { setTimeout(done, 150); });
  expect([wrote, await s.read((db) => db.prepare('SELECT count(*) FROM t').pluck().get())]).toEqual([false, 0]);
  other.exec('COMMIT');
  other.close();
  await write;
  expect(s.db.prepare('SELECT x FROM t ORDER BY rowid').pluck().all()).toEqual(['theirs', 'ours']);
});

test('a write that waits longer than the store\'s patience is refused with StoreBusyError', async () => {
  const { store: s, path } = open(300);
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  try {
    await expect(s.write((db) => db.prepare('INSERT INTO t (x) VALUES (?)').run('ours'))).rejects.toThrow(new StoreBusyError('the store stayed locked by another digest run for 0 s'));
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect(await s.write((db) => db.prepare('INSERT INTO t (x) VALUES (?)').run('later').changes)).toBe(1);
});

test('a store removed or replaced under the server refuses its writes, saying so, instead of writing into a file no one reads', async () => {
  const { store: opened, path } = open();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  await expect(opened.write((db) => db.exec("INSERT INTO t VALUES ('a')"))).rejects.toThrow(
    `${path}: the store was removed while the server ran: restart \`digest serve\` to use the file now there; nothing was written`);
  writeFileSync(path, '');
  await expect(opened.write((db) => db.exec("INSERT INTO t VALUES ('a')"))).rejects.toThrow('the store was replaced while the server ran');
});
