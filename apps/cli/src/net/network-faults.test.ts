// Permanent failures fail at once, and no source can stall a run (issue 17): redirect loops,
// schemes nobody fetches, 4xx, long Retry-After, slow bodies, against a fault server on 127.0.0.1.
import { afterEach, describe, expect, test } from 'vitest';
import { FetchFailedError } from '../errors.ts';
import { configWith } from '../../test/configs.ts';
import { fakeClock } from '../../test/fake-clock.ts';
import { serveFixture, serveText, slow, startServer, status, type Handler, type TestServer } from '../../test/fixture-server.ts';
import { openDb } from '../store/open-db.ts';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';
import { fetchText } from './fetch-text.ts';
import { createPoliteness } from './politeness.ts';
import { runFetch } from './run-fetch.ts';

let server: TestServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

/** Retries on a fake clock (its sleeps are recorded, never waited), three of them as a run has. */
function options(extra: Parameters<typeof fetchText>[1] = {}) {
  const clock = fakeClock();
  return { clock, opts: { now: clock.now, sleep: clock.sleep, random: () => 0, retries: 3, ...extra } };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchFailedError);
  return (error as Error).message;
}

const redirect = (to: string, code = 302): Handler => (_req, res) => { res.writeHead(code, { location: to }).end(); };

describe('redirects', () => {
  test('a redirect loop fails at once: no retry, two requests', async () => {
    server = await startServer({ '/a': redirect('/b'), '/b': redirect('/a', 301) });
    const { clock, opts } = options();
    expect(await failure(fetchText(`${server.origin}/a`, opts)))
      .toBe(`[GET] "${server.origin}/a": redirect loop: ${server.origin}/a → ${server.origin}/b → ${server.origin}/a (after 1 attempt)`);
    expect(server.requests.map((r) => r.path)).toEqual(['/a', '/b']);
    expect(clock.sleeps).toEqual([]);
  });

  test('redirects are followed, ten at most', async () => {
    const routes: Record<string, Handler> = { '/feed': serveText('<rss/>') };
    for (let i = 0; i < 12; i++) routes[`/r${i}`] = redirect(i === 11 ? '/feed' : `/r${i + 1}`, 307);
    server = await startServer(routes);
    expect((await fetchText(`${server.origin}/r2`, options().opts)).text).toBe('<rss/>'); // ten redirects
    expect(await failure(fetchText(`${server.origin}/r0`, options().opts)))
      .toBe(`[GET] "${server.origin}/r0": more than 10 redirects (the last to ${server.origin}/r11) (after 1 attempt)`);
  });

  test('a redirect to a file: URL is not followed', async () => {
    server = await startServer({ '/feed': redirect('file:///etc/passwd') });
    expect(await failure(fetchText(`${server.origin}/feed`, options().opts)))
      .toBe(`[GET] "${server.origin}/feed": redirected to file:///etc/passwd: only http and https redirects are followed (after 1 attempt)`);
  });
});

describe('what cannot succeed is not retried', () => {
  test.each(['ftp://example.org/feed.xml', 'javascript:alert(1)', 'data:text/xml,<rss/>'])('%s fails at once', async (url) => {
    const { clock, opts } = options();
    expect(await failure(fetchText(url, opts)))
      .toBe(`[GET] "${url}": unsupported URL scheme "${new URL(url).protocol}": only http, https and file URLs are fetched (after 1 attempt)`);
    expect(clock.sleeps).toEqual([]);
  });

  test('a file URL with a host other than this machine fails at once', async () => {
    const { clock, opts } = options();
    expect(await failure(fetchText('file://labserver/feeds/jacs.xml', opts)))
      .toBe('[GET] "file://labserver/feeds/jacs.xml": a file URL names a file of this machine, with no host (file:///path/to/feed.xml), but this one names the host "labserver" (after 1 attempt)');
    expect(clock.sleeps).toEqual([]);
  });

  test.each([[400, 'Bad Request'], [401, 'Unauthorized'], [403, 'Forbidden'], [404, 'Not Found'], [410, 'Gone'], [451, 'Unavailable For Legal Reasons']])(
    '%i is not retried', async (code, text) => {
      server = await startServer({ '/x': status(code) });
      expect(await failure(fetchText(`${server.origin}/x`, options().opts))).toBe(`[GET] "${server.origin}/x": ${code} ${text} (after 1 attempt)`);
      expect(server.hits('/x')).toBe(1);
    });

  test.each([[408, 'Request Timeout'], [425, 'Too Early'], [429, 'Too Many Requests'], [503, 'Service Unavailable']])(
    '%i is retried, three times', async (code, text) => {
      server = await startServer({ '/x': status(code) });
      const { clock, opts } = options();
      expect(await failure(fetchText(`${server.origin}/x`, opts))).toBe(`[GET] "${server.origin}/x": ${code} ${text} (after 4 attempts)`);
      expect(server.hits('/x')).toBe(4);
      expect(clock.sleeps).toEqual([500, 1000, 2000]);
    });
});

describe('Retry-After', () => {
  test('up to a minute is waited for', async () => {
    server = await startServer({ '/x': status(503, { 'retry-after': '60' }) });
    const { clock, opts } = options({ retries: 1 });
    await failure(fetchText(`${server.origin}/x`, opts));
    expect(clock.sleeps).toEqual([60_000]);
  });

  test('longer fails at once: one URL cannot stall a run for fifteen minutes', async () => {
    server = await startServer({ '/x': status(429, { 'retry-after': '300' }) });
    const { clock, opts } = options();
    expect(await failure(fetchText(`${server.origin}/x`, opts)))
      .toBe(`[GET] "${server.origin}/x": 429 Too Many Requests; the server asked to retry after 5 min, longer than the 60 s a run waits (after 1 attempt)`);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('the time budget of a source', () => {
  test('a source that keeps asking to wait fails when its budget would run out; the next source is fetched', async () => {
    server = await startServer({ '/busy.xml': status(503, { 'retry-after': '50' }), '/nature.xml': serveFixture('rss/rss-nature-2024-07-18.rdf.xml') });
    const clock = fakeClock(Date.parse('2024-07-19T06:00:00Z'));
    const db = openDb(':memory:');
    const config = configWith([
      { name: 'busy', type: 'feed', url: `${server.origin}/busy.xml` },
      { name: 'nature', type: 'feed', url: `${server.origin}/nature.xml` },
    ]);
    const report = await runFetch({ config, configFile: 'digest.config.yaml' }, {
      db, now: clock.now, sleep: clock.sleep, random: () => 0, env: {}, budgetMs: 120_000,
      politeness: createPoliteness({ now: clock.now, sleep: clock.sleep, intervals: {}, defaultIntervalMs: 0 }),
    });
    expect(report.sources.map((s) => [s.source, s.fetched, s.errors])).toEqual([
      ['busy', 0, [`[GET] "${server.origin}/busy.xml": 503 Service Unavailable; the source's time budget of 2 min would run out before the next try (after 3 attempts)`]],
      ['nature', 75, []],
    ]);
    expect(clock.sleeps).toEqual([50_000, 50_000]);
    db.close();
  });

  test('a paged source that runs out of budget keeps the pages it read', async () => {
    server = await startServer({ '/works': serveFixture('crossref/crossref-works-query-widget-cursor-page1.json', { 'content-type': 'application/json' }) });
    const clock = fakeClock(Date.parse('2026-08-23T06:00:00Z'));
    const db = openDb(':memory:');
    // Three seconds between requests to the host, five of budget: the third page would start at 6 s.
    const report = await runFetch({ config: configWith([{ name: 'deep', type: 'crossref', query: 'widget', rows: 20 }]), configFile: 'digest.config.yaml' }, {
      db, now: clock.now, sleep: clock.sleep, random: () => 0, env: {}, budgetMs: 5000,
      politeness: createPoliteness({ now: clock.now, sleep: clock.sleep, intervals: { '127.0.0.1': 3000 } }),
      endpoints: { arxivApi: '', arxivRss: '', crossref: `${server.origin}/works`, openalex: '' },
    });
    const [deep] = report.sources;
    expect({ pages: deep?.pages, errors: deep?.errors.map((e) => e.replace(/\?.*"/, '?…"')) }).toEqual({
      pages: 2, errors: [`[GET] "${server.origin}/works?…": the source's time budget of 5 s ran out (after 1 attempt)`],
    });
    expect(deep?.fetched).toBeGreaterThan(0);
    db.close();
  });

  test('a body slower than the budget is cut off at the budget, on the real clock', async () => {
    server = await startServer({ '/slow.xml': slow(30_000, '<rss/>') });
    const started = Date.now();
    const message = await failure(fetchText(`${server.origin}/slow.xml`, { retries: 3, deadline: Date.now() + 1000 }));
    expect(message).toBe(`[GET] "${server.origin}/slow.xml": no complete response within the source's time budget (after 1 attempt)`);
    expect(Date.now() - started).toBeLessThan(20_000); // not the 30 s the server takes, nor retries
  });
});

describe('digest fetch --budget', () => {
  test('a source slower than its budget is reported as failed, in one line', async () => {
    server = await startServer({ '/slow.xml': slow(30_000, '<rss/>') });
    const dir = tempDir();
    try {
      const url = `${server.origin}/slow.xml`;
      const result = await runCli('fetch', '--feed', url, '--budget', '1', '--db', inDir(dir.path, 's.sqlite'), '--config', inDir(dir.path, 'none.yaml'));
      expect({ code: result.code, err: result.err }).toEqual({
        code: 1,
        err: `127.0.0.1: [GET] "${url}": no complete response within the source's time budget (after 1 attempt)\n`
          + 'digest: nothing could be fetched: every source failed (see above)\n',
      });
    } finally {
      dir.remove();
    }
  });

  test('--budget takes a positive number of seconds', async () => {
    expect(await runCli('fetch', '--budget', '0')).toEqual({
      code: 2, out: '', err: "error: option '--budget <seconds>' argument '0' is invalid. expected a positive number of seconds, saw \"0\"\n(run with --help for usage)\n",
    });
  });
});
