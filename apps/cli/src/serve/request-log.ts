import type { MiddlewareHandler } from 'hono';

/**
 * One line per request, written when it is answered: time, method, path (never the query string),
 * status, milliseconds and the member the request came from (`-` when none). Tokens and invite codes
 * travel in the Authorization header and the page's #fragment, neither of which is logged.
 *
 *     2026-06-08T09:15:02.123Z POST /api/state 200 3ms Naibing Wu
 *
 * The path is as the router decoded it, with control characters and spaces encoded again: a request
 * for `/x%0A2026-… DELETE /api/devices/self 204 1ms Yanhao Deng` must not write a line of its own
 * that anyone reading the log takes for a member's request.
 */
export function requestLog(write: (line: string) => void): MiddlewareHandler<{ Variables: { member: string | undefined } }> {
  return async (c, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round(performance.now() - start);
      write(`${new Date().toISOString()} ${c.req.method} ${shownPath(c.req.path)} ${c.res.status} ${ms}ms ${c.get('member') ?? '-'}\n`);
    }
  };
}

/** A decoded path with what could break or forge a log line (controls, spaces, separators) percent-encoded. */
export function shownPath(path: string): string {
  return path.replace(/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => encodeURIComponent(c));
}
