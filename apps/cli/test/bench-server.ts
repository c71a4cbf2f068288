/// <reference path="./autocannon.d.ts" />
// `pnpm bench`'s server line: members syncing their changes at once through the reading room's
// real HTTP API, a `digest serve` in a process of its own on 127.0.0.1, driven by autocannon (one
// connection per device, one change per request, as a reader that is online sends them). Then the
// store is counted: every change must be there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinResponseSchema, type JoinResponse } from '@labdigest/core';
import { startServeProcess } from './serve-process.ts';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { stringify } from 'yaml';
import { inviteCommand } from '../src/room/members-command.ts';
import { tempDir } from './run-cli.ts';

const FIELDS = ['starred', 'read', 'dismissed'] as const;

export interface ServerBench {
  readonly members: number;
  readonly events: number;
  /** From the first change sent to the last answered. */
  readonly syncMs: number;
  readonly p99Ms: number;
  readonly rps: number;
  /** Changes the server accepted, and the rows the store holds afterwards. */
  readonly accepted: number;
  readonly stored: number;
  readonly failed: number;
}

export async function benchServer(options: { members: number; changesPerMember: number }): Promise<ServerBench> {
  const temp = tempDir('labdigest-bench-');
  const names = Array.from({ length: options.members }, (_, i) => `Member ${String(i + 1).padStart(2, '0')}`);
  const config = join(temp.path, 'digest.config.yaml');
  const db = join(temp.path, 'labdigest.sqlite');
  const reader = join(temp.path, 'reader');
  mkdirSync(reader);
  writeFileSync(join(reader, 'index.html'), '<!doctype html><title>reader</title>');
  // Each device sends its 200 changes in about a second: far past the default limit of 120 a
  // minute, which is for a phone, not a load test. The limiter still runs on every request.
  writeFileSync(config, stringify({
    group: { name: 'Bench Lab' },
    areas: [{ id: 'batteries', name: 'Batteries', keywords: ['electrolyte'] }],
    members: names.map((name) => ({ name, interests: ['electrolyte'] })),
    server: { rateLimit: { perMinute: 1_000_000, burst: 10_000 } },
  }));
  const server = await startServeProcess(['--config', config, '--db', db, '--reader', reader, '--digests', join(temp.path, 'digests'), '--port', '0'], { quiet: true });
  try {
    const { url } = server;
    const silent = { out: () => undefined, err: () => undefined };
    const devices: JoinResponse[] = [];
    for (const name of names) {
      const { link } = inviteCommand(name, { config, db, url }, silent);
      const res = await fetch(new URL('api/join', url), {
        method: 'POST', headers: { Authorization: `Invite ${new URL(link).hash.slice('#join='.length)}` }, body: JSON.stringify({ label: 'bench' }),
      });
      devices.push(joinResponseSchema.parse(await res.json()));
    }
    for (const device of devices) await fetch(new URL('api/me', url), { headers: { Authorization: `Bearer ${device.token}` } }); // a server that has run a while

    let nextDevice = 0;
    let accepted = 0;
    let lastAnswer = 0;
    const at = new Date().toISOString();
    const requests = Array.from({ length: options.changesPerMember }, (_, n) => ({
      method: 'POST',
      path: '/api/state',
      setupRequest: (request: object, context: Record<string, unknown>) => {
        // The context lives as long as a connection's pass over the requests: one device each.
        context.device ??= nextDevice++;
        const device = devices[context.device as number] as JoinResponse;
        const change = { paper: `arxiv:2606.${String(n).padStart(5, '0')}`, field: FIELDS[n % FIELDS.length], value: true, at };
        return { ...request, headers: { Authorization: `Bearer ${device.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ changes: [change] }) };
      },
      onResponse: (status: number, body: string) => {
        lastAnswer = performance.now();
        if (status === 200) accepted += (JSON.parse(body) as { accepted: number }).accepted;
      },
    }));
    const start = performance.now();
    const load = { url, connections: devices.length, pipelining: 1, amount: devices.length * options.changesPerMember, timeout: 10, requests, skipAggregateResult: true };
    // autocannon sums its figures up only on the main thread, and vitest runs this in a worker thread:
    // ask for the raw result everywhere and sum it up here.
    const result = autocannon.aggregateResult([await autocannon(load)], load);
    // To the last answer: autocannon itself notices it is done only at its next one-second tick.
    const syncMs = Math.round(lastAnswer - start);
    const store = new Database(db, { readonly: true });
    const stored = store.prepare('SELECT count(*) FROM paper_state').pluck().get() as number;
    store.close();
    const events = options.members * options.changesPerMember;
    return {
      members: options.members, events, syncMs, p99Ms: result.latency.p99, rps: Math.round(result.requests.total / (syncMs / 1000)),
      accepted, stored, failed: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    temp.remove();
  }
}
