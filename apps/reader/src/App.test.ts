import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import type { DigestEntry } from '@labdigest/core';
import App from './App.svelte';
import { openPaperStore } from './state/paper-store.ts';
import { feedbackLines } from './state/feedback.ts';
import { withRoomTables } from './room/room-tables.ts';
import { copyOf, newestDigest, sampleDigests, sampleIndex, type Loose } from '../test/sample-digests.ts';

const BASE = 'http://localhost:3000/';

/** A fetch serving digests/ from memory, the way the static host would; `files` overrides. */
function fakeFetch(files: Record<string, unknown> = {}) {
  const served: Record<string, unknown> = { 'index.json': sampleIndex, ...sampleDigests, ...files };
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const name = decodeURIComponent(url.pathname.replace(/^\/digests\//, ''));
    if (!(name in served)) return new Response('not found', { status: 404 });
    const body = served[name];
    if (body instanceof Error) throw body;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
}

function renderApp(search: string, fetch = fakeFetch(), extra: Record<string, unknown> = {}) {
  history.replaceState(null, '', `/${search}`);
  return render(App, { props: { base: BASE, fetch, ...extra } });
}
// jsdom renders a 40-paper digest slowly on a busy machine: wait longer than the 1 s default.
// Generous: under a loaded machine (turbo runs three suites at once on two cores) a render can take seconds.
const slow = { timeout: 20_000 };
const heading = () => screen.findByRole('heading', { level: 1 }, slow);

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(() => cleanup());

describe('App', () => {
  test('opens the newest digest from digests/index.json', async () => {
    const fetch = fakeFetch();
    renderApp('', fetch);
    expect((await heading()).textContent).toBe(newestDigest.title);
    expect(fetch.mock.calls.map(([u]) => String(u))).toEqual([`${BASE}digests/index.json`, `${BASE}digests/2026-08-24.json`]);
    expect(document.title).toBe(`${newestDigest.title} · DENG.Group`);
  });

  test('marks the first screen of cards, then every card, once each', async () => {
    const marks: [string, number][] = [];
    const spy = vi.spyOn(performance, 'mark').mockImplementation((name: string) => {
      marks.push([name, document.querySelectorAll('article.paper').length]);
      return undefined as unknown as PerformanceMark;
    });
    try {
      renderApp('');
      await waitFor(() => expect(marks.map(([name]) => name)).toContain('labdigest:digest-complete'), slow);
      const [, firstScreen = 0] = marks.find(([name]) => name === 'labdigest:digest-rendered') ?? [];
      expect(firstScreen).toBeGreaterThanOrEqual(6);
      expect(firstScreen).toBeLessThan(newestDigest.stats.included);
      expect(marks.map(([name]) => name)).toEqual(['labdigest:digest-loaded', 'labdigest:digest-rendered', 'labdigest:digest-complete']);
      expect(marks.at(-1)?.[1]).toBe(newestDigest.stats.included);
    } finally {
      spy.mockRestore();
    }
  });

  test('filters come from the URL and go back into it', async () => {
    renderApp('?d=2026-08-17&member=Naibing+Wu');
    expect((await heading()).textContent).toBe(sampleDigests['2026-08-17.json']?.title);
    const members = screen.getByRole('group', { name: 'Member' });
    expect(within(members).getByRole('button', { name: /^Naibing Wu/ }).getAttribute('aria-pressed')).toBe('true');

    within(screen.getByRole('group', { name: 'Area' })).getByRole('button', { name: /^Polymer Electrolytes/ }).click();
    await waitFor(() => expect(location.search).toBe('?d=2026-08-17&member=Naibing+Wu&area=polymer-electrolytes'), slow);
    within(members).getByRole('button', { name: /^Everyone/ }).click();
    await waitFor(() => expect(location.search).toBe('?d=2026-08-17&area=polymer-electrolytes'), slow);
  });

  test('older and newer navigate between digests and move focus to the new heading', async () => {
    renderApp('');
    await heading();
    screen.getByRole('link', { name: /Older/ }).click();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Research Digest — 2026-08-17'), slow);
    expect(location.search).toBe('?d=2026-08-17');
    expect(document.activeElement?.id).toBe('page-heading');
    screen.getByRole('link', { name: /Newer/ }).click();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(newestDigest.title), slow);
  });

  test('the archive lists every digest by date', async () => {
    renderApp('?view=archive');
    expect((await heading()).textContent).toBe('Archive');
    const links = screen.getAllByRole('link', { name: /Aug 2026/ });
    expect(links.map((a) => a.getAttribute('href'))).toEqual(sampleIndex.digests.map((d) => `?d=${d.date}`));
  });

  test('a digest that fails validation shows what is wrong, not a blank page', async () => {
    const broken = copyOf(newestDigest) as Loose;
    broken.sections[0].papers[0].title = 42;
    renderApp('', fakeFetch({ '2026-08-24.json': broken }));
    expect((await heading()).textContent).toBe('This digest cannot be shown');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('digests/2026-08-24.json');
    expect(within(alert).getByRole('listitem').textContent).toBe('sections[0].papers[0].title: expected a string, saw number 42');
  });

  test('a file that is not JSON is an invalid digest too', async () => {
    renderApp('', fakeFetch({ '2026-08-24.json': '<!doctype html><p>Sign in</p>' }));
    expect((await heading()).textContent).toBe('This digest cannot be shown');
    expect(screen.getByRole('alert').textContent).toContain('not valid JSON');
  });

  test('offline without a saved copy says so', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      renderApp('?d=2026-08-10', fakeFetch({ '2026-08-10.json': new TypeError('Failed to fetch') }));
      expect((await heading()).textContent).toBe('Not saved on this device');
      expect(screen.getByRole('alert').textContent).toContain('the digest for Mon 10 Aug 2026 has not been opened on this device');
      expect(document.querySelector('.offline-badge')?.textContent).toContain('Offline');
    } finally {
      vi.restoreAllMocks();
    }
  });

  test('a date the archive does not have', async () => {
    renderApp('?d=2020-01-06');
    expect((await heading()).textContent).toBe('No digest for Mon 6 Jan 2020');
  });

  test('starred papers download as BibTeX', async () => {
    const store = openPaperStore({ factory: new IDBFactory() });
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => { created.push(blob); return 'blob:bib'; });
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    const onclick = (e: MouseEvent) => {
      const a = (e.target as HTMLElement).closest('a');
      if (a?.download) { e.preventDefault(); clicks.push(a.download); }
    };
    document.addEventListener('click', onclick);
    try {
      renderApp('', fakeFetch(), { store });
      await heading();
      expect(screen.getByText('Star papers to export them as BibTeX.')).toBeTruthy();
      const firstCard = document.querySelector('article.paper') as HTMLElement;
      within(firstCard).getByRole('button', { name: /Star/ }).click();
      const download = await screen.findByRole('button', { name: /Download 1 starred as BibTeX/ }, slow);
      download.click();
      expect(clicks).toEqual([expect.stringMatching(/^labdigest-starred-\d{4}-\d{2}-\d{2}\.bib$/)]);
      const text = await created[0]?.text();
      expect(text).toMatch(/^@article\{Ou2026Microstructural,\n  author  = \{Yongliang Ou and /); // core's writer, as digest export
    } finally {
      document.removeEventListener('click', onclick);
    }
  });
});

describe('a new digest while the page is open', () => {
  const date = '2026-08-31';
  const later = { ...copyOf(newestDigest), date, title: `Research Digest — ${date}` };
  const laterIndex = {
    ...sampleIndex,
    digests: [{ date, file: `${date}.json`, title: later.title, papers: later.stats.included, sample: true }, ...sampleIndex.digests],
  };
  /** A host whose files can change under the open page, and a page that can be left and come back to. */
  function setup(search = '') {
    let host = fakeFetch();
    const fetch = vi.fn((input: RequestInfo | URL) => host(input));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    renderApp(search, fetch, { recheckMs: 0 });
    return {
      fetch,
      publish: () => { host = fakeFetch({ 'index.json': laterIndex, [`${date}.json`]: later }); },
      comeBack: () => document.dispatchEvent(new Event('visibilitychange')),
      /** Comes back until a check has gone through (one runs at a time) and the prompt offers this button. */
      offered: (name: string) => waitFor(() => {
        document.dispatchEvent(new Event('visibilitychange'));
        return screen.getByRole('button', { name });
      }, slow),
    };
  }
  afterEach(() => { delete (document as Loose).visibilityState; });

  test('coming back to the page finds it and offers it; only "Show it" changes the page', async () => {
    const page = setup('?member=Naibing+Wu');
    expect((await heading()).textContent).toBe(newestDigest.title);
    page.comeBack();
    await waitFor(() => expect(page.fetch).toHaveBeenCalledTimes(3), slow);
    expect(document.querySelector('.toast'), 'the same archive: nothing to offer').toBeNull();

    page.publish();
    const show = await page.offered('Show it');
    expect(document.querySelector('.toast')?.textContent).toContain(`A new digest is out: Mon 31 Aug 2026, ${later.stats.included} papers.`);
    expect(screen.getByRole('heading', { level: 1 }).textContent, 'nothing changed by itself').toBe(newestDigest.title);

    show.click();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(later.title), slow);
    expect(location.search, 'the filter stays').toBe('?member=Naibing+Wu');
    expect(document.querySelector('.toast')).toBeNull();
    expect(screen.getByRole('link', { name: /Older/ }).textContent).toContain('24 Aug 2026');
  });

  test('from an older digest, "Show it" goes to the new one', async () => {
    const page = setup('?d=2026-08-17&area=polymer-electrolytes');
    expect((await heading()).textContent).toBe('Research Digest — 2026-08-17');
    page.publish();
    (await page.offered('Show it')).click();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(later.title), slow);
    expect(location.search).toBe('?area=polymer-electrolytes');
  });

  test('"Later" leaves the page as it is, and that digest is not offered again', async () => {
    const page = setup();
    expect((await heading()).textContent).toBe(newestDigest.title);
    page.publish();
    (await page.offered('Later')).click();
    await waitFor(() => expect(document.querySelector('.toast')).toBeNull(), slow);
    const asked = page.fetch.mock.calls.length;
    // Two more checks: the second can only start once the first has finished (one runs at a time).
    await waitFor(() => { page.comeBack(); expect(page.fetch.mock.calls.length).toBeGreaterThanOrEqual(asked + 2); }, slow);
    expect(document.querySelector('.toast'), 'declined once, not offered again').toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(newestDigest.title);
  });
});

describe('"Not for us" can be undone', () => {
  const [first, second] = (newestDigest.sections[0]?.papers ?? []) as [DigestEntry, DigestEntry];
  const card = (n: number) => document.getElementById(`paper-${n}`);
  const undoBar = () => screen.getAllByRole('status').find((s) => s.closest('.toast-region') && !s.closest('[aria-label="App status"]')) as HTMLElement;
  const said = () => undoBar().textContent?.replace(/\s+/g, ' ').trim();

  /** The app over a device store of its own; `sync` reads its outbox, as the reading room does. */
  async function renderWithStore(search = '') {
    const store = await openPaperStore({ factory: new IDBFactory(), name: 'undo' });
    renderApp(search, fakeFetch(), { store });
    await heading();
    await waitFor(() => expect(card(first.number)).not.toBeNull(), slow);
    return { store, sync: withRoomTables(store) };
  }

  test('the paper leaves at once, the bar says so, and Undo brings it back through the device store and its outbox', async () => {
    const { store, sync } = await renderWithStore();
    expect(said()).toBe('');
    await fireEvent.click(within(card(first.number) as HTMLElement).getByRole('button', { name: 'Not for us' }), { detail: 1 });
    await waitFor(() => expect(card(first.number)).toBeNull(), slow);
    expect(said()).toBe(`Hidden from the digest: ${first.title}. Undo`);
    // Dismissed on the device, and queued for the reading room.
    await waitFor(async () => expect((await sync.outbox()).map((c) => [c.paper, c.field, c.value])).toEqual([[first.id, 'dismissed', true]]), slow);
    const hiddenAt = (await sync.outbox())[0]?.at ?? '';

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }), { detail: 1 });
    await waitFor(() => expect(card(first.number)).not.toBeNull(), slow);
    expect(said()).toBe('');
    // The outbox holds the final state, newer than the dismissal: the room and the signals export see it not dismissed.
    await waitFor(async () => expect((await sync.outbox()).map((c) => [c.paper, c.field, c.value])).toEqual([[first.id, 'dismissed', false]]), slow);
    const [queued] = await sync.outbox();
    const record = (await store.all()).find((r) => r.id === first.id);
    expect([record?.dismissed, record?.stamps.dismissed?.at, (queued?.at ?? '') > hiddenAt]).toEqual([false, queued?.at, true]);
    expect(feedbackLines(await store.all(), null)).toBe('');
  });

  test('from the keyboard: the focus goes to Undo, then to the paper brought back; Escape leaves it on the next paper', async () => {
    await renderWithStore();
    const notForUs = () => within(card(first.number) as HTMLElement).getByRole('button', { name: 'Not for us' });
    notForUs().focus();
    await fireEvent.click(notForUs(), { detail: 0 });
    const undo = await screen.findByRole('button', { name: 'Undo' }, slow);
    await waitFor(() => expect(document.activeElement).toBe(undo), slow);
    await fireEvent.click(undo, { detail: 0 });
    await waitFor(() => expect(document.activeElement?.id).toBe(`paper-${first.number}`), slow);

    await fireEvent.click(notForUs(), { detail: 0 });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'), slow);
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    expect([document.activeElement?.id, said(), card(first.number)]).toEqual([`paper-${second.number}`, '', null]);
  });

  test('under the "Not for us" filter, "Bring back" returns the paper to the digest, and the bar can take that back too', async () => {
    const { sync } = await renderWithStore();
    await fireEvent.click(within(card(first.number) as HTMLElement).getByRole('button', { name: 'Not for us' }), { detail: 1 });
    await waitFor(() => expect(card(first.number)).toBeNull(), slow);
    screen.getByRole('button', { name: /^Filters/ }).click();
    within(screen.getByRole('group', { name: 'Show' })).getByRole('button', { name: /^Not for us/ }).click();
    await waitFor(() => expect(location.search).toBe('?show=dismissed'), slow);
    await waitFor(() => expect(document.querySelectorAll('article.paper').length).toBe(1), slow);
    expect((card(first.number)?.querySelector('.more-actions')?.textContent ?? '').replace(/\s+/g, ' ').trim()).toBe('You marked it “Not for us”. Bring back');

    await fireEvent.click(within(card(first.number) as HTMLElement).getByRole('button', { name: 'Bring back' }), { detail: 1 });
    await waitFor(() => expect(card(first.number)).toBeNull(), slow);
    expect(said()).toBe(`Back in the digest: ${first.title}. Undo`);
    await waitFor(async () => expect((await sync.outbox()).map((c) => [c.field, c.value])).toEqual([['dismissed', false]]), slow);

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }), { detail: 1 });
    await waitFor(() => expect(card(first.number)).not.toBeNull(), slow);
    await waitFor(async () => expect((await sync.outbox()).map((c) => [c.field, c.value])).toEqual([['dismissed', true]]), slow);
  });
});
