import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { fixturePath } from '@labdigest/fixtures';

/**
 * The responses labdigest recorded from real sources (fixtures/, see fixtures/README.md), served on
 * 127.0.0.1 so an offline run, and the end-to-end test, go through exactly the code a live fetch
 * does: HTTP, format detection, the source's parser, the store.
 */
export const RECORDED_FEEDS: readonly { readonly path: string; readonly file: string; readonly type: string }[] = [
  { path: '/arxiv/rss/all', file: 'arxiv/arxiv-rss-listing-all-archives-2024-11-28.rss.xml.gz', type: 'application/rss+xml' },
  { path: '/arxiv/api/query', file: 'arxiv/arxiv-api-query-all-testing-100-2026.atom.xml', type: 'application/atom+xml' },
  { path: '/crossref/works', file: 'crossref/crossref-works-type-journal-article-20.json', type: 'application/json' },
  { path: '/openalex/works', file: 'openalex/openalex-works-sample-5.json', type: 'application/json' },
  { path: '/feeds/nature.rdf', file: 'rss/rss-nature-2024-07-18.rdf.xml', type: 'application/rdf+xml' },
  { path: '/feeds/jacs.xml', file: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', type: 'application/rss+xml' },
  { path: '/feeds/chemsci.xml', file: 'rss/rss-rsc-chemsci-mirrored-2026-08.xml', type: 'application/rss+xml' },
  { path: '/feeds/sciencedirect.xml', file: 'rss/rss-elsevier-sciencedirect-bioorgmedchem-mirrored-2026-08-22.xml', type: 'application/rss+xml' },
  { path: '/feeds/biorxiv.rdf', file: 'rss/rss-biorxiv-genomics-rss1.rdf.xml', type: 'application/rdf+xml' },
];

/** How the papers of the recorded feeds are stored: their source's name starts so. */
const RECORDED_PREFIX = 'recorded-';
/** The source of the bundled week of listings (fixtures/papers/sample-week.jsonl.gz) as `digest start` stores it. */
export const SAMPLE_WEEK_SOURCE = 'sample-week';

/** Whether a stored paper's source is one of the bundled recordings (`digest start` without a network): sample data. */
export function isRecordedSource(source: string): boolean {
  return source === SAMPLE_WEEK_SOURCE || source.startsWith(RECORDED_PREFIX);
}

/** Serves the recorded responses until closed; returns the base URL and the feed URLs. */
export async function startRecordedFeeds(): Promise<{ base: string; urls: string[]; names: string[]; close: () => Promise<void> }> {
  const bodies = new Map(RECORDED_FEEDS.map((f) => {
    const bytes = readFileSync(fixturePath(f.file));
    return [f.path, { body: f.file.endsWith('.gz') ? gunzipSync(bytes) : bytes, type: f.type }];
  }));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const hit = bodies.get(url.pathname);
    // A recorded response is one page: asked for the next page (a cursor or an offset), say "no more".
    const laterPage = (url.searchParams.get('cursor') ?? '*') !== '*' || Number(url.searchParams.get('start') ?? 0) > 0;
    if (!hit || laterPage) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not recorded');
      return;
    }
    res.writeHead(200, { 'content-type': hit.type, 'content-length': hit.body.length }).end(hit.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    urls: RECORDED_FEEDS.map((f) => `${base}${f.path}`),
    // "recorded-nature", "recorded-arxiv-rss": the source names the store and the summary show.
    names: RECORDED_FEEDS.map((f) => `${RECORDED_PREFIX}${f.path.split('/').filter(Boolean).slice(0, 2).join('-').replace(/\.\w+$/, '')}`),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
