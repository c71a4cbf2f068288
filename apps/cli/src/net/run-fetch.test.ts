import { pathToFileURL } from 'node:url';
import { fixturePath } from '@labdigest/fixtures';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { countPapers, papersSince } from '../store/queries.ts';
import { getSourceState, recentFetchRuns } from '../store/source-state.ts';
import { InputError } from '../errors.ts';
import { createPoliteness } from './politeness.ts';
import { configWith } from '../../test/configs.ts';
import { fakeClock } from '../../test/fake-clock.ts';
import { conditional, sequence, serveFixture, serveText, startServer, status, type Handler, type TestServer } from '../../test/fixture-server.ts';
import { createProgress } from './progress.ts';
import { runFetch, type FetchDeps, type FetchRequest } from './run-fetch.ts';
import { formatFetchSummary } from './summary.ts';

let server: TestServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

const delMaestro = 'arxiv/arxiv-api-query-au-del_maestro-2016.atom.xml';
const jacs = 'rss/rss-acs-jacs-mirrored-2026-08-22.xml';
const crossrefPage1 = 'crossref/crossref-works-query-widget-cursor-page1.json';
const crossrefSample = 'crossref/crossref-works-sample-10.json';
const openalexElife = 'openalex/openalex-work-single-elife.json';
const json = { 'content-type': 'application/json' };

/** A server, a store and the deps that point a fetch run at both, on a fake clock (the day after the JACS feed). */
async function setup(routes: Record<string, Handler>, extra: Partial<FetchDeps> = {}) {
  server = await startServer(routes);
  const clock = fakeClock(Date.parse('2026-08-23T06:00:00Z'));
  const db = openDb(':memory:');
  const lines: string[] = [];
  const origin = server.origin;
  const deps: FetchDeps = {
    db, now: clock.now, sleep: clock.sleep, random: () => 0, env: {},
    politeness: createPoliteness({ now: clock.now, sleep: clock.sleep, intervals: { '127.0.0.1': 3000 } }),
    endpoints: { arxivApi: `${origin}/api/query`, arxivRss: `${origin}/rss/`, crossref: `${origin}/works`, openalex: `${origin}/openalex/works` },
    http: { retries: 1, timeoutMs: 5000 },
    progress: createProgress((t) => lines.push(t), false),
    ...extra,
  };
  return { server, clock, db, deps, lines, origin };
}

function request(config: FetchRequest['config'], more: Partial<FetchRequest> = {}): FetchRequest {
  return { config, configFile: 'digest.config.yaml', ...more };
}

const params = (s: TestServer, i: number) => new URL(s.requests[i]?.url ?? '', 'http://x').searchParams;

describe('runFetch', () => {
  test('no source\'s host resolves: nothing is tried, at once, and the report says which hosts', async () => {
    // Found by an audit: an offline run retried every source, 51 s and eight errors, before it said so.
    const { db, deps, server: s } = await setup({ '/rss/jacs.xml': serveFixture(jacs, { 'content-type': 'application/rss+xml' }) });
    const asked: string[] = [];
    const offline: FetchDeps = { ...deps, resolves: async (host) => { asked.push(host); return false; } };
    const config = configWith([
      { name: 'jacs', type: 'feed', url: 'https://pubs.acs.org/action/showFeed?type=etoc&feed=rss&jc=jacsat' },
      { name: 'nature', type: 'feed', url: 'https://www.nature.com/ncomms.rss' },
      { name: 'also-jacs', type: 'feed', url: 'https://pubs.acs.org/other.rss' },
    ]);
    const report = await runFetch(request(config), offline);
    expect(asked.sort()).toEqual(['pubs.acs.org', 'www.nature.com']);
    expect(report).toMatchObject({ anyFetched: false, unresolved: ['pubs.acs.org', 'www.nature.com'] });
    expect(report.sources.map((r) => [r.source, r.pages, r.errors])).toEqual(['jacs', 'nature', 'also-jacs'].map((name) => [name, 0,
      ['not tried: no source\'s host resolves (the network looks unreachable)']]));
    expect(s.requests).toHaveLength(0);
    expect(countPapers(db)).toBe(0);
    // One host that resolves is enough to try them all, as before; a local feed (an address, not a name) is never asked about.
    const some = await runFetch(request(configWith([{ name: 'local', type: 'feed', url: `${s.origin}/rss/jacs.xml` }])), offline);
    expect(some.anyFetched).toBe(true);
    expect(some.unresolved).toBeUndefined();
  });

  test('fetches every enabled source, stores each once and sums them up', async () => {
    const { db, deps, origin, lines } = await setup({
      '/api/query': serveFixture(delMaestro),
      '/rss/jacs.xml': serveFixture(jacs, { 'content-type': 'application/rss+xml' }),
      '/works': serveFixture(crossrefSample, json),
      '/openalex/works': serveFixture(openalexElife, json),
    });
    const config = configWith([
      { name: 'del-maestro', type: 'arxiv', query: 'au:del_maestro', maxResults: 10 },
      { name: 'jacs', type: 'feed', url: `${origin}/rss/jacs.xml` },
      { name: 'sample', type: 'crossref', rows: 20 },
      { name: 'elife', type: 'openalex', filter: 'doi:10.7554/elife.01567' },
      { name: 'off', type: 'feed', url: `${origin}/nowhere.xml`, enabled: false },
    ]);
    const report = await runFetch(request(config), deps);
    expect(report.anyFetched).toBe(true);
    expect(formatFetchSummary(report, 1)).toBe([
      'source       fetched  new  duplicates  rejected  errors',
      'del-maestro       10   10           0         0       0',
      'jacs             150  150           0         0       0',
      'sample             9    9           0         1       0',
      'elife              1    1           0         0       0',
      'total            170  170           0         1       0',
      '',
      'sample: 1 record skipped:',
      `  [sample] ${origin}/works?filter=from-index-date%3A2026-08-16&rows=20&cursor=* item 10.1016/s1532-0464(03)00128-x: title: "Table of Contents" is front matter, not a paper`,
      '',
    ].join('\n'));
    expect(lines).toEqual(['del-maestro: page 1, 10 papers\n', 'jacs: page 1, 150 papers\n', 'sample: page 1, 9 papers\n', 'elife: page 1, 1 paper\n']);
    expect(countPapers(db)).toBe(170);
    expect(recentFetchRuns(db).map((r) => [r.source, r.fetched, r.new, r.rejected, r.errors])).toEqual([
      ['elife', 1, 1, 0, 0], ['sample', 9, 9, 1, 0], ['jacs', 150, 150, 0, 0], ['del-maestro', 10, 10, 0, 0],
    ]);

    // Rerunning is idempotent: every paper is a duplicate and the store keeps 170.
    const again = await runFetch(request(config), deps);
    expect(again.sources.map((s) => [s.source, s.new, s.duplicates])).toEqual([['del-maestro', 0, 10], ['jacs', 0, 150], ['sample', 0, 9], ['elife', 0, 1]]);
    expect(countPapers(db)).toBe(170);
  });

  test('arXiv pages with start/max_results over a submittedDate window, 3 s apart', async () => {
    const { deps, clock, server: s } = await setup({ '/api/query': serveFixture(delMaestro) });
    const config = configWith([{ name: 'dm', type: 'arxiv', query: 'au:del_maestro', maxResults: 20, window: 3 }]);
    const report = await runFetch(request(config), deps);
    // The fixture is page 1 (10 of 31) each time; page 2 repeats its papers, which dedupe.
    expect(report.sources[0]).toMatchObject({ pages: 2, fetched: 20, new: 10, duplicates: 10 });
    expect([0, 1].map((i) => Object.fromEntries(params(s, i)))).toEqual([
      { search_query: '(au:del_maestro) AND submittedDate:[202608200600 TO 202608230600]', start: '0', max_results: '20', sortBy: 'submittedDate', sortOrder: 'descending' },
      { search_query: '(au:del_maestro) AND submittedDate:[202608200600 TO 202608230600]', start: '10', max_results: '10', sortBy: 'submittedDate', sortOrder: 'descending' },
    ]);
    expect(clock.sleeps).toEqual([3000]);
  });

  test('Crossref follows its cursor with mailto from the config, and heeds its rate-limit headers', async () => {
    const { deps, clock, server: s } = await setup({
      '/works': sequence(
        serveFixture(crossrefPage1, { ...json, 'x-rate-limit-limit': '1', 'x-rate-limit-interval': '5s' }),
        serveFixture(crossrefSample, json)),
    });
    const config = configWith([{ name: 'widgets', type: 'crossref', query: 'widget', issn: ['1234-5678'], rows: 20 }], { email: 'lab@uni.edu' });
    const report = await runFetch(request(config, { since: new Date('2026-08-01') }), deps);
    expect(report.sources[0]).toMatchObject({ pages: 2, errors: [] });
    expect(params(s, 0).get('cursor')).toBe('*');
    expect(params(s, 1).get('cursor')).toMatch(/^DnF1ZXJ5VGhlbkZldGNo/);
    expect(params(s, 1).get('mailto')).toBe('lab@uni.edu');
    expect(params(s, 0).get('filter')).toBe('issn:1234-5678,from-index-date:2026-08-01');
    expect(s.requests[0]?.headers['user-agent']).toBe('labdigest/0.1 (+https://github.com/labdigest; mailto:lab@uni.edu)');
    expect(clock.sleeps).toEqual([5000]);
  });

  test('a source that keeps failing is reported; the others are stored', async () => {
    const { db, deps, origin } = await setup({
      '/rss/jacs.xml': serveFixture(jacs),
      '/works': status(503),
    });
    const config = configWith([
      { name: 'broken', type: 'crossref', rows: 20 },
      { name: 'jacs', type: 'feed', url: `${origin}/rss/jacs.xml` },
    ]);
    const report = await runFetch(request(config), deps);
    expect(report.anyFetched).toBe(true);
    expect(formatFetchSummary(report)).toBe([
      'source  fetched  new  duplicates  rejected  errors',
      'broken        0    0           0         0       1  failed',
      'jacs        150  150           0         0       0',
      'total       150  150           0         0       1',
      '',
      `broken: [GET] "${origin}/works?filter=from-index-date%3A2026-08-16&rows=20&cursor=*": 503 Service Unavailable (after 2 attempts)`,
      '',
    ].join('\n'));
    expect(countPapers(db)).toBe(150);
    expect(getSourceState(db, 'broken')).toBeNull();
    expect(recentFetchRuns(db)[1]).toMatchObject({ source: 'broken', errors: 1, message: expect.stringContaining('503 Service Unavailable') });
  });

  test('when every source fails the run says so', async () => {
    const { deps, origin } = await setup({ '/a.xml': serveText('<html><body>Maintenance</body></html>') });
    const config = configWith([
      { name: 'gone', type: 'feed', url: `${origin}/missing.xml` },
      { name: 'html', type: 'feed', url: `${origin}/a.xml` },
    ]);
    const report = await runFetch(request(config), deps);
    expect(report.anyFetched).toBe(false);
    expect(formatFetchSummary(report)).toBe([
      'source  fetched  new  duplicates  rejected  errors',
      'gone          0    0           0         0       1  failed',
      'html          0    0           0         0       1  failed',
      'total         0    0           0         0       2',
      '',
      `gone: [GET] "${origin}/missing.xml": 404 Not Found (after 1 attempt)`,
      '',
      `html: [html] ${origin}/a.xml expected XML, saw an HTML page: "<html><body>Maintenance</body></html>"`,
      '',
      'nothing could be fetched: every source failed',
      '',
    ].join('\n'));
  });

  test('a feed that has not changed answers 304 and nothing is parsed', async () => {
    const { db, deps, origin, server: s } = await setup({ '/rss/jacs.xml': conditional(jacs, '"jacs-1"') });
    const config = configWith([{ name: 'jacs', type: 'feed', url: `${origin}/rss/jacs.xml` }]);
    await runFetch(request(config), deps);
    expect(getSourceState(db, 'jacs')).toMatchObject({ etag: '"jacs-1"', lastFetch: '2026-08-23T06:00:00.000Z' });
    const second = await runFetch(request(config), deps);
    expect(s.requests[1]?.headers['if-none-match']).toBe('"jacs-1"');
    expect(formatFetchSummary(second)).toBe([
      'source  fetched  new  duplicates  rejected  errors',
      'jacs          0    0           0         0       0  not modified since the last run',
      '',
    ].join('\n'));
    expect(second.anyFetched).toBe(true);
  });

  test('the OpenAlex key goes to OpenAlex and nowhere else', async () => {
    const { db, deps, lines, server: s } = await setup({
      '/openalex/works': serveText('{"error": "Invalid query parameters error.", "message": "filter is broken"}', json),
    }, { env: { OPENALEX_API_KEY: 'sk-SECRET-42' } });
    const report = await runFetch(request(configWith([{ name: 'oa', type: 'openalex', filter: 'x' }])), deps);
    expect(params(s, 0).get('api_key')).toBe('sk-SECRET-42');
    const summary = formatFetchSummary(report);
    expect(summary).toContain('api_key=REDACTED');
    expect(summary).toContain('OpenAlex error: Invalid query parameters error: filter is broken');
    const stored = JSON.stringify(db.prepare('SELECT * FROM fetch_runs').all()) + JSON.stringify(db.prepare('SELECT * FROM source_state').all());
    for (const text of [summary, lines.join(''), stored]) expect(text).not.toContain('SECRET');
  });

  test('--feed takes any URL and recognises the format from the content', async () => {
    const { db, deps } = await setup({});
    const url = pathToFileURL(fixturePath('crossref/crossref-work-single-elife-jats-abstract.json')).href;
    const report = await runFetch(request(null, { feed: url }), deps);
    expect(report.sources.map((r) => [r.source, r.fetched, r.new])).toEqual([['crossref-work-single-elife-jats-abstract.json', 1, 1]]);
    expect(papersSince(db)[0]).toMatchObject({ doi: '10.7554/elife.01567', source: 'crossref-work-single-elife-jats-abstract.json' });
  });

  test('--source picks one source; an unknown name is an InputError with a suggestion', async () => {
    const { deps, origin, server: s } = await setup({ '/rss/jacs.xml': serveFixture(jacs) });
    const config = configWith([
      { name: 'jacs', type: 'feed', url: `${origin}/rss/jacs.xml`, enabled: false },
      { name: 'other', type: 'feed', url: `${origin}/other.xml` },
    ]);
    const report = await runFetch(request(config, { source: 'jacs' }), deps);
    expect(report.sources.map((r) => r.source)).toEqual(['jacs']);
    expect(s.requests.map((r) => r.path)).toEqual(['/rss/jacs.xml']);
    const error = await runFetch(request(config, { source: 'jac' }), deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('digest.config.yaml: no source named "jac" (did you mean "jacs"?); the sources are: jacs, other');
    await expect(runFetch(request(configWith([])), deps)).rejects.toThrow('digest.config.yaml: no enabled sources to fetch: add some under `sources:` (see docs/config.md), or fetch one feed with --feed URL');
  });

  test('paging stops at the page limit and says where', async () => {
    const { deps, origin } = await setup({ '/works': serveFixture(crossrefPage1, json) }, { maxPages: 2 });
    const report = await runFetch(request(configWith([{ name: 'deep', type: 'crossref', query: 'widget', rows: 20 }])), deps);
    expect(report.sources[0]?.pages).toBe(2);
    expect(report.sources[0]?.errors).toEqual([expect.stringMatching(new RegExp(`^stopped after 2 pages; more remain at ${origin.replace(/\./g, '\\.')}/works\\?query=widget&`))]);
  });

  test('retries are reported as progress lines', async () => {
    const { deps, lines, origin } = await setup({ '/rss/jacs.xml': sequence(status(503), serveFixture(jacs)) });
    await runFetch(request(configWith([{ name: 'jacs', type: 'feed', url: `${origin}/rss/jacs.xml` }])), deps);
    expect(lines).toEqual([`jacs: 503 Service Unavailable at ${origin}/rss/jacs.xml; retry 1 in 0.5 s\n`, 'jacs: page 1, 150 papers\n']);
  });
});
