// The reader's bench figures, for the repo's bench (scripts/bench.ts) to collect:
//   pnpm --filter @labdigest/reader bench
//   bench: reader first_view_js_gzip_kb=29.4
//   bench: reader first_render_ms=412 papers=50
// first_view_js_gzip_kb: gzipped JavaScript a first visit loads before the digest can show (budget 60).
// first_render_ms: navigation start to the first digest rendered (the app's performance mark, set once all
// 50 cards are in the DOM), in Debian's Chromium with the CPU slowed 4x, median of 5 cold loads, no
// service worker. stderr adds when it reached the screen (largest contentful paint after the mark).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Digest, DigestIndex } from '@labdigest/core';
import { buildDist, distDir, readerRoot } from './build-dist.ts';
import { firstViewJs } from './first-view.ts';
import { serveStatic } from './static-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAPERS = 50;
const RUNS = 5;

/** The first `count` papers of a sample digest, renumbered, as one digest. */
function digestOf(count: number): Digest {
  const source = JSON.parse(readFileSync(join(readerRoot, 'public/digests/2026-08-17.json'), 'utf8')) as Digest;
  let left = count;
  let number = 0;
  const sections = source.sections.map((s) => {
    const papers = s.papers.slice(0, Math.max(left, 0)).map((p) => ({ ...p, number: ++number }));
    left -= papers.length;
    return { ...s, papers };
  });
  if (number < count) throw new Error(`the sample digest has only ${number} papers, the bench needs ${count}`);
  return { ...source, sections, stats: { ...source.stats, included: number } };
}

interface Run { readonly total: number; readonly loaded: number; readonly painted: number }

/**
 * Resolves in the page once the digest is marked rendered and then painted: the mark's time, the
 * loaded mark's, and the largest contentful paint after it (when the cards first reach the screen).
 * Sent through the DevTools protocol, not page.waitForFunction: Playwright would inject its utility
 * script (100-200 ms of main-thread work at 4x throttling) into the page in the middle of the render
 * being measured.
 */
const WAIT_FOR_RENDER = `new Promise((resolve) => {
  let painted = NaN;
  const check = () => {
    const [rendered] = performance.getEntriesByName('labdigest:digest-rendered');
    const [loaded] = performance.getEntriesByName('labdigest:digest-loaded');
    if (rendered && painted > rendered.startTime) {
      resolve([rendered.startTime, loaded ? loaded.startTime : NaN, painted, document.querySelectorAll('article.paper').length]);
    }
  };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) painted = e.startTime; check(); })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver(check).observe({ type: 'mark', buffered: true });
})`;

async function firstRenderMs(): Promise<Run[]> {
  const digest = digestOf(PAPERS);
  const index: DigestIndex = {
    schemaVersion: 1, group: digest.group.name,
    digests: [{ date: digest.date, file: 'bench.json', title: digest.title, papers: PAPERS, sample: true }],
  };
  const server = await serveStatic({
    dir: distDir,
    overrides: { 'digests/index.json': JSON.stringify(index), 'digests/bench.json': JSON.stringify(digest) },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const times: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A new context each time: a cold load, no HTTP cache, and no service worker answering from cache.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(server.url);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no labdigest:digest-rendered mark within 60 s')), 60_000);
      });
      const evaluated = cdp.send('Runtime.evaluate', { expression: WAIT_FOR_RENDER, awaitPromise: true, returnByValue: true });
      const { result } = await Promise.race([evaluated, timeout]).finally(() => clearTimeout(timer));
      const [total, loaded, painted, cards] = result.value as [number, number, number, number];
      if (cards !== PAPERS) throw new Error(`expected ${PAPERS} papers on screen, saw ${cards}`);
      times.push({ total, loaded, painted });
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    await server.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

buildDist();
const js = firstViewJs(distDir);
console.log(`bench: reader first_view_js_gzip_kb=${js.gzipKb}`);
if (existsSync(CHROMIUM)) {
  const runs = await firstRenderMs();
  console.log(`bench: reader first_render_ms=${Math.round(median(runs.map((r) => r.total)))} papers=${PAPERS}`);
  console.error(`(runs: ${runs.map((r) => Math.round(r.total)).join(', ')} ms; of which rendering the loaded digest: `
    + `${runs.map((r) => Math.round(r.total - r.loaded)).join(', ')} ms; on screen (largest contentful paint): `
    + `median ${Math.round(median(runs.map((r) => r.painted)))} ms; CPU throttled 4x)`);
} else {
  console.error(`no Chromium at ${CHROMIUM}: first_render_ms not measured (apt-get install -y chromium)`);
}
