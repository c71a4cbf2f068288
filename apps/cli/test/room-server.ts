// Test support: a real `digest serve` on 127.0.0.1 with a fresh store, a config with members, an
// archive and a reader, for the reading room's API tests (and the reader's end-to-end tests, which
// pass their built reader). Members join through the real `digest members invite` and POST /api/join.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Digest, JoinResponse, ServerConfig } from '@labdigest/core';
import { stringify } from 'yaml';
import { writeDigest } from '../src/digest/archive.ts';
import { serveCommand } from '../src/serve/serve-command.ts';
import { runCli, tempDir } from './run-cli.ts';

export interface TestRoomOptions {
  /** Member names of the config (default Yanhao Deng and Naibing Wu). */
  readonly members?: readonly string[];
  /** The config's `server` section. */
  readonly server?: Partial<Omit<ServerConfig, 'rateLimit'>> & { rateLimit?: Partial<ServerConfig['rateLimit']> };
  /** A built reader to serve (apps/reader/dist); default a stub: index.html, a hashed script, sw.js. */
  readonly reader?: string;
  /** Digests to put in the archive before the server starts. */
  readonly digests?: readonly Digest[];
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: unknown;
  readonly text: string;
}

export interface TestRoom {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly dir: string;
  readonly db: string;
  readonly config: string;
  readonly digests: string;
  readonly reader: string;
  /** What the server wrote to standard error so far: the request log. */
  log(): string;
  /** A one-time invite link for a member, from `digest members invite` (`<url>#join=<code>`). */
  invite(member: string, ...extra: string[]): Promise<string>;
  /** A new device of the member: invite, then POST /api/join. */
  join(member: string, label?: string): Promise<JoinResponse>;
  /** A request to the server; `token` is sent as `Authorization: Bearer`, `body` as JSON. */
  request(path: string, init?: { method?: string; token?: string; authorization?: string; body?: unknown; rawBody?: string }): Promise<TestResponse>;
  /** Runs `digest <args>` with this room's --config and --db appended. */
  cli(...args: string[]): Promise<{ code: number; out: string; err: string }>;
  close(): Promise<void>;
}

/** Starts `digest serve` with a fresh store and config in a temporary folder; `close()` stops it and removes the folder. */
export async function startTestRoom(options: TestRoomOptions = {}): Promise<TestRoom> {
  const temp = tempDir('labdigest-room-');
  const dir = temp.path;
  const config = join(dir, 'digest.config.yaml');
  const db = join(dir, 'labdigest.sqlite');
  const digests = join(dir, 'digests');
  const members = options.members ?? ['Yanhao Deng', 'Naibing Wu'];
  writeFileSync(config, stringify({
    group: { name: 'Test Lab' },
    areas: [{ id: 'batteries', name: 'Batteries', keywords: ['electrolyte'] }],
    members: members.map((name) => ({ name, interests: ['electrolyte'] })),
    ...(options.server ? { server: options.server } : {}),
  }));
  mkdirSync(digests);
  for (const digest of options.digests ?? []) writeDigest(digests, digest);
  const reader = options.reader ?? stubReader(join(dir, 'reader'));
  let log = '';
  const served = await serveCommand({ reader, digests, port: 0, host: '127.0.0.1', config, db }, {
    out: () => undefined, err: (text) => { log += text; }, errIsTTY: false,
  });
  const url = served.url;
  const cli = (...args: string[]) => runCli(...args, '--config', config, '--db', db);
  const request: TestRoom['request'] = async (path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
    if (init.authorization !== undefined) headers.Authorization = init.authorization;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(new URL(path.replace(/^\//, ''), url), { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  };
  const invite = async (member: string, ...extra: string[]) => {
    const result = await cli('members', 'invite', member, '--url', url, ...extra);
    if (result.code !== 0) throw new Error(`digest members invite failed: ${result.err}`);
    return result.out.trim();
  };
  return {
    url, dir, db, config, digests, reader, log: () => log, invite, request, cli,
    async join(member, label = 'test device') {
      const code = codeOf(await invite(member));
      const joined = await request('/api/join', { authorization: `Invite ${code}`, body: { label } });
      if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${joined.text}`);
      return joined.json as JoinResponse;
    },
    async close() {
      await served.close();
      temp.remove();
    },
  };
}

/** The code of an invite link (`…/#join=<code>`). */
export function codeOf(link: string): string {
  const code = new URL(link).hash.replace(/^#join=/, '');
  if (!code) throw new Error(`not an invite link: ${link}`);
  return code;
}

function stubReader(dir: string): string {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>reader</title><script type="module" src="./assets/index-AbCdEf12.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-AbCdEf12.js'), `export const reader = ${JSON.stringify('reader '.repeat(400))};\n`);
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => undefined);\n');
  return dir;
}
