import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { listen, staticSite } from './static-server.ts';

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
    const server = await listen(staticSite({ root, digestsDir: archive }), { port: 0, host: '127.0.0.1' });
    const base = server.url.slice(0, -1);
    try {
      const get = async (path: string) => { const r = await fetch(base + path); return [r.status, r.headers.get('content-type'), r.headers.get('cache-control'), await r.text()]; };
      expect(await get('/')).toEqual([200, 'text/html; charset=utf-8', 'no-cache', '<!doctype html><title>reader</title>']);
      expect(await get('/assets/index-AbCdEf12.js')).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable', 'console.log(1)']);
      expect(await get('/digests/index.json')).toEqual([200, 'application/json', 'no-cache', '{"archive": true}']);
      expect((await get('/member/Naibing%20Wu'))[3]).toContain('<title>reader</title>');
      expect((await get('/missing.js'))[0]).toBe(404);
      expect((await get('/%2e%2e/%2e%2e/etc/passwd'))[3]).toBe('<!doctype html><title>reader</title>'); // never the file
      expect((await get('/digests/..%2f..%2fetc%2fpasswd'))[3]).toBe('<!doctype html><title>reader</title>');
      // No other site frames the reader, and links out carry no Referer.
      const page = await fetch(`${base}/`);
      expect([page.headers.get('content-security-policy'), page.headers.get('x-frame-options'), page.headers.get('referrer-policy')])
        .toEqual(["frame-ancestors 'none'", 'DENY', 'no-referrer']);
    } finally {
      await server.close();
    }
  });

  test('compresses text with brotli or gzip as the client asks, and nothing else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reader-'));
    mkdirSync(join(root, 'assets'));
    const script = `export const papers = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `paper ${i}`))};`;
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>reader</title>');
    writeFileSync(join(root, 'assets', 'main-AbCdEf12.js'), script);
    writeFileSync(join(root, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const server = await listen(staticSite({ root }), { port: 0, host: '127.0.0.1' });
    const base = server.url.slice(0, -1);
    // node:http, not fetch, which would undo the compression before the test sees it.
    const raw = (path: string, encoding?: string) => new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
      httpGet(base + path, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) })).on('error', fail);
      }).on('error', fail);
    });
    try {
      for (const attempt of ['first', 'cached']) {
        const br = await raw('/assets/main-AbCdEf12.js', 'gzip, deflate, br');
        expect([attempt, br.headers['content-encoding'], br.headers.vary, Number(br.headers['content-length'])]).toEqual([attempt, 'br', 'Accept-Encoding', br.body.length]);
        expect(brotliDecompressSync(br.body).toString('utf8')).toBe(script);
        expect(br.body.length).toBeLessThan(script.length / 2);
      }
      const zipped = await raw('/assets/main-AbCdEf12.js', 'gzip, br;q=0.5');
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(zipped.body).toString('utf8')).toBe(script);
      const plain = await raw('/assets/main-AbCdEf12.js');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString('utf8')).toBe(script);
      expect((await raw('/assets/main-AbCdEf12.js', 'gzip;q=0, deflate')).headers['content-encoding']).toBeUndefined();
      const image = await raw('/icon.png', 'gzip, br');
      expect(image.headers['content-encoding']).toBeUndefined();
      expect([...image.body]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const small = await raw('/', 'br');
      expect([small.headers['content-encoding'], small.body.toString('utf8')]).toEqual([undefined, '<!doctype html><title>reader</title>']);
    } finally {
      await server.close();
    }
  });

  test('under a sub-path, as GitHub Pages serves it: redirects the bare path, answers overrides, tells each request', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reader-'));
    mkdirSync(join(root, 'digests'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>reader</title>');
    writeFileSync(join(root, 'digests', 'index.json'), '{"bundled": true}');
    const requests: string[] = [];
    const app = staticSite({ root, base: '/labdigest/', overrides: { 'digests/index.json': '{"override": true}' }, onRequest: (p) => requests.push(p) });
    const server = await listen(app, { port: 0, host: '127.0.0.1', base: '/labdigest/' });
    const origin = new URL(server.url).origin;
    try {
      expect(server.url).toBe(`${origin}/labdigest/`);
      const bare = await fetch(`${origin}/labdigest`, { redirect: 'manual' });
      expect([bare.status, bare.headers.get('location')]).toEqual([301, '/labdigest/']);
      expect(await (await fetch(server.url)).text()).toBe('<!doctype html><title>reader</title>');
      expect(await (await fetch(`${server.url}digests/index.json`)).text()).toBe('{"override": true}');
      expect((await fetch(`${origin}/index.html`)).status).toBe(404);
      const post = await fetch(server.url, { method: 'POST' });
      expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
      expect((await fetch(`${server.url}assets/x.js`, { headers: { 'accept-encoding': 'deflate' } })).headers.get('content-encoding')).toBeNull();
      expect(requests).toEqual(['/labdigest', '/labdigest/', '/labdigest/digests/index.json', '/index.html', '/labdigest/', '/labdigest/assets/x.js']);
    } finally {
      await server.close();
    }
  });
});
