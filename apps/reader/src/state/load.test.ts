import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadDigest, loadIndex, startLoading } from './load.ts';
import { sampleDigests, sampleIndex } from '../../test/sample-digests.ts';

const BASE = 'http://localhost:3000/app/';

/** A fetch serving digests/ from memory; a file set to a number answers with that status. */
function fakeFetch(files: Record<string, unknown> = {}) {
  const served: Record<string, unknown> = { 'index.json': sampleIndex, ...sampleDigests, ...files };
  return vi.fn(async (input: RequestInfo | URL) => {
    const name = decodeURIComponent(new URL(String(input)).pathname.replace(/^\/app\/digests\//, ''));
    const body = served[name];
    if (body === undefined) return new Response('not found', { status: 404 });
    if (typeof body === 'number') return new Response('', { status: body });
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
}
const urls = (fetch: ReturnType<typeof fakeFetch>) => fetch.mock.calls.map(([u]) => String(u));
const newest = sampleIndex.digests[0]?.file ?? '';

// startLoading keeps what it started in a module-level map until the app takes it: take everything.
afterEach(async () => {
  await loadIndex(BASE, { fetch: fakeFetch() });
  for (const file of Object.keys(sampleDigests)) await loadDigest(BASE, file, { fetch: fakeFetch() });
});

describe('startLoading', () => {
  test('asks for the index and latest.json at once; the app takes the copy for the newest digest without asking again', async () => {
    const fetch = fakeFetch({ 'latest.json': sampleDigests[newest] });
    await startLoading(BASE, { page: 'digest', date: null }, { fetch });
    expect(urls(fetch)).toEqual([`${BASE}digests/index.json`, `${BASE}digests/latest.json`]);
    const later = fakeFetch();
    const index = await loadIndex(BASE, { fetch: later });
    const digest = await loadDigest(BASE, newest, { fetch: later });
    expect(index.ok && index.value.digests.length).toBe(sampleIndex.digests.length);
    expect(digest.ok && digest.value.date).toBe(sampleIndex.digests[0]?.date);
    expect(urls(later), 'nothing fetched twice').toEqual([]);
    // Taken once: a retry asks the network again.
    await loadIndex(BASE, { fetch: later });
    expect(urls(later)).toEqual([`${BASE}digests/index.json`]);
  });

  test('without latest.json (an archive written before it), asks for the newest digest the index names', async () => {
    const fetch = fakeFetch();
    await startLoading(BASE, { page: 'digest', date: null }, { fetch });
    expect(urls(fetch)).toEqual([`${BASE}digests/index.json`, `${BASE}digests/latest.json`, `${BASE}digests/${newest}`]);
    const later = fakeFetch();
    const digest = await loadDigest(BASE, newest, { fetch: later });
    expect(digest.ok && digest.value.date).toBe(sampleIndex.digests[0]?.date);
    expect(urls(later)).toEqual([]);
  });

  test('a latest.json of another day (a stale copy) is not taken for the newest digest', async () => {
    const older = sampleIndex.digests[1]?.file ?? '';
    const fetch = fakeFetch({ 'latest.json': sampleDigests[older] });
    await startLoading(BASE, { page: 'digest', date: null }, { fetch });
    expect(urls(fetch)).toEqual([`${BASE}digests/index.json`, `${BASE}digests/latest.json`, `${BASE}digests/${newest}`]);
    const digest = await loadDigest(BASE, newest, { fetch: fakeFetch() });
    expect(digest.ok && digest.value.date).toBe(sampleIndex.digests[0]?.date);
  });

  // index.html preloads latest.json for every page; views that do not show it take the preloaded
  // response and drop it, so the browser does not warn about an unused preload.
  test('a dated link asks for the index and that day side by side, and takes the preloaded latest.json', async () => {
    const fetch = fakeFetch({ 'latest.json': sampleDigests[newest] });
    const done = startLoading(BASE, { page: 'digest', date: '2026-08-10' }, { fetch });
    expect(urls(fetch)).toEqual([`${BASE}digests/index.json`, `${BASE}digests/latest.json`, `${BASE}digests/2026-08-10.json`]);
    await done;
    const digest = await loadDigest(BASE, '2026-08-10.json', { fetch: fakeFetch() });
    expect(digest.ok && digest.value.date).toBe('2026-08-10');
  });

  test('the archive needs the index only, and takes the preloaded latest.json', async () => {
    const fetch = fakeFetch();
    await startLoading(BASE, { page: 'archive', date: null }, { fetch });
    expect(urls(fetch)).toEqual([`${BASE}digests/index.json`, `${BASE}digests/latest.json`]);
  });

  test('a failed latest.json on the archive is no error', async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      if (String(input).endsWith('latest.json')) throw new TypeError('Failed to fetch');
      return fakeFetch()(input);
    });
    await expect(startLoading(BASE, { page: 'archive', date: null }, { fetch })).resolves.toBeUndefined();
    const index = await loadIndex(BASE, { fetch: fakeFetch() });
    expect(index.ok).toBe(true);
  });

  test('settles, never rejects, when the index fails; the app then sees the failure', async () => {
    const fetch = fakeFetch({ 'index.json': 500 });
    await expect(startLoading(BASE, { page: 'digest', date: null }, { fetch })).resolves.toBeUndefined();
    expect(urls(fetch)).toEqual([`${BASE}digests/index.json`, `${BASE}digests/latest.json`]);
    const index = await loadIndex(BASE, { fetch: fakeFetch() });
    expect(index).toEqual({ ok: false, error: { kind: 'not-found', url: `${BASE}digests/index.json`, status: 500 } });
  });

  test('a private reading room\'s 401 is its own kind: the reader asks to sign in', async () => {
    const index = await loadIndex(BASE, { fetch: fakeFetch({ 'index.json': 401 }) });
    expect(index).toEqual({ ok: false, error: { kind: 'unauthorized', url: `${BASE}digests/index.json` } });
  });

  test('a network failure settles it too', async () => {
    const fetch = vi.fn(async () => { throw new TypeError('Failed to fetch'); });
    await expect(startLoading(BASE, { page: 'digest', date: null }, { fetch, online: () => true })).resolves.toBeUndefined();
    const index = await loadIndex(BASE);
    expect(index.ok ? null : index.error.kind).toBe('network');
  });
});
