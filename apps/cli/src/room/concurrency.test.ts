// The server shares the store with the batch commands: it never takes their lock, waits for their
// write transactions without blocking its other requests, and loses no write.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePath } from '@labdigest/fixtures';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { startTestRoom, type TestRoom } from '../../test/room-server.ts';

const cliDir = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
const rooms: TestRoom[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const room of rooms.splice(0)) await room.close();
});

/**
 * Starts `node --import tsx <args>` in apps/cli, with `input` on its standard input when given; resolves
 * once it prints `ready` (when given), with its exit.
 */
async function child(args: string[], ready?: string, input?: string): Promise<{ process: ChildProcess; exit: Promise<{ code: number | null; output: string }> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: cliDir, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (input !== undefined) proc.stdin?.write(input); // left open: test/hold-lock.ts holds its locks until killed
  children.push(proc);
  let output = '';
  const exit = new Promise<{ code: number | null; output: string }>((done) => { proc.on('exit', (code) => done({ code, output })); });
  await new Promise<void>((done, fail) => {
    if (!ready) done();
    proc.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); if (ready && output.includes(ready)) done(); });
    proc.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    proc.on('exit', (code) => fail(new Error(`child exited ${code} before "${ready}": ${output}`)));
  });
  return { process: proc, exit };
}

async function room(): Promise<{ room: TestRoom; token: string }> {
  // These tests write as fast as they can: no rate limit stands in the way.
  const r = await startTestRoom({ server: { rateLimit: { perMinute: 1_000_000, burst: 1_000_000 } } });
  rooms.push(r);
  return { room: r, token: (await r.join('Naibing Wu')).token };
}

const star = (i: number) => ({ changes: [{ paper: `arxiv:2606.${String(i).padStart(5, '0')}`, field: 'starred', value: true, at: new Date().toISOString() }] });

describe('the server beside the batch commands', () => {
  test('the batch commands\' store lock does not stop the server\'s writes', async () => {
    const { room: r, token } = await room();
    await child(['test/hold-lock.ts'], 'holding', `hold ${r.db}\n`);
    const res = await r.request('/api/state', { token, body: star(1) });
    expect([res.status, (res.json as { accepted: number }).accepted]).toEqual([200, 1]);
  });

  test('while another process holds the write lock, writes wait for it and reads go on', async () => {
    const { room: r, token } = await room();
    const holder = await child(['test/hold-write.ts', r.db, '1500'], 'writing');
    const started = Date.now();
    const write = r.request('/api/state', { token, body: star(1) });
    await new Promise((done) => { setTimeout(done, 200); });
    const read = await r.request('/api/me', { token }); // answered while the write waits
    expect([read.status, Date.now() - started < 1500]).toEqual([200, true]);
    const written = await write;
    expect([written.status, (written.json as { accepted: number }).accepted]).toEqual([200, 1]);
    expect((await holder.exit).code).toBe(0);
  });

  test('digest import and digest build run while members write: every write is kept, and the digest is written', async () => {
    const { room: r, token } = await room();
    const batch = (async () => {
      const imported = await (await child(['src/cli.ts', 'import', fixturePath('papers/sample-week.jsonl.gz'), '--db', r.db])).exit;
      const built = await (await child(['src/cli.ts', 'build', '--config', r.config, '--db', r.db, '--digests', r.digests, '--since', '2000-01-01'])).exit;
      return [imported, built];
    })();
    let done = false;
    void batch.then(() => { done = true; });
    const statuses: number[] = [];
    for (let i = 0; !done || i < 50; i++) statuses.push((await r.request('/api/state', { token, body: star(i) })).status);
    const [imported, built] = await batch;
    expect([imported?.code, built?.code], `${imported?.output}\n${built?.output}`).toEqual([0, 0]);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const db = new Database(r.db, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM paper_state').pluck().get()).toBe(statuses.length);
    expect(db.prepare('SELECT count(*) FROM papers').pluck().get()).toBeGreaterThan(1000);
    db.close();
    expect(existsSync(join(r.digests, 'index.json'))).toBe(true);
  });

  test('digest backup copies one consistent state while members write', async () => {
    const { room: r, token } = await room();
    const out = join(r.dir, 'backup.sqlite');
    const backup = await child(['src/cli.ts', 'backup', '--db', r.db, '--out', out]);
    let finished = false;
    void backup.exit.then(() => { finished = true; });
    const cursors: number[] = [];
    while (!finished || cursors.length < 20) {
      const res = await r.request('/api/state', { token, body: star(cursors.length) });
      expect(res.status).toBe(200);
      cursors.push((res.json as { cursor: number }).cursor);
    }
    const { code, output } = await backup.exit;
    expect([code, output]).toEqual([0, expect.stringMatching(/^backed up .*labdigest\.sqlite: 0 papers, 1 devices, \d+ shared states, [\d.]+ MB\n.*backup\.sqlite\n$/s) as string]);
    const copy = new Database(out, { readonly: true });
    const seqs = copy.prepare('SELECT seq FROM paper_state ORDER BY seq').pluck().all() as number[];
    copy.close();
    // Each write was one change with its own sequence number, answered as its cursor: a consistent
    // copy holds every write up to its last one, and none after.
    const last = seqs.at(-1) ?? 0;
    expect(seqs).toEqual(cursors.filter((c) => c <= last));
  });
});
