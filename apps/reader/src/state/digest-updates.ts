// A new digest while the reader is open. An installed app on a phone is resumed, not reloaded, and a
// laptop tab stays open for days: without asking again, the page would show last week's digest as the
// latest. The app asks for the index when the reader comes back to the page, when the network returns
// and every half hour in view; a newer digest gets a prompt (UpdatePrompt), never a reload by itself.
import type { DigestIndex, DigestIndexEntry } from '@labdigest/core';

/** The newest digest of a fresh index when it is newer than any the reader's index has, else null. */
export function newerDigest(current: DigestIndex, fresh: DigestIndex): DigestIndexEntry | null {
  const have = current.digests[0]?.date ?? '';
  const next = fresh.digests[0];
  return next && next.date > have ? next : null;
}

export interface WatchOptions {
  /** Asks for the index again and acts on it; a failure is the callee's to handle. */
  readonly check: () => Promise<void>;
  /** Least time between two checks on coming back to the page (default 5 minutes). */
  readonly minIntervalMs?: number;
  /** How often to check while the page stays in view (default 30 minutes). */
  readonly everyMs?: number;
  /** How long after the browser says it is online to check (default 3 s): a network that has just come
   * back (a train leaving a tunnel, a phone joining Wi-Fi) often needs a moment before requests get through. */
  readonly onlineDelayMs?: number;
  readonly doc?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  readonly win?: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval' | 'setTimeout' | 'clearTimeout'>;
  readonly now?: () => number;
}

/**
 * Calls `check` when the page becomes visible again (at most once per `minIntervalMs`, counted from
 * the start, when the app has just loaded the index), `onlineDelayMs` after the browser comes back
 * online (always: the checks while offline saw only the saved copy), and every `everyMs` while visible.
 * Never two at once.
 * Returns a function that stops watching.
 */
export function watchForNewDigests(options: WatchOptions): () => void {
  const {
    check, minIntervalMs = 5 * 60_000, everyMs = 30 * 60_000, onlineDelayMs = 3000,
    doc = document, win = window, now = () => Date.now(),
  } = options;
  let last = now();
  let running = false;
  const run = (force: boolean) => {
    if (running || doc.visibilityState !== 'visible') return;
    if (!force && now() - last < minIntervalMs) return;
    last = now();
    running = true;
    check().catch(() => undefined).finally(() => { running = false; });
  };
  const onVisible = () => run(false);
  let pending: ReturnType<typeof setTimeout> | undefined;
  const onOnline = () => {
    win.clearTimeout(pending);
    pending = win.setTimeout(() => run(true), onlineDelayMs);
  };
  doc.addEventListener('visibilitychange', onVisible);
  win.addEventListener('online', onOnline);
  const timer = win.setInterval(onVisible, everyMs);
  return () => {
    doc.removeEventListener('visibilitychange', onVisible);
    win.removeEventListener('online', onOnline);
    win.clearInterval(timer);
    win.clearTimeout(pending);
  };
}
