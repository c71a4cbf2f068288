import type { Digest, DigestIndex } from '@labdigest/core';
import { validateDigest, validateDigestIndex, type Checked, type ValidationProblem } from './validate.ts';

/** Why a file could not be shown; each kind gets its own message in ErrorView. */
export type LoadError =
  | { readonly kind: 'not-saved'; readonly url: string }
  | { readonly kind: 'not-found'; readonly url: string; readonly status: number }
  /** 401: a private reading room's digests, asked for without a device token, or with one it refused. */
  | { readonly kind: 'unauthorized'; readonly url: string }
  | { readonly kind: 'network'; readonly url: string; readonly message: string }
  | { readonly kind: 'invalid'; readonly url: string; readonly problems: readonly ValidationProblem[] };

/** Load failures, plus the two the archive index tells: no digests at all, no digest for a date. */
export type ViewError = LoadError | { readonly kind: 'empty' } | { readonly kind: 'unknown-date'; readonly date: string }
  /** A group view (picks, meeting) on a device not signed in to a reading room. */
  | { readonly kind: 'no-room' };

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LoadError };

export interface LoadOptions {
  readonly fetch?: typeof fetch;
  /** Whether the browser is online; offline + no response means the file is not in the cache. */
  readonly online?: () => boolean;
}

/**
 * Fetches and checks one JSON file. Offline, the service worker answers from its cache; a failed
 * fetch while offline therefore means the file was never saved on this device.
 */
function loadChecked<T>(url: string, check: (v: unknown) => Checked<T>, options: LoadOptions): Promise<Loaded<T>> {
  const early = started.get(url) as Promise<Loaded<T>> | undefined;
  if (early) {
    // Taken once: a later load (retry, revisit) asks again.
    started.delete(url);
    return early;
  }
  return fetchChecked(url, check, options);
}

async function fetchChecked<T>(url: string, check: (v: unknown) => Checked<T>, options: LoadOptions): Promise<Loaded<T>> {
  const fetchFn = options.fetch ?? fetch;
  const online = options.online ?? (() => navigator.onLine);
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    return { ok: false, error: online()
      ? { kind: 'network', url, message: (error as Error).message || 'the request failed' }
      : { kind: 'not-saved', url } };
  }
  if (!response.ok) {
    // The worker's offline fallback for an unknown URL can be an error response too.
    if (!online()) return { ok: false, error: { kind: 'not-saved', url } };
    if (response.status === 401) return { ok: false, error: { kind: 'unauthorized', url } };
    return { ok: false, error: { kind: 'not-found', url, status: response.status } };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    return { ok: false, error: { kind: 'invalid', url, problems: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] } };
  }
  const checked = check(json);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, error: { kind: 'invalid', url, problems: checked.problems } };
}

/** Loads begun before the app mounted (startLoading), by URL; the first loadIndex or loadDigest of that URL takes it. */
const started = new Map<string, Promise<Loaded<unknown>>>();

/**
 * Starts fetching what the first screen will ask for while the app is still loading: the index and,
 * once it names it, the newest digest; or, for a dated link, the index and that day's file side by side.
 * The promise settles when all of it has arrived, been checked, or failed (it never rejects).
 */
export function startLoading(
  base: string, view: { readonly page: string; readonly date: string | null }, options: LoadOptions = {},
): Promise<void> {
  const begin = <T>(url: string, check: (v: unknown) => Checked<T>) => {
    const loading = fetchChecked(url, check, options);
    started.set(url, loading);
    return loading;
  };
  const index = begin(indexUrl(base), validateDigestIndex);
  const done = () => undefined;
  if (view.page !== 'digest' || view.date) {
    // index.html preloads latest.json on every page. These views do not show it: take the preloaded
    // response and drop it (its bytes are already on the way), so the browser does not warn that a
    // preload went unused.
    (options.fetch ?? fetch)(latestUrl(base)).then((r) => r.body?.cancel(), done).catch(done);
  }
  if (view.page !== 'digest') return index.then(done, done);
  if (view.date) return Promise.all([index, begin(digestUrl(base, `${view.date}.json`), validateDigest)]).then(done, done);
  // The newest digest is also at digests/latest.json (index.html preloads it): asked for beside the
  // index, not after it. It stands in for the dated file only when it is the digest the index names
  // newest; a stale or missing copy costs nothing but the dated file's request.
  const latest = fetchChecked(latestUrl(base), validateDigest, options);
  return Promise.all([index, latest]).then(([loaded, early]) => {
    const newest = loaded.ok ? loaded.value.digests[0] : undefined;
    if (!newest) return undefined;
    const url = digestUrl(base, newest.file);
    // Only while the app has not asked for it itself yet (it asks right after taking the index).
    if (started.has(url)) return undefined;
    if (early.ok && early.value.date === newest.date) {
      started.set(url, Promise.resolve(early));
      return undefined;
    }
    return begin(url, validateDigest);
  }).then(done, done);
}

/** URLs of the archive index and of a digest file, relative to the app's base (sub-path hosting works). */
export function indexUrl(base: string): string {
  return new URL('digests/index.json', base).href;
}
/** The newest digest's copy beside the index, so that a first visit can ask for both at once. */
export function latestUrl(base: string): string {
  return new URL('digests/latest.json', base).href;
}
export function digestUrl(base: string, file: string): string {
  return new URL(`digests/${encodeURIComponent(file)}`, base).href;
}

export const loadIndex = (base: string, options: LoadOptions = {}): Promise<Loaded<DigestIndex>> =>
  loadChecked(indexUrl(base), validateDigestIndex, options);

export const loadDigest = (base: string, file: string, options: LoadOptions = {}): Promise<Loaded<Digest>> =>
  loadChecked(digestUrl(base, file), validateDigest, options);
