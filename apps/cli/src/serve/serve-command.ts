import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import type { Io } from '../io.ts';
import { InputError, UsageError } from '../errors.ts';
import { configSource } from '../room/config-source.ts';
import { recordRoomAddress } from '../room/address.ts';
import { openRoomStore } from '../room/room-store.ts';
import { serverApp } from './server-app.ts';
import { listen } from './static-server.ts';
import { holdLock } from '../store/lock.ts';

export interface ServeOptions {
  readonly reader: string;
  readonly digests: string;
  readonly port: number;
  readonly host: string;
  /** The group's config: with it (and the store), the server runs the reading room at /api/. */
  readonly config?: string | undefined;
  readonly db?: string | undefined;
}

/**
 * `digest serve`: serve the built reader, the digest archive and (given a config) the reading room
 * until interrupted, with a line per request on standard error.
 */
export async function serveCommand(options: ServeOptions, io: Io): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(resolve(options.reader, 'index.html'))) {
    throw new InputError(options.reader, 'no built reader here (index.html missing): run `pnpm --filter @labdigest/reader build` first');
  }
  const digests = existsSync(options.digests) ? options.digests : undefined;
  const config = options.config === undefined ? undefined : configSource(options.config, io.err);
  // One server a store: two would each hand out invite links to their own address, and a restore
  // while one still ran would go unseen by the other.
  const release = config && options.db !== undefined ? await holdLock(`${options.db}.serve.lock`, { command: 'digest serve' }) : () => undefined;
  let store: ReturnType<typeof openRoomStore> | undefined;
  try {
    store = config && options.db !== undefined ? openRoomStore(options.db) : undefined;
  } catch (error) {
    release();
    throw error;
  }
  const room = config && store ? { store, config, configFile: options.config ?? '', digestsDir: options.digests, log: io.err } : undefined;
  const app = serverApp({ reader: options.reader, digests, room, log: room ? io.err : undefined });
  const server = await listen(app, { port: options.port, host: options.host }).catch((error: NodeJS.ErrnoException) => {
    store?.close();
    release();
    throw listenError(error, options);
  });
  if (store) {
    // For the invite links of `digest members invite` (room/address.ts). Not worth failing the start
    // for: a store kept locked by a long fetch only leaves the links at the address before.
    const address = { host: options.host, port: Number(new URL(server.url).port), startedAt: new Date().toISOString() };
    await store.write((db) => recordRoomAddress(db, address))
      .catch((error: unknown) => io.err(`(could not note the reading room's address in ${options.db} for invite links: ${error instanceof Error ? error.message : String(error)})\n`));
  }
  io.out(`reader at ${server.url}${options.host === '0.0.0.0' ? ' (and on this machine\'s network addresses, for a phone on the same network)' : ''}\n`);
  if (config) {
    const { members, server: settings } = config();
    io.out(`reading room: ${members.length} member${members.length === 1 ? '' : 's'}, ${settings.private ? 'private (the digests too need a member\'s device)' : 'public digests'}; `
      + 'invite a member with `digest members invite NAME`\n');
  }
  return {
    url: server.url,
    close: async () => {
      await server.close();
      store?.close();
      release();
    },
  };
}

/** Why the server could not listen, said as the options that caused it; an error of another kind as it is. */
function listenError(error: NodeJS.ErrnoException, at: { host: string; port: number }): Error {
  const where = `${at.host}:${at.port}`;
  const addresses = () => Object.values(networkInterfaces()).flat().filter((a) => a !== undefined).map((a) => a.address);
  switch (error.code) {
    case 'EADDRINUSE':
      return new InputError(where, 'the port is in use: pick another with --port N', { cause: error });
    case 'EACCES':
      return new InputError(where, `ports below 1024 need root: pick one above, like --port 8080`, { cause: error });
    case 'EADDRNOTAVAIL':
      return new UsageError(`--host ${at.host}: no network interface of this machine has this address: use 127.0.0.1 (this machine only), 0.0.0.0 (every address) or one of ${addresses().join(', ')}`, { cause: error });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return new UsageError(`--host ${at.host}: not an address or a name this machine resolves: use 127.0.0.1 (this machine only) or 0.0.0.0 (every address)`, { cause: error });
    default:
      return error;
  }
}
