// The reading room end to end: the built reader (dist/) served by a real `digest serve` with a fresh
// store (startTestRoom), two members in two browser contexts of Debian's Chromium, signed in through
// real invite links. Screenshots of the signed-in reader and the meeting list go to a temporary
// folder (printed) for a person to look at.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import type { Digest, GetStateResponse, StateChange } from '@labdigest/core';
import { startTestRoom, type TestRoom } from '@labdigest/cli/test-room';
import { serveStatic, type StaticServer } from '../scripts/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium, runBrowserSuite } from './chromium.ts';
import { briefingDigests, newestBriefing } from './sample-digests.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const A = 'Naibing Wu';
const B = 'Yanhao Deng';
/**
 * The browsers' clock: the Wednesday after the newest test digest (2026-08-24), so "this week" of
 * the group views is that digest's week. The server keeps its own clock (it only refuses times
 * ahead of it).
 */
const NOW = new Date('2026-08-26T09:00:00.000Z');
/** Bounded waits: a sync is a request or two on 127.0.0.1, but two cores are shared with other suites. */
const WAIT = { timeout: 20_000 };
/** A service worker installs and takes control in seconds, but far slower on a loaded 2-core machine (as in e2e.test.ts). */
const SW_WAIT = { timeout: 60_000 };

/**
 * The download a button starts. The click is made again while no download came: the "Saved on this
 * device" notice, which the service worker raises a moment after a first visit, can take a click made
 * as it appears (a fresh-clone CI run lost the export's so, 6 December; e2e.test.ts `openFold`).
 */
async function downloadFrom(page: Page, button: Locator): Promise<Download> {
  for (let tries = 1; ; tries++) {
    const waiting = page.waitForEvent('download', tries < 3 ? { timeout: 6_000 } : WAIT);
    await button.click();
    try {
      return await waiting;
    } catch (error) {
      if (tries >= 3) throw error;
    }
  }
}

const [firstPaper, secondPaper, thirdPaper] = newestBriefing.sections[0]?.papers ?? [];
if (!firstPaper || !secondPaper || !thirdPaper) throw new Error('the briefing fixture has no first section with three papers');

describe.runIf(runBrowserSuite)('the reading room in Chromium', () => {
  let room: TestRoom;
  let browser: Browser;
  let shots: string;
  /** A device of B's that only reads the room's state, to see what reached the server. */
  let checker: string;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Chromium is missing at ${CHROMIUM}; CI must install it (apt-get install -y chromium)`);
    shots = mkdtempSync(join(tmpdir(), 'labdigest-room-shots-'));
    console.log(`room e2e: screenshots in ${shots}`);
    const digests = ['2026-08-10.json', '2026-08-17.json', '2026-08-24.json'].map((f) => briefingDigests[f] as Digest);
    room = await startTestRoom({ reader: dist, members: [B, A], digests });
    checker = (await room.join(B, 'test checker')).token;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await room?.close();
  });

  /** A fresh browser (own storage) at the test's clock, papers opening on a stand-in page. */
  async function newBrowser(viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 2, locale: 'en-GB' });
    await context.clock.setFixedTime(NOW);
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>paper</title><p>paper</p>' }));
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A 401 is how a revoked device learns it; offline requests fail by design.
      if (message.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(message.text())) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    return { context, page };
  }

  /** Opens the member's invite link in a fresh browser and waits for "Signed in as". */
  async function signIn(member: string, viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
    const browserOf = await newBrowser(viewport);
    const link = await room.invite(member);
    expect(link).toMatch(/#join=[\w-]{20,}$/);
    await browserOf.page.goto(link);
    await expect.poll(() => browserOf.page.locator('.room-notice').textContent(), WAIT).toContain(`Signed in as ${member}.`);
    return browserOf;
  }

  /** The device store's record of a paper (state/paper-store.ts), read in the page. */
  const storedRecord = (page: Page, id: string) => page.evaluate((key) => new Promise<unknown>((resolve) => {
    const open = indexedDB.open('labdigest-reader');
    open.onsuccess = () => {
      const got = open.result.transaction('papers').objectStore('papers').get(key);
      got.onsuccess = () => {
        resolve(got.result);
        open.result.close();
      };
    };
  }), id);

  /** Every member's state as the server holds it. */
  async function onServer(): Promise<StateChange[]> {
    const answer = await room.request('/api/state', { token: checker });
    expect(answer.status).toBe(200);
    return (answer.json as GetStateResponse).changes;
  }
  const fieldOf = (changes: StateChange[], member: string, paper: string, field: StateChange['field']) =>
    changes.find((c) => c.member === member && c.paper === paper && c.field === field)?.value;

  /** What a locator reads as, spaces collapsed (Svelte keeps the template's line breaks between blocks). */
  const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const card = (page: Page, paper: typeof firstPaper) => page.locator(`#paper-${paper.number}`);
  const starButton = (page: Page, paper: typeof firstPaper) => card(page, paper).getByRole('button', { name: 'Star', exact: true });

  let a: { context: BrowserContext; page: Page };

  test('an invite link signs the browser in: the code leaves the address bar, the reader says who', async () => {
    a = await signIn(A);
    const { page } = a;
    expect(new URL(page.url()).hash).toBe('');
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe(newestBriefing.title);
    expect(await textOf(page.locator('.device-status'))).toContain(`Signed in as ${A} (Chrome on Linux) to the group's reading room.`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Latest', 'Archive', 'Picks', 'Meeting']);
    // The token is kept on the device, never in the address bar or localStorage.
    const kept = await page.evaluate(() => new Promise<string[]>((resolve) => {
      const open = indexedDB.open('labdigest-reader');
      open.onsuccess = () => {
        const keys = open.result.transaction('meta').objectStore('meta').getAllKeys();
        keys.onsuccess = () => {
          resolve((keys.result as string[]).sort());
          open.result.close();
        };
      };
    }));
    expect(kept).toEqual(expect.arrayContaining(['deviceId', 'roomMember', 'roomToken']));
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toMatch(/token/i);
    expect(room.log()).not.toMatch(/#join|Invite /);
  });

  test('a member stars and nominates; another sees "★ Naibing Wu", the nomination and the meeting list', async () => {
    const { page } = a;
    await starButton(page, firstPaper).click();
    await card(page, firstPaper).getByRole('button', { name: 'Nominate for the meeting' }).click();
    await page.getByLabel('Why the group should discuss it (one line)').fill('Multiscale ion transport: compare with our PEO model');
    await page.getByRole('button', { name: 'Nominate', exact: true }).click();
    await expect.poll(async () => {
      const changes = await onServer();
      return [fieldOf(changes, A, firstPaper.id, 'starred'), fieldOf(changes, A, firstPaper.id, 'nominated')];
    }, WAIT).toEqual([true, { reason: 'Multiscale ion transport: compare with our PEO model' }]);
    await expect.poll(() => page.locator('.device-status').textContent(), WAIT).toContain('Last synced');

    const b = await signIn(B);
    await expect.poll(() => card(b.page, firstPaper).locator('.group-stars').textContent(), WAIT).toBe('★Starred by Naibing Wu');
    expect(await textOf(card(b.page, firstPaper).locator('.group-notes')))
      .toBe('Naibing Wu nominated it for the meeting: Multiscale ion transport: compare with our PEO model');
    await b.page.screenshot({ path: join(shots, 'phone-signed-in.png') });

    // B stars it too and writes a note: A sees both stars, first star first, and the note as text, after a reload.
    await starButton(b.page, firstPaper).click();
    await card(b.page, firstPaper).getByRole('button', { name: 'Add a note' }).click();
    await b.page.getByLabel('Your note, for the group').fill('<b>Fig. 3</b> looks like our LLZO grain boundaries');
    await b.page.getByRole('button', { name: 'Save note' }).click();
    await card(b.page, firstPaper).screenshot({ path: join(shots, 'phone-card-b.png') });
    await expect.poll(async () => [fieldOf(await onServer(), B, firstPaper.id, 'starred'), fieldOf(await onServer(), B, firstPaper.id, 'note')], WAIT)
      .toEqual([true, '<b>Fig. 3</b> looks like our LLZO grain boundaries']);
    await page.reload();
    await expect.poll(() => card(page, firstPaper).locator('.group-stars').textContent(), WAIT).toBe('★Starred by Naibing Wu, Yanhao Deng');
    const notes = card(page, firstPaper).locator('.group-notes');
    expect(await textOf(notes)).toBe('You nominated it for the meeting: Multiscale ion transport: compare with our PEO model Withdraw '
      + 'Yanhao Deng <b>Fig. 3</b> looks like our LLZO grain boundaries');
    expect(await notes.locator('b').count(), 'a note is text, never HTML').toBe(0);
    await card(page, firstPaper).screenshot({ path: join(shots, 'phone-card-a.png') });

    // "Starred by the group" keeps just that paper.
    await b.page.getByRole('button', { name: 'Filters' }).click();
    await b.page.getByRole('button', { name: 'Starred by the group' }).click();
    await expect.poll(() => b.page.locator('article.paper').count(), WAIT).toBe(1);
    expect(new URL(b.page.url()).search).toBe('?show=group');

    await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meeting' }).click();
    await expect.poll(() => b.page.locator('h1').textContent(), WAIT).toBe('Group meeting');
    const item = b.page.locator('.meeting-item');
    await expect.poll(() => item.count(), WAIT).toBe(1);
    expect(await item.locator('h2').textContent()).toBe(firstPaper.title);
    expect(await textOf(item.locator('.group-notes'))).toBe('Naibing Wu Multiscale ion transport: compare with our PEO model');
    expect(await item.locator('.group-stars').textContent()).toBe('★Starred by Naibing Wu, Yanhao Deng');
    expect(await b.page.locator('.digest-meta').textContent()).toBe('Week 35 · 24 Aug – 30 Aug 2026');
    await b.page.screenshot({ path: join(shots, 'phone-meeting.png'), fullPage: true });
    await b.page.emulateMedia({ media: 'print' });
    expect(await b.page.locator('.masthead').isVisible()).toBe(false);
    expect(await item.locator('.print-url').textContent()).toMatch(/^https:\/\//);
    await b.page.screenshot({ path: join(shots, 'print-meeting.png'), fullPage: true });
    await b.page.emulateMedia({ media: 'screen' });

    await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Picks' }).click();
    await expect.poll(() => b.page.locator('h1').textContent(), WAIT).toBe('Group picks');
    await expect.poll(() => b.page.locator('.group-picks article h3').allTextContents(), WAIT).toEqual([`${firstPaper.number}. ${firstPaper.title}`]);
    await b.page.screenshot({ path: join(shots, 'phone-picks.png') });
    await b.context.close();
  });

  test('laptop screenshots of the signed-in reader and the meeting list', async () => {
    const laptop = await signIn(B, LAPTOP);
    await expect.poll(() => starButton(laptop.page, firstPaper).getAttribute('aria-pressed'), WAIT).toBe('true');
    await expect.poll(() => card(laptop.page, firstPaper).locator('.group-stars').textContent(), WAIT).toBe('★Starred by Naibing Wu, Yanhao Deng');
    await laptop.page.screenshot({ path: join(shots, 'laptop-signed-in.png') });
    await laptop.page.goto(`${room.url}?view=meeting`);
    await expect.poll(() => laptop.page.locator('.meeting-item').count(), WAIT).toBe(1);
    await laptop.page.screenshot({ path: join(shots, 'laptop-meeting.png') });
    expect(await laptop.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // axe on the signed-in digest (a card's group notes and forms open) and the meeting list, light and dark.
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      await laptop.page.emulateMedia({ colorScheme: scheme });
      for (const [what, url] of [['digest', room.url], ['meeting', `${room.url}?view=meeting`]] as const) {
        await laptop.page.goto(url);
        await expect.poll(() => laptop.page.locator('.device-status').textContent(), WAIT).toContain('Last synced');
        if (what === 'digest') await card(laptop.page, firstPaper).getByRole('button', { name: 'Nominate for the meeting' }).click();
        await laptop.page.evaluate(axeSource);
        const serious = await laptop.page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } })
            .axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => String(n.target)) }));
        });
        expect(serious, `${what} ${scheme}`).toEqual([]);
      }
    }
    await laptop.context.close();
  });

  test('offline, a star is kept and queued; it reaches the room when the network is back', async () => {
    const { page, context } = a;
    await context.setOffline(true);
    await starButton(page, secondPaper).click();
    await expect.poll(() => textOf(page.locator('.device-status')), WAIT).toContain('1 change waiting to be sent when the network is back.');
    expect(await storedRecord(page, secondPaper.id)).toMatchObject({ starred: true });
    // (Not "absent from the room yet": the worker's Background Sync may already send it, below.)
    await context.setOffline(false);
    await expect.poll(async () => fieldOf(await onServer(), A, secondPaper.id, 'starred'), WAIT).toBe(true);
    await expect.poll(() => page.locator('.device-status').textContent(), WAIT).not.toContain('waiting');
  });

  test('with the page closed, the service worker sends what was starred offline once the network is back (Background Sync)', async () => {
    const { context } = a;
    const page = await context.newPage();
    await page.goto(room.url);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), SW_WAIT).toBe(true);
    await context.setOffline(true);
    await starButton(page, thirdPaper).click();
    await expect.poll(() => textOf(page.locator('.device-status')), WAIT).toContain('1 change waiting to be sent when the network is back.');
    const tags = () => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return (registration as ServiceWorkerRegistration & { sync: { getTags(): Promise<string[]> } }).sync.getTags();
    });
    await expect.poll(tags, WAIT).toEqual(['labdigest-room-outbox']);
    await page.close();
    // With no page left, only the worker can send it. (Chromium may fire the sync before the context
    // is back online: its Background Sync follows the machine's network, not the emulated one.)
    await context.setOffline(false);
    await expect.poll(async () => fieldOf(await onServer(), A, thirdPaper.id, 'starred'), WAIT).toBe(true);
  });

  test('two devices of one member converge: a star taken back on one is taken back on the other', async () => {
    const second = await signIn(A);
    await expect.poll(() => starButton(second.page, firstPaper).getAttribute('aria-pressed'), WAIT).toBe('true');
    await starButton(second.page, firstPaper).click();
    await expect.poll(async () => fieldOf(await onServer(), A, firstPaper.id, 'starred'), WAIT).toBe(false);
    await a.page.reload();
    // Both at once: a reloaded page shows its cards a moment before the device's records are read.
    await expect.poll(async () => [
      await starButton(a.page, firstPaper).getAttribute('aria-pressed'), await starButton(a.page, secondPaper).getAttribute('aria-pressed'),
    ], WAIT).toEqual(['false', 'true']);
    await second.context.close();
  });

  test('the device\'s signals download as JSON lines, one a line', async () => {
    const { page } = a;
    // The export reads the device's records: the star taken back on the other device (the test
    // before) is saved here a moment after the page shows it.
    await expect.poll(() => storedRecord(page, firstPaper.id), WAIT).toMatchObject({ starred: false });
    const download = await downloadFrom(page, page.getByRole('button', { name: 'Export my signals for the ranking (JSON lines)' }));
    expect(download.suggestedFilename()).toBe('labdigest-feedback-2026-08-26.jsonl');
    const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.signal !== 'read')).toEqual(expect.arrayContaining([
      { paper: secondPaper.id, signal: 'star', member: A, area: newestBriefing.sections[0]?.id, at: expect.stringMatching(/^2026-08-26T09:00:00\.\d{3}Z$/) },
      { paper: firstPaper.id, signal: 'nominate', member: A, area: newestBriefing.sections[0]?.id, at: expect.stringMatching(/^2026-08-26T09:00:00\.\d{3}Z$/) },
    ]));
    expect(lines.some((l) => l.paper === firstPaper.id && l.signal === 'star')).toBe(false);
  });

  test('a revoked device says it was signed out, and keeps its stars', async () => {
    const revoked = await room.cli('members', 'revoke', A);
    expect(revoked.code).toBe(0);
    const { page } = a;
    await page.reload();
    await expect.poll(() => textOf(page.locator('.room-notice')), WAIT)
      .toContain('This device was signed out of the reading room. Its stars and notes stay here');
    await expect.poll(() => starButton(page, secondPaper).getAttribute('aria-pressed'), WAIT).toBe('true');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Latest', 'Archive']);
    await page.screenshot({ path: join(shots, 'phone-signed-out.png') });
    // A star made now stays on the device (saved a moment after the click: wait for it before reloading).
    await starButton(page, firstPaper).click();
    await expect.poll(() => storedRecord(page, firstPaper.id), WAIT).toMatchObject({ starred: true });
    await page.reload();
    await expect.poll(() => starButton(page, firstPaper).getAttribute('aria-pressed'), WAIT).toBe('true');
    expect(fieldOf(await onServer(), A, firstPaper.id, 'starred')).toBe(false);
    // A new invite link opened in this same tab (pasted into the address bar: the hash alone changes) signs it in again.
    const link = await room.invite(A);
    await page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
    await expect.poll(() => textOf(page.locator('.room-notice')), WAIT).toContain(`Signed in as ${A}.`);
    expect(new URL(page.url()).hash).toBe('');
    await a.context.close();
  });

  test('a private room: the digests wait for sign-in, then open with the device token, reloads too', async () => {
    const digests = ['2026-08-17.json', '2026-08-24.json'].map((f) => briefingDigests[f] as Digest);
    const privateRoom = await startTestRoom({ reader: dist, members: [B, A], digests, server: { private: true } });
    try {
      const { page, context } = await newBrowser();
      await page.goto(privateRoom.url);
      await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Sign in to read');
      const invited = await context.newPage();
      await invited.goto(await privateRoom.invite(B));
      await expect.poll(() => invited.locator('h1').textContent(), WAIT).toBe(newestBriefing.title);
      await invited.reload();
      await expect.poll(() => invited.locator('h1').textContent(), WAIT).toBe(newestBriefing.title);
      expect(privateRoom.log()).toMatch(/GET \/digests\/2026-08-24\.json 200 \d+ms Yanhao Deng/);
      // Saved on the device with the token, so it opens offline too. The worker the sign-in page
      // registered may still be installing while this page loads; its clients.claim() then misses a
      // page caught mid-navigation (Chromium), which stays unclaimed until its next visit. So: wait for
      // an active worker, not for this page's controller, and visit again.
      await invited.evaluate(async () => { await navigator.serviceWorker.ready; });
      // Digests fetched before the worker took control went past it: one visit under its control saves them.
      await invited.reload();
      await expect.poll(() => invited.locator('h1').textContent(), WAIT).toBe(newestBriefing.title);
      await invited.waitForFunction(() => navigator.serviceWorker.controller !== null, null, SW_WAIT);
      await invited.waitForFunction(async () => (await (await caches.open('labdigest-digests')).keys()).length >= 2, null, SW_WAIT);
      await context.setOffline(true);
      await invited.reload();
      await expect.poll(() => invited.locator('h1').textContent(), WAIT).toBe(newestBriefing.title);
      await context.close();
    } finally {
      await privateRoom.close();
    }
  });

  test('a static copy of the same build asks nothing of /api/; an invite link there says why it cannot sign in', async () => {
    let host: StaticServer | undefined;
    try {
      host = await serveStatic({ dir: dist });
      const { page, context } = await newBrowser();
      await page.goto(host.url);
      await expect.poll(() => page.locator('h1').textContent(), WAIT).not.toBeNull();
      expect(await textOf(page.locator('.device-status'))).toContain('Stars and read marks are kept on this device only.');
      expect(host.requests.filter((p) => p.includes('/api/'))).toEqual([]);
      // A new page: on the same one, a link that differs only in its #fragment would not load the app again.
      const invited = await context.newPage();
      await invited.goto(`${host.url}#join=Vb3l5xQ0p7m1abcdefghij`);
      await expect.poll(() => textOf(invited.locator('.room-notice')), WAIT)
        .toContain('Could not sign in: this copy of the reader has no reading room: open the invite link on the group\'s server.');
      expect(new URL(invited.url()).hash).toBe('');
      await context.close();
    } finally {
      await host?.close();
    }
    expect(problems).toEqual([]);
  });
});
