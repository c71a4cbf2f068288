// The store under faults (issue 17): concurrent writers, a full disk, a read-only or damaged store
// file, and the temporary files a failed write must not leave behind.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { fixturePath } from '@labdigest/fixtures';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ended, killHolders, lockHolder } from '../../test/lock-holder.ts';
import { paper } from '../../test/records.ts';
import { inDir, runBin, runCli, tempDir } from '../../test/run-cli.ts';
import { openDb } from './open-db.ts';
import { countPapers, upsertPapers } from './queries.ts';
import { storeFailure } from './store-error.ts';

let dir = tempDir();
afterEach(() => { dir.remove(); dir = tempDir(); });
afterAll(killHolders);

const nature = `file://${fixturePath('rss/rss-nature-2024-07-18.rdf.xml')}`;
const slice = fixturePath('papers/corpus-slice.jsonl');
const elife = fixturePath('import/bibtex-crossref-elife-2014.bib');

describe('concurrent writers', () => {
  test('SQLite waits 5 s for a busy store before it gives up', () => {
    const db = openDb(inDir(dir.path, 'store.sqlite'));
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  test.each([
    ['two imports', ['import', slice], ['import', elife], 313 + 1],
    ['a fetch and an import', ['fetch', '--feed', nature, '--config', 'none.yaml'], ['import', elife], 75 + 1],
  ])('%s at once: both wait for the store, say so, and store everything', async (_name, first, second, papers) => {
    const db = inDir(dir.path, 'store.sqlite');
    const holder = lockHolder();
    await holder.hold(db);
    // Both start while another run holds the store and wait for it; once it ends they contend for
    // it, and neither may die of "database is locked".
    let waiting = 0;
    let bothWait: () => void = () => undefined;
    const bothWaiting = new Promise<void>((done) => { bothWait = done; });
    const runs = [first, second].map((argv) => {
      let told = false;
      return runBin([...argv, '--db', db, '--wait', '60'], {
        cwd: dir.path,
        onErr: (text) => {
          if (told || !text.includes('waiting for the store')) return;
          told = true;
          if (++waiting === 2) bothWait();
        },
      });
    });
    await bothWaiting;
    holder.process.kill('SIGKILL');
    await ended(holder);
    const results = await Promise.all(runs);
    for (const result of results) {
      expect(result.code, result.err).toBe(0);
      expect(result.err).toContain(`waiting for the store: another digest run (digest fetch, pid ${holder.process.pid} on `);
      expect(result.err).not.toMatch(/locked|internal error/);
    }
    const store = openDb(db);
    expect(countPapers(store)).toBe(papers);
    store.close();
  });
});

const week = fixturePath('papers/sample-week.jsonl.gz');
const digest = (name: string) => inDir(dir.path, name);

/** A store file holding the 313 papers of the corpus slice, closed. */
async function filledStore(): Promise<string> {
  const db = inDir(dir.path, 'store.sqlite');
  expect((await runCli('import', slice, '--db', db)).code).toBe(0);
  return db;
}

/** Files in a folder whose name ends in `.tmp`. */
const leftovers = (folder: string) => readdirSync(folder, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));

const damaged = (db: string, detail: string) => `digest: ${db}: the paper store is damaged (${detail}): restore it from a backup, `
  + 'or remove it (with its -wal and -shm files) to start a new one; the next fetch collects the sources\' recent papers again\n';

describe('a damaged store', () => {
  /**
   * Overwrites a table's root page with garbage, as a bad disk or a half-copied file would; returns
   * the page number.
   */
  function damage(db: string, table: string): number {
    const store = new Database(db);
    const root = store.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
    const pageSize = store.pragma('page_size', { simple: true }) as number;
    store.close();
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    return root;
  }

  // `papers` is read by every command; `deliveries` by none of these, so only the quick check finds it.
  describe.each(['papers', 'deliveries'])('a damaged page of %s', (table) => {
    test.each([
      ['search', ['search', 'electrolyte']],
      ['fetch', ['fetch', '--feed', nature, '--config', 'none.yaml']],
      ['import', ['import', elife]],
    ])('%s notices, exits 1 and says what to do', async (_name, argv) => {
      const db = await filledStore();
      const page = damage(db, table);
      expect(await runCli(...argv, '--db', db)).toEqual({
        code: 1, out: '', err: damaged(db, `SQLite's quick check: Tree ${page} page ${page}: btreeInitPage() returns error code 11`),
      });
    });
  });

  test('check: false skips the quick check (a server that opens the store often); the checked open refuses', async () => {
    const db = await filledStore();
    const page = damage(db, 'deliveries');
    const unchecked = openDb(db, { create: false, check: false });
    expect(countPapers(unchecked)).toBe(313);
    unchecked.close();
    expect(() => openDb(db, { create: false })).toThrow(`${db}: the paper store is damaged (SQLite's quick check: Tree ${page} page ${page}: btreeInitPage() returns error code 11)`);
  });

  test('a file that is not a store at all gets the same advice', async () => {
    const db = inDir(dir.path, 'store.sqlite');
    writeFileSync(db, 'these are my notes, not a database\n'.repeat(1000));
    expect(await runCli('search', 'electrolyte', '--db', db)).toEqual({ code: 1, out: '', err: damaged(db, 'file is not a database') });
  });
});

describe('a read-only store', () => {
  // As root, file modes do not stop writes: the immutable flag does (ext4, the temporary folder's
  // file system here); elsewhere a mode of 0444 is enough.
  const root = process.getuid?.() === 0;
  const readOnly = (file: string) => (root ? execFileSync('chattr', ['+i', file]) : execFileSync('chmod', ['0444', file]));
  const writable = (file: string) => (root ? spawnSync('chattr', ['-i', file]) : spawnSync('chmod', ['0644', file]));
  let file: string | undefined;
  afterEach(() => { if (file) writable(file); file = undefined; });

  test('writing commands say so and exit 1; reading commands still read it', async () => {
    const db = await filledStore();
    file = db;
    readOnly(db);
    expect(await runCli('import', elife, '--db', db)).toEqual({
      code: 1, out: '',
      err: `digest: ${db}: the paper store is read-only (attempt to write a readonly database): make it and its folder writable, or pass --db PATH\n`,
    });
    const search = await runCli('search', 'electrolyte', '--limit', '1', '--db', db);
    expect({ code: search.code, err: search.err }).toEqual({ code: 0, err: '' });
    expect(search.out).toMatch(/^ {2}1\. +\d+\.\d\d {2}\S/);
  });
});

describe('a failed write leaves no temporary file behind', () => {
  test('export to a path that is a folder: one line, exit 1, no .tmp left', async () => {
    const out = inDir(dir.path, 'out.md');
    mkdirSync(out);
    const digestFile = digest('digest.json');
    writeFileSync(digestFile, JSON.stringify((await import('../../test/fixture-digests.ts')).corpusSliceDigest()));
    expect(await runCli('export', '--digest', digestFile, '--format', 'markdown', '--out', out)).toEqual({
      code: 1, out: '', err: `digest: ${out}: cannot be written (it is a folder)\n`,
    });
    expect(leftovers(dir.path)).toEqual([]);
  });

  test('papers --out to a path that is a folder: the same', async () => {
    const db = await filledStore();
    const out = inDir(dir.path, 'papers.jsonl');
    mkdirSync(out);
    expect(await runCli('papers', '--db', db, '--out', out)).toEqual({ code: 1, out: '', err: `digest: ${out}: cannot be written (it is a folder)\n` });
    expect(leftovers(dir.path)).toEqual([]);
  });
});

/** Writes into `file` until the disk is full. */
function fillUp(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (;;) writeSync(fd, Buffer.alloc(16 * 1024));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe('a full disk', () => {
  test('SQLite\'s "disk is full" is a one-line store error, and the store keeps what it had', () => {
    const path = inDir(dir.path, 'store.sqlite');
    const db = openDb(path);
    upsertPapers(db, [paper({ id: 'x:1', title: 'Stored before the disk filled up' })], { source: 's', now: new Date('2026-06-01') });
    // max_page_count makes SQLite answer SQLITE_FULL, as a full disk does (the test needs no root).
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const many = Array.from({ length: 2000 }, (_, i) => paper({ id: `x:${i + 2}`, title: `Paper ${i} ${'on solid electrolytes '.repeat(20)}` }));
    let thrown: unknown;
    try {
      upsertPapers(db, many, { source: 's', now: new Date('2026-06-01') });
    } catch (error) {
      thrown = error;
    }
    expect(storeFailure(path, thrown)?.message).toBe(`${path}: the disk is full (database or disk is full): free some space and run again; `
      + 'the store keeps everything it held before this step');
    expect(countPapers(db)).toBe(1);
    db.close();
  });

  describe('on a 2 MB file system (tmpfs)', () => {
    // Mounting needs root; the max_page_count test above covers the same path without it.
    const mountPoint = tempDir('labdigest-tiny-');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint.path]).status === 0;
    afterAll(() => {
      if (mounted) spawnSync('umount', [mountPoint.path]);
      mountPoint.remove();
    });
    beforeAll(() => { if (!mounted) console.warn('tmpfs not mountable here (not root?): the full-disk tests on a real file system are skipped'); });

    test.runIf(mounted)('an import that fills the disk fails in one line; the store keeps its papers', async () => {
      const db = inDir(mountPoint.path, 'store.sqlite');
      expect((await runCli('import', elife, '--db', db)).code).toBe(0);
      const result = await runCli('import', week, '--db', db);
      expect(result).toEqual({
        code: 1, out: '',
        err: `digest: ${db}: the disk is full (database or disk is full): free some space and run again; the store keeps everything it held before this step\n`,
      });
      const store = openDb(db, { create: false });
      expect(countPapers(store)).toBe(1);
      store.close();
    });

    test.runIf(mounted)('an export that fills the disk fails in one line and leaves no .tmp file', async () => {
      const digestFile = digest('digest.json');
      writeFileSync(digestFile, JSON.stringify((await import('../../test/fixture-digests.ts')).sampleWeekDigest()));
      fillUp(inDir(mountPoint.path, 'filler'));
      const out = inDir(mountPoint.path, 'digest.html');
      expect(await runCli('export', '--digest', digestFile, '--format', 'html', '--out', out)).toEqual({
        code: 1, out: '', err: `digest: ${out}: cannot be written (the disk is full)\n`,
      });
      expect(leftovers(mountPoint.path)).toEqual([]);
    });
  });
});
