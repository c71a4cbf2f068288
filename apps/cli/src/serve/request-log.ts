import type { MiddlewareHandler } from 'hono';

/**
 * One line per request, written when it is answered: time, method, path (never the query string),
 * status, milliseconds and the member the request came from (`-` when none). Tokens and invite codes
 * travel in the Authorization header and the page's #fragment, neither of which is logged.
 *
 *     2026-06-08T09:15:02.123Z POST /api/state 200 3ms Naibing Wu
 */
export function requestLog(write: (line: string) => void): MiddlewareHandler<{ Variables: { member: string | undefined } }> {
  return async (c, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round(performance.now() - start);
      write(`${new Date().toISOString()} ${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms ${c.get('member') ?? '-'}\n`);
    }
  };
}
