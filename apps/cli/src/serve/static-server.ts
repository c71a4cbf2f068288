// The one static server of the repository, on Hono (the framework the reading room will run on):
// `digest serve` and `digest start` serve the built reader and the archive with it, and the reader's
// own scripts (end-to-end tests, the first-render bench) serve dist/ with it under a sub-path, as
// GitHub Pages does. Imported by the reader's scripts as `@labdigest/cli/static-server`, so this
// module imports nothing else of the command line but its sibling compression.ts.
import { createAdaptorServer } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type Env } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { compression } from './compression.ts';

export interface StaticSiteOptions {
  /** The built reader (apps/reader/dist). */
  readonly root: string;
  /** Served at `<base>digests/`, in front of the reader's own digests/ folder. */
  readonly digestsDir?: string | undefined;
  /** Where the site lives: `/` (default), or a sub-path like `/labdigest/` (ends with `/`). */
  readonly base?: string | undefined;
  /** Paths below `base` answered from memory instead of the folder (`digests/index.json` → body). */
  readonly overrides?: Readonly<Record<string, string>> | undefined;
  /** Called with every request's path, before it is answered. */
  readonly onRequest?: ((path: string) => void) | undefined;
}

/** Vite's hashed file names (`index-AbCdEf12.js`) never change content: browsers may keep them a year. */
const hashedAsset = /[\\/]assets[\\/][^\\/]*-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * The reader and the archive as a Hono app: files only from inside the two folders, the right content
 * types, `no-cache` for everything but hashed assets (so a new digest, service worker or manifest is
 * seen at once), text compressed with brotli or gzip for clients that take it (a phone on the lab's
 * Wi-Fi gets the reader's 83 KB of script as 31 KB gzipped), and index.html for app routes (paths
 * without an extension).
 */
export function staticSite(options: StaticSiteOptions): Hono {
  const root = resolve(options.root);
  const digests = options.digestsDir ? resolve(options.digestsDir) : undefined;
  const base = options.base ?? '/';
  const below = (path: string) => path.slice(base.length - 1); // `/labdigest/x.js` → `/x.js`
  const cacheHeaders = (path: string, c: Context) => {
    c.header('Cache-Control', hashedAsset.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  const app = new Hono();
  app.use(async (c, next) => {
    options.onRequest?.(safeDecode(c.req.path) ?? c.req.path);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.body(null, 405, { Allow: 'GET, HEAD' });
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    // No other site may frame the reader (a framed "Sign this device out" or star is a click away from
    // a hostile page: the page's own CSP is a <meta>, which cannot say frame-ancestors), nor learn from
    // the Referer which digest a member followed a link from.
    c.header('Content-Security-Policy', "frame-ancestors 'none'");
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    return undefined;
  });
  app.use(compression());
  if (base !== '/') app.get(base.slice(0, -1), (c) => c.redirect(base, 301));
  for (const [relative, body] of Object.entries(options.overrides ?? {})) {
    app.get(`${base}${relative}`, (c) => c.body(body, 200, { 'Content-Type': typeOf(relative), 'Cache-Control': 'no-cache' }));
  }
  if (digests) {
    app.use(`${base}digests/*`, serveStatic({
      root: digests, rewriteRequestPath: (path) => path.slice(`${base}digests`.length), onFound: cacheHeaders,
    }));
  }
  app.use(`${base}*`, serveStatic({ root, rewriteRequestPath: below, onFound: cacheHeaders }));
  // App routes (`/member/Naibing%20Wu`) get the app; a missing file with an extension is a 404.
  app.get(`${base}*`, async (c, next) => {
    const path = safeDecode(c.req.path);
    if (path === undefined) return c.text('bad request\n', 400);
    if (extname(path) !== '') return c.text(`not found: ${path}\n`, 404);
    await next();
    return undefined;
  }, serveStatic({ path: join(root, 'index.html'), onFound: cacheHeaders }));
  app.notFound((c) => c.text(`not found: ${safeDecode(c.req.path) ?? c.req.path}\n`, 404));
  return app;
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function typeOf(path: string): string {
  const types: Record<string, string> = { '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  return types[extname(path)] ?? 'application/octet-stream';
}

/** How long a closing server waits for the requests in flight. */
const CLOSE_GRACE_MS = 5000;

export interface RunningServer {
  /** The site's address, ending in its base: `http://127.0.0.1:8080/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `app` on host:port (port 0 picks a free one). A port in use rejects with the server's
 * EADDRINUSE error for the caller to explain.
 */
export async function listen<E extends Env>(app: Hono<E>, at: { port: number; host: string; base?: string | undefined }): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(at.port, at.host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shown = at.host === '0.0.0.0' || at.host === '::' ? 'localhost' : at.host;
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}${at.base ?? '/'}`,
    port,
    // Takes no new connection, lets the requests in flight finish (keep-alive connections close once
    // idle), and cuts whatever is still open after CLOSE_GRACE_MS.
    close: () => new Promise((done) => {
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      server.close(() => { clearTimeout(cut); done(); });
      server.closeIdleConnections();
    }),
  };
}

