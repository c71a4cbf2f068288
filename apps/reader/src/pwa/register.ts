// The only module that talks to the service worker and its caches. vite-plugin-pwa builds the worker
// (generateSW, see vite.config.ts); `virtual:pwa-register` loads workbox-window lazily, so none of
// this weighs on the first view. Components see PwaControls and the status in state/pwa.svelte.ts.
import { registerSW } from 'virtual:pwa-register';
import { DIGEST_CACHE, INDEX_CACHE, PREFETCH_DIGESTS } from './cache-names.ts';
import type { PwaControls } from '../state/pwa.svelte.ts';

export interface PwaEvents {
  /** A new version is installed and waiting; nothing changes until the reader accepts. */
  needRefresh(): void;
  /** The app shell is cached: the reader works offline from now on. */
  offlineReady(): void;
  registerError(error: unknown): void;
}

export function registerPwa(events: PwaEvents): PwaControls {
  const supported = 'serviceWorker' in navigator && 'caches' in window;
  // registerType 'prompt': the worker waits until update() sends SKIP_WAITING; the page reloads once the
  // new worker controls it, and only then. We reload on controllerchange ourselves: workbox-window marks
  // the change as an update only if the page had a worker when it loaded, so in a tab that saw the first
  // install (then a deploy) its own reload never came (test/e2e.test.ts, "a new version waits").
  let reloadAsked = false;
  if (supported) navigator.serviceWorker.addEventListener('controllerchange', () => { if (reloadAsked) window.location.reload(); });
  let updateServiceWorker: (reload?: boolean) => Promise<void> = async () => {};
  let started = false;

  return {
    start() {
      if (!supported || started) return;
      started = true;
      whenIdle(() => {
        updateServiceWorker = registerSW({
          immediate: true,
          onNeedRefresh: events.needRefresh,
          onOfflineReady: events.offlineReady,
          onRegisterError: events.registerError,
          onNeedReload: () => {}, // handled by the controllerchange listener above
        });
      });
    },

    update: () => {
      reloadAsked = true;
      return updateServiceWorker(true);
    },

    /**
     * Puts the index, latest.json and the newest digests into the caches the worker reads, so they open offline.
     * On a first visit the page loaded them before the worker was in control, so nothing caught them.
     */
    async prefetch(indexUrl, digestUrls, authorization) {
      if (!supported || !navigator.onLine) return;
      const save = async (cacheName: string, url: string) => {
        const cache = await caches.open(cacheName);
        if (await cache.match(url, { ignoreVary: true })) return;
        // Never fatal: prefetching is a courtesy, the reader is already showing a digest.
        if (!authorization) {
          await cache.add(url).catch(() => undefined);
          return;
        }
        // Kept under the request with its token: private digests come with `Vary: Authorization`, so
        // only a request that carries the token finds them (the worker's, offline).
        const request = new Request(url, { headers: { Authorization: authorization }, credentials: 'omit' });
        const response = await fetch(request.clone()).catch(() => null);
        if (response?.ok) await cache.put(request, response).catch(() => undefined);
      };
      await save(INDEX_CACHE, indexUrl);
      // The newest digest's copy beside the index, which index.html preloads on every page: a first
      // offline load asked for it and logged it as not saved (found by an audit).
      await save(INDEX_CACHE, new URL('latest.json', indexUrl).href);
      for (const url of digestUrls.slice(0, PREFETCH_DIGESTS)) await save(DIGEST_CACHE, url);
    },

    async requestSync(tag) {
      if (!supported) return;
      const registration = await navigator.serviceWorker.ready;
      // Background Sync is Chromium's only (not in TypeScript's DOM types): elsewhere the page sends on its next visit.
      const sync = (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync;
      await sync?.register(tag);
    },

    async saved(urls) {
      if (!supported) return new Set();
      const found = await Promise.all(urls.map(async (url) => ((await caches.match(url)) ? url : null)));
      return new Set(found.filter((u): u is string => u !== null));
    },
  };
}

/** Runs `task` once the page is idle (within a second at most); Safari has no requestIdleCallback. */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 0);
}
