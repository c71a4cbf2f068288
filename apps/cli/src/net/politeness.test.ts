import { afterEach, describe, expect, test } from 'vitest';
import { fakeClock } from '../../test/fake-clock.ts';
import { serveText, startServer, type TestServer } from '../../test/fixture-server.ts';
import { fetchText } from './fetch-text.ts';
import { createPoliteness, rateLimitInterval } from './politeness.ts';

let server: TestServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

describe('createPoliteness', () => {
  test('arXiv hosts get 3 s between the end of one request and the start of the next', async () => {
    const clock = fakeClock(0);
    const polite = createPoliteness({ now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    for (let page = 0; page < 3; page++) {
      const release = await polite.acquire(`https://export.arxiv.org/api/query?start=${page * 100}`);
      starts.push(clock.now());
      await clock.sleep(250); // the request itself
      release();
    }
    expect(starts).toEqual([0, 3250, 6500]);
    expect(clock.sleeps).toEqual([250, 3000, 250, 3000, 250]);
    expect(polite.intervalFor('https://rss.arxiv.org/rss/cs.LG')).toBe(3000);
  });

  test('one request at a time per host; other hosts do not wait', async () => {
    const clock = fakeClock(0);
    const polite = createPoliteness({ now: clock.now, sleep: clock.sleep });
    const order: string[] = [];
    const releaseA = await polite.acquire('https://export.arxiv.org/a');
    const second = polite.acquire('https://export.arxiv.org/b').then((release) => { order.push('arxiv b'); return release; });
    const other = await polite.acquire('https://api.crossref.org/works');
    order.push('crossref');
    await Promise.resolve();
    expect(order).toEqual(['crossref']);
    releaseA();
    (await second)();
    other();
    expect(order).toEqual(['crossref', 'arxiv b']);
    expect(clock.sleeps).toEqual([3000]);
  });

  test('Crossref rate-limit headers can only slow a host down', () => {
    const polite = createPoliteness();
    const url = 'https://api.crossref.org/works?cursor=*';
    polite.observe(url, new Headers({ 'x-rate-limit-limit': '50', 'x-rate-limit-interval': '1s' }));
    expect(polite.intervalFor(url)).toBe(100);
    polite.observe(url, new Headers({ 'x-rate-limit-limit': '5', 'x-rate-limit-interval': '1s' }));
    expect(polite.intervalFor(url)).toBe(200);
  });

  test('file: URLs are not throttled', async () => {
    const clock = fakeClock(0);
    const polite = createPoliteness({ now: clock.now, sleep: clock.sleep });
    (await polite.acquire('file:///tmp/a.xml'))();
    (await polite.acquire('file:///tmp/a.xml'))();
    expect(clock.sleeps).toEqual([]);
  });
});

test.each([
  [{ 'x-rate-limit-limit': '50', 'x-rate-limit-interval': '1s' }, 20],
  [{ 'x-rate-limit-limit': '10', 'x-rate-limit-interval': '60s' }, 6000],
  [{ 'x-rate-limit-limit': '3', 'x-rate-limit-interval': '1' }, 334],
  [{ 'x-rate-limit-limit': '50' }, null],
  [{ 'x-rate-limit-limit': 'many', 'x-rate-limit-interval': '1s' }, null],
])('rateLimitInterval(%j) = %s', (headers, expected) => {
  expect(rateLimitInterval(new Headers(headers))).toBe(expected);
});

test('fetchText keeps the interval between requests, and across retries', async () => {
  let n = 0;
  server = await startServer({
    '/q': (_req, res) => {
      n++;
      if (n === 2) res.writeHead(503).end();
      else serveText(`page ${n}`)(_req, res, n);
    },
  });
  const clock = fakeClock(0);
  const politeness = createPoliteness({ now: clock.now, sleep: clock.sleep, intervals: { '127.0.0.1': 3000 } });
  const opts = { now: clock.now, sleep: clock.sleep, random: () => 0, politeness };
  expect((await fetchText(`${server.origin}/q?start=0`, opts)).text).toBe('page 1');
  expect((await fetchText(`${server.origin}/q?start=100`, opts)).text).toBe('page 3');
  // page 2: the polite wait (3 s); the 503; the backoff (0.5 s) and the rest of the polite interval (2.5 s).
  expect(clock.sleeps).toEqual([3000, 500, 2500]);
});
