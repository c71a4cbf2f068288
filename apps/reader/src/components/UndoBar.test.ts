import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import UndoBar from './UndoBar.svelte';
import { createUndoState, UNDO_MS, type UndoOffer } from '../state/undo.svelte.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const TITLE = 'Spatially Regulated Lithium Plating via Li2O-Rich Interphase';
const offerOf = (extra: Partial<UndoOffer> = {}): UndoOffer => ({
  message: 'Hidden from the digest', title: TITLE, undo: vi.fn(async () => {}), focus: false, refocus: vi.fn(), ...extra,
});
const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ').trim();

function renderBar() {
  const undo = createUndoState();
  render(UndoBar, { props: { undo } });
  return { undo, status: screen.getByRole('status') };
}

test('an empty live region until an offer, then the message, the paper (for screen readers) and a real Undo button', async () => {
  const { undo, status } = renderBar();
  expect(text(status)).toBe('');
  undo.offer(offerOf());
  await tick();
  expect(text(status)).toBe(`Hidden from the digest: ${TITLE}. Undo`);
  expect(status.querySelector('.visually-hidden')?.textContent).toBe(`: ${TITLE}`);
  const button = screen.getByRole('button', { name: 'Undo' });
  expect([button.tagName, button.getAttribute('type')]).toEqual(['BUTTON', 'button']);
});

test('a pointer’s Undo takes it back and leaves the focus alone', async () => {
  const { undo, status } = renderBar();
  const offer = offerOf();
  undo.offer(offer);
  await tick();
  await fireEvent.click(screen.getByRole('button', { name: 'Undo' }), { detail: 1 });
  await vi.waitFor(() => expect(vi.mocked(offer.undo).mock.calls.length).toBe(1));
  await tick();
  expect([text(status), vi.mocked(offer.refocus).mock.calls]).toEqual(['', []]);
});

test('made from the keyboard, the offer takes the focus; its Undo gives the focus to the paper brought back', async () => {
  const { undo } = renderBar();
  const offer = offerOf({ focus: true });
  undo.offer(offer);
  await tick();
  const button = screen.getByRole('button', { name: 'Undo' });
  expect(document.activeElement).toBe(button);
  await fireEvent.click(button, { detail: 0 });
  // After the change is saved and the paper is back in the page.
  await vi.waitFor(() => expect(vi.mocked(offer.refocus).mock.calls).toEqual([[true]]));
  expect(vi.mocked(offer.undo).mock.calls.length).toBe(1);
});

test('Escape closes it without undoing, and puts the focus back on the page', async () => {
  const { undo, status } = renderBar();
  const offer = offerOf({ focus: true });
  undo.offer(offer);
  await tick();
  await fireEvent.keyDown(screen.getByRole('button', { name: 'Undo' }), { key: 'Escape' });
  expect([text(status), vi.mocked(offer.undo).mock.calls.length, vi.mocked(offer.refocus).mock.calls]).toEqual(['', 0, [[false]]]);
});

test('it goes by itself after a few seconds, but not while it has the focus', async () => {
  vi.useFakeTimers();
  const { undo, status } = renderBar();
  undo.offer(offerOf({ focus: true }));
  await tick();
  expect(document.activeElement?.textContent).toBe('Undo');
  vi.advanceTimersByTime(UNDO_MS * 3);
  await tick();
  expect(text(status), 'held by the focus').toBe(`Hidden from the digest: ${TITLE}. Undo`);
  (document.activeElement as HTMLElement).blur();
  vi.advanceTimersByTime(UNDO_MS);
  await tick();
  expect(text(status)).toBe('');
});
