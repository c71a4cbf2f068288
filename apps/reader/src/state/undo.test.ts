import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { activationOf, createUndoState, UNDO_MS, type UndoOffer } from './undo.svelte.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const offerOf = (title: string, extra: Partial<UndoOffer> = {}): UndoOffer => ({
  message: 'Hidden from the digest', title, undo: vi.fn(async () => {}), focus: false, refocus: vi.fn(), ...extra,
});

describe('the undo offer', () => {
  test('stays a few seconds, then goes; each offer counts', () => {
    const undo = createUndoState();
    const offer = offerOf('Li dendrites');
    undo.offer(offer);
    expect([undo.current, undo.serial]).toEqual([offer, 1]);
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(undo.current).toBe(offer);
    vi.advanceTimersByTime(1);
    expect([undo.current, undo.serial]).toEqual([null, 1]);
    expect(offer.undo).not.toHaveBeenCalled();
  });

  test('undo closes it and takes the change back, once', async () => {
    const undo = createUndoState();
    const offer = offerOf('Li dendrites');
    undo.offer(offer);
    await undo.undo();
    await undo.undo();
    expect([undo.current, vi.mocked(offer.undo).mock.calls.length]).toEqual([null, 1]);
  });

  test('a second offer replaces the first, with a time of its own', async () => {
    const undo = createUndoState();
    const first = offerOf('Li dendrites');
    const second = offerOf('PEO crystallinity');
    undo.offer(first);
    vi.advanceTimersByTime(UNDO_MS - 1000);
    undo.offer(second);
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect([undo.current, undo.serial]).toEqual([second, 2]);
    await undo.undo();
    expect([vi.mocked(first.undo).mock.calls.length, vi.mocked(second.undo).mock.calls.length]).toEqual([0, 1]);
  });

  test('held by the focus or the pointer, it stays; let go, it has its whole time again', () => {
    const undo = createUndoState(1000);
    const offer = offerOf('Li dendrites');
    undo.offer(offer);
    undo.hold('focus');
    undo.hold('pointer');
    vi.advanceTimersByTime(60_000);
    undo.release('focus');
    vi.advanceTimersByTime(60_000);
    expect(undo.current, 'the pointer still holds it').toBe(offer);
    undo.release('pointer');
    vi.advanceTimersByTime(999);
    expect(undo.current).toBe(offer);
    vi.advanceTimersByTime(1);
    expect(undo.current).toBeNull();
  });

  test('closed, nothing is left to undo', async () => {
    const undo = createUndoState();
    const offer = offerOf('Li dendrites');
    undo.offer(offer);
    undo.close();
    await undo.undo();
    expect([undo.current, vi.mocked(offer.undo).mock.calls.length]).toEqual([null, 0]);
  });
});

test('a click with no pointer count is the keyboard’s (or a screen reader’s)', () => {
  expect([activationOf(new MouseEvent('click', { detail: 0 })), activationOf(new MouseEvent('click', { detail: 1 }))])
    .toEqual([{ keyboard: true }, { keyboard: false }]);
});
