import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { fixturePath, readFixture } from '@labdigest/fixtures';
import { afterEach, describe, expect, test } from 'vitest';
import { FetchFailedError } from '../errors.ts';
import { fakeClock } from '../../test/fake-clock.ts';
import {
  conditional, drop, fixtureBytes, oversized, sequence, serveFixture, serveText, slow, startServer, status, truncate,
  type Handler, type TestServer,
} from '../../test/fixture-server.ts';
import { fetchText, userAgentFor } from './fetch-text.ts';

const atom = 'arxiv/arxiv-api-query-au-del_maestro-2016.atom.xml';
let server: TestServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  server = await startServer(routes);
  return server;
}

/** Retries at once on a fake clock; random 0 gives the smallest jittered backoff (half the ceiling). */
function options(extra: Parameters<typeof fetchText>[1] = {}) {
  const clock = fakeClock();
  return { clock, opts: { now: clock.now, sleep: clock.sleep, random: () => 0, ...extra } };
}

async function failure(promise: Promise<unknown>): Promise<FetchFailedError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchFailedError);
  return error as FetchFailedError;
}

describe('fetchText over HTTP', () => {
  test('returns a recorded response byte for byte, with its headers', async () => {
    const { origin } = await serve({ '/api': serveFixture(atom, { 'content-type': 'application/atom+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Mon, 01 Jun 2026 00:00:00 GMT' }) });
    const result = await fetchText(`${origin}/api?search_query=au:del_maestro`, options().opts);
    expect(result).toMatchObject({
      status: 200, notModified: false, etag: '"v1"', lastModified: 'Mon, 01 Jun 2026 00:00:00 GMT',
      contentType: 'application/atom+xml; charset=utf-8', attempts: 1,
    });
    expect(result.text).toBe(readFixture(atom));
  });

  test('identifies itself with a User-Agent naming the contact', async () => {
    const s = await serve({ '/ua': serveText('ok') });
    await fetchText(`${s.origin}/ua`, { userAgent: userAgentFor('lab@uni.edu') });
    expect(s.requests[0]?.headers['user-agent']).toBe('labdigest/0.1 (+https://github.com/labdigest; mailto:lab@uni.edu)');
    expect(userAgentFor()).toBe('labdigest/0.1 (+https://github.com/labdigest)');
  });

  test('429 with Retry-After in seconds waits that long, then succeeds', async () => {
    const s = await serve({ '/x': sequence(status(429, { 'retry-after': '7' }), serveText('done')) });
    const { clock, opts } = options();
    const result = await fetchText(`${s.origin}/x`, opts);
    expect(result).toMatchObject({ text: 'done', attempts: 2 });
    expect(clock.sleeps).toEqual([7000]);
  });

  test('503 with Retry-After as an HTTP date waits until that date', async () => {
    const s = await serve({ '/x': sequence(status(503, { 'retry-after': 'Mon, 01 Jun 2026 06:00:42 GMT' }), serveText('done')) });
    const { clock, opts } = options();
    await fetchText(`${s.origin}/x`, opts);
    expect(clock.sleeps).toEqual([42_000]);
  });

  test('503 then success: one retry after the backoff', async () => {
    const s = await serve({ '/x': sequence(status(503), serveText('done')) });
    const { clock, opts } = options();
    expect(await fetchText(`${s.origin}/x`, opts)).toMatchObject({ text: 'done', attempts: 2 });
    expect(clock.sleeps).toEqual([500]);
    expect(s.hits('/x')).toBe(2);
  });

  test('a 5xx that persists fails after every retry, backing off exponentially', async () => {
    const s = await serve({ '/x': status(502) });
    const { clock, opts } = options({ retries: 3 });
    const error = await failure(fetchText(`${s.origin}/x`, opts));
    expect(error.message).toBe(`[GET] "${s.origin}/x": 502 Bad Gateway (after 4 attempts)`);
    expect(error).toMatchObject({ status: 502, attempts: 4 });
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  test('jitter spreads the backoff between half and all of its ceiling', async () => {
    const s = await serve({ '/x': sequence(status(500), status(500), serveText('ok')) });
    const { clock, opts } = options({ random: () => 0.5 });
    await fetchText(`${s.origin}/x`, opts);
    expect(clock.sleeps).toEqual([750, 1500]);
  });

  test('a Retry-After longer than a run waits fails at once', async () => {
    const s = await serve({ '/x': status(429, { 'retry-after': '3600' }) });
    const error = await failure(fetchText(`${s.origin}/x`, options().opts));
    expect(error.message).toBe(`[GET] "${s.origin}/x": 429 Too Many Requests; the server asked to retry after 60 min, longer than the 60 s a run waits (after 1 attempt)`);
  });

  test('4xx other than 429 is not retried', async () => {
    const s = await serve({});
    const error = await failure(fetchText(`${s.origin}/missing`, options().opts));
    expect(error.message).toBe(`[GET] "${s.origin}/missing": 404 Not Found (after 1 attempt)`);
    expect(s.hits('/missing')).toBe(1);
  });

  test('a response slower than the timeout is abandoned and retried', async () => {
    const s = await serve({ '/slow': slow(10_000) });
    const retries: string[] = [];
    const error = await failure(fetchText(`${s.origin}/slow`, options({ timeoutMs: 300, retries: 1, onRetry: (r) => retries.push(r.reason) }).opts));
    expect(error.message).toBe(`[GET] "${s.origin}/slow": no complete response within 300 ms (after 2 attempts)`);
    // (Not the server's hit count: on a loaded machine the second attempt may time out before it connects.)
    expect(retries).toEqual(['no complete response within 300 ms']);
  });

  test('a dropped connection is retried', async () => {
    const s = await serve({ '/x': sequence(drop(), serveText('second time')) });
    expect(await fetchText(`${s.origin}/x`, options().opts)).toMatchObject({ text: 'second time', attempts: 2 });
  });

  test('a connection that keeps dropping names the network error', async () => {
    const s = await serve({ '/x': drop() });
    const error = await failure(fetchText(`${s.origin}/x`, options({ retries: 1 }).opts));
    expect(error.message).toBe(`[GET] "${s.origin}/x": network error: other side closed (UND_ERR_SOCKET) (after 2 attempts)`);
  });

  test('a body cut short of its Content-Length is detected and retried', async () => {
    const s = await serve({ '/x': sequence(truncate(atom), serveFixture(atom)) });
    const result = await fetchText(`${s.origin}/x`, options().opts);
    expect(result.text).toBe(readFixture(atom));
    expect(result.attempts).toBe(2);
  });

  test('a body that is always cut short fails with what was received', async () => {
    const s = await serve({ '/x': truncate(atom) });
    const half = Math.floor(fixtureBytes(atom).length / 2);
    const error = await failure(fetchText(`${s.origin}/x`, options({ retries: 0 }).opts));
    expect(error.message).toBe(`[GET] "${s.origin}/x": body truncated after ${half} bytes: the connection closed mid-body (terminated) (after 1 attempt)`);
  });

  test('a body over the cap is cut off while streaming, not retried', async () => {
    const sent = { bytes: 0 };
    const s = await serve({ '/big': oversized(64 * 1024 * 1024, { sent }) });
    const error = await failure(fetchText(`${s.origin}/big`, options({ maxBytes: 1024 * 1024 }).opts));
    expect(error.message).toBe(`[GET] "${s.origin}/big": response larger than 1 MB (after 1 attempt)`);
    expect(s.hits('/big')).toBe(1);
    expect(sent.bytes).toBeLessThan(32 * 1024 * 1024);
  });

  test('a declared Content-Length over the cap fails before reading', async () => {
    const s = await serve({ '/big': oversized(3 * 1024 * 1024, { declare: true }) });
    const error = await failure(fetchText(`${s.origin}/big`, options({ maxBytes: 2 * 1024 * 1024 }).opts));
    expect(error.message).toBe(`[GET] "${s.origin}/big": response larger than 2 MB (after 1 attempt)`);
  });

  test('conditional GET: 304 when the ETag still matches', async () => {
    const s = await serve({ '/feed': conditional(atom, '"abc"') });
    const first = await fetchText(`${s.origin}/feed`, options().opts);
    expect(first).toMatchObject({ status: 200, etag: '"abc"', notModified: false });
    const second = await fetchText(`${s.origin}/feed`, options({ etag: first.etag, lastModified: 'Mon, 01 Jun 2026 00:00:00 GMT' }).opts);
    expect(second).toMatchObject({ status: 304, text: '', notModified: true, etag: '"abc"' });
    expect(s.requests[1]?.headers).toMatchObject({ 'if-none-match': '"abc"', 'if-modified-since': 'Mon, 01 Jun 2026 00:00:00 GMT' });
  });

  test('an OpenAlex api_key never appears in an error', async () => {
    const s = await serve({ '/works': status(403) });
    const error = await failure(fetchText(`${s.origin}/works?filter=x&api_key=SECRET123&mailto=a@b.c`, options().opts));
    expect(error.message).toBe(`[GET] "${s.origin}/works?filter=x&api_key=REDACTED&mailto=a@b.c": 403 Forbidden (after 1 attempt)`);
    expect(error.url).not.toContain('SECRET123');
  });
});

describe('fetchText on file: URLs', () => {
  test('reads a recorded response through the same path as HTTP', async () => {
    const result = await fetchText(pathToFileURL(fixturePath(atom)).href);
    expect(result).toMatchObject({ status: 200, contentType: 'application/xml', notModified: false });
    expect(result.text).toBe(readFixture(atom));
  });

  test('a .gz recording is served decompressed', async () => {
    const gz = 'arxiv/arxiv-rss-listing-all-archives-2024-11-28.rss.xml.gz';
    const result = await fetchText(pathToFileURL(fixturePath(gz)).href);
    expect(result.text).toBe(gunzipSync(fixtureBytes(gz)).toString('utf8'));
  });

  test('the size cap applies to files too', async () => {
    const url = pathToFileURL(fixturePath(atom)).href;
    const error = await failure(fetchText(url, { maxBytes: 1024 }));
    expect(error.message).toBe(`[GET] "${url}": response larger than 1 KB (after 1 attempt)`);
  });

  test('a missing file is a 404 without retries', async () => {
    const url = pathToFileURL('/nonexistent/feed.xml').href;
    const error = await failure(fetchText(url, options().opts));
    expect(error.message).toBe('[GET] "file:///nonexistent/feed.xml": 404 no such file (after 1 attempt)');
  });

  test('If-Modified-Since at or after the file time gives 304', async () => {
    const url = pathToFileURL(fixturePath(atom)).href;
    const first = await fetchText(url);
    expect(first.lastModified).toMatch(/GMT$/);
    expect(await fetchText(url, { lastModified: first.lastModified })).toMatchObject({ status: 304, notModified: true, text: '' });
  });
});
