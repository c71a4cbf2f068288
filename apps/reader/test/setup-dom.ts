// jsdom has no IndexedDB; fake-indexeddb provides a spec-compliant one in memory.
import 'fake-indexeddb/auto';

// jsdom implements neither scrolling nor object URLs; the app calls both.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = () => {};
