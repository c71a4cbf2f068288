import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Io } from '../io.ts';
import { InputError } from '../errors.ts';
import { createStaticServer } from './static-server.ts';

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

