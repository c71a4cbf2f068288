// The service worker's part of the reading room: when the page could not send its outbox (offline),
// it asked for a Background Sync (room/room.svelte.ts); the browser fires `sync` once the network
// is back, even with the page closed, and this sends the outbox as the page would (room/sync.ts).
// Built on its own as a classic script (vite.config.ts, roomSyncScript) and loaded by the generated
// sw.js with importScripts. It only sends: the page pulls and merges on its next visit.
import { roomClient } from '../room/room-client.ts';
import { withRoomTables } from '../room/room-tables.ts';
import { pushOutbox } from '../room/sync.ts';
import { openPaperStore } from '../state/paper-store.ts';
import { META } from '../state/session.ts';
import { ROOM_SYNC_TAG } from './cache-names.ts';

/** What this script uses of the worker's global scope (the reader's types are the page's, DOM). */
interface SyncEvent { readonly tag: string; waitUntil(work: Promise<unknown>): void }
declare const self: {
  readonly registration: { readonly scope: string };
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
};

self.addEventListener('sync', (event) => {
  if (event.tag === ROOM_SYNC_TAG) event.waitUntil(sendOutbox());
});

/** Sends the outbox; rejects while the room cannot be reached, so the browser tries again later. */
export async function sendOutbox(): Promise<void> {
  const store = withRoomTables(await openPaperStore());
  try {
    const token = await store.getMeta(META.token);
    if (!token) return;
    const pushed = await pushOutbox(store, roomClient({ base: self.registration.scope, token: () => token }));
    // Signed out, or refused: trying again would not help; the page says why on its next visit.
    if (!pushed.ok && pushed.failure.kind === 'offline') throw new Error(`the reading room could not be reached: ${pushed.failure.message}`);
  } finally {
    store.close();
  }
}
