// The page's one script, kept small: it asks for the archive index and the newest digest first, then
// loads the app. index.html also names the app's module in a modulepreload link (vite.config.ts), so
// the browser downloads and compiles it while these requests run, instead of one after the other.
import './app.css';
import { startLoading } from './state/load.ts';
import { parseViewState } from './state/url-state.ts';

const loading = startLoading(document.baseURI, parseViewState(location.search));

import('./main.ts').then(({ start }) => start(loading)).catch((error: unknown) => {
  console.error('labdigest: the reader failed to load:', error);
});
