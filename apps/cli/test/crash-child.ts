// Run by src/fetch/crash-safety.test.ts as a separate process: fetches two sources into a store file
// and, inside the second source's transaction, announces itself and hangs until the test kills it.
import { openDb } from '../src/store/open-db.ts';
import { runFetch } from '../src/net/run-fetch.ts';
import { createPoliteness } from '../src/net/politeness.ts';
import { configWith } from './configs.ts';

const [dbPath, origin] = process.argv.slice(2) as [string, string];
const db = openDb(dbPath);
const config = configWith([
  { name: 'first', type: 'feed', url: `${origin}/rss/jacs.xml` },
  { name: 'second', type: 'crossref', rows: 20 },
]);
await runFetch({ config, configFile: 'crash.yaml' }, {
  db, env: {},
  now: () => Date.parse('2026-08-23T06:00:00Z'),
  politeness: createPoliteness({ intervals: {}, defaultIntervalMs: 0 }),
  endpoints: { arxivApi: `${origin}/api`, arxivRss: `${origin}/rss/`, crossref: `${origin}/works`, openalex: `${origin}/oa` },
  inTransaction: (source) => {
    if (source !== 'second') return;
    process.stdout.write(`in transaction: ${db.prepare('SELECT count(*) FROM papers').pluck().get()} papers visible\n`);
    // Block synchronously, transaction open, until SIGKILL.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
process.stdout.write('finished without being killed\n');
