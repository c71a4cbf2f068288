import { writeFileSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { countPapers } from '../store/queries.ts';
import { serveFixture, startServer, status, type TestServer } from '../../test/fixture-server.ts';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';

let dir = tempDir();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  dir.remove();
  dir = tempDir();
});

function writeConfig(sources: string): string {
  const file = inDir(dir.path, 'digest.config.yaml');
  writeFileSync(file, `group:\n  name: Test Group\nareas:\n  - id: batteries\n    name: Batteries\n    keywords: [electrolyte]\nsources:\n${sources}`);
  return file;
}

test('digest fetch stores the sources and prints the summary', async () => {
  server = await startServer({ '/nature.xml': serveFixture('rss/rss-nature-2024-07-18.rdf.xml'), '/gone.xml': status(404) });
  const config = writeConfig(`  - { name: nature, type: feed, url: "${server.origin}/nature.xml" }\n  - { name: gone, type: feed, url: "${server.origin}/gone.xml" }\n`);
  const db = inDir(dir.path, 'data/store.sqlite');
  const { code, out, err } = await runCli('fetch', '--config', config, '--db', db);
  expect(code).toBe(0);
  expect(out).toBe([
    'source  fetched  new  duplicates  rejected  errors',
    'nature       75   75           0         0       0',
    'gone          0    0           0         0       1  failed',
    'total        75   75           0         0       1',
    '',
    `gone: [GET] "${server.origin}/gone.xml": 404 Not Found (after 1 attempt)`,
    '',
  ].join('\n'));
  // The first fetch makes the store's folder, and says so.
  expect(err).toBe(`new paper store at ${db} (its folder made too)\nnature: page 1, 75 papers\ngone: [GET] "${server.origin}/gone.xml": 404 Not Found (after 1 attempt)\n`);
  const s = openDb(db);
  expect(countPapers(s)).toBe(75);
  s.close();
});

test('digest fetch fails with exit 1 when nothing could be fetched', async () => {
  server = await startServer({ '/gone.xml': status(410) });
  const config = writeConfig(`  - { name: gone, type: feed, url: "${server.origin}/gone.xml" }\n`);
  const { code, out, err } = await runCli('fetch', '--config', config, '--db', inDir(dir.path, 's.sqlite'));
  expect(code).toBe(1);
  expect(out).toBe([
    'source  fetched  new  duplicates  rejected  errors',
    'gone          0    0           0         0       1  failed',
    '',
    `gone: [GET] "${server.origin}/gone.xml": 410 Gone (after 1 attempt)`,
    '',
    'nothing could be fetched: every source failed',
    '',
  ].join('\n'));
  expect(err.endsWith('digest: nothing could be fetched: every source failed (see above)\n')).toBe(true);
});

test('usage errors exit 2; config errors exit 1 and name the file', async () => {
  expect(await runCli('fetch', '--feed', 'https://x.org/rss', '--source', 'jacs')).toEqual({
    code: 2, out: '', err: 'digest: fetch: --feed and --source cannot be used together: --feed fetches only that URL\n',
  });
  expect(await runCli('fetch', '--since', 'last week')).toMatchObject({ code: 2, err: expect.stringContaining("option '--since <date>' argument 'last week' is invalid. expected a date like 2026-06-01 or an ISO time, saw \"last week\"") });
  const missing = inDir(dir.path, 'nope.yaml');
  const result = await runCli('fetch', '--config', missing, '--db', inDir(dir.path, 's.sqlite'));
  expect(result.code).toBe(1);
  expect(result.err).toMatch(new RegExp(`^digest: ${missing}: the config has 1 problem:\\n`));
});
