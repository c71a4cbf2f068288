import { FetchFailedError } from '../errors.ts';
import { MAX_RESPONSE_BYTES } from '@labdigest/sources';
import { backoffMs, formatDuration, retryAfterMs } from './backoff.ts';
import { fileResponse } from './file-response.ts';
import type { Politeness } from './politeness.ts';
import { realSleep } from './politeness.ts';
import { decodeBody } from './decode.ts';
import { BodyError, readBody } from './read-body.ts';
import { redactSecrets } from './redact.ts';

export interface FetchTextOptions {
  readonly fetch?: typeof globalThis.fetch;
  /** Milliseconds since the epoch; used for Retry-After dates. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); jitter for the backoff. */
  readonly random?: () => number;
  /** For one attempt: response headers and the whole body. */
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** Extra attempts after the first, for network errors, timeouts, truncated bodies, 429 and 5xx. */
  readonly retries?: number;
  /** First backoff; doubled on each retry. */
  readonly backoffBaseMs?: number;
  /** A Retry-After longer than this is not waited for: the fetch fails instead. */
  readonly maxRetryAfterMs?: number;
  /**
   * When the source's time budget runs out (ms since the epoch, on `now`'s clock): no attempt runs
   * past it and no retry is waited for that would end after it. `budgetMs` names the budget in messages.
   */
  readonly deadline?: number | undefined;
  readonly budgetMs?: number | undefined;
  readonly userAgent?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** From the last fetch of this URL, for a conditional GET. */
  readonly etag?: string | null | undefined;
  readonly lastModified?: string | null | undefined;
  readonly politeness?: Politeness | undefined;
  /** Told before each retry (for progress lines). */
  readonly onRetry?: ((info: { attempt: number; delayMs: number; reason: string }) => void) | undefined;
}

export interface FetchTextResult {
  readonly status: number;
  /** The decoded body; empty when notModified. */
  readonly text: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** 304: the conditional GET found nothing new. */
  readonly notModified: boolean;
  readonly contentType: string | null;
  readonly headers: Headers;
  readonly attempts: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** The parsers refuse bodies over this (sources/body.ts); reading more would be wasted. */
export const DEFAULT_MAX_BYTES = MAX_RESPONSE_BYTES;
export const DEFAULT_RETRIES = 3;
/** The longest Retry-After a run waits: one URL never stalls a run for minutes at each retry. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/** Redirects followed at most (browsers allow 20; feeds need one or two). */
export const MAX_REDIRECTS = 10;
/** Statuses worth another try: a timeout, "too early", "too many requests", and the server's own failures. */
const retryable = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/**
 * `labdigest/0.1 (+https://github.com/labdigest; mailto:you@uni.edu)`: Crossref and OpenAlex route
 * requests that carry a contact into their "polite pool"; arXiv asks clients to identify themselves.
 */
export function userAgentFor(email?: string | undefined): string {
  return `labdigest/0.1 (+https://github.com/labdigest${email ? `; mailto:${email}` : ''})`;
}

/** A retryable failure of one attempt; the last one becomes the FetchFailedError's message. */
class AttemptError extends Error {
  readonly status: number | undefined;
  readonly retryAfter: number | null;
  constructor(message: string, status?: number, retryAfter: number | null = null, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/**
 * GETs a URL (http, https or file) as text, politely and defensively: a timeout per attempt, retries
 * with exponential backoff and jitter for network errors, timeouts, truncated bodies, 408, 425, 429
 * and 5xx (honouring a Retry-After of up to a minute on 429 and 503), a size cap, conditional GET,
 * and a deadline. What cannot succeed fails at once: another scheme, another 4xx, a redirect loop,
 * more than ten redirects, a redirect away from http(s). Any failure is a FetchFailedError naming
 * the URL (secrets redacted), the status and the number of attempts.
 */
export async function fetchText(url: string, options: FetchTextOptions = {}): Promise<FetchTextResult> {
  const {
    fetch = globalThis.fetch, now = Date.now, sleep = realSleep, random = Math.random,
    timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, retries = DEFAULT_RETRIES,
    backoffBaseMs = 1000, maxRetryAfterMs = DEFAULT_MAX_RETRY_AFTER_MS, politeness, onRetry, deadline, budgetMs,
  } = options;
  const shownUrl = redactSecrets(url);
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
  if (scheme !== 'http:' && scheme !== 'https:' && scheme !== 'file:') {
    throw new FetchFailedError({ url: shownUrl, attempts: 1 }, `unsupported URL scheme "${scheme ?? url}": only http, https and file URLs are fetched`);
  }
  // A file URL names a file of this machine; one with another host can never be read, so no retry.
  const fileHost = scheme === 'file:' ? URL.canParse(url) && new URL(url).hostname : '';
  if (fileHost && fileHost !== 'localhost') {
    throw new FetchFailedError({ url: shownUrl, attempts: 1 }, `a file URL names a file of this machine, with no host (file:///path/to/feed.xml), but this one names the host "${fileHost}"`);
  }
  const budget = `the source's time budget${budgetMs === undefined ? '' : ` of ${formatDuration(budgetMs)}`}`;
  const headers = new Headers({ 'user-agent': options.userAgent ?? userAgentFor(), ...options.headers });
  if (options.etag) headers.set('if-none-match', options.etag);
  if (options.lastModified) headers.set('if-modified-since', options.lastModified);
  const attempts = retries + 1;

  for (let attempt = 1; ; attempt++) {
    let failure: AttemptError;
    const release = politeness ? await politeness.acquire(url) : () => {};
    const left = deadline === undefined ? Infinity : deadline - now();
    try {
      if (left <= 0) throw new FetchFailedError({ url: shownUrl, attempts: attempt }, `${budget} ran out`);
      return await attemptOnce({ url, fetch, headers, timeoutMs: Math.min(timeoutMs, left), maxBytes, politeness, now, attempt });
    } catch (error) {
      if (error instanceof FetchFailedError) throw error;
      if (error instanceof BodyError && !error.retry) {
        throw new FetchFailedError({ url: shownUrl, attempts: attempt }, error.message, { cause: error });
      }
      // The attempt's timeout was the time the budget had left: no retry can fit in it.
      if (left < timeoutMs && isTimeout(error)) {
        throw new FetchFailedError({ url: shownUrl, attempts: attempt }, 'no complete response within the source\'s time budget', { cause: error });
      }
      failure = error instanceof AttemptError ? error : new AttemptError(describeFailure(error, timeoutMs), undefined, null, { cause: error });
    } finally {
      release();
    }
    if (attempt >= attempts) {
      throw new FetchFailedError({ url: shownUrl, status: failure.status, attempts: attempt }, failure.message, { cause: failure.cause ?? failure });
    }
    let delayMs = backoffMs(attempt, random, backoffBaseMs);
    if (failure.retryAfter !== null) {
      if (failure.retryAfter > maxRetryAfterMs) {
        throw new FetchFailedError({ url: shownUrl, status: failure.status, attempts: attempt },
          `${failure.message}; the server asked to retry after ${formatDuration(failure.retryAfter)}, longer than the ${formatDuration(maxRetryAfterMs)} a run waits`);
      }
      delayMs = Math.max(delayMs, failure.retryAfter);
    }
    if (deadline !== undefined && now() + delayMs >= deadline) {
      throw new FetchFailedError({ url: shownUrl, status: failure.status, attempts: attempt }, `${failure.message}; ${budget} would run out before the next try`);
    }
    onRetry?.({ attempt, delayMs, reason: failure.message });
    await sleep(delayMs);
  }
}

async function attemptOnce(a: {
  url: string; fetch: typeof globalThis.fetch; headers: Headers; timeoutMs: number; maxBytes: number;
  politeness: Politeness | undefined; now: () => number; attempt: number;
}): Promise<FetchTextResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), a.timeoutMs);
  try {
    const response = a.url.startsWith('file:')
      ? fileResponse(a.url, a.headers, controller.signal)
      : await followRedirects(a, controller.signal);
    a.politeness?.observe(a.url, response.headers);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    const contentType = response.headers.get('content-type');
    const base = { status: response.status, etag, lastModified, contentType, headers: response.headers, attempts: a.attempt };
    if (response.status === 304) {
      await response.body?.cancel().catch(() => {});
      return { ...base, text: '', notModified: true };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const problem = `${response.status} ${response.statusText || 'error'}`.trim();
      if (retryable(response.status)) {
        const retryAfter = response.status === 429 || response.status === 503 ? retryAfterMs(response.headers.get('retry-after'), a.now()) : null;
        throw new AttemptError(problem, response.status, retryAfter);
      }
      throw new FetchFailedError({ url: redactSecrets(a.url), status: response.status, attempts: a.attempt }, problem);
    }
    const bytes = await readBody(response, a.maxBytes);
    return { ...base, text: decodeBody(bytes, contentType), notModified: false };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GETs an http(s) URL, following redirects itself: a loop is seen at once (fetch's own following
 * runs twenty requests into it, and each retry another twenty), a redirect to another scheme
 * (file:) is refused, and more than MAX_REDIRECTS fail. Each is permanent: no retry can help.
 */
async function followRedirects(a: { url: string; fetch: typeof globalThis.fetch; headers: Headers; attempt: number }, signal: AbortSignal): Promise<Response> {
  const chain = [a.url];
  const permanent = (problem: string) => new FetchFailedError({ url: redactSecrets(a.url), attempts: a.attempt }, redactSecrets(problem));
  for (let current = a.url; ;) {
    const response = await a.fetch(current, { headers: a.headers, signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(response.status) || location === null) return response;
    await response.body?.cancel().catch(() => {});
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw permanent(`${response.status} redirect to "${location}", which is not a URL`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw permanent(`redirected to ${next.href}: only http and https redirects are followed`);
    if (chain.includes(next.href)) throw permanent(`redirect loop: ${[...chain, next.href].join(' → ')}`);
    if (chain.length > MAX_REDIRECTS) throw permanent(`more than ${MAX_REDIRECTS} redirects (the last to ${next.href})`);
    chain.push(next.href);
    current = next.href;
  }
}

function isTimeout(error: unknown): boolean {
  const e = error as Error & { cause?: unknown };
  return e?.name === 'TimeoutError' || (e?.name === 'AbortError' && String((e.cause as Error | undefined)?.name) === 'TimeoutError');
}

/** A network error, abort or truncation as a short phrase, secrets redacted. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: unknown };
  if (isTimeout(error)) return `no complete response within ${formatDuration(timeoutMs)}`;
  if (e instanceof BodyError) return e.message;
  // fetch() reports "fetch failed" and keeps the reason (ECONNRESET, ECONNREFUSED, ...) in `cause`.
  const cause = e?.cause as (Error & { code?: string }) | undefined;
  const detail = cause ? `${cause.message}${cause.code && !cause.message.includes(cause.code) ? ` (${cause.code})` : ''}` : e?.message ?? String(error);
  return redactSecrets(`network error: ${detail}`);
}
