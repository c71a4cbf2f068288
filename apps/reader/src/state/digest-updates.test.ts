import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { DigestIndex } from '@labdigest/core';
import { newerDigest, watchForNewDigests } from './digest-updates.ts';

const entry = (date: string) => ({ date, file: `${date}.json`, title: `Research Digest — ${date}`, papers: 10, sample: false });
const indexOf = (...dates: string[]): DigestIndex => ({ schemaVersion: 1, group: 'DENG.Group', digests: dates.map(entry) });

describe('newerDigest', () => {
  test('the fresh index’s newest, when it is newer than the reader’s', () => {
    expect(newerDigest(indexOf('2026-08-24', '2026-08-17'), indexOf('2026-08-31', '2026-08-24', '2026-08-17'))).toEqual(entry('2026-08-31'));
  });
  test('nothing when the newest is the same, or older (a stale copy from the cache)', () => {
    expect(newerDigest(indexOf('2026-08-24'), indexOf('2026-08-24'))).toBeNull();
    expect(newerDigest(indexOf('2026-08-24'), indexOf('2026-08-17'))).toBeNull();
    expect(newerDigest(indexOf('2026-08-24'), indexOf())).toBeNull();
  });
  test('the first digest of an archive that had none', () => {
    expect(newerDigest(indexOf(), indexOf('2026-08-24'))).toEqual(entry('2026-08-24'));
  });
});

describe('watchForNewDigests', () => {
  let clock = 0;
  let visibility: DocumentVisibilityState = 'visible';
  const doc = Object.defineProperty(new EventTarget(), 'visibilityState', { get: () => visibility });
  const win = Object.assign(new EventTarget(), {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (id: number) => clearInterval(id),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  });
  /** The network comes back, and the moment it is given to settle passes. */
  const online = async () => { win.dispatchEvent(new Event('online')); await vi.advanceTimersByTimeAsync(500); };
  const setup = (check = vi.fn(async (): Promise<void> => undefined)) => {
    const stop = watchForNewDigests({ check, doc: doc as unknown as Document, win: win as unknown as Window, now: () => clock, minIntervalMs: 1000, everyMs: 60_000, onlineDelayMs: 500 });
    return { check, stop };
  };
  const comeBack = () => { visibility = 'visible'; doc.dispatchEvent(new Event('visibilitychange')); };

  beforeEach(() => { vi.useFakeTimers(); clock = 0; visibility = 'visible'; });
  afterEach(() => vi.useRealTimers());

  test('coming back to the page checks, but not again right after the app loaded or the last check', async () => {
    const { check, stop } = setup();
    comeBack();
    expect(check).not.toHaveBeenCalled();
    clock = 1500;
    comeBack();
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    clock = 2000;
    comeBack();
    expect(check).toHaveBeenCalledTimes(1);
    stop();
  });

  test('a hidden page does not check; the network coming back always does, once it has had a moment', async () => {
    const { check, stop } = setup();
    clock = 5000;
    visibility = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(check).not.toHaveBeenCalled();
    visibility = 'visible';
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(400);
    expect(check, 'not at once').not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(check).toHaveBeenCalledTimes(1);
    await online();
    expect(check, 'not held back by the last check').toHaveBeenCalledTimes(2);
    win.dispatchEvent(new Event('online'));
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(500);
    expect(check, 'a flapping network: one check').toHaveBeenCalledTimes(3);
    stop();
  });

  test('checks on a timer while in view, one at a time, and a failed check is no error', async () => {
    let finish: () => void = () => undefined;
    const check = vi.fn(() => new Promise<void>((_, reject) => { finish = () => reject(new Error('offline')); }));
    const { stop } = setup(check);
    clock = 60_000;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(1);
    await online();
    expect(check, 'not while one is running').toHaveBeenCalledTimes(1);
    finish();
    await online();
    expect(check).toHaveBeenCalledTimes(2);
    stop();
  });

  test('stops watching', async () => {
    const { check, stop } = setup();
    stop();
    clock = 100_000;
    comeBack();
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(check).not.toHaveBeenCalled();
  });
});
