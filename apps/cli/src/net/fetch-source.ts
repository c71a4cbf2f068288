import type { Paper } from '@labdigest/core';
import { IngestError, type RecordRejectedError } from '@labdigest/sources';
import { formatDuration } from './backoff.ts';
import { fetchText, type FetchTextOptions } from './fetch-text.ts';
import { redactSecrets } from './redact.ts';
import type { SourceState } from '../store/source-state.ts';
import type { PageStream } from './source-plans.ts';
import type { Progress } from './progress.ts';

/** Everything one source gave in a run, before it is stored. */
export interface SourceHarvest {
  readonly papers: Paper[];
  readonly rejected: RecordRejectedError[];
  /** Failures, secrets redacted: `[GET] "…": 503 Service Unavailable (after 4 attempts)`. */
  readonly errors: string[];
  /** A page failed with an error that is not the source's fault (a bug): the run must not end in success. */
  crashed: boolean;
  /** Pages fetched and parsed (a 304 counts: the source answered). */
  pages: number;
  /** The single-page feed had not changed since the last run (304). */
  notModified: boolean;
  /** Validators and paging position to remember for the next run. */
  state: Omit<SourceState, 'lastFetch'>;
}

export interface FetchSourceContext {
  readonly source: string;
  readonly streams: readonly PageStream[];
  readonly previous: SourceState | null;
  readonly http: FetchTextOptions;
  readonly progress: Progress;
  /** Pages per stream at most; a query that has more is cut there (and says so). */
  readonly maxPages: number;
  readonly now: Date;
  /**
   * The source's time budget for this run, all its pages, waits and retries together: past it the
   * source is reported as failed (what it gave is kept) and the run goes on with the next source.
   */
  readonly budgetMs?: number | undefined;
}

/** Five minutes a source: a day's arXiv listing takes seconds, a slow journal server a minute. */
export const DEFAULT_SOURCE_BUDGET_MS = 5 * 60_000;

/**
 * Reads every page of every stream of a source. A page that fails (after fetchText's retries) or
 * that cannot be parsed ends its stream with an error; pages already read are kept, and the other
 * streams go on. Never throws for a source's own failures.
 */
export async function fetchSource(ctx: FetchSourceContext): Promise<SourceHarvest> {
  const harvest: SourceHarvest = {
    papers: [], rejected: [], errors: [], crashed: false, pages: 0, notModified: false,
    state: { etag: ctx.previous?.etag ?? null, lastModified: ctx.previous?.lastModified ?? null, cursor: null },
  };
  const clock = ctx.http.now ?? Date.now;
  const budgetMs = ctx.budgetMs ?? DEFAULT_SOURCE_BUDGET_MS;
  const deadline = clock() + budgetMs;
  for (const stream of ctx.streams) {
    let url: string | null = stream.firstUrl;
    let collected = 0;
    for (let page = 1; url !== null; page++) {
      if (clock() >= deadline) {
        const message = `stopped: the source's time budget of ${formatDuration(budgetMs)} ran out${page > 1 ? ` after ${page - 1} page${page === 2 ? '' : 's'}` : ''}; more remain at ${redactSecrets(url)}`;
        harvest.errors.push(message);
        ctx.progress.note(`${ctx.source}: ${message}`);
        break;
      }
      if (page > ctx.maxPages) {
        harvest.errors.push(`stopped after ${ctx.maxPages} pages; more remain at ${redactSecrets(url)}`);
        harvest.state = { ...harvest.state, cursor: redactSecrets(url) };
        break;
      }
      const location = redactSecrets(url);
      try {
        const response = await fetchText(url, {
          ...ctx.http, deadline, budgetMs,
          ...(stream.conditional ? { etag: ctx.previous?.etag, lastModified: ctx.previous?.lastModified } : {}),
          onRetry: ({ attempt, delayMs, reason }) => ctx.progress.note(`${ctx.source}: ${reason} at ${location}; retry ${attempt} in ${Math.round(delayMs / 100) / 10} s`),
        });
        if (response.notModified) {
          harvest.pages++;
          harvest.notModified = true;
          break;
        }
        const result = stream.parse(response.text, { source: ctx.source, location, now: ctx.now }, response.contentType ?? undefined);
        harvest.pages++;
        if (stream.conditional) harvest.state = { ...harvest.state, etag: response.etag, lastModified: response.lastModified };
        // One by one: spreading a page of 125,000 papers into push() overflows the call stack.
        for (const paper of result.papers) harvest.papers.push(paper);
        for (const rejection of result.rejected) harvest.rejected.push(rejection);
        collected += result.papers.length + result.rejected.length;
        ctx.progress.page(ctx.source, page, harvest.papers.length);
        url = stream.nextUrl(result, collected);
      } catch (error) {
        if (error instanceof IngestError) {
          const message = redactSecrets(error.message);
          harvest.errors.push(message);
          ctx.progress.note(`${ctx.source}: ${message}`);
          break;
        }
        // Anything else is a bug. It costs only this source, but the run reports it and fails: the
        // summary and fetch_runs keep one line, the stack goes to stderr for the bug report.
        harvest.crashed = true;
        harvest.errors.push(redactSecrets(`internal error at ${location}: ${describeError(error)}`));
        ctx.progress.note(`${ctx.source}: internal error at ${location} (please report it):\n${(error as Error).stack ?? String(error)}`);
        break;
      }
    }
  }
  return harvest;
}

/** `RangeError: Maximum call stack size exceeded`: an error's class and message on one line. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0] ?? text;
}
