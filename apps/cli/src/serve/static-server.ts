import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.woff2': 'font/woff2',
};

/** Text worth compressing: a phone on the lab's Wi-Fi gets the reader's 83 KB of script as 31 KB. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.xml']);

/** Whether an Accept-Encoding header takes gzip (`gzip`, `gzip;q=0.8`, `*`; not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export interface StaticServerOptions {
  /** The built reader (apps/reader/dist). */
  readonly root: string;
  /** Served at /digests/, in front of the reader's own digests/ folder. */
  readonly digestsDir?: string | undefined;
}

/**
 * Serves the built reader and the digest archive: files only from inside the two folders, the right
 * content types, no caching for the service worker, the manifest and the digest index (so updates are
 * seen), long caching for Vite's hashed assets, text gzipped for clients that take it. Unknown paths
 * without an extension get index.html.
 */
export function createStaticServer(options: StaticServerOptions): Server {
  const root = resolve(options.root);
  const digests = options.digestsDir ? resolve(options.digestsDir) : undefined;
  return createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const file = locate(path, root, digests);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${path}\n`);
      return;
    }
    const name = file.slice(file.lastIndexOf(sep) + 1);
    const immutable = file.includes(`${sep}assets${sep}`) && /-[A-Za-z0-9_-]{8,}\./.test(name);
    const compressible = COMPRESSIBLE.has(extname(file));
    const gzip = compressible && acceptsGzip(req.headers['accept-encoding']);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(compressible ? { vary: 'accept-encoding' } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // pipeline, not pipe: a read that fails half-way (the file replaced under it) ends this response
    // instead of throwing out of the server.
    const done = () => undefined;
    if (gzip) pipeline(createReadStream(file), createGzip(), res, done);
    else pipeline(createReadStream(file), res, done);
  });
}

function inside(base: string, relative: string): string | undefined {
  const full = normalize(join(base, relative));
  if (full !== base && !full.startsWith(base + sep)) return undefined; // ../ escapes
  return existsSync(full) && statSync(full).isFile() ? full : undefined;
}

function locate(path: string, root: string, digests: string | undefined): string | undefined {
  if (digests && path.startsWith('/digests/')) {
    const hit = inside(digests, path.slice('/digests/'.length));
    if (hit) return hit;
  }
  const direct = inside(root, path === '/' ? 'index.html' : path.slice(1));
  if (direct) return direct;
  return extname(path) === '' ? inside(root, 'index.html') : undefined;
}
