import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { countPapers, papersSince } from '../store/queries.ts';
import { getSourceState, recentFetchRuns } from '../store/source-state.ts';
import { createPoliteness } from './politeness.ts';
import { configWith } from '../../test/configs.ts';
import { serveFixture, startServer, type TestServer } from '../../test/fixture-server.ts';
import { runFetch } from './run-fetch.ts';

const ingestDir = fileURLToPath(new URL('../..', import.meta.url));
let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts the child, resolves with its first stdout line, and SIGKILLs it right then. */
function runChildAndKill(dbPath: string, origin: string): Promise<{ line: string; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash-child.ts', dbPath, origin], { cwd: ingestDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let line = '';
  child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (!line && out.includes('\n')) {
      line = out.split('\n')[0] ?? '';
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => (line ? resolve({ line, signal }) : reject(new Error(`child ended without reaching the transaction:\n${err}`))));
  });
}

test('a process killed inside a source\'s transaction leaves the sources before it, and none of that source', async () => {
  server = await startServer({
    '/rss/jacs.xml': serveFixture('rss/rss-acs-jacs-mirrored-2026-08-22.xml'),
    '/works': serveFixture('crossref/crossref-works-sample-10.json', { 'content-type': 'application/json' }),
  });
  dir = mkdtempSync(join(tmpdir(), 'labdigest-crash-'));
  const dbPath = join(dir, 'store.sqlite');

  const { line, signal } = await runChildAndKill(dbPath, server.origin);
  // Inside the transaction the child saw its own uncommitted rows: 150 from "first", 9 from "second".
  expect(line).toBe('in transaction: 159 papers visible');
  expect(signal).toBe('SIGKILL');
  expect(existsSync(`${dbPath}-wal`)).toBe(true);

  const db = openDb(dbPath);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(countPapers(db)).toBe(150);
  expect(new Set(papersSince(db).map((p) => p.source))).toEqual(new Set(['first']));
  expect(recentFetchRuns(db).map((r) => r.source)).toEqual(['first']);
  expect(getSourceState(db, 'first')).not.toBeNull();
  expect(getSourceState(db, 'second')).toBeNull();
  // FTS5's own check, against the content table (rank 1): the index holds exactly the stored rows.
  expect(() => db.prepare("INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  expect(db.prepare('SELECT count(*) FROM papers_fts_docsize').pluck().get()).toBe(150);

  // Rerunning completes the interrupted source and repeats the other without duplicating it.
  const report = await runFetch({ config: configWith([
    { name: 'first', type: 'feed', url: `${server.origin}/rss/jacs.xml` },
    { name: 'second', type: 'crossref', rows: 20 },
  ]), configFile: 'crash.yaml' }, {
    db, env: {}, now: () => Date.parse('2026-08-23T06:00:00Z'),
    politeness: createPoliteness({ intervals: {}, defaultIntervalMs: 0 }),
    endpoints: { arxivApi: '', arxivRss: '', crossref: `${server.origin}/works`, openalex: '' },
  });
  expect(report.sources.map((s) => [s.source, s.new, s.duplicates])).toEqual([['first', 0, 150], ['second', 9, 0]]);
  expect(countPapers(db)).toBe(159);
  db.close();
}, 30_000);
