import type { ApiErrorCode } from '@labdigest/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { StoreBusyError } from './room-store.ts';
import { storeFailure } from '../store/store-error.ts';

/** An answer other than success, as the API sends it: `{"error": {"code", "message"}}` with its status. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export const unauthorized = (message: string): ApiError => new ApiError(401, 'UNAUTHORIZED', message);
export const badRequest = (message: string): ApiError => new ApiError(400, 'BAD_REQUEST', message);

/** The JSON error answer for `error`. */
export function errorResponse(c: Context, error: ApiError): Response {
  return c.json({ error: { code: error.code, message: error.message } }, error.status, { ...error.headers, 'Cache-Control': 'no-store' });
}

const codes: Partial<Record<number, ApiErrorCode>> = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 413: 'TOO_LARGE', 429: 'RATE_LIMITED' };

/**
 * Every error of a request as a JSON answer: the API's own, a busy store (503, try again), Hono's
 * HTTP errors; anything else is a bug, written to the server's log and answered 500 without details.
 */
export function handleError(error: Error, c: Context, log: (text: string) => void, storeFile?: string): Response {
  if (error instanceof ApiError) return errorResponse(c, error);
  if (error instanceof StoreBusyError) {
    return errorResponse(c, new ApiError(503, 'BUSY', `${error.message}: try again in a few seconds`, { 'Retry-After': '5' }));
  }
  // The store failed (a full disk, a damaged or read-only file): one line in the log says which file
  // and what to do; the device keeps its changes and tries again later.
  const failure = storeFile === undefined ? null : storeFailure(storeFile, error);
  if (failure) {
    log(`could not answer ${c.req.method} ${c.req.path}: ${failure.message}\n`);
    const what = (error as { code?: unknown }).code === 'SQLITE_FULL' ? 'the server\'s disk is full' : 'the server cannot use its store';
    return errorResponse(c, new ApiError(503, 'BUSY', `${what}: your changes wait on this device; try again later`, { 'Retry-After': '60' }));
  }
  if (error instanceof HTTPException && error.status < 500) {
    return errorResponse(c, new ApiError(error.status, codes[error.status] ?? 'BAD_REQUEST', error.message || 'bad request'));
  }
  log(`internal error answering ${c.req.method} ${c.req.path}:\n${describe(error)}\n`);
  return errorResponse(c, new ApiError(500, 'INTERNAL', 'internal error: the server\'s log says more'));
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) parts.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return parts.join('\ncaused by: ');
}
