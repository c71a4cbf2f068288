import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from '@labdigest/fixtures';
import { afterAll, describe, expect, test } from 'vitest';
import { killHolders, lockHolder, type LockHolder } from '../../test/lock-holder.ts';
import { runCli } from '../../test/run-cli.ts';
import { withLock } from './lock.ts';
import { openDb } from './open-db.ts';
import { countPapers } from './queries.ts';

const store = () => join(mkdtempSync(join(tmpdir(), 'lock-')), 'store.sqlite');
const holder = lockHolder;
let shared: LockHolder | undefined;
/** The holder most tests share; tests that kill their holder start their own. */
const other = () => (shared ??= holder());
afterAll(killHolders);

describe('the store lock', () => {
  test('a second run is refused while another process holds it, and told who', async () => {
    const db = store();
    await other().hold(db);
    await expect(withLock(db, () => 'second', { command: 'digest build' })).rejects.toThrow(
      new RegExp(`^${db}\\.lock: another digest run \\(digest fetch, pid ${other().process.pid} on ${hostname()}, since \\d{4}-\\d\\d-\\d\\dT[\\d:]{8}Z\\) is using the store; try again when it ends$`));
  });

  test('a run killed while holding it leaves nothing to wait for: the operating system releases it', async () => {
    const db = store();
    const own = holder();
    await own.hold(db);
    own.process.kill('SIGKILL');
    await new Promise((done) => own.process.on('exit', done));
    expect(existsSync(`${db}.lock.owner`)).toBe(true); // the dead run's note stays; it is never trusted
    expect(await withLock(db, () => 'taken', { command: 'digest build' })).toBe('taken');
  });

  test('a second run waits for the first, says so once, and runs when it ends', async () => {
    const db = store();
    const notes: string[] = [];
    let release: () => void = () => undefined;
    const first = withLock(db, () => new Promise<void>((done) => { release = done; }), { command: 'digest fetch' });
    await new Promise((done) => setTimeout(done, 50));
    const second = withLock(db, () => 'second ran', { command: 'digest build', waitMs: 10_000, note: (t) => notes.push(t) });
    await new Promise((done) => setTimeout(done, 300));
    release();
    await first;
    expect(await second).toBe('second ran');
    expect(notes).toEqual([expect.stringMatching(new RegExp(`^waiting for the store: another digest run \\(digest fetch, pid ${process.pid} on .+\\) holds ${db}\\.lock; giving up in (9|10) s\\n$`))]);
  });

  test('a wait that runs out is refused, saying how long it waited', async () => {
    const db = store();
    await withLock(db, async () => {
      await expect(withLock(db, () => 'second', { command: 'digest build', waitMs: 400 })).rejects.toThrow(/is using the store; try again when it ends \(waited 0 s\)$/);
    }, { command: 'digest fetch' });
    expect(await withLock(db, () => 'free again', { command: 'digest build' })).toBe('free again');
  });

  test('a pid file left by an earlier labdigest is taken over when its process is gone, refused while it runs', async () => {
    const db = store();
    writeFileSync(`${db}.lock`, '999999\n');
    expect(await withLock(db, () => 'taken', { command: 'digest build' })).toBe('taken');
    const running = store();
    writeFileSync(`${running}.lock`, '1\n'); // pid 1 is alive
    await expect(withLock(running, () => 'second', { command: 'digest build' })).rejects.toThrow(`${running}.lock: an older digest run (pid 1) is using the store; try again when it ends`);
  });

  test('a folder where the lock file belongs is a clear error', async () => {
    const db = store();
    mkdirSync(`${db}.lock`);
    await expect(withLock(db, () => 'never', { command: 'digest fetch' })).rejects.toThrow(
      `${db}.lock: is a folder, where the store's lock file belongs: remove it, or pass --db PATH to use another store`);
  });

  // /sys is read-only to root too (a read-only folder made with chmod is not, for root).
  test.skipIf(!existsSync('/sys'))('a folder that cannot be written is named, not a lock file that is not there', async () => {
    await expect(withLock('/sys/labdigest.sqlite', () => 'never', { command: 'digest import' })).rejects.toThrow(
      /^\/sys: the store's folder cannot be written, so its lock file cannot be made \(.+\): pass --db PATH in a folder you can write$/);
  });
});

describe('every command that writes the store takes the lock', () => {
  const feed = `file://${fixturePath('rss/rss-nature-2024-07-18.rdf.xml')}`;
  const papers = fixturePath('papers/corpus-slice.jsonl');
  const config = fixturePath('../digest.config.yaml');

  test.each([
    ['fetch', ['fetch', '--feed', feed]],
    ['import', ['import', papers]],
    ['build', ['build', '--config', config, '--digests', 'DIGESTS']],
  ])('%s refuses while another process holds the store, and stores nothing', async (_name, argv) => {
    const db = store();
    openDb(db).close();
    await other().hold(db);
    const digests = join(mkdtempSync(join(tmpdir(), 'digests-')), 'out');
    const result = await runCli(...argv.map((a) => (a === 'DIGESTS' ? digests : a)), '--db', db, '--wait', '0');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^digest: ${db}\\.lock: another digest run \\(digest fetch, pid ${other().process.pid} on .+\\) is using the store; try again when it ends\\n$`));
    const check = openDb(db);
    expect(countPapers(check)).toBe(0);
    check.close();
    expect(existsSync(digests)).toBe(false);
  });

  test('fetch waits for the holder when told to, then stores', async () => {
    const db = store();
    const own = holder();
    await own.hold(db);
    setTimeout(() => own.process.kill('SIGKILL'), 500);
    const result = await runCli('fetch', '--feed', feed, '--db', db, '--wait', '20');
    expect(result.code).toBe(0);
    expect(result.err).toContain(`waiting for the store: another digest run (digest fetch, pid ${own.process.pid}`);
    const check = openDb(db);
    expect(countPapers(check)).toBeGreaterThan(0);
    check.close();
    expect(readFileSync(`${db}.lock`).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
