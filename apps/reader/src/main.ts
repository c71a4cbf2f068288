import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { openPaperStore } from './state/paper-store.ts';
import { pwaStatus } from './state/pwa.svelte.ts';
import { registerPwa } from './pwa/register.ts';
import { startLoading } from './state/load.ts';
import { parseViewState } from './state/url-state.ts';

// First, before mounting: the digest's requests run while the app builds its first screen.
startLoading(document.baseURI, parseViewState(location.search));

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

mount(App, { target, props: { store, pwa } });
