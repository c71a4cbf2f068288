import { existsSync } from 'node:fs';
import type { GroupConfig } from '@labdigest/core';
import { loadConfig } from '../config/load-config.ts';
import { newStoreNote, withStore } from '../store/open-db.ts';
import { IngestError, UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { createProgress } from './progress.ts';
import { runFetch } from './run-fetch.ts';
import { fetchFailure, formatFetchSummary } from './summary.ts';
import { withLock } from '../store/lock.ts';

export interface FetchCommandOptions {
  readonly config: string;
  readonly db: string;
  readonly source?: string | undefined;
  readonly feed?: string | undefined;
  readonly since?: Date | undefined;
  /** Seconds to wait for another run that holds the store. */
  readonly wait?: number | undefined;
  /** Seconds one source may take at most (default 300). */
  readonly budget?: number | undefined;
}

/**
 * `digest fetch`: every enabled source of the config (or `--source NAME`, or one `--feed URL`) into the
 * store; progress on stderr, the summary table on stdout. Fails (exit 1) when nothing at all could be
 * fetched or a source failed with an internal error (see fetchFailure); a run where some sources
 * failed for reasons of their own still succeeds, and the summary names the failures.
 */
export async function fetchCommand(options: FetchCommandOptions, io: Io): Promise<void> {
  if (options.feed && options.source) throw new UsageError('fetch: --feed and --source cannot be used together: --feed fetches only that URL');
  // An ad-hoc --feed needs no config; the group's e-mail (User-Agent) is used when there is one.
  const config: GroupConfig | null = options.feed && !existsSync(options.config) ? null : loadConfig(options.config);
  const onCreate = newStoreNote(options.db, io);
  await withLock(options.db, () => withStore(options.db, { onCreate }, async (db) => {
    const report = await runFetch(
      { config, configFile: options.config, source: options.source, feed: options.feed, since: options.since },
      { db, progress: createProgress(io.err, io.errIsTTY === true, io.errControl), budgetMs: options.budget === undefined ? undefined : options.budget * 1000 },
    );
    io.out(formatFetchSummary(report));
    if (report.unresolved) {
      throw new IngestError(`the network looks unreachable: none of the sources' hosts resolves (${report.unresolved.join(', ')}), so nothing was fetched; `
        + '`digest import FILE` adds papers from a file (fixtures/papers/sample-week.jsonl.gz is a recorded week), and `pnpm start` uses the bundled recorded feeds');
    }
    const failure = fetchFailure(report);
    if (failure !== null) throw new IngestError(failure);
  }), { command: 'digest fetch', waitMs: (options.wait ?? 0) * 1000, note: io.err });
}
