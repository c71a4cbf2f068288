// A tiny static file server for dist/, for the end-to-end test and the bench. It serves under a
// sub-path (like GitHub Pages) to prove the relative base works, and counts requests, so a test can
// show that an offline reload never reached it.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

export interface StaticServer {
  /** The app's URL, ending in `/`: `http://127.0.0.1:<port>/labdigest/`. */
  readonly url: string;
  /** Paths requested so far, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly dir: string;
  readonly prefix?: string;
  /** Paths below the prefix answered from memory instead of the folder (`digests/index.json` → body). */
  readonly overrides?: Readonly<Record<string, string>>;
}

export async function serveStatic({ dir, prefix = '/labdigest/', overrides = {} }: ServeOptions): Promise<StaticServer> {
  const requests: string[] = [];
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    if (path === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    const relative = path.slice(prefix.length) || 'index.html';
    const send = (body: string | Buffer, file: string) => {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    };
    const override = overrides[relative];
    if (override !== undefined) {
      send(override, relative);
      return;
    }
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    readFile(file).then((body) => send(body, file), () => res.writeHead(404).end('not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
