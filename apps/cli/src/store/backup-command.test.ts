import { existsSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fixturePath } from '@labdigest/fixtures';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';

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

test('a missing store, the store itself as the target, or a missing folder is a clear error (exit 1)', async () => {
  const db = inDir(dir.path, 'labdigest.sqlite');
  expect(await runCli('backup', '--db', db, '--out', inDir(dir.path, 'b.sqlite'))).toEqual({ code: 1, out: '', err: `digest: ${db}: no paper store here: nothing to back up (pass --db PATH)\n` });
  mkdirSync(inDir(dir.path, 'data'));
  expect((await runCli('import', fixturePath('papers/corpus-slice.jsonl'), '--db', db)).code).toBe(0);
  expect(await runCli('backup', '--db', db, '--out', db)).toEqual({ code: 1, out: '', err: `digest: ${db}: is the store itself: write the backup to another file\n` });
  const nowhere = inDir(dir.path, 'missing/b.sqlite');
  expect(await runCli('backup', '--db', db, '--out', nowhere)).toEqual({ code: 1, out: '', err: `digest: ${nowhere}: cannot write here: the folder ${inDir(dir.path, 'missing')} does not exist\n` });
  expect((await runCli('backup', '--db', db)).code).toBe(2);
});
