// The page's one script, kept small: it asks for the archive index and the newest digest first, then
// loads the app. index.html also names the app's module in a modulepreload link (vite.config.ts), so
// the browser downloads and compiles it while these requests run, instead of one after the other.
import './app.css';
import { startLoading } from './state/load.ts';
import { parseViewState } from './state/url-state.ts';
import { privateFlag, takeInviteCode } from './state/session.ts';

// First of all: an invite link's code leaves the address bar before anything can bookmark or share it.
const invite = takeInviteCode();
// An invite link opened in a tab that already shows the reader (pasted into its address bar) changes only
// the hash: load the page again, so this same step takes the code and the device joins.
addEventListener('hashchange', () => {
  if (location.hash.startsWith('#join=')) location.reload();
});
// A private reading room's digests need the device token, which the app reads from IndexedDB: no early start there.
const loading = privateFlag() ? Promise.resolve() : startLoading(document.baseURI, parseViewState(location.search));

import('./main.ts').then(({ start }) => start(loading, invite)).catch((error: unknown) => {
  console.error('labdigest: the reader failed to load:', error);
});
