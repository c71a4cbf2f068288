import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { acceptsGzip, createStaticServer } from './static-server.ts';

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
