import { expect, test, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import UpdatePrompt from './UpdatePrompt.svelte';

const props = (extra: Partial<{ needRefresh: boolean; offlineReady: boolean }>) =>
  ({ needRefresh: false, offlineReady: false, onupdate: vi.fn(), ondismiss: vi.fn(), ...extra });

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
