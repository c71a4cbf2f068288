import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import DeviceStatus from './DeviceStatus.svelte';
import type { Room } from '../room/room.svelte.ts';

afterEach(() => cleanup());

/** A signed-in room as the footer reads it: who, which device, and the sync's state. */
const room = (sync: Partial<Room['sync']>) => ({
  status: 'signed-in', member: 'Naibing Wu', device: { id: 'd-1', label: 'Firefox on Linux' },
  sync: { busy: false, at: '2026-08-24T09:05:00.000Z', pending: 0, error: null, rejected: [], ...sync },
}) as unknown as Room;

test('the footer says who the device is signed in as and when it last synced, in the reader\'s own time', () => {
  const { container } = render(DeviceStatus, { props: { room: room({}), online: true, signals: 0, onexport: vi.fn() } });
  const text = container.textContent?.replace(/\s+/g, ' ') ?? '';
  expect(text).toContain('Signed in as Naibing Wu (Firefox on Linux) to the group\'s reading room.');
  const local = new Date('2026-08-24T09:05:00.000Z').toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  expect(text).toContain(`Last synced ${local}.`);
  expect(text).not.toContain('UTC');
});

test('changes waiting offline are counted, and said to go when the network is back', () => {
  const { container } = render(DeviceStatus, { props: { room: room({ pending: 2 }), online: false, signals: 2, onexport: vi.fn() } });
  expect(container.textContent?.replace(/\s+/g, ' ')).toContain('2 changes waiting to be sent when the network is back.');
});
