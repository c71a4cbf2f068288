import { afterEach, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openPaperStore, type PaperStore } from '../state/paper-store.ts';
import { createPaperState } from '../state/papers.svelte.ts';
import { openRoom, type Room } from './room.svelte.ts';

const stores: PaperStore[] = [];
const rooms: Room[] = [];
afterEach(() => {
  for (const r of rooms.splice(0)) r.close();
  for (const s of stores.splice(0)) s.close();
});

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const device = { id: 'd-1', label: 'Chrome on Android' };

/** A room answering join, me and an empty state, or nothing at all (offline). */
function roomFetch(online: boolean): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    if (!online) throw new TypeError('Failed to fetch');
    const path = new URL(String(input)).pathname;
    if (path.endsWith('/api/join')) return json({ token: 't-1', member: 'Naibing Wu', device });
    if (path.endsWith('/api/me')) return json({ member: 'Naibing Wu', members: ['Naibing Wu', 'Yanhao Deng'], device, private: false });
    if (path.endsWith('/api/state')) return json({ changes: [], cursor: 0, restarted: false });
    return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

test('a device opened offline still says which device it is, as it last heard from the room', async () => {
  // Found by an audit: "Signed in as Naibing Wu (Chrome on Linux)" lost its device after an offline load.
  const factory = new IDBFactory();
  const open = async (online: boolean, invite: string | null) => {
    const store = await openPaperStore({ factory, name: 'room-test' });
    stores.push(store);
    const papers = createPaperState(store);
    await papers.ready;
    const room = await openRoom({ base: 'http://127.0.0.1:8080/', store, papers, invite, fetch: roomFetch(online) });
    if (room) rooms.push(room);
    // The first sync runs on its own: let it end before the store is closed.
    await room?.syncNow();
    return room;
  };
  const joined = await open(true, 'invite-code');
  expect(joined?.device).toEqual(device);
  for (const r of rooms.splice(0)) r.close();
  for (const s of stores.splice(0)) s.close();
  const offline = await open(false, null);
  expect([offline?.status, offline?.member, offline?.device]).toEqual(['signed-in', 'Naibing Wu', device]);
});
