import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const contentTypes: Readonly<Record<string, string>> = {
  xml: 'application/xml', rss: 'application/rss+xml', atom: 'application/atom+xml', rdf: 'application/rdf+xml',
  json: 'application/json', jsonl: 'application/x-ndjson', bib: 'application/x-bibtex', ris: 'application/x-research-info-systems',
};

/**
 * A `file:` URL as the HTTP response a server would give for it, so recorded responses go through the
 * same status, size-cap, truncation and decoding code as live ones. `.gz` files are served decompressed
 * without a length, as a server does with `Content-Encoding: gzip`. `If-Modified-Since` is honoured
 * against the file's modification time.
 */
export function fileResponse(url: string, headers: Headers, signal: AbortSignal): Response {
  const path = fileURLToPath(url);
  let size: number;
  let modified: Date;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return new Response(null, { status: 404, statusText: 'not a file' });
    size = stat.size;
    modified = stat.mtime;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? new Response(null, { status: 404, statusText: 'no such file' })
      : new Response(null, { status: 403, statusText: (error as Error).message });
  }
  const lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000).toUTCString();
  const since = Date.parse(headers.get('if-modified-since') ?? '');
  if (!Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since) {
    return new Response(null, { status: 304, headers: { 'last-modified': lastModified } });
  }
  const gzipped = path.endsWith('.gz');
  const extension = /\.([a-z]+)(?:\.gz)?$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const stream = createReadStream(path, { signal });
  const body = Readable.toWeb(gzipped ? stream.pipe(createGunzip()) : stream) as ReadableStream<Uint8Array>;
  const responseHeaders: Record<string, string> = { 'last-modified': lastModified };
  if (!gzipped) responseHeaders['content-length'] = String(size);
  const type = contentTypes[extension];
  if (type) responseHeaders['content-type'] = type;
  return new Response(body, { status: 200, headers: responseHeaders });
}
