import { chmodSync, existsSync, lstatSync, statSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fixturePath } from '@labdigest/fixtures';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { inDir, runBin, runCli, tempDir } from '../../test/run-cli.ts';
import { backupCommand, backupFailure } from './backup-command.ts';

let dir: { path: string; remove: () => void };
beforeEach(() => { dir = tempDir(); });
afterEach(() => dir.remove());

test('digest backup writes a checked copy of the store, and replaces an older backup', async () => {
  const db = inDir(dir.path, 'labdigest.sqlite');
  expect((await runCli('import', fixturePath('papers/corpus-slice.jsonl'), '--db', db)).code).toBe(0);
  const out = inDir(dir.path, 'backup.sqlite');
  for (let run = 0; run < 2; run++) {
    const { code, out: printed, err } = await runCli('backup', '--db', db, '--out', out);
    expect([code, printed]).toEqual([0, `${out}\n`]);
    expect(err).toMatch(new RegExp(`^backed up ${db}: 313 papers, 0 devices, 0 shared states, \\d+\\.\\d MB\\n$`));
  }
  const copy = new Database(out, { readonly: true });
  expect(copy.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(313);
  expect(copy.prepare("SELECT count(*) FROM papers_fts WHERE papers_fts MATCH 'electrolyte'").pluck().get()).toBeGreaterThan(0);
  copy.close();
  expect(existsSync(`${out}.${process.pid}.tmp`)).toBe(false);
});

test('a new store and its backups are readable by their owner alone; a backup never by more than the store', async () => {
  const db = inDir(dir.path, 'labdigest.sqlite');
  expect((await runCli('import', fixturePath('papers/corpus-slice.jsonl'), '--db', db)).code).toBe(0);
  const mode = (path: string) => statSync(path).mode & 0o777;
  expect(mode(db)).toBe(0o600);
  const out = inDir(dir.path, 'backup.sqlite');
  expect((await runCli('backup', '--db', db, '--out', out)).code).toBe(0);
  expect(mode(out)).toBe(0o600);
  // A store an admin shared with the group (and the world): its backup keeps the group, not the world.
  chmodSync(db, 0o664);
  expect((await runCli('backup', '--db', db, '--out', out)).code).toBe(0);
  expect(mode(out)).toBe(0o660);
});

test('a backup that could not be written (a full disk where it goes) names --out, anything else the store', () => {
  const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  expect(backupFailure(full, { db: 'data/labdigest.sqlite', out: '/mnt/usb/b.sqlite' }).message)
    .toBe('/mnt/usb/b.sqlite: the backup could not be written here: the disk is full; the store is as it was');
  const damaged = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
  expect(backupFailure(damaged, { db: 'data/labdigest.sqlite', out: '/mnt/usb/b.sqlite' }).message)
    .toBe('data/labdigest.sqlite: the backup failed: database disk image is malformed');
});

test('a missing store, the store itself as the target, or a missing folder is a clear error (exit 1)', async () => {
  const db = inDir(dir.path, 'labdigest.sqlite');
  expect(await runCli('backup', '--db', db, '--out', inDir(dir.path, 'b.sqlite'))).toEqual({ code: 1, out: '', err: `digest: ${db}: no paper store here: nothing to back up (pass --db PATH)\n` });
  mkdirSync(inDir(dir.path, 'data'));
  expect((await runCli('import', fixturePath('papers/corpus-slice.jsonl'), '--db', db)).code).toBe(0);
  expect(await runCli('backup', '--db', db, '--out', db)).toEqual({ code: 1, out: '', err: `digest: --out ${db}: is the paper store itself: write elsewhere\n` });
  const nowhere = inDir(dir.path, 'missing/b.sqlite');
  expect(await runCli('backup', '--db', db, '--out', nowhere)).toEqual({ code: 1, out: '', err: `digest: ${nowhere}: cannot write here: the folder ${inDir(dir.path, 'missing')} does not exist\n` });
  expect((await runCli('backup', '--db', db)).code).toBe(2);
});

/** A store of the corpus slice in the test's folder. */
async function sliceStore(): Promise<string> {
  const db = inDir(dir.path, 'labdigest.sqlite');
  expect((await runCli('import', fixturePath('papers/corpus-slice.jsonl'), '--db', db)).code).toBe(0);
  return db;
}

const papersIn = (file: string) => {
  const copy = new Database(file, { readonly: true });
  try {
    return copy.prepare('SELECT count(*) FROM papers').pluck().get();
  } finally {
    copy.close();
  }
};

test('--out a folder writes labdigest-YYYY-MM-DD.sqlite in it (the local date) and says so', async () => {
  const db = await sliceStore();
  const folder = inDir(dir.path, 'backups');
  mkdirSync(folder);
  writeFileSync(inDir(folder, 'labdigest-2026-06-07.sqlite'), 'yesterday');
  let err = '';
  const report = await backupCommand({ db, out: folder, now: new Date(2026, 5, 8, 23, 30) }, { out: () => undefined, err: (s) => { err += s; } });
  const file = inDir(folder, 'labdigest-2026-06-08.sqlite');
  expect(report.file).toBe(file);
  expect(err.split('\n', 1)).toEqual([`${folder} is a folder: the backup goes in it as labdigest-2026-06-08.sqlite`]);
  expect(readdirSync(folder).sort()).toEqual(['labdigest-2026-06-07.sqlite', 'labdigest-2026-06-08.sqlite']);
  expect(readFileSync(inDir(folder, 'labdigest-2026-06-07.sqlite'), 'utf8')).toBe('yesterday');
  expect(papersIn(file)).toBe(313);
  expect(readdirSync(dir.path).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});

test('--out with a trailing slash is a folder: there it gets the dated file, missing it is an error, and no temporary file is left', async () => {
  const db = await sliceStore();
  mkdirSync(inDir(dir.path, 'backups'));
  const { code, out } = await runCli('backup', '--db', db, '--out', `${inDir(dir.path, 'backups')}/`);
  expect(code).toBe(0);
  expect(out).toMatch(new RegExp(`^${inDir(dir.path, 'backups')}/labdigest-\\d{4}-\\d{2}-\\d{2}\\.sqlite\\n$`));
  expect(papersIn(out.trimEnd())).toBe(313);
  const missing = `${inDir(dir.path, 'missing')}/`;
  expect(await runCli('backup', '--db', db, '--out', missing))
    .toEqual({ code: 1, out: '', err: `digest: ${missing}: cannot write here: the folder ${inDir(dir.path, 'missing')} does not exist\n` });
  expect(readdirSync(dir.path).sort()).toEqual(['backups', 'labdigest.sqlite', 'labdigest.sqlite.lock']);
});

test('--out a symlink replaces the file it leads to and keeps the link; a link to the store, a device or "-" is refused', async () => {
  const db = await sliceStore();
  writeFileSync(inDir(dir.path, 'old.sqlite'), 'an older backup');
  symlinkSync('old.sqlite', inDir(dir.path, 'latest.sqlite'));
  expect((await runCli('backup', '--db', db, '--out', inDir(dir.path, 'latest.sqlite'))).code).toBe(0);
  expect(readlinkSync(inDir(dir.path, 'latest.sqlite'))).toBe('old.sqlite');
  expect(papersIn(inDir(dir.path, 'old.sqlite'))).toBe(313);

  symlinkSync('labdigest.sqlite', inDir(dir.path, 'store-link.sqlite'));
  symlinkSync('/dev/null', inDir(dir.path, 'discard'));
  const refusals = [
    [inDir(dir.path, 'store-link.sqlite'), `--out ${inDir(dir.path, 'store-link.sqlite')}: is the paper store itself: write elsewhere`],
    [inDir(dir.path, 'discard'), `${inDir(dir.path, 'discard')}: is a character device, not a file: a backup is a SQLite database, write it to a file or a folder`],
  ] as const;
  for (const [out, message] of refusals) expect(await runCli('backup', '--db', db, '--out', out)).toEqual({ code: 1, out: '', err: `digest: ${message}\n` });
  // In a process of its own, in the test's folder: a file named "-" would show up there, not in the repository.
  expect(await runBin(['backup', '--db', db, '--out', '-'], { cwd: dir.path })).toEqual({
    code: 1, out: '', err: 'digest: --out -: a backup is a SQLite database, not text for standard output: name a file or a folder\n',
  });
  expect(lstatSync(inDir(dir.path, 'discard')).isSymbolicLink()).toBe(true);
  expect(papersIn(db)).toBe(313);
  expect(readdirSync(dir.path).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});
