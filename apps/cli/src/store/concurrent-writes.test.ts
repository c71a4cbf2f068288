// The batch commands share the store with the reading room's server, which writes at any moment.
// A transaction that reads before it writes must take the write lock when it begins: in WAL mode a
// read snapshot cannot become a write once another connection has committed, and SQLite refuses it
// at once ("database is locked") instead of waiting.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePath } from '@labdigest/fixtures';
import { afterEach, expect, test } from 'vitest';
import { saveSourceRun } from '../net/save-source.ts';
import { readPapers } from '../read-papers.ts';
import { openDb } from './open-db.ts';
import { countPapers, upsertPapers } from './queries.ts';

const cliDir = fileURLToPath(new URL('../..', import.meta.url));
let writer: ChildProcess | undefined;
afterEach(() => { writer?.kill('SIGKILL'); });

test('imports and fetch runs write beside a process that writes all the time', async () => {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'concurrent-')), 'store.sqlite'));
  const { papers } = await readPapers(fixturePath('papers/corpus-slice.jsonl'));
  upsertPapers(db, papers.slice(0, 100), { source: 'seed', now: new Date() });
  writer = spawn(process.execPath, ['--import', 'tsx', 'test/write-loop.ts', db.name], { cwd: cliDir, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((done) => { writer?.stdout?.on('data', (chunk: Buffer) => { if (chunk.toString().includes('writing')) done(); }); });
  for (let run = 0; run < 10; run++) {
    // Each reads the stored papers to match against before it writes.
    upsertPapers(db, papers.slice(run * 20, run * 20 + 120), { source: 'import', now: new Date() });
    saveSourceRun(db, { source: 'feed', papers: papers.slice(run * 25, run * 25 + 40), rejected: 0, errors: [], started: new Date(), now: new Date(), state: null });
  }
  expect(countPapers(db)).toBe(300);
  db.close();
});
