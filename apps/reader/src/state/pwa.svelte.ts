/** What the app can ask of the service worker layer (src/pwa/register.ts); absent in tests and old browsers. */
export interface PwaControls {
  /**
   * Registers the worker, when the browser is next idle. The app calls it once its first screen is up:
   * installing precaches the whole app shell, which would otherwise compete with the digest's download.
   */
  start(): void;
  /** Activates the waiting version; the page reloads once it is in control. */
  update(): Promise<void>;
  /**
   * Saves the archive index and the newest few digests for offline use; `authorization` is sent
   * with them when a private reading room needs it.
   */
  prefetch(indexUrl: string, digestUrls: readonly string[], authorization?: string | null): Promise<void>;
  /** Which of these URLs are saved on the device. */
  saved(urls: readonly string[]): Promise<Set<string>>;
  /**
   * Asks the worker to run `tag` when the network is back (Background Sync), even with the page
   * closed; resolves without doing anything where the browser has no Background Sync.
   */
  requestSync(tag: string): Promise<void>;
}

/** Service worker status the UI shows: an update prompt, a one-time "works offline" note. */
export const pwaStatus = $state({ needRefresh: false, offlineReady: false });
