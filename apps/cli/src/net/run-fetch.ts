import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { suggest, type GroupConfig, type Source } from '@labdigest/core';
import type { Db } from '../store/open-db.ts';
import { getSourceState } from '../store/source-state.ts';
import { InputError } from '../errors.ts';
import { userAgentFor, type FetchTextOptions } from './fetch-text.ts';
import { createPoliteness, realSleep, type Politeness } from './politeness.ts';
import { fetchSource } from './fetch-source.ts';
import { silentProgress, type Progress } from './progress.ts';
import { saveSourceRun } from './save-source.ts';
import { feedSourceName, planFeedUrl, planSource, type Endpoints, type PageStream } from './source-plans.ts';

export interface FetchRequest {
  /** The group's config; may be null for an ad-hoc `--feed` run without one. */
  readonly config: GroupConfig | null;
  /** For messages: where the config came from. */
  readonly configFile: string;
  /** `--source NAME`: only this source (even when disabled). */
  readonly source?: string | undefined;
  /** `--feed URL`: only this URL, its format recognised from the content. */
  readonly feed?: string | undefined;
  /** The name of the `--feed` source in the store and the summary (default: the URL's host or file). */
  readonly feedName?: string | undefined;
  /** `--since DATE`: instead of each source's window. */
  readonly since?: Date | undefined;
}

export interface FetchDeps {
  readonly db: Db;
  readonly fetch?: typeof globalThis.fetch;
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Where OPENALEX_API_KEY is read from. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly progress?: Progress;
  readonly politeness?: Politeness;
  readonly endpoints?: Endpoints;
  readonly http?: Pick<FetchTextOptions, 'timeoutMs' | 'retries' | 'maxBytes' | 'backoffBaseMs' | 'maxRetryAfterMs'>;
  /** Pages per query at most (default 20). */
  readonly maxPages?: number;
  /** Each source's time budget in ms (default DEFAULT_SOURCE_BUDGET_MS, five minutes). */
  readonly budgetMs?: number | undefined;
  /** Runs inside each source's transaction, before the commit (the crash test kills the process there). */
  readonly inTransaction?: (source: string) => void;
  /**
   * Whether a host name resolves, asked of every source's host before any is fetched; default: DNS,
   * within a few seconds (none when `fetch` is given: a test's fetch answers for hosts DNS never knew).
   */
  readonly resolves?: ((host: string) => Promise<boolean>) | undefined;
}

/** One source's line of the run summary. */
export interface SourceReport {
  readonly source: string;
  /** Papers read from the source (rejected records not included). */
  readonly fetched: number;
  readonly new: number;
  readonly duplicates: number;
  readonly updated: number;
  readonly rejected: readonly string[];
  readonly errors: readonly string[];
  /** The source failed with an internal error (a bug), not because of what it sent. */
  readonly crashed: boolean;
  readonly pages: number;
  readonly notModified: boolean;
}

export interface FetchReport {
  readonly sources: readonly SourceReport[];
  /** True when at least one source answered; a run where every source failed is a failed run. */
  readonly anyFetched: boolean;
  /** The hosts of the sources, none of which resolved: nothing was tried (the machine looks offline). */
  readonly unresolved?: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `digest fetch`: reads each chosen source (all pages, politely), and stores each source's papers in
 * its own transaction. A source that fails is reported and the others go on.
 */
export async function runFetch(request: FetchRequest, deps: FetchDeps): Promise<FetchReport> {
  const { db, now = Date.now, sleep = realSleep, env = process.env, progress = silentProgress } = deps;
  const politeness = deps.politeness ?? createPoliteness({ now, sleep });
  const email = request.config?.group.email;
  const http: FetchTextOptions = {
    now, sleep, politeness, userAgent: userAgentFor(email), ...deps.http,
    ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.random ? { random: deps.random } : {}),
  };
  const reports: SourceReport[] = [];
  const chosen = chooseSources(request, { now: new Date(now()), email, openAlexKey: env['OPENALEX_API_KEY'] || undefined, endpoints: deps.endpoints });
  // A machine without a network: no source's host resolves. Said at once, where each source's retries
  // took 51 s and eight errors to say that nothing could be fetched (found by an audit).
  const resolves = deps.resolves ?? (deps.fetch ? undefined : resolvesSoon);
  const hosts = [...new Set(chosen.flatMap((c) => c.streams.map((stream) => namedHost(stream.firstUrl))).filter((h): h is string => h !== null))];
  if (resolves && hosts.length > 0 && !(await Promise.all(hosts.map(resolves))).some(Boolean)) {
    progress.done();
    const error = 'not tried: no source\'s host resolves (the network looks unreachable)';
    return {
      sources: chosen.map(({ name }) => ({ source: name, fetched: 0, new: 0, duplicates: 0, updated: 0, rejected: [], errors: [error], crashed: false, pages: 0, notModified: false })),
      anyFetched: false, unresolved: hosts,
    };
  }
  for (const { name, streams } of chosen) {
    const started = new Date(now());
    const harvest = await fetchSource({
      source: name, streams, previous: getSourceState(db, name), http, progress, maxPages: deps.maxPages ?? 20, now: started,
      budgetMs: deps.budgetMs,
    });
    const counts = saveSourceRun(db, {
      source: name, papers: harvest.papers, rejected: harvest.rejected.length, errors: harvest.errors,
      started, now: new Date(now()), state: harvest.pages > 0 ? harvest.state : null,
    }, deps.inTransaction ? () => deps.inTransaction?.(name) : undefined);
    reports.push({
      source: name, fetched: harvest.papers.length, ...counts, rejected: harvest.rejected.map((r) => r.message),
      errors: harvest.errors, crashed: harvest.crashed, pages: harvest.pages, notModified: harvest.notModified,
    });
  }
  progress.done();
  return { sources: reports, anyFetched: reports.some((r) => r.pages > 0) };
}

interface ChosenSource {
  readonly name: string;
  readonly streams: readonly PageStream[];
}

function chooseSources(request: FetchRequest, ctx: { now: Date; email: string | undefined; openAlexKey: string | undefined; endpoints: Endpoints | undefined }): ChosenSource[] {
  if (request.feed) return [{ name: request.feedName ?? feedSourceName(request.feed), streams: planFeedUrl(request.feed) }];
  const sources = request.config?.sources ?? [];
  let chosen: Source[];
  if (request.source) {
    const match = sources.find((s) => s.name === request.source);
    if (!match) {
      const names = sources.map((s) => s.name);
      throw new InputError(request.configFile, `no source named "${request.source}"${suggest(request.source, names)}; the sources are: ${names.join(', ') || 'none'}`);
    }
    chosen = [match];
  } else {
    chosen = sources.filter((s) => s.enabled);
    if (chosen.length === 0) {
      throw new InputError(request.configFile, 'no enabled sources to fetch: add some under `sources:` (see docs/config.md), or fetch one feed with --feed URL');
    }
  }
  return chosen.map((source) => ({
    name: source.name,
    streams: planSource(source, { ...ctx, since: request.since ?? new Date(ctx.now.getTime() - source.window * DAY_MS) }),
  }));
}

/** The host name of an http(s) URL, or null for a file, an IP address or what does not parse. */
function namedHost(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    const host = hostname.replace(/^\[|\]$/g, '');
    return (protocol === 'http:' || protocol === 'https:') && isIP(host) === 0 && host !== 'localhost' ? host : null;
  } catch {
    return null;
  }
}

/** Whether DNS resolves `host` within a few seconds: an offline machine fails at once or not at all. */
export async function resolvesSoon(host: string, timeoutMs = 3000): Promise<boolean> {
  const timeout = new Promise<false>((done) => { setTimeout(() => done(false), timeoutMs).unref(); });
  return Promise.race([lookup(host).then(() => true, () => false), timeout]);
}
