import { spawnSync } from 'node:child_process';
import { paperSchema } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { repairPaperText } from '@labdigest/sources';
import type { Io } from '../io.ts';
import { loadConfig } from '../config/load-config.ts';
import { withStore, type Db } from '../store/open-db.ts';
import { upsertPapers } from '../store/queries.ts';
import { createProgress } from '../net/progress.ts';
import { resolvesSoon, runFetch, type FetchReport, type SourceReport } from '../net/run-fetch.ts';
import { fetchFailure, formatFetchSummary } from '../net/summary.ts';
import { withLock } from '../store/lock.ts';
import { SAMPLE_WEEK_SOURCE, startRecordedFeeds } from '../net/recorded-feeds.ts';
import { buildCommand } from './build-command.ts';
import { serveCommand } from '../serve/serve-command.ts';
import { deliverAfterBuild } from '../deliver/start-step.ts';

export interface StartOptions {
  readonly config: string;
  readonly db: string;
  readonly digests: string;
  readonly reader: string;
  readonly port: number;
  readonly host: string;
  /** Skip the live sources: use the bundled recorded feeds. */
  readonly offline?: boolean | undefined;
  /** Build the reader first (default); --no-build-reader serves the one already built. */
  readonly buildReader?: boolean | undefined;
  /** Seconds to wait for another run that holds the store. */
  readonly wait?: number | undefined;
}


/**
 * `digest start` (`pnpm start`): fetch, rank, write today's digest, send it when the config has a
 * delivery block (never sample data), build the reader and serve it.
 * Without a network it says so in one line and uses the bundled recorded feeds, and the digest is
 * marked as sample data.
 */
export async function startCommand(options: StartOptions, io: Io): Promise<{ url: string; close: () => Promise<void> }> {
  const config = loadConfig(options.config);
  let sample = false;
  await withLock(options.db, () => withStore(options.db, {}, async (db) => {
    // arXiv's API host resolving says the network is there (run-fetch.ts asks the same of every source).
    const online = !options.offline && await resolvesSoon('export.arxiv.org');
    let report: FetchReport | undefined;
    if (online && config.sources.length > 0) {
      report = await runFetch({ config, configFile: options.config }, { db, progress: createProgress(io.err, io.errIsTTY === true, io.errControl) });
      io.err(formatFetchSummary(report));
      const failure = report.anyFetched ? fetchFailure(report) : null;
      if (failure !== null) io.err(`digest: ${failure}\n`);
    }
    if (!report?.anyFetched) {
      io.err(options.offline ? 'offline run: using the bundled recorded feeds; the digest is marked as sample data\n'
        : online ? 'no source could be fetched: using the bundled recorded feeds; the digest is marked as sample data\n'
          : 'network unreachable: using the bundled recorded feeds; the digest is marked as sample data\n');
      io.err(formatFetchSummary(await fetchRecorded(db, options.config, config)));
      sample = true;
    }
  }), { command: 'digest start', waitMs: (options.wait ?? 0) * 1000, note: io.err });
  await buildCommand({ config: options.config, db: options.db, digests: options.digests, sample, wait: options.wait }, { ...io, out: () => undefined });
  await deliverAfterBuild({ config, configFile: options.config, db: options.db, digests: options.digests, sample }, io, { wait: options.wait });
  if (options.buildReader !== false) {
    io.err('building the reader ...\n');
    const built = spawnSync('pnpm', ['--filter', '@labdigest/reader', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], shell: false });
    if (built.status !== 0) io.err('the reader build failed (see above); serving the last built reader\n');
  }
  return serveCommand({ reader: options.reader, digests: options.digests, port: options.port, host: options.host, config: options.config, db: options.db }, io);
}

/**
 * The recorded responses through the real fetch path (served on 127.0.0.1, recognised by content),
 * and the recorded week of listings in fixtures/papers/sample-week.jsonl.gz.
 */
async function fetchRecorded(db: Db, configFile: string, config: ReturnType<typeof loadConfig>): Promise<FetchReport> {
  const server = await startRecordedFeeds();
  const sources: SourceReport[] = [];
  try {
    for (const [i, feed] of server.urls.entries()) {
      const report = await runFetch({ config, configFile, feed, feedName: server.names[i] }, { db, http: { retries: 0 } });
      sources.push(...report.sources);
    }
  } finally {
    await server.close();
  }
  // Read as `digest import` reads JSON lines: with the text the corpus stored stripped of markup repaired.
  // Stored as the bundled week's, whatever feed each record came from: a digest of them alone is sample data (build-digest.ts).
  const week = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => ({ ...repairPaperText(paperSchema.parse(r)), source: SAMPLE_WEEK_SOURCE }));
  const counts = upsertPapers(db, week, { source: SAMPLE_WEEK_SOURCE, now: new Date() });
  sources.push({
    source: SAMPLE_WEEK_SOURCE, fetched: week.length, new: counts.new, duplicates: counts.duplicates, updated: counts.updated,
    rejected: [], errors: [], crashed: false, pages: 1, notModified: false,
  });
  return { sources, anyFetched: true };
}

