import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fixturePath } from '@labdigest/fixtures';

/** Handles one request; `n` counts the requests to this path so far (1 = first). */
export type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void | Promise<void>;

export interface RecordedRequest {
  readonly path: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  hits(path: string): number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 and a random port, routing by path (query string ignored).
 * Tests start one, point fetchText or a fetch run at it, and close it; nothing mocks `fetch`.
 */
export async function startServer(routes: Readonly<Record<string, Handler>>): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, url: req.url ?? '/', headers: req.headers });
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no route ${path}`);
      return;
    }
    Promise.resolve(handler(req, res, n)).catch((error: unknown) => {
      res.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    hits: (path) => counts.get(path) ?? 0,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Bytes of a file under fixtures/. */
export function fixtureBytes(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}

/** Serves a fixture byte for byte, with Content-Length. */
export function serveFixture(relative: string, headers: Readonly<Record<string, string>> = {}): Handler {
  return (_req, res) => {
    const body = fixtureBytes(relative);
    res.writeHead(200, { 'content-length': String(body.length), ...headers }).end(body);
  };
}

/** Serves a text body with Content-Length. */
export function serveText(body: string, headers: Readonly<Record<string, string>> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-length': String(Buffer.byteLength(body)), ...headers }).end(body);
  };
}

/** A bare status with headers and a short body. */
export function status(code: number, headers: Readonly<Record<string, string>> = {}): Handler {
  return (_req, res) => { res.writeHead(code, headers).end(code === 304 ? undefined : `status ${code}`); };
}

/** The n-th request gets the n-th handler; requests past the list get the last one. */
export function sequence(...handlers: Handler[]): Handler {
  return (req, res, n) => (handlers[Math.min(n, handlers.length) - 1] as Handler)(req, res, n);
}

/** Sends headers, then nothing for `ms`, then the body (a response that is slower than the timeout). */
export function slow(ms: number, body = 'late'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-length': String(body.length) });
    res.flushHeaders();
    const timer = setTimeout(() => res.end(body), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

/** Closes the connection without any response. */
export function drop(): Handler {
  return (req) => { req.socket.destroy(); };
}

/** Announces the fixture's full length, sends half of it and closes the connection. */
export function truncate(relative: string): Handler {
  return (_req, res) => {
    const body = fixtureBytes(relative);
    res.writeHead(200, { 'content-length': String(body.length) });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
  };
}

/**
 * Streams `bytes` of filler in 64 KB chunks without a Content-Length (chunked), or with it when
 * `declare`; records in `sent` how much went out before the client stopped reading.
 */
export function oversized(bytes: number, options: { declare?: boolean; sent?: { bytes: number } } = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, options.declare ? { 'content-length': String(bytes) } : {});
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !res.destroyed) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (options.sent) options.sent.bytes = sent;
        if (!res.write(chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };
}

/** Serves the fixture with an ETag, and 304 when the request's If-None-Match carries it. */
export function conditional(relative: string, etag: string): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    serveFixture(relative, { etag, 'content-type': 'application/atom+xml; charset=utf-8' })(req, res, 1);
  };
}
