// Brotli or gzip for text answers, for the clients that take them. Hono's compress() does gzip and
// deflate only (CompressionStream has no brotli in Node 20), so this one uses node:zlib. Hashed
// assets never change: each is compressed once, at brotli's best, and kept.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = 'br' | 'gzip';

/** Bodies under this many bytes gain nothing from compression. */
const THRESHOLD = 1024;
/** What the cache of compressed immutable assets may hold. */
const CACHE_BYTES = 32 * 2 ** 20;

/**
 * The encoding to answer in: the client's preferred of brotli and gzip by q-value, brotli on a tie;
 * none when it takes neither (or says `;q=0`).
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const weightOf = (encoding: Encoding) => q.get(encoding) ?? q.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce<Encoding | undefined>((b, e) => (weightOf(e) > 0 && (b === undefined || weightOf(e) > weightOf(b)) ? e : b), undefined);
  return best;
}

/** Compresses text answers of 1 KB and more (scripts, styles, HTML, JSON, SVG) as the request's Accept-Encoding allows. */
export function compression(): MiddlewareHandler {
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  let cached = 0;
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    const cacheControl = res.headers.get('Cache-Control') ?? '';
    if (!res.body || res.status === 206 || res.headers.has('Content-Encoding') || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || /no-transform/i.test(cacheControl)) return;
    const length = Number(res.headers.get('Content-Length') ?? Infinity);
    if (length < THRESHOLD) return;
    const vary = res.headers.get('Vary');
    if (!vary?.toLowerCase().includes('accept-encoding')) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding || c.req.method === 'HEAD') return;
    const immutable = /immutable/.test(cacheControl);
    const key = `${encoding} ${c.req.path} ${res.headers.get('ETag') ?? ''}`;
    let body = immutable ? cache.get(key) : undefined;
    if (!body) {
      const plain = new Uint8Array(await res.arrayBuffer());
      if (plain.length < THRESHOLD) {
        c.res = new Response(plain, res);
        return;
      }
      // Copied out of zlib's Buffer: a Response body must own its ArrayBuffer (and the DOM types say so).
      body = new Uint8Array(await compress(plain, encoding, immutable));
      if (immutable && cached + body.length <= CACHE_BYTES) {
        cache.set(key, body);
        cached += body.length;
      }
    } else {
      await res.body.cancel();
    }
    // Hono copies the old answer's headers onto a new one: the changed ones are set after.
    c.res = new Response(body, res);
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.set('Content-Length', String(body.length));
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}

/**
 * Brotli at its best (11) for assets compressed once and kept; at 5 for answers made per request
 * (a digest, the API's JSON), which is about as fast as gzip and still smaller.
 */
function compress(plain: Uint8Array, encoding: Encoding, once: boolean): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(plain);
  return brotli(plain, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: once ? 11 : 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}
