import { expect, test, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import type { DigestIndexEntry } from '@labdigest/core';
import UpdatePrompt from './UpdatePrompt.svelte';

const props = (extra: Partial<{ needRefresh: boolean; offlineReady: boolean; newDigest: DigestIndexEntry | null }>) =>
  ({ needRefresh: false, offlineReady: false, onupdate: vi.fn(), ondismiss: vi.fn(), onshowdigest: vi.fn(), ondismissdigest: vi.fn(), ...extra });
const newDigest: DigestIndexEntry = { date: '2026-08-31', file: '2026-08-31.json', title: 'Research Digest — 2026-08-31', papers: 1, sample: false };

test('a new version offers to reload; only the reader’s click asks for it', () => {
  const p = props({ needRefresh: true });
  render(UpdatePrompt, { props: p });
  expect(screen.getByRole('status').textContent).toContain('A new version of the reader is ready.');
  expect(p.onupdate).not.toHaveBeenCalled();
  screen.getByRole('button', { name: 'Reload' }).click();
  expect(p.onupdate).toHaveBeenCalledTimes(1);
  screen.getByRole('button', { name: 'Later' }).click();
  expect(p.ondismiss).toHaveBeenCalledTimes(1);
});

test('a new digest is offered, with its day and size; only the reader’s click shows it', () => {
  const p = props({ newDigest, offlineReady: true });
  render(UpdatePrompt, { props: p });
  expect(screen.getByRole('status').textContent).toContain('A new digest is out: Mon 31 Aug 2026, 1 paper.');
  expect(screen.getByRole('status').textContent, 'one message at a time').not.toContain('works offline');
  expect(p.onshowdigest).not.toHaveBeenCalled();
  screen.getByRole('button', { name: 'Show it' }).click();
  expect(p.onshowdigest).toHaveBeenCalledTimes(1);
  screen.getByRole('button', { name: 'Later' }).click();
  expect(p.ondismissdigest).toHaveBeenCalledTimes(1);
  expect(p.ondismiss).not.toHaveBeenCalled();
});

test('a new version of the app comes before a new digest', () => {
  render(UpdatePrompt, { props: props({ newDigest, needRefresh: true }) });
  expect(screen.getByRole('status').textContent).toContain('A new version of the reader is ready.');
  expect(screen.queryByRole('button', { name: 'Show it' })).toBeNull();
});

test('offline-ready is a note with an OK button', () => {
  const p = props({ offlineReady: true });
  render(UpdatePrompt, { props: p });
  expect(screen.getByRole('status').textContent).toContain('works offline');
  expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
});

test('nothing to say, an empty live region', () => {
  render(UpdatePrompt, { props: props({}) });
  expect(screen.getByRole('status').textContent?.trim()).toBe('');
  expect(screen.getByRole('complementary', { name: 'App status' })).toBeTruthy();
});
