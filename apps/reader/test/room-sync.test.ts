// @vitest-environment node
// The reader's sync (room/sync.ts) against a real `digest serve` (startTestRoom): the device store is
// fake-indexeddb's, the papers are the newest test digest's, the room is the real one. The merge rule
// (state/stamp.ts) must agree with the server's SQL, so each test ends with both sides holding the same.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { API_LIMITS, type GetStateResponse, type StateChange } from '@labdigest/core';
import { codeOf, startTestRoom, type TestRoom } from '@labdigest/cli/test-room';
import { openPaperStore } from '../src/state/paper-store.ts';
import { blankRecord } from '../src/state/paper-record.ts';
import { createPaperState, DEVICE_META } from '../src/state/papers.svelte.ts';
import { withRoomTables, type SyncStore } from '../src/room/room-tables.ts';
import { roomClient, type RoomClient } from '../src/room/room-client.ts';
import { batchOf, CURSOR_META, pullChanges, pushOutbox, syncRoom } from '../src/room/sync.ts';
import { newestBriefing } from './sample-digests.ts';

const A = 'Naibing Wu';
const papers = newestBriefing.sections.flatMap((s) => s.papers);
const [p1, p2, p3] = papers as [typeof papers[number], typeof papers[number], typeof papers[number]];

let room: TestRoom;
beforeAll(async () => { room = await startTestRoom({ members: ['Yanhao Deng', A] }); }, 60_000);
afterAll(async () => { await room?.close(); });

/** A device: its own store, a paper state on a fixed clock, a client with whatever token it holds. */
async function device(clock = '2026-08-24T08:00:00.000Z') {
  const store: SyncStore = withRoomTables(await openPaperStore({ factory: new IDBFactory(), name: 'device' }));
  let token: string | null = null;
  const client: RoomClient = roomClient({ base: room.url, token: () => token });
  const state = createPaperState(store, () => clock);
  await state.ready;
  return {
    store, client, state,
    /** Joins as the member with a fresh invite link, as the reader does on `#join=`. */
    async join(member: string) {
      const joined = await client.join(codeOf(await room.invite(member)), 'Firefox on Linux');
      if (!joined.ok) throw new Error(`join failed: ${JSON.stringify(joined.failure)}`);
      token = joined.value.token;
      await store.setMeta(DEVICE_META, joined.value.device.id);
      state.setDevice(joined.value.device.id);
      return joined.value;
    },
    sync: (member: string) => syncRoom(store, client, { member, now: () => clock }),
  };
}

async function onServer(token: string): Promise<StateChange[]> {
  const answer = await room.request('/api/state', { token });
  return (answer.json as GetStateResponse).changes;
}

describe('sync with a real reading room', () => {
  test('stars made before sign-in reach the room once the device is bound, with their own times', async () => {
    const phone = await device('2026-08-24T08:00:00.000Z');
    await phone.state.toggleStar(p1, 'mlip-interfaces');
    await phone.state.setDismissed(p2, true, 'mlip-interfaces');
    expect(await phone.store.outboxCount()).toBe(2);
    const { token, device: bound } = await phone.join(A);

    const synced = await phone.sync(A);
    expect(synced).toMatchObject({ ok: true, value: { sent: 2, rejected: [], requeued: 0 } });
    expect(await phone.store.outboxCount()).toBe(0);
    const mine = (await onServer(token)).filter((c) => c.member === A).map(({ paper, field, value, at, device: d }) => ({ paper, field, value, at, device: d }));
    expect(mine).toEqual([
      { paper: p1.id, field: 'starred', value: true, at: '2026-08-24T08:00:00.000Z', device: bound.id },
      { paper: p2.id, field: 'dismissed', value: true, at: '2026-08-24T08:00:00.001Z', device: bound.id },
    ]);
    // The pull brought them back, stamped by this device now: the records and the room agree.
    expect((await phone.store.all()).find((r) => r.id === p1.id)?.stamps.starred).toEqual({ at: '2026-08-24T08:00:00.000Z', device: bound.id });
    expect(Number(await phone.store.getMeta(CURSOR_META))).toBeGreaterThan(0);
  });

  test('two devices of one member converge; on equal times the larger device id wins, as on the server', async () => {
    const laptop = await device('2026-08-24T09:00:00.000Z');
    const phone = await device('2026-08-24T09:00:00.000Z');
    const l = await laptop.join(A);
    const p = await phone.join(A);
    // Both pull first (the star of the test before), then change p3's note at the very same time.
    await laptop.sync(A);
    await phone.sync(A);
    await laptop.state.setNote(p3, 'from the laptop');
    await phone.state.setNote(p3, 'from the phone');
    expect(laptop.state.recordOf(p3.id)?.stamps.note?.at).toBe(phone.state.recordOf(p3.id)?.stamps.note?.at);
    for (const d of [laptop, phone, laptop]) expect((await d.sync(A)).ok).toBe(true);

    const winner = l.device.id > p.device.id ? 'from the laptop' : 'from the phone';
    const server = (await onServer(l.token)).find((c) => c.member === A && c.paper === p3.id && c.field === 'note');
    expect(server?.value).toBe(winner);
    const noteOn = async (d: typeof laptop) => (await d.store.all()).find((r) => r.id === p3.id)?.note;
    expect([await noteOn(laptop), await noteOn(phone)]).toEqual([winner, winner]);
  });

  test('a change the room refuses leaves the outbox with its message; the others are sent', async () => {
    const d = await device('2026-08-24T10:00:00.000Z');
    await d.join(A);
    const long = 'x'.repeat(API_LIMITS.noteChars + 1);
    // As an older reader without the limit might have queued it.
    await d.store.update(p1.id, (r) => ({ ...(r ?? blankRecord(p1.id, '2026-08-24T09:00:00.000Z')), note: long }), { paper: p1.id, field: 'note', value: long, at: '2026-08-24T09:59:59.000Z' });
    await d.state.setRead(p2, true);
    const pushed = await pushOutbox(d.store, d.client);
    expect(pushed).toEqual({
      ok: true,
      value: { sent: 1, rejected: [{ change: { paper: p1.id, field: 'note', value: long, at: '2026-08-24T09:59:59.000Z' }, message: `changes[0].value: expected a note of at most 500 characters, saw "${'x'.repeat(57)}..."` }] },
    });
    expect(await d.store.outboxCount()).toBe(0);
  });

  test('an outbox over the room\'s 64 KB goes in batches under it: 45 notes of 500 Chinese characters, all sent', async () => {
    const d = await device('2026-08-24T10:30:00.000Z');
    await d.join(A);
    const note = '固态电解质界面的相场模拟'.repeat(42).slice(0, API_LIMITS.noteChars);
    // The newest test digest holds fewer than 45 papers; the room takes notes on any paper id.
    for (let n = 0; n < 45; n++) {
      const id = `arxiv:2608.${String(10_000 + n)}`;
      const change = { paper: id, field: 'note' as const, value: note, at: '2026-08-24T10:29:00.000Z' };
      await d.store.update(id, (r) => ({ ...(r ?? blankRecord(id, '2026-08-24T10:29:00.000Z')), note }), change);
    }
    expect(new TextEncoder().encode(JSON.stringify({ changes: await d.store.outbox() })).length).toBeGreaterThan(API_LIMITS.bodyBytes);
    const pushed = await pushOutbox(d.store, d.client);
    expect(pushed).toEqual({ ok: true, value: { sent: 45, rejected: [] } });
    expect(await d.store.outboxCount()).toBe(0);
  });

  test('a room with a smaller limit answers 413: the batch halves until it passes, and everything is sent', async () => {
    const d = await device('2026-08-24T10:40:00.000Z');
    for (const paper of papers.slice(0, 25)) await d.state.setRead(paper, true);
    const sizes: number[] = [];
    const strict: RoomClient = {
      ...d.client,
      push: async (changes) => {
        sizes.push(changes.length);
        if (changes.length > 7) return { ok: false, failure: { kind: 'http', status: 413, code: 'TOO_LARGE', message: 'the body is too large', retryAfterS: null } };
        return { ok: true, value: { accepted: changes.length, ignored: 0, cursor: 1 } } as Awaited<ReturnType<RoomClient['push']>>;
      },
    };
    expect(await pushOutbox(d.store, strict)).toEqual({ ok: true, value: { sent: 25, rejected: [] } });
    expect(sizes).toEqual([25, 13, 7, 7, 7, 4]);
    expect(await d.store.outboxCount()).toBe(0);
  });

  test('a batch stays under the body limit and the count, and holds one change whatever its size', () => {
    const change = (n: number, chars: number) => ({ paper: `arxiv:2608.${n}`, field: 'note' as const, value: '界'.repeat(chars), at: '2026-08-24T10:30:00.000Z' });
    const big = Array.from({ length: 60 }, (_, n) => change(n, 500));
    const batch = batchOf(big, 500);
    expect(batch.length).toBeGreaterThan(30);
    expect(new TextEncoder().encode(JSON.stringify({ changes: batch })).length).toBeLessThanOrEqual(API_LIMITS.bodyBytes);
    expect(batchOf(Array.from({ length: 600 }, (_, n) => change(n, 1)), 500)).toHaveLength(500);
    expect(batchOf(big, 7)).toHaveLength(7);
    expect(batchOf([change(1, 30_000)], 500)).toHaveLength(1);
  });

  test('a device the room signed out is told so, and keeps its outbox', async () => {
    const d = await device('2026-08-24T11:00:00.000Z');
    const { device: bound } = await d.join(A);
    await d.state.toggleStar(p3);
    expect((await room.cli('members', 'revoke', bound.id)).code).toBe(0);
    const pushed = await pushOutbox(d.store, d.client);
    expect(pushed).toMatchObject({ ok: false, sent: 0, failure: { kind: 'unauthorized', message: expect.stringMatching(/^this device was signed out of the reading room \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/) } });
    expect(await d.store.outbox()).toEqual([{ paper: p3.id, field: 'starred', value: true, at: '2026-08-24T11:00:00.000Z' }]);
  });

  test('a room restored from a backup says it does not know the cursor: the device sends everything again, though the cursor it gets is higher', async () => {
    const d = await device('2026-08-24T09:00:00.000Z');
    await d.join(A);
    await d.state.toggleStar(p3, 'mlip-interfaces');
    expect(await d.sync(A)).toMatchObject({ ok: true, value: { sent: 1, requeued: 0 } });
    const cursor = Number(await d.store.getMeta(CURSOR_META));
    // As a restored room answers once another member wrote since the restore: from the start, past the cursor.
    const restored: RoomClient = { ...d.client, pull: async (since) => {
      const answer = await d.client.pull(since === cursor ? 0 : since);
      return answer.ok && since === cursor ? { ok: true, value: { ...answer.value, cursor: cursor + 1000, restarted: true } } : answer;
    } };
    const synced = await syncRoom(d.store, restored, { member: A, now: () => '2026-08-24T09:00:00.000Z' });
    // Every field this member's records hold goes again (the star and what earlier tests left for A), and is taken.
    if (!synced.ok) throw new Error(JSON.stringify(synced.failure));
    expect(synced.value.requeued).toBeGreaterThan(0);
    expect([synced.value.sent, synced.value.rejected]).toEqual([synced.value.requeued, []]);
  });

  test('a long pull comes page by page while the room says there are more, each page merged with its cursor', async () => {
    const writer = await room.join('Yanhao Deng', 'bulk writer');
    // More changes than one answer holds: every paper of the test digests, read and starred, many times over.
    const changes = Array.from({ length: API_LIMITS.changesPerPull + 10 }, (_, i) => ({
      paper: `${papers[i % papers.length]?.id}#${Math.floor(i / papers.length)}`, field: 'read' as const, value: true, at: '2026-08-24T12:00:00.000Z',
    }));
    for (let i = 0; i < changes.length; i += API_LIMITS.changesPerPost) {
      const posted = await room.request('/api/state', { token: writer.token, body: { changes: changes.slice(i, i + API_LIMITS.changesPerPost) } });
      expect(posted.status).toBe(200);
    }
    const d = await device('2026-08-24T12:00:00.000Z');
    await d.join(A);
    const pages: boolean[] = [];
    const counting: RoomClient = { ...d.client, pull: async (since) => {
      const answer = await d.client.pull(since);
      if (answer.ok) pages.push(answer.value.more);
      return answer;
    } };
    const pulled = await pullChanges(d.store, counting, { member: A, now: () => '2026-08-24T12:00:00.000Z' });
    expect(pages).toEqual([true, false]);
    expect(pulled.ok).toBe(true);
    const shared = await d.store.shared();
    expect(shared.filter((c) => c.member === 'Yanhao Deng').length).toBe(changes.length);
    // Asked again from its cursor, the room has nothing new for it.
    const again = await d.client.pull(Number(await d.store.getMeta(CURSOR_META)));
    expect(again).toMatchObject({ ok: true, value: { changes: [], more: false } });
  }, 120_000);
});
