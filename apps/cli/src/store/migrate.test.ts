import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { migrate } from './migrate.ts';
import { migrations } from './migrations.ts';
import { paper } from '../../test/records.ts';
import { openDb } from './open-db.ts';
import { searchPapers, upsertPapers } from './queries.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'labdigest-db-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

describe('migrate', () => {
  test('a new store gets every migration and the tables', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual({ from: 0, to: migrations.length });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name NOT LIKE 'papers_fts_%' ORDER BY name").pluck().all();
    expect(names).toEqual(['deliveries', 'devices', 'feedback', 'fetch_runs', 'identifiers', 'invites', 'learning_resets', 'paper_state', 'papers', 'papers_fts', 'room_address', 'source_state']);
  });

  test('a store an older labdigest made is copied as it was before its one-way upgrade, and the upgrade is said', () => {
    const path = join(tempDir(), 'labdigest.sqlite');
    const old = new Database(path);
    migrate(old, migrations.slice(0, 4));
    old.close();
    const said: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => { said.push(String(text)); return true; });
    try {
      openDb(path).close();
      openDb(path).close(); // up to date now: nothing said, nothing copied
    } finally {
      write.mockRestore();
    }
    const copy = `${path}.schema-4.bak`;
    expect(said).toEqual([`labdigest: upgrading the store ${path} from schema 4 to ${migrations.length}; the store as it was is kept in ${copy} (the labdigest that made it can open that copy)\n`]);
    const kept = new Database(copy, { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(4);
    kept.close();
  });

  test('a second run applies nothing', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(migrate(db)).toEqual({ from: migrations.length, to: migrations.length });
  });

  test('only the migrations past user_version run, each with its version bump', () => {
    const db = new Database(':memory:');
    migrate(db, ['CREATE TABLE a (x)']);
    expect(migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (y)'])).toEqual({ from: 1, to: 2 });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  test('a failing migration leaves the version and schema before it', () => {
    const db = new Database(':memory:');
    migrate(db, ['CREATE TABLE a (x)']);
    expect(() => migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (y); CREATE TABLE a (z)'])).toThrow('table a already exists');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
  });

  test('a version-1 store with papers keeps them, searchable, through version 2', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO papers (id, title, source, first_seen, last_seen, updated) VALUES ('a:1', 'Garnet electrolytes', 's', 'x', 'x', 'x')").run();
    expect(migrate(db)).toEqual({ from: 1, to: migrations.length });
    upsertPapers(db, [paper({ id: 'a:2', title: 'Halide electrolytes' })], { source: 's', now: new Date('2026-06-01') });
    expect(searchPapers(db, 'electrolytes').map((h) => h.paper.id).sort()).toEqual(['a:1', 'a:2']);
  });

  test('a version-2 store with papers keeps them, searchable, through the latest version', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 2));
    upsertPapers(db, [paper({ id: 'a:1', title: 'Garnet electrolytes', abstract: 'Lithium garnets conduct.' })], { source: 's', now: new Date('2026-05-01') });
    db.prepare("INSERT INTO papers (id, title, source, first_seen, last_seen, updated) VALUES ('sql:1', 'Sulfide electrolytes', 's', 'x', 'x', 'x')").run();
    expect(migrate(db)).toEqual({ from: 2, to: migrations.length });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'fts_bulk_load'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT v FROM papers_fts_config WHERE k = 'hashsize'").pluck().get()).toBe(4194304);
    upsertPapers(db, [paper({ id: 'a:2', title: 'Halide electrolytes' })], { source: 's', now: new Date('2026-06-01') });
    db.prepare("INSERT INTO papers (id, title, source, first_seen, last_seen, updated) VALUES ('sql:2', 'Polymer electrolytes', 's', 'x', 'x', 'x')").run();
    expect(searchPapers(db, 'electrolytes').map((h) => h.paper.id).sort()).toEqual(['a:1', 'a:2', 'sql:1', 'sql:2']);
    expect(searchPapers(db, 'garnet').map((h) => h.paper.id)).toEqual(['a:1']);
    expect(() => db.prepare("INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });

  test('a store from a newer labdigest is refused', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 7');
    expect(() => migrate(db, ['CREATE TABLE a (x)'])).toThrow('schema version 7 is newer than this labdigest knows (1); upgrade labdigest');
  });
});

describe('openDb', () => {
  test('creates the folder and a WAL-mode store', () => {
    const path = join(tempDir(), 'nested', 'store.sqlite');
    const db = openDb(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  test('a new store gets 16 KB pages; an existing store keeps its own', () => {
    const dir = tempDir();
    const fresh = openDb(join(dir, 'new.sqlite'));
    expect(fresh.pragma('page_size', { simple: true })).toBe(16384);
    fresh.close();
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old);
    upsertPapers(old, [paper({ id: 'a:1', title: 'Garnet electrolytes' })], { source: 's', now: new Date('2026-06-01') });
    old.close();
    const reopened = openDb(path);
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    expect(searchPapers(reopened, 'garnet').map((h) => h.paper.id)).toEqual(['a:1']);
    reopened.close();
  });

  test('a file that is not a store is an InputError naming it', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDb(path)).toThrow(`${path}: cannot open the paper store: schema version 99 is newer than this labdigest knows (${migrations.length}); upgrade labdigest`);
  });
});
