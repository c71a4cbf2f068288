// Shared by vite.config.ts (the service worker's runtime caching) and register.ts (prefetching):
// the page fills the same cache the worker reads when the network is gone.
export const INDEX_CACHE = 'labdigest-digest-index';
export const DIGEST_CACHE = 'labdigest-digests';
/** How many of the newest digests are fetched ahead of time, so they open offline. */
export const PREFETCH_DIGESTS = 3;
