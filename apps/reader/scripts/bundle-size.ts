// The reader's bench figures, for the repo's bench (scripts/bench.ts) to collect:
//   pnpm --filter @labdigest/reader bench
//   bench: reader first_view_js_gzip_kb=29.4
//   bench: reader first_render_ms=412 cards_on_screen_ms=650 all_cards_ms=700 papers=50
//   bench: reader briefing first_render_ms=400 cards_on_screen_ms=640 all_cards_ms=650 papers=50 picks=9
// first_view_js_gzip_kb: gzipped JavaScript a first visit loads before the digest can show (budget 60).
// first_render_ms: navigation start to the digest's first screen rendered (the app's mark
// labdigest:digest-rendered, set once the first screen's cards, 6 at 390x844, are in the DOM; the rest
// follow in chunks after each paint, src/state/progressive.ts). cards_on_screen_ms: navigation start to
// when those cards reach the screen (the largest contentful paint after that mark: style, the first
// layout and paint). all_cards_ms: navigation start to all 50 cards in the DOM
// (labdigest:digest-complete). All in Debian's Chromium at 390x844 with the CPU slowed 4x, medians of 5
// cold loads (a new context each, settled on about:blank first: warmUp), no service worker. stderr adds
// each run's figures. The first line's digest is version 1 (every paper a card: the most a digest can
// render); the briefing line's is the same 50 papers as a version 2 briefing (test/fixtures/digests/
// briefing/: 3 picks a section as cards, the rest folded, with abstracts), where all_cards_ms is when
// every pick is in the page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Digest, DigestIndex } from '@labdigest/core';
import { buildDist, distDir, readerRoot } from './build-dist.ts';
import { firstViewJs } from './first-view.ts';
import { firstScreenCount } from '../src/state/progressive.ts';
import { serveStatic } from './static-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAPERS = 50;
const RUNS = 5;
/** How long the browser settles on about:blank before each measured load (warmUp). */
const WARM_UP_MS = 1_500;
const VIEWPORT = { width: 390, height: 844 };
/** Cards the app renders in its first pass at this window height. */
const FIRST_SCREEN = firstScreenCount(VIEWPORT.height);

/** The first `count` papers of a sample digest (`file` under test/fixtures/digests/), renumbered, as one digest. */
function digestOf(count: number, file: string): Digest {
  const source = JSON.parse(readFileSync(join(readerRoot, 'test/fixtures/digests', file), 'utf8')) as Digest;
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

interface Run {
  readonly total: number;
  readonly loaded: number;
  readonly painted: number;
  readonly complete: number;
  /** Cards in the DOM at the rendered mark, and at the complete mark (the app counts them in the marks' detail). */
  readonly firstCards: number;
  readonly allCards: number;
}

/**
 * Resolves in the page once the digest is marked rendered and then painted, and marked complete: the
 * rendered mark's time, the loaded mark's, the largest contentful paint after the rendered mark (when
 * the first cards reach the screen), the complete mark's time, and the card counts in the marks.
 * Sent through the DevTools protocol, not page.waitForFunction: Playwright would inject its utility
 * script (100-200 ms of main-thread work at 4x throttling) into the page in the middle of the render
 * being measured.
 */
const WAIT_FOR_RENDER = `new Promise((resolve) => {
  const paints = [];
  const check = () => {
    const [rendered] = performance.getEntriesByName('labdigest:digest-rendered');
    const [loaded] = performance.getEntriesByName('labdigest:digest-loaded');
    const [complete] = performance.getEntriesByName('labdigest:digest-complete');
    const painted = rendered ? paints.find((t) => t > rendered.startTime) : undefined;
    if (rendered && complete && painted !== undefined) {
      resolve([rendered.startTime, loaded ? loaded.startTime : NaN, painted, complete.startTime,
        rendered.detail?.cards ?? NaN, complete.detail?.cards ?? NaN]);
    }
  };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) paints.push(e.startTime); check(); })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver(check).observe({ type: 'mark', buffered: true });
})`;

/**
 * Lets the headless browser settle before the measured load: a new context's first navigation also
 * starts the browser's own pages (hundreds of chrome:// requests for the omnibox), which on a 2-core
 * machine delayed the app's stylesheet and scripts by 300-450 ms and put the first render at about a
 * second. A phone's browser is already running when a link is opened. about:blank touches nothing of
 * the app's origin, so the load stays cold: no HTTP cache, no connection, no service worker.
 */
async function warmUp(page: Page): Promise<void> {
  await page.goto('about:blank');
  await page.waitForTimeout(WARM_UP_MS);
}

/** Cards (picks) the app renders for a digest with its folds closed. */
const picksOf = (digest: Digest) => digest.sections.reduce((n, s) => n + s.papers.filter((p) => p.pick !== false).length, 0);

async function firstRenderMs(digest: Digest): Promise<Run[]> {
  const cards = picksOf(digest);
  const index: DigestIndex = {
    schemaVersion: 1, group: digest.group.name,
    digests: [{ date: digest.date, file: 'bench.json', title: digest.title, papers: PAPERS, sample: true }],
  };
  const server = await serveStatic({
    dir: distDir,
    // As `digest build` writes an archive: the index, the digest, and its copy as the newest (latest.json).
    overrides: {
      'digests/index.json': JSON.stringify(index), 'digests/bench.json': JSON.stringify(digest),
      'digests/latest.json': JSON.stringify(digest),
    },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const times: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A new context each time: a cold load, no HTTP cache, and no service worker answering from cache.
      const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await warmUp(page);
      await page.goto(server.url);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no labdigest:digest-rendered and digest-complete marks within 60 s')), 60_000);
      });
      const evaluated = cdp.send('Runtime.evaluate', { expression: WAIT_FOR_RENDER, awaitPromise: true, returnByValue: true });
      const { result } = await Promise.race([evaluated, timeout]).finally(() => clearTimeout(timer));
      const [total, loaded, painted, complete, firstCards, allCards] = result.value as [number, number, number, number, number, number];
      const first = Math.min(FIRST_SCREEN, cards);
      if (!(firstCards >= first)) throw new Error(`expected at least ${first} papers in the page at the first mark, saw ${firstCards}`);
      if (allCards !== cards) throw new Error(`expected ${cards} papers in the page at labdigest:digest-complete, saw ${allCards}`);
      times.push({ total, loaded, painted, complete, firstCards, allCards });
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
/** Measures a digest's first render and prints its line (`label` after "reader"), each run's figures on stderr. */
async function report(label: string, digest: Digest): Promise<void> {
  const runs = await firstRenderMs(digest);
  const ms = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
  const picks = picksOf(digest);
  console.log(`bench: reader ${label}first_render_ms=${Math.round(median(runs.map((r) => r.total)))}`
    + ` cards_on_screen_ms=${Math.round(median(runs.map((r) => r.painted)))}`
    + ` all_cards_ms=${Math.round(median(runs.map((r) => r.complete)))} papers=${PAPERS}${picks < PAPERS ? ` picks=${picks}` : ''}`);
  console.error(`(${label}first screen, ${runs[0]?.firstCards} cards: ${ms(runs.map((r) => r.total))} ms; of which rendering the loaded `
    + `digest: ${ms(runs.map((r) => r.total - r.loaded))} ms; on screen: ${ms(runs.map((r) => r.painted))} ms; `
    + `all ${picks} cards: ${ms(runs.map((r) => r.complete))} ms; CPU throttled 4x)`);
}

if (existsSync(CHROMIUM)) {
  await report('', digestOf(PAPERS, '2026-08-17.json'));
  await report('briefing ', digestOf(PAPERS, 'briefing/2026-08-17.json'));
} else {
  console.error(`no Chromium at ${CHROMIUM}: first_render_ms not measured (apt-get install -y chromium)`);
}
