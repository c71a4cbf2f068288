import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { Io } from '../cli.ts';
import { InputError } from '../errors.ts';
import { DEFAULT_DIGESTS_DIR } from '../digest/archive.ts';
import { createStaticServer } from '../serve/static-server.ts';

export const DEFAULT_READER_DIR = 'apps/reader/dist';

export interface ServeOptions {
  readonly reader: string;
  readonly digests: string;
  readonly port: number;
  readonly host: string;
}

/** `digest serve`: serve the built reader and the digest archive until interrupted. */
export async function serveCommand(options: ServeOptions, io: Io): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(resolve(options.reader, 'index.html'))) {
    throw new InputError(options.reader, 'no built reader here (index.html missing): run `pnpm --filter @labdigest/reader build` first');
  }
  const server = createStaticServer({ root: options.reader, digestsDir: existsSync(options.digests) ? options.digests : undefined });
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => fail(error.code === 'EADDRINUSE'
      ? new InputError(`${options.host}:${options.port}`, 'the port is in use: pick another with --port N')
      : error));
    server.listen(options.port, options.host, done);
  });
  const { port } = server.address() as AddressInfo;
  const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
  io.out(`reader at ${url}${options.host === '0.0.0.0' ? ' (and on this machine\'s network addresses, for a phone on the same network)' : ''}\n`);
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}

export function registerServe(program: Command, io: Io): void {
  program.command('serve')
    .description('serve the built reader and the digest archive over HTTP')
    .option('--reader <dir>', 'the built reader', DEFAULT_READER_DIR)
    .option('--digests <dir>', 'digest archive, served at /digests/', DEFAULT_DIGESTS_DIR)
    .option('-p, --port <n>', 'port (0 picks a free one)', parsePort, 8080)
    .option('--host <address>', 'address to listen on: 0.0.0.0 to reach it from a phone on the same network', '127.0.0.1')
    .action(async (options: ServeOptions) => {
      await serveCommand(options, io);
      await new Promise(() => undefined); // until Ctrl-C
    });
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port number 0-65535, saw "${value}"`);
  return n;
}
