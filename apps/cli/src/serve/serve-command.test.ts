import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '@labdigest/fixtures';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../../test/run-cli.ts';
import { startServeProcess } from '../../test/serve-process.ts';
import { serveCommand } from './serve-command.ts';

const dir = tempDir();
afterAll(() => dir.remove());
const reader = join(dir.path, 'reader');
mkdirSync(reader);
writeFileSync(join(reader, 'index.html'), '<!doctype html><title>reader</title>');
const quiet = { out: () => undefined, err: () => undefined };
const serve = (host: string, port: number) => serveCommand({ reader, digests: join(dir.path, 'digests'), port, host }, quiet);

describe('digest serve: where it cannot listen, says which option to change', () => {
  test('a port in use', async () => {
    const first = await serve('127.0.0.1', 0);
    const port = Number(new URL(first.url).port);
    try {
      await expect(serve('127.0.0.1', port)).rejects.toThrow(`127.0.0.1:${port}: the port is in use: pick another with --port N`);
    } finally {
      await first.close();
    }
  });

  test('an address no interface of this machine has', async () => {
    await expect(serve('10.255.255.1', 0)).rejects.toThrow(/^--host 10\.255\.255\.1: no network interface of this machine has this address: use 127\.0\.0\.1 \(this machine only\), 0\.0\.0\.0 \(every address\) or one of .*127\.0\.0\.1/);
  });

  test('a name that resolves to nothing', async () => {
    await expect(serve('999.1.1.1', 0)).rejects.toThrow('--host 999.1.1.1: not an address or a name this machine resolves: use 127.0.0.1 (this machine only) or 0.0.0.0 (every address)');
  });
});

test('SIGTERM (systemd, docker stop) stops the server once its requests are answered, closes the store and exits 0', async () => {
  const db = join(dir.path, 'signal.sqlite');
  const server = await startServeProcess(['--reader', reader, '--digests', join(dir.path, 'digests'), '--port', '0',
    '--config', fixturePath('../digest.config.yaml'), '--db', db]);
  const { url, child, exited } = server;
  expect((await fetch(url)).status).toBe(200);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(server.err()).toContain('SIGTERM: stopping, after the requests in flight\n');
  expect(server.err()).not.toMatch(/\n\s+at /);
  // Closed cleanly: SQLite folded its write-ahead log back into the store.
  expect(existsSync(`${db}-wal`)).toBe(false);
}, 30_000);

test('a second server on the same store is refused, naming the first; once the first stops, it starts', async () => {
  const db = join(dir.path, 'one-server.sqlite');
  const config = fixturePath('../digest.config.yaml');
  const withRoom = () => serveCommand({ reader, digests: join(dir.path, 'digests'), port: 0, host: '127.0.0.1', config, db }, quiet);
  const first = await withRoom();
  try {
    await expect(withRoom()).rejects.toThrow(new RegExp(`^${db.replaceAll('.', '\\.')}\\.serve\\.lock: another digest run \\(digest serve, pid ${process.pid} on .*\\) is using the store; try again when it ends$`));
  } finally {
    await first.close();
  }
  const second = await withRoom();
  await second.close();
});
