// The reading room's HTTP API as the reader calls it (docs/server.md#the-api).
// Each call answers a value or a failure the caller can act on, never throws: offline, refused (401:
// the device was signed out, or the invite is spent), or any other answer with its status and message.
// The same client runs in the page and in the service worker (pwa/room-sync-worker.ts).
import type {
  GetStateResponse, JoinResponse, MeResponse, MeetingResponse, PostStateResponse, StateChangeInput,
} from '@labdigest/core';

export type RoomFailure =
  /** The request never got an answer: no network, or the server is down. */
  | { readonly kind: 'offline'; readonly message: string }
  /** 401: the token was refused (the device was signed out), or the invite code was. */
  | { readonly kind: 'unauthorized'; readonly message: string }
  /** No reading room answered at this address: a static copy (GitHub Pages, `vite preview`). */
  | { readonly kind: 'no-room'; readonly status: number }
  /** Any other answer the call cannot use: its status, the API's error code and message. */
  | { readonly kind: 'http'; readonly status: number; readonly code: string; readonly message: string; readonly retryAfterS: number | null };

export type RoomResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: RoomFailure };

export interface RoomClient {
  join(code: string, label: string): Promise<RoomResult<JoinResponse>>;
  me(): Promise<RoomResult<MeResponse>>;
  /** Every member's changes after `since` (all of them for null). */
  pull(since: number | null): Promise<RoomResult<GetStateResponse>>;
  push(changes: readonly StateChangeInput[]): Promise<RoomResult<PostStateResponse>>;
  /** The week's group-meeting list (`2026-W35`; null: this week, as the server counts it). */
  meeting(week: string | null): Promise<RoomResult<MeetingResponse>>;
  /** Signs this device out (DELETE /api/devices/self). */
  signOut(): Promise<RoomResult<null>>;
}

export interface RoomClientOptions {
  /** Where the reader lives (`document.baseURI`); the API is `api/` below it. */
  readonly base: string;
  /** The device token, read for each request (null before sign-in). */
  readonly token: () => string | null;
  readonly fetch?: typeof fetch;
}

export function roomClient(options: RoomClientOptions): RoomClient {
  const fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function call<T>(path: string, init: { method?: string; body?: unknown; authorization?: string } = {}): Promise<RoomResult<T>> {
    const url = new URL(`api/${path}`, options.base).href;
    const token = options.token();
    const headers: Record<string, string> = { Accept: 'application/json' };
    const authorization = init.authorization ?? (token ? `Bearer ${token}` : undefined);
    if (authorization) headers.Authorization = authorization;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, cache: 'no-store',
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch (error) {
      return { ok: false, failure: { kind: 'offline', message: (error as Error).message } };
    }
    if (response.status === 204) return { ok: true, value: null as T };
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (response.ok && json !== undefined) return { ok: true, value: json as T };
    const error = apiError(json);
    // A static host answers /api/ with its own 404 page (or, for an app route, index.html): not the API's JSON.
    if (!error) return { ok: false, failure: { kind: 'no-room', status: response.status } };
    if (response.status === 401) return { ok: false, failure: { kind: 'unauthorized', message: error.message } };
    const retry = Number(response.headers.get('Retry-After'));
    return {
      ok: false,
      failure: { kind: 'http', status: response.status, code: error.code, message: error.message, retryAfterS: Number.isFinite(retry) && retry > 0 ? retry : null },
    };
  }

  return {
    join: (code, label) => call('join', { body: { label }, authorization: `Invite ${code}` }),
    me: () => call('me'),
    pull: (since) => call(since === null ? 'state' : `state?since=${since}`),
    push: (changes) => call('state', { body: { changes } }),
    meeting: (week) => call(week ? `meeting?week=${encodeURIComponent(week)}` : 'meeting'),
    signOut: () => call('devices/self', { method: 'DELETE' }),
  };
}

/** The API's `{"error": {"code", "message"}}`, or null when the body is something else. */
function apiError(json: unknown): { code: string; message: string } | null {
  const error = (json as { error?: { code?: unknown; message?: unknown } } | null | undefined)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string' ? { code: error.code, message: error.message } : null;
}

/** A failure as one sentence for the screen. */
export function describeFailure(failure: RoomFailure): string {
  switch (failure.kind) {
    case 'offline': return 'the reading room could not be reached (offline?)';
    case 'unauthorized': return failure.message;
    case 'no-room': return `no reading room answers at this address (HTTP ${failure.status})`;
    case 'http': return `the reading room answered ${failure.status} ${failure.code}: ${failure.message}`;
  }
}
