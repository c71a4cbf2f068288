// What a first visit downloads as JavaScript before the digest can show: the entry module named in
// dist/index.html, its modulepreloads, and their static imports. Lazy chunks (workbox-window) are not counted.
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstViewJs {
  readonly files: readonly { readonly file: string; readonly bytes: number; readonly gzipBytes: number }[];
  readonly gzipBytes: number;
  readonly gzipKb: number;
}

const STATIC_IMPORT = /(?:^|[;}\n])\s*import\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g;

export function firstViewJs(distDir: string): FirstViewJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const queue = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] as string),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string),
  ].map((src) => posix.normalize(src.replace(/^\.\//, '')));
  const seen = new Set<string>();
  const files: { file: string; bytes: number; gzipBytes: number }[] = [];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(distDir, file));
    files.push({ file, bytes: source.length, gzipBytes: gzipSync(source).length });
    for (const m of source.toString('utf8').matchAll(STATIC_IMPORT)) {
      queue.push(posix.normalize(posix.join(dirname(file), m[1] as string)));
    }
  }
  const gzipBytes = files.reduce((n, f) => n + f.gzipBytes, 0);
  return { files, gzipBytes, gzipKb: Math.round((gzipBytes / 1024) * 10) / 10 };
}
