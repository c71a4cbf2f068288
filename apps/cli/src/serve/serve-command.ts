import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Io } from '../io.ts';
import { InputError } from '../errors.ts';
import { listen, staticSite } from './static-server.ts';

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
  const app = staticSite({ root: options.reader, digestsDir: existsSync(options.digests) ? options.digests : undefined });
  const server = await listen(app, { port: options.port, host: options.host }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new InputError(`${options.host}:${options.port}`, 'the port is in use: pick another with --port N', { cause: error }) : error;
  });
  io.out(`reader at ${server.url}${options.host === '0.0.0.0' ? ' (and on this machine\'s network addresses, for a phone on the same network)' : ''}\n`);
  return { url: server.url, close: () => server.close() };
}
