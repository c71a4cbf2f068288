// Shared by vite.config.ts (the service worker's runtime caching) and register.ts (prefetching):
// the page fills the same cache the worker reads when the network is gone.
export const INDEX_CACHE = 'labdigest-digest-index';
export const DIGEST_CACHE = 'labdigest-digests';
/** How many of the newest digests are fetched ahead of time, so they open offline. */
export const PREFETCH_DIGESTS = 3;
/** The Background Sync tag under which the worker sends the reading room's outbox (room-sync-worker.ts). */
export const ROOM_SYNC_TAG = 'labdigest-room-outbox';
/** The worker's part of the reading room, built on its own (vite.config.ts) and loaded by sw.js with importScripts. */
export const ROOM_SYNC_SCRIPT = 'room-sync.js';
