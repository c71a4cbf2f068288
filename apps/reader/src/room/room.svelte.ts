// The reading room as the components see it: who this device is signed in as, what the group did
// with each paper (room/group.ts), the state of the sync, and the meeting list. Loaded (lazily, by
// App.svelte) only on a device that holds a token or opens an invite link: a static copy never
// loads it, and behaves as the reader always did.
import { isoWeek, type Device, type MeetingResponse, type StateChange } from '@labdigest/core';
import { DEVICE_META, type PaperState } from '../state/papers.svelte.ts';
import type { PaperStore } from '../state/paper-store.ts';
import { META, privateFlag, setPrivateFlag } from '../state/session.ts';
import { deviceLabel } from './device-label.ts';
import { groupIndex, type GroupIndex } from './group.ts';
import { describeFailure, roomClient, type RoomFailure } from './room-client.ts';
import { withRoomTables, type SyncStore } from './room-tables.ts';
import { dueOnTick, syncRoom } from './sync.ts';

/** The Background Sync tag the service worker sends the outbox under (pwa/room-sync-worker.ts). */
export { ROOM_SYNC_TAG as SYNC_TAG } from '../pwa/cache-names.ts';
/** A change is sent this long after it is made, so a burst (star, then note) goes in one request. */
const SEND_DELAY_MS = 700;
/** Coming back to the page pulls again when the last sync is older than this. */
const PULL_AGAIN_MS = 30_000;
/**
 * While the page is in view and signed in it looks this often: changes that could not be sent are tried
 * again (the room restarted, the network came back without an `online` event), and the others' stars and
 * notes arrive without a reload, once a sync is older than a minute.
 */
const TICK_MS = 30_000;
const PULL_OPEN_PAGE_MS = 60_000;

export type Notice =
  | { readonly kind: 'joined'; readonly member: string }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'join-failed'; readonly message: string };

export interface SyncStatus {
  readonly busy: boolean;
  /** ISO time of the last sync that went through. */
  readonly at: string | null;
  /** Changes on the device not yet in the room. */
  readonly pending: number;
  /** Why the last sync did not go through (offline, refused…); null after one that did. */
  readonly error: string | null;
  /** Changes the room refused as invalid, with its message (kept on the device, not sent again). */
  readonly rejected: readonly string[];
}

export type MeetingAnswer =
  | { readonly ok: true; readonly list: MeetingResponse; /** Set when shown from the device's copy (offline): when it was fetched. */ readonly savedAt: string | null }
  | { readonly ok: false; readonly message: string };

export interface Room {
  /** Signed in; or signed out (the room refused the token): local state only, the notice says so. */
  readonly status: 'signed-in' | 'signed-out';
  readonly member: string | null;
  readonly members: readonly string[];
  readonly device: Device | null;
  /** The room's digests too need the device token (`server.private`). */
  readonly private: boolean;
  /** `Bearer <token>` for the private digests' requests; null when not signed in. */
  authorization(): string | null;
  readonly notice: Notice | null;
  dismissNotice(): void;
  readonly sync: SyncStatus;
  readonly group: GroupIndex;
  /** This week, as the room counts weeks (ISO, UTC). */
  thisWeek(): string;
  syncNow(): Promise<void>;
  meeting(week: string): Promise<MeetingAnswer>;
  signOut(): Promise<void>;
  close(): void;
}

export interface OpenRoomOptions {
  /** Where the reader lives (`document.baseURI`): the API is at `api/` below it. */
  readonly base: string;
  readonly store: PaperStore;
  readonly papers: PaperState;
  /** The code of the invite link the page was opened with (session.ts takeInviteCode). */
  readonly invite: string | null;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  readonly userAgent?: string;
  /** Asks the service worker to send the outbox when the network is back (Background Sync). */
  readonly backgroundSync?: () => Promise<void>;
}

/**
 * Opens the reading room for this device: joins with the invite code when there is one, then checks
 * the token (GET /api/me) and syncs. Null when the device is not and never was signed in here (a
 * static copy, or a visitor without an invite): the reader then shows no room at all. A failed join
 * still answers a room, in the state it was, for its notice.
 */
export async function openRoom(options: OpenRoomOptions): Promise<Room | null> {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the clock, read once per use, never state
  const now = options.now ?? (() => new Date());
  const store: SyncStore = withRoomTables(options.store);
  const { papers } = options;
  let token = await store.getMeta(META.token);
  const client = roomClient({ base: options.base, token: () => token, ...(options.fetch ? { fetch: options.fetch } : {}) });

  const state = $state({
    status: (token ? 'signed-in' : 'signed-out') as Room['status'],
    member: await store.getMeta(META.member),
    members: JSON.parse((await store.getMeta(META.members)) ?? '[]') as string[],
    device: null as Device | null,
    private: privateFlag(),
    notice: null as Notice | null,
  });
  const sync = $state<{ -readonly [K in keyof SyncStatus]: SyncStatus[K] }>({ busy: false, at: await store.getMeta(META.syncedAt), pending: await store.outboxCount(), error: null, rejected: [] });
  let shared = $state.raw<StateChange[]>(await store.shared());
  const signedOut = await store.getMeta(META.signedOut);
  if (!token && signedOut !== null) state.notice = { kind: 'signed-out' };

  if (options.invite !== null) {
    const joined = await client.join(options.invite, deviceLabel(options.userAgent ?? navigator.userAgent));
    if (joined.ok) {
      const { member, device } = joined.value;
      token = joined.value.token;
      await store.setMeta(META.token, token);
      await store.setMeta(META.member, member);
      await store.setMeta(DEVICE_META, device.id);
      await store.setMeta(META.deviceLabel, device.label);
      await store.deleteMeta(META.signedOut);
      papers.setDevice(device.id);
      Object.assign(state, { status: 'signed-in', member, device, notice: { kind: 'joined', member } });
    } else {
      // An invite opened on a copy without a room (GitHub Pages): the link belongs to the group's server.
      const message = joined.failure.kind === 'no-room'
        ? 'this copy of the reader has no reading room: open the invite link on the group\'s server'
        : describeFailure(joined.failure);
      state.notice = { kind: 'join-failed', message };
    }
  }
  if (!token && state.notice === null) return null;

  /** The room refused the token: forget it (never the device's state) and say so. */
  async function signedOutHere() {
    token = null;
    await store.deleteMeta(META.token);
    await store.setMeta(META.signedOut, state.member ?? '');
    setPrivateFlag(false);
    Object.assign(state, { status: 'signed-out', notice: { kind: 'signed-out' } });
  }

  async function failed(failure: RoomFailure) {
    if (failure.kind === 'unauthorized') await signedOutHere();
    else sync.error = describeFailure(failure);
    // Not awaited: where no worker is in control yet, its registration never becomes ready.
    if (failure.kind === 'offline') void options.backgroundSync?.().catch(() => undefined);
  }

  let running: Promise<void> | null = null;
  let again = false;
  async function run(): Promise<void> {
    if (!token || !state.member) return;
    sync.busy = true;
    const result = await syncRoom(store, client, { member: state.member, now: () => now().toISOString() });
    if (result.ok) {
      const { records, shared: changed, rejected } = result.value;
      papers.applyRemote(records);
      if (changed.length > 0) shared = await store.shared();
      const at = now().toISOString();
      await store.setMeta(META.syncedAt, at);
      Object.assign(sync, { at, error: null, rejected: [...sync.rejected, ...rejected.map((r) => r.message)] });
    } else {
      await failed(result.failure);
    }
    Object.assign(sync, { busy: false, pending: await store.outboxCount() });
  }
  /** One sync at a time; a request for another while one runs runs once more after it. */
  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again);
    })().finally(() => { running = null; });
    return running;
  }

  // Every change: counted at once, sent shortly after.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopListening = papers.onChange(() => {
    void store.outboxCount().then((n) => { sync.pending = n; });
    clearTimeout(timer);
    timer = setTimeout(() => void syncNow(), SEND_DELAY_MS);
  });
  const ononline = () => void syncNow();
  const onvisible = () => {
    if (document.visibilityState === 'visible' && Date.now() - Date.parse(sync.at ?? '1970-01-01') > PULL_AGAIN_MS) void syncNow();
  };
  window.addEventListener('online', ononline);
  document.addEventListener('visibilitychange', onvisible);
  const tick = setInterval(() => {
    const due = dueOnTick({
      visible: document.visibilityState === 'visible', signedIn: state.status === 'signed-in', busy: running !== null,
      pending: sync.pending, failed: sync.error !== null, sinceSyncMs: Date.now() - Date.parse(sync.at ?? '1970-01-01'),
    }, PULL_OPEN_PAGE_MS);
    if (due) void syncNow();
  }, TICK_MS);

  if (token) {
    const me = await client.me();
    if (me.ok) {
      const { member, members, device } = me.value;
      Object.assign(state, { member, members, device, private: me.value.private });
      await store.setMeta(META.member, member);
      await store.setMeta(META.members, JSON.stringify(members));
      await store.setMeta(DEVICE_META, device.id);
      await store.setMeta(META.deviceLabel, device.label);
      papers.setDevice(device.id);
      setPrivateFlag(me.value.private);
      void syncNow();
    } else if (me.failure.kind === 'unauthorized') {
      await signedOutHere();
    } else {
      // Offline (or the room is down): the device works from what it holds, and syncs when it can.
      sync.error = describeFailure(me.failure);
      const device = await store.getMeta(DEVICE_META);
      if (device) papers.setDevice(device);
      // The footer keeps saying which device this is (found by an audit: "(Chrome on Linux)" went after an offline load).
      const label = await store.getMeta(META.deviceLabel);
      if (device && label) state.device = { id: device, label };
    }
  }

  const group = $derived(groupIndex(shared, papers.records(), state.member));

  return {
    get status() { return state.status; },
    get member() { return state.member; },
    get members() { return state.members; },
    get device() { return state.device; },
    get private() { return state.private; },
    authorization: () => (token ? `Bearer ${token}` : null),
    get notice() { return state.notice; },
    dismissNotice() {
      if (state.notice?.kind === 'signed-out') void store.deleteMeta(META.signedOut);
      state.notice = null;
    },
    sync,
    get group() { return group; },
    thisWeek: () => isoWeek(now()),
    syncNow,
    async meeting(week) {
      const key = `meeting:${week}`;
      const answer = await client.meeting(week);
      if (answer.ok) {
        await store.setMeta(key, JSON.stringify({ list: answer.value, at: now().toISOString() }));
        return { ok: true, list: answer.value, savedAt: null };
      }
      if (answer.failure.kind === 'unauthorized') await signedOutHere();
      const saved = await store.getMeta(key);
      if (saved !== null && answer.failure.kind !== 'unauthorized') {
        const { list, at } = JSON.parse(saved) as { list: MeetingResponse; at: string };
        return { ok: true, list, savedAt: at };
      }
      return { ok: false, message: describeFailure(answer.failure) };
    },
    async signOut() {
      // Whatever the room answers (offline too), the device forgets its token; its state stays.
      await client.signOut();
      token = null;
      await store.deleteMeta(META.token);
      setPrivateFlag(false);
      Object.assign(state, { status: 'signed-out', notice: null });
    },
    close() {
      clearTimeout(timer);
      stopListening();
      window.removeEventListener('online', ononline);
      document.removeEventListener('visibilitychange', onvisible);
      clearInterval(tick);
    },
  };
}
