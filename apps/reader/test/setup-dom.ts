// jsdom has no IndexedDB; fake-indexeddb provides a spec-compliant one in memory.
import 'fake-indexeddb/auto';

// jsdom implements neither scrolling nor object URLs; the app calls both. (A test that talks to a real
// server runs in Node, `@vitest-environment node`: no window there.)
if (typeof window !== 'undefined') {
  window.scrollTo = () => {};
  Element.prototype.scrollIntoView = () => {};
}
