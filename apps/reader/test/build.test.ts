// Checks dist/ as vite build leaves it (test/global-setup.ts builds it): what the service worker
// precaches, the web app manifest, the Content-Security-Policy, and the first-view JavaScript size.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { firstViewJs } from '../scripts/first-view.ts';
import { CONTENT_SECURITY_POLICY, THEME_COLOR } from '../vite.config.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const html = read('index.html');
const sw = read('sw.js');
const assets = readdirSync(join(dist, 'assets'));

/** The URLs in the worker's precacheAndRoute([...]) list. */
const precached = [...(/precacheAndRoute\((\[.*?\])/s.exec(sw)?.[1] ?? '').matchAll(/url:"([^"]+)"/g)].map((m) => m[1] as string);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(join(dist, file));
  expect(png.subarray(1, 4).toString('ascii'), `${file} is a PNG`).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('service worker precache', () => {
  test('lists the app shell', () => {
    expect(precached.length, 'sw.js has a precache list').toBeGreaterThan(5);
    expect(precached, 'index.html is precached').toContain('index.html');
    expect(precached, 'the manifest is precached').toContain('manifest.webmanifest');
    const js = assets.filter((f) => f.endsWith('.js'));
    const css = assets.filter((f) => f.endsWith('.css'));
    expect(js.length).toBeGreaterThan(0);
    expect(css.length).toBe(1);
    for (const file of [...js, ...css]) expect(precached, `assets/${file} is precached`).toContain(`assets/${file}`);
    for (const icon of ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png', 'apple-touch-icon.png', 'favicon-64.png']) {
      expect(precached, `icons/${icon} is precached`).toContain(`icons/${icon}`);
    }
  });

  test('does not list the worker itself, the digests, or anything twice', () => {
    expect(precached, 'sw.js must not precache itself').not.toContain('sw.js');
    expect(precached.filter((u) => u.startsWith('digests/')), 'digests are cached at run time').toEqual([]);
    expect(new Set(precached).size, 'no duplicate precache entries').toBe(precached.length);
  });

  test('caches digests at run time and falls back to index.html for navigations', () => {
    expect(sw).toMatch(/registerRoute\(\/\\\/digests\\\/\(\?:index\|latest\)\\\.json[^)]*\)?.*?new \w+\.NetworkFirst\(\{cacheName:"labdigest-digest-index"/s);
    expect(sw).toMatch(/new \w+\.StaleWhileRevalidate\(\{cacheName:"labdigest-digests"/);
    expect(sw).toContain('createHandlerBoundToURL("index.html")');
    // registerType 'prompt': the worker waits for SKIP_WAITING instead of taking over on its own
    expect(sw).toContain('"SKIP_WAITING"===e.data.type&&self.skipWaiting()');
    expect(sw).not.toMatch(/[,;{]\s*self\.skipWaiting\(\)\s*[,;]/);
  });
});

describe('the reading room in the service worker', () => {
  test('sw.js loads the Background Sync script, which is precached, a classic script, and listens for its tag', () => {
    expect(sw).toContain('importScripts("room-sync.js")');
    expect(precached, 'room-sync.js is precached').toContain('room-sync.js');
    const script = read('room-sync.js');
    expect(script, 'a classic script: no import or export statement').not.toMatch(/^\s*(import|export)\b|[;}]\s*(import|export)\s*[{*\w]/m);
    expect(script).toContain('"labdigest-room-outbox"');
    expect(script).toContain('addEventListener("sync"');
    expect(script, 'no zod in the worker either').not.toContain('ZodError');
  });

  test('a navigation to /api/ is not answered with the app', () => {
    expect(sw).toMatch(/denylist:\[\/\\\/digests\\\/\/,\/\\\/api\\\/\/\]/);
  });
});

describe('web app manifest', () => {
  const manifest = JSON.parse(read('manifest.webmanifest')) as Record<string, unknown> & { icons: { src: string; sizes: string; purpose?: string }[] };

  test('names, colours, display and a scope relative to where the app is served', () => {
    expect(manifest).toMatchObject({
      name: 'labdigest reader', short_name: 'labdigest', display: 'standalone',
      start_url: './', scope: './', theme_color: THEME_COLOR, background_color: '#f7f5f0', lang: 'en',
    });
    expect(html, 'index.html links the manifest').toContain('<link rel="manifest" href="./manifest.webmanifest">');
  });

  test('icons: 192 and 512 PNGs, a maskable one, and the files match their declared sizes', () => {
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const [w, h] = pngSize(icon.src);
      expect(`${w}x${h}`, `${icon.src} size`).toBe(icon.sizes);
    }
    expect(pngSize('icons/apple-touch-icon.png')).toEqual([180, 180]);
  });
});

describe('index.html', () => {
  test('has a Content-Security-Policy meta tag, before any script, that allows no inline script', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(meta?.[1]).toContain("script-src 'self'");
    expect(meta?.[1]).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  test('every script is a file: no inline script, no injected registerSW', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length, 'one module script').toBe(1);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/type="module"[^>]*src="\.\/assets\/[\w-]+\.js"/);
      expect(body?.trim(), 'script body is empty').toBe('');
    }
    expect(existsSync(join(dist, 'registerSW.js')), 'the worker is registered from src/pwa/register.ts').toBe(false);
    expect(html).not.toMatch(/<style|\sstyle="/);
  });

  test('has the iOS and theme meta tags', () => {
    for (const tag of [
      '<meta name="apple-mobile-web-app-capable" content="yes" />',
      '<meta name="apple-mobile-web-app-title" content="labdigest" />',
      '<link rel="apple-touch-icon" sizes="180x180" href="./icons/apple-touch-icon.png" />',
      '<meta name="theme-color" content="#f7f5f0" media="(prefers-color-scheme: light)" />',
      '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />',
    ]) expect(html).toContain(tag);
  });
});

describe('first view', () => {
  const first = firstViewJs(dist);

  test('is at most 60 KB of gzipped JavaScript', () => {
    expect(first.files.length).toBeGreaterThan(0);
    expect(first.gzipKb, first.files.map((f) => `${f.file}: ${f.gzipBytes} B gzip`).join(', ')).toBeLessThanOrEqual(60);
  });

  test('asks Chromium to compile its chunks up front (V8 compile hints), and only those', () => {
    for (const f of first.files) expect(read(f.file).startsWith('//# allFunctionsCalledOnLoad\n'), `${f.file} starts with the hint`).toBe(true);
    const lazy = assets.filter((f) => f.startsWith('workbox-window'));
    expect(lazy.length).toBe(1);
    for (const f of lazy) expect(read(`assets/${f}`), `${f} is loaded later: no hint`).not.toContain('allFunctionsCalledOnLoad');
  });

  test('does not load workbox-window or zod up front', () => {
    expect(first.files.map((f) => f.file).join(' ')).not.toContain('workbox-window');
    const code = first.files.map((f) => read(f.file)).join('\n');
    expect(code).not.toContain('ZodError');
  });
});
