import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DIGEST_SCHEMA_VERSION, digestSchema, paperSchema, parseGroupConfig, type Digest } from '@labdigest/core';
import { readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { openDb } from '../db/open-db.ts';
import { upsertPapers } from '../db/queries.ts';
import { loadCorpusBackground } from '../ranking/background.ts';
import { readIndex, writeDigest } from './archive.ts';
import { buildDigest, papersFirstSeen } from './build-digest.ts';
import { withLock } from './lock.ts';
import { acceptsGzip, createStaticServer } from './static-server.ts';
import { digestWindow } from './window.ts';

const parsed = parseGroupConfig(readDefaultConfigText());
if (!parsed.ok) throw new Error('default config invalid');
const config = parsed.config;
const journalPapers = readFixtureRecords('papers/sample-week.jsonl.gz')
  .filter((r) => r.source === 'battery-paper-daily-openalex').map((r) => paperSchema.parse(r));
const emptyIndex = { schemaVersion: 1 as const, group: 'DENG.Group', digests: [] };

describe('the digest of a window', () => {
  test('holds the papers first seen in the window, ranked and valid', () => {
    const db = openDb(':memory:');
    upsertPapers(db, journalPapers.slice(0, 120), { source: 'old', now: new Date('2026-06-01T06:00:00Z') });
    upsertPapers(db, journalPapers.slice(120), { source: 'new', now: new Date('2026-06-08T06:00:00Z') });
    const window = digestWindow({ since: '2026-06-05', until: '2026-06-08', now: new Date('2026-06-09T00:00:00Z'), index: emptyIndex });
    expect(papersFirstSeen(db, window)).toHaveLength(journalPapers.length - 120);
    const { digest, considered } = buildDigest({ db, config, window, now: new Date('2026-06-09T00:00:00Z'), sample: true, background: loadCorpusBackground });
    expect(considered).toBe(journalPapers.length - 120);
    expect(digestSchema.safeParse(digest).success).toBe(true);
    expect(digest.date).toBe('2026-06-08');
    expect(digest.stats.included).toBeGreaterThan(5);
    expect(digest.sections.every((s) => s.papers.every((p) => p.note.length > 0 && p.score >= 0.55))).toBe(true);
  });
});

describe('windows', () => {
  const now = new Date('2026-06-08T07:30:00Z');
  test('default: the last 7 days', () => {
    expect(digestWindow({ now, index: emptyIndex })).toEqual({ since: '2026-06-01T07:30:00.000Z', until: '2026-06-08T07:30:00.000Z', date: '2026-06-08' });
  });
  test('after a digest: from where the last one stopped', () => {
    expect(digestWindow({ now, index: emptyIndex, lastUntil: '2026-06-07T06:00:00.000Z' }).since).toBe('2026-06-07T06:00:00.000Z');
  });
  test('a bad date is a usage error naming the option', () => {
    expect(() => digestWindow({ now, index: emptyIndex, since: '06/01/2026' })).toThrow('--since: expected a date like 2026-06-08 or an ISO time, saw "06/01/2026"');
  });
});

describe('the archive', () => {
  const digest = (date: string): Digest => ({
    schemaVersion: DIGEST_SCHEMA_VERSION, group: { name: 'DENG.Group' }, title: `Research Digest — ${date}`, date,
    window: { since: null, until: null }, generatedAt: `${date}T06:00:00Z`, sample: false, sections: [], members: [], stats: { considered: 0, included: 0 },
  });
  test('keeps newest first, and rebuilding a day replaces it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digests-'));
    writeDigest(dir, digest('2026-06-01'));
    writeDigest(dir, digest('2026-06-08'));
    writeDigest(dir, digest('2026-06-03'));
    writeDigest(dir, digest('2026-06-08'));
    expect(readIndex(dir, 'DENG.Group').digests.map((d) => d.date)).toEqual(['2026-06-08', '2026-06-03', '2026-06-01']);
    expect(JSON.parse(readFileSync(join(dir, '2026-06-08.json'), 'utf8')).date).toBe('2026-06-08');
  });
  test('latest.json is always the newest digest, also after an older day is rebuilt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digests-'));
    const latest = () => readFileSync(join(dir, 'latest.json'), 'utf8');
    writeDigest(dir, digest('2026-06-01'));
    expect(JSON.parse(latest()).date).toBe('2026-06-01');
    writeDigest(dir, digest('2026-06-08'));
    writeDigest(dir, digest('2026-06-03'));
    expect(latest()).toBe(readFileSync(join(dir, '2026-06-08.json'), 'utf8'));
    writeDigest(dir, { ...digest('2026-06-08'), title: 'Rebuilt' });
    expect(JSON.parse(latest()).title).toBe('Rebuilt');
  });
  test('a damaged index is an error that names it, and the digests stay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digests-'));
    writeDigest(dir, digest('2026-06-01'));
    writeFileSync(join(dir, 'index.json'), '{"schemaVersion": 1, "group": "x", "digests": [{"date": "June"}]}');
    expect(() => writeDigest(dir, digest('2026-06-02'))).toThrow(`${join(dir, 'index.json')}: digests[0].date:`);
    expect(readFileSync(join(dir, '2026-06-01.json'), 'utf8')).toContain('2026-06-01');
  });
});

describe('the lock', () => {
  test('a second run is refused while the first holds the store', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'lock-')), 'store.sqlite');
    await withLock(db, async () => {
      writeFileSync(`${db}.lock`, '1\n'); // pid 1 is alive: as if another run held it
      await expect(withLock(db, () => 'second')).rejects.toThrow(`${db}.lock: another digest run (pid 1) is using the store`);
      writeFileSync(`${db}.lock`, `${process.pid}\n`);
    });
    expect(await withLock(db, () => 'free again')).toBe('free again');
  });
  test('a lock left by a dead run is taken over', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'lock-')), 'store.sqlite');
    writeFileSync(`${db}.lock`, '999999\n');
    expect(await withLock(db, () => 'taken')).toBe('taken');
  });
});

describe('the static server', () => {
  test('serves the reader, the archive over it, index.html for app routes, and nothing outside', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reader-'));
    mkdirSync(join(root, 'assets'));
    mkdirSync(join(root, 'digests'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>reader</title>');
    writeFileSync(join(root, 'assets', 'index-AbCdEf12.js'), 'console.log(1)');
    writeFileSync(join(root, 'digests', 'index.json'), '{"bundled": true}');
    const archive = mkdtempSync(join(tmpdir(), 'archive-'));
    writeFileSync(join(archive, 'index.json'), '{"archive": true}');
    const server = createStaticServer({ root, digestsDir: archive });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const get = async (path: string) => { const r = await fetch(base + path); return [r.status, r.headers.get('content-type'), r.headers.get('cache-control'), await r.text()]; };
      expect(await get('/')).toEqual([200, 'text/html; charset=utf-8', 'no-cache', '<!doctype html><title>reader</title>']);
      expect(await get('/assets/index-AbCdEf12.js')).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable', 'console.log(1)']);
      expect(await get('/digests/index.json')).toEqual([200, 'application/json; charset=utf-8', 'no-cache', '{"archive": true}']);
      expect((await get('/member/Naibing%20Wu'))[3]).toContain('<title>reader</title>');
      expect((await get('/missing.js'))[0]).toBe(404);
      expect((await get('/%2e%2e/%2e%2e/etc/passwd'))[3]).toBe('<!doctype html><title>reader</title>'); // never the file
      expect((await get('/digests/..%2f..%2fetc%2fpasswd'))[3]).toBe('<!doctype html><title>reader</title>');
    } finally {
      server.close();
    }
  });

  test('gzips text for clients that take it, and nothing else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reader-'));
    mkdirSync(join(root, 'assets'));
    const script = `export const papers = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `paper ${i}`))};`;
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>reader</title>');
    writeFileSync(join(root, 'assets', 'main-AbCdEf12.js'), script);
    writeFileSync(join(root, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const server = createStaticServer({ root });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // node:http, not fetch, which would undo the gzip before the test sees it.
    const raw = (path: string, encoding?: string) => new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
      httpGet(base + path, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) })).on('error', fail);
      }).on('error', fail);
    });
    try {
      const zipped = await raw('/assets/main-AbCdEf12.js', 'gzip, deflate, br');
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('accept-encoding');
      expect(gunzipSync(zipped.body).toString('utf8')).toBe(script);
      expect(zipped.body.length).toBeLessThan(script.length / 2);
      const plain = await raw('/assets/main-AbCdEf12.js');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString('utf8')).toBe(script);
      expect((await raw('/assets/main-AbCdEf12.js', 'gzip;q=0')).headers['content-encoding']).toBeUndefined();
      const image = await raw('/icon.png', 'gzip');
      expect(image.headers['content-encoding']).toBeUndefined();
      expect([...image.body]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    } finally {
      server.close();
    }
  });

  test('reads Accept-Encoding as HTTP does', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0.0, identity')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
