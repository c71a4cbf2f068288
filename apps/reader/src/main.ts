import { mount } from 'svelte';
import App from './App.svelte';
import { openPaperStore } from './state/paper-store.ts';
import { pwaStatus } from './state/pwa.svelte.ts';
import { registerPwa } from './pwa/register.ts';

/** How long the app waits for the first digest before it mounts and shows its own loading state. */
const FIRST_SCREEN_WAIT_MS = 1000;

/**
 * Mounts the reader. Called by boot.ts with the requests it started: the app mounts once they are in
 * (or after FIRST_SCREEN_WAIT_MS), so its first screen is the digest itself, laid out and painted once,
 * rather than a loading screen painted and then thrown away.
 */
export function start(firstLoads: Promise<void>, invite: string | null = null): void {
  const target = document.getElementById('app');
  if (!target) throw new Error('index.html has no #app element to mount the reader in');

  const pwa = registerPwa({
    needRefresh: () => { pwaStatus.needRefresh = true; },
    offlineReady: () => { pwaStatus.offlineReady = true; },
    // The reader still works online without a worker; say why offline use is unavailable.
    registerError: (error) => console.warn('labdigest: offline support is unavailable:', error),
  });

  // IndexedDB can be missing or refused (private windows in some browsers): the reader then keeps
  // stars and read marks in memory for this visit.
  const store = 'indexedDB' in window ? openPaperStore().catch(() => null) : null;

  const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS));
  void Promise.race([firstLoads, waited]).then(() => mount(App, { target, props: { store, pwa, invite } }));
}
