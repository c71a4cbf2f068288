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
 * with exponential backoff and jitter for network errors, timeouts, truncated bodies, 429 and 5xx
 * (honouring Retry-After on 429 and 503), a size cap, and conditional GET. Any failure is a
 * FetchFailedError naming the URL (secrets redacted), the status and the number of attempts.
 */
export async function fetchText(url: string, options: FetchTextOptions = {}): Promise<FetchTextResult> {
  const {
    fetch = globalThis.fetch, now = Date.now, sleep = realSleep, random = Math.random,
    timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, retries = DEFAULT_RETRIES,
    backoffBaseMs = 1000, maxRetryAfterMs = 5 * 60_000, politeness, onRetry,
  } = options;
  const shownUrl = redactSecrets(url);
  const headers = new Headers({ 'user-agent': options.userAgent ?? userAgentFor(), ...options.headers });
  if (options.etag) headers.set('if-none-match', options.etag);
  if (options.lastModified) headers.set('if-modified-since', options.lastModified);
  const attempts = retries + 1;

  for (let attempt = 1; ; attempt++) {
    let failure: AttemptError;
    const release = politeness ? await politeness.acquire(url) : () => {};
    try {
      return await attemptOnce({ url, fetch, headers, timeoutMs, maxBytes, politeness, now, attempt });
    } catch (error) {
      if (error instanceof FetchFailedError) throw error;
      if (error instanceof BodyError && !error.retry) {
        throw new FetchFailedError({ url: shownUrl, attempts: attempt }, error.message, { cause: error });
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
      : await a.fetch(a.url, { headers: a.headers, signal: controller.signal, redirect: 'follow' });
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
      if (response.status === 429 || response.status >= 500) {
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

/** A network error, abort or truncation as a short phrase, secrets redacted. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: unknown };
  if (e?.name === 'TimeoutError' || (e?.name === 'AbortError' && String((e.cause as Error | undefined)?.name) === 'TimeoutError')) {
    return `no complete response within ${formatDuration(timeoutMs)}`;
  }
  if (e instanceof BodyError) return e.message;
  // fetch() reports "fetch failed" and keeps the reason (ECONNRESET, ECONNREFUSED, ...) in `cause`.
  const cause = e?.cause as (Error & { code?: string }) | undefined;
  const detail = cause ? `${cause.message}${cause.code && !cause.message.includes(cause.code) ? ` (${cause.code})` : ''}` : e?.message ?? String(error);
  return redactSecrets(`network error: ${detail}`);
}
