// The whole daily run, as `pnpm start` does it on a machine without the internet: the recorded feeds
// served over HTTP on 127.0.0.1 -> `digest fetch` (detection, parsers, store) -> `digest import` ->
// `digest build` -> `digest serve` -> the reader in Debian's Chromium: filter by a member, cut the
// network, reload, and the same digest is there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Digest, DigestIndex } from '@labdigest/core';
import { fixturePath } from '@labdigest/fixtures';
import { run, serveCommand, startRecordedFeeds, RECORDED_FEEDS } from '@labdigest/cli';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// In CI a missing browser fails the suite; on a developer's machine it is skipped with a message.
const haveChromium = existsSync(CHROMIUM);
const runSuite = haveChromium || Boolean(process.env.CI);
if (!runSuite) console.warn(`e2e: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const root = fixturePath('..');
// Store, archive and reader build in a temp folder, left there for a look after a failure.
const work = mkdtempSync(join(tmpdir(), 'labdigest-e2e-'));
const db = join(work, 'labdigest.sqlite');
const digests = join(work, 'digests');
const reader = join(work, 'reader');
const config = join(root, 'digest.config.yaml');
const MEMBER = 'Naibing Wu';

/** The reader built into a folder of this test's own, so it never races the reader's tests over dist/. */
function buildReader(): void {
  const readerRoot = join(root, 'apps/reader');
  const vite = join(dirname(createRequire(join(readerRoot, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', reader, '--emptyOutDir'], {
    cwd: readerRoot, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'pipe',
  });
}

async function digest(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

describe.runIf(runSuite)('a daily run from recorded feeds to the reader, offline', () => {
  let browser: Browser;
  let page: Page;
  let served: { url: string; close: () => Promise<void> };
  let built: Digest;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Chromium is missing at ${CHROMIUM}; CI must install it (apt-get install -y chromium)`);
    buildReader();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test('fetch reads every recorded feed over HTTP into the store', async () => {
    const feeds = await startRecordedFeeds();
    try {
      for (const url of feeds.urls) {
        const { code, out } = await digest('fetch', '--feed', url, '--db', db, '--config', config);
        expect(code, out).toBe(0);
        expect(out).toMatch(/^source +fetched +new +duplicates +rejected +errors\n/);
      }
    } finally {
      await feeds.close();
    }
    expect(feeds.urls).toHaveLength(RECORDED_FEEDS.length);
    const { code, err } = await digest('import', fixturePath('papers/sample-week.jsonl.gz'), '--db', db);
    expect(code, err).toBe(0);
  });

  test('build writes today\'s digest and the archive index; building again changes nothing', async () => {
    const first = await digest('build', '--db', db, '--digests', digests, '--config', config, '--sample');
    expect(first.code, first.err).toBe(0);
    const index = JSON.parse(readFileSync(join(digests, 'index.json'), 'utf8')) as DigestIndex;
    expect(index.digests).toHaveLength(1);
    built = JSON.parse(readFileSync(join(digests, index.digests[0]!.file), 'utf8')) as Digest;
    expect(built.sample).toBe(true);
    expect(built.stats.included).toBeGreaterThan(10);
    expect(built.sections.map((s) => s.id)).toEqual(['mlip-interfaces', 'polymer-electrolytes', 'phase-field-sei', 'halide-electrolytes']);

    const again = await digest('build', '--db', db, '--digests', digests, '--config', config, '--sample');
    expect(again.code, again.err).toBe(0);
    const rebuilt = JSON.parse(readFileSync(join(digests, index.digests[0]!.file), 'utf8')) as Digest;
    expect(rebuilt.sections.map((s) => s.papers.map((p) => p.id))).toEqual(built.sections.map((s) => s.papers.map((p) => p.id)));
  });

  test('the served reader shows the digest, filters by a member, and reloads offline', async () => {
    served = await serveCommand({ reader, digests, port: 0, host: '127.0.0.1' }, { out: () => undefined, err: () => undefined });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await page.goto(served.url);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe(built.title);
    // The picks show as cards, the rest of each section folded: the first screen of cards comes first,
    // the rest after each paint, so wait for all of them.
    const shown = (papers: Digest['sections'][number]['papers']) => papers.filter((p) => p.pick);
    const all = built.sections.flatMap((s) => s.papers);
    await expect.poll(() => page.locator('article.paper').count()).toBe(shown(all).length);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 60_000 });

    const forMember = shown(all.filter((p) => p.members.some((m) => m.name === MEMBER)));
    expect(forMember.length).toBeGreaterThan(0);
    // On a phone the filters fold into one row that opens.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('group', { name: 'Member' }).getByRole('button', { name: new RegExp(`^${MEMBER}`) }).click();
    await expect.poll(() => page.locator('article.paper').count()).toBe(forMember.length);
    expect(page.url()).toContain(`member=${encodeURIComponent(MEMBER).replace(/%20/g, '+')}`);

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe(built.title);
    await expect.poll(() => page.locator('article.paper').count()).toBe(forMember.length);
    const titles = await page.locator('article.paper h3').allTextContents();
    expect(titles.map((t) => t.replace(/^\d+\.\s*/, '').trim())).toEqual(forMember.map((p) => p.title));
    await context.close();
  });
});
