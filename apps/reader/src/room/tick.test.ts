import { expect, test } from 'vitest';
import { dueOnTick } from './sync.ts';

const page = { visible: true, signedIn: true, busy: false, pending: 0, failed: false, sinceSyncMs: 10_000 };

test('an open page syncs on its tick when changes wait after a failure, or its last sync is old', () => {
  // The room restarted while a star waited: sent on the next tick, without a reload.
  expect(dueOnTick({ ...page, pending: 1, failed: true }, 60_000)).toBe(true);
  // The others' stars and notes: pulled once the last sync is older than a minute.
  expect(dueOnTick({ ...page, sinceSyncMs: 61_000 }, 60_000)).toBe(true);
  // Nothing waiting and a recent sync, or a change waiting for its own short delay: nothing to do.
  expect(dueOnTick(page, 60_000)).toBe(false);
  expect(dueOnTick({ ...page, pending: 1 }, 60_000)).toBe(false);
});

test('a page out of view, signed out or already syncing does not', () => {
  const due = { ...page, pending: 1, failed: true, sinceSyncMs: 600_000 };
  expect(dueOnTick({ ...due, visible: false }, 60_000)).toBe(false);
  expect(dueOnTick({ ...due, signedIn: false }, 60_000)).toBe(false);
  expect(dueOnTick({ ...due, busy: true }, 60_000)).toBe(false);
});
