import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFixture } from '@labdigest/fixtures';
import type { LookupDeps } from '../src/learning/abstract-lookup.ts';

// The recorded responses, served from 127.0.0.1 at the paths the live services answer: OpenAlex's
// single works by DOI (`/works/doi:…`) and arXiv's API by id list. Everything else is a 404, as
// OpenAlex answers a DOI it does not know.
const RECORDED: Record<string, string> = {
  '/works/doi:10.7554/elife.01567': readFixture('openalex/openalex-work-single-elife.json'),
  '/works/doi:10.1371/journal.pone.0000030': readFixture('openalex/openalex-work-single-plos-one.json'),
  '/api/query?id_list=1111.2011': readFixture('arxiv/arxiv-api-idlist-1111.2011v2-2016.atom.xml'),
};

let server: Server | undefined;

/** Closes the server `recordedServices` started (call it in afterEach). */
export async function closeRecordedServices(): Promise<void> {
  if (server) await new Promise((done) => { server!.close(done); });
  server = undefined;
}

/** A local server of the recordings (`status` for every request instead, when given); the URLs it was asked. */
export async function recordedServices(status?: number): Promise<{ deps: LookupDeps; asked: string[] }> {
  const asked: string[] = [];
  server = createServer((req, res) => {
    const url = req.url ?? '';
    asked.push(url);
    const key = Object.keys(RECORDED).find((path) => url === path || url.startsWith(`${path}&`));
    if (status !== undefined) res.writeHead(status).end('Service Unavailable');
    else if (key) res.writeHead(200, { 'content-type': key.startsWith('/api') ? 'application/atom+xml' : 'application/json' }).end(RECORDED[key]);
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"404 Not Found"}');
  });
  await new Promise<void>((done) => { server!.listen(0, '127.0.0.1', done); });
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  // No real waiting between requests or retries: the politeness and backoff run on a clock that jumps.
  let clock = 0;
  const deps: LookupDeps = {
    endpoints: { openalex: `${base}/works`, arxivApi: `${base}/api/query` },
    now: () => clock, sleep: async (ms) => { clock += ms; },
  };
  return { deps, asked };
}

