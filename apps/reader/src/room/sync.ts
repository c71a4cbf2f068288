// One sync with the reading room: send the outbox, then pull every member's changes since the
// cursor and merge them (room/room-tables.ts, by the rule of state/stamp.ts). The page runs it after
// each change, on coming back online and on each visit; the service worker runs the sending half
// through Background Sync (pwa/room-sync-worker.ts).
import { API_LIMITS, type StateChange } from '@labdigest/core';
import type { FieldChange, PaperRecord } from '../state/paper-record.ts';
import type { RoomClient, RoomFailure } from './room-client.ts';
import type { SyncStore } from './room-tables.ts';

export const CURSOR_META = 'cursor';

export interface PushResult {
  /** Changes the room took (accepted, or ignored as older than what it holds). */
  readonly sent: number;
  /** Changes the room refused as invalid (400), taken out of the outbox so they never block the rest. */
  readonly rejected: readonly { readonly change: FieldChange; readonly message: string }[];
}

export interface SyncResult extends PushResult {
  /** This member's records the pull changed. */
  readonly records: readonly PaperRecord[];
  /** Rows of any member the pull changed. */
  readonly shared: readonly StateChange[];
  /** The room's sequence was behind the cursor (a store restored from a backup): the device sent everything again. */
  readonly requeued: number;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: RoomFailure; readonly sent: number };

/**
 * Sends the outbox, oldest first, up to 500 changes a request. Each answer takes its changes out of
 * the outbox unless they changed again meanwhile. A 400 names the change it refused
 * (`changes[3].value: …`): that one leaves the outbox (the device keeps its record) and the rest go again.
 */
export async function pushOutbox(store: SyncStore, client: RoomClient): Promise<Outcome<PushResult>> {
  let sent = 0;
  const rejected: { change: FieldChange; message: string }[] = [];
  // Each round sends one batch or drops one refused change: bounded by the outbox's size.
  for (let rounds = await store.outboxCount() + 1; rounds > 0; rounds--) {
    const batch = (await store.outbox()).slice(0, API_LIMITS.changesPerPost);
    if (batch.length === 0) break;
    const answer = await client.push(batch);
    if (answer.ok) {
      await store.acknowledge(batch);
      sent += batch.length;
      continue;
    }
    const bad = refusedChange(answer.failure, batch);
    if (!bad) return { ok: false, failure: answer.failure, sent };
    rejected.push(bad);
    await store.acknowledge([bad.change]);
  }
  return { ok: true, value: { sent, rejected } };
}

/** The change a 400 names by its index, with the server's message. */
function refusedChange(failure: RoomFailure, batch: readonly FieldChange[]): { change: FieldChange; message: string } | null {
  if (failure.kind !== 'http' || failure.status !== 400) return null;
  const index = /^changes\[(\d+)\]/.exec(failure.message)?.[1];
  const change = index === undefined ? undefined : batch[Number(index)];
  return change ? { change, message: failure.message } : null;
}

/**
 * Pulls every member's changes after the stored cursor, page by page while the room says there are
 * `more`, and merges each page with its cursor in one transaction (a pull cut short resumes from the
 * last page merged). `member` is this device's member, whose changes also go into its records.
 */
export async function pullChanges(
  store: SyncStore, client: RoomClient, at: { member: string; now: () => string },
): Promise<Outcome<Pick<SyncResult, 'records' | 'shared' | 'requeued'>>> {
  const stored = await store.getMeta(CURSOR_META);
  let since = stored === null ? null : Number(stored);
  const records = new Map<string, PaperRecord>();
  const shared: StateChange[] = [];
  let requeued = 0;
  for (;;) {
    const answer = await client.pull(since);
    if (!answer.ok) return { ok: false, failure: answer.failure, sent: 0 };
    const { cursor, changes, more } = answer.value;
    // The room answers from the start when the cursor is past its sequence: it was restored from a
    // backup and may have lost what this device sent after that backup. Send all of it again.
    if (since !== null && cursor < since && requeued === 0) requeued = await store.requeueAll();
    const merged = await store.merge(changes, { member: at.member, cursor, firstSeen: at.now() });
    for (const record of merged.records) records.set(record.id, record);
    shared.push(...merged.shared);
    if (!more || cursor === since) break;
    since = cursor;
  }
  return { ok: true, value: { records: [...records.values()], shared, requeued } };
}

/** Sends, then pulls; sends again when the pull found the room restored. */
export async function syncRoom(store: SyncStore, client: RoomClient, at: { member: string; now: () => string }): Promise<Outcome<SyncResult>> {
  const pushed = await pushOutbox(store, client);
  if (!pushed.ok) return pushed;
  const pulled = await pullChanges(store, client, at);
  if (!pulled.ok) return { ...pulled, sent: pushed.value.sent };
  let { sent, rejected } = pushed.value;
  if (pulled.value.requeued > 0) {
    const again = await pushOutbox(store, client);
    if (!again.ok) return { ...again, sent: sent + again.sent };
    sent += again.value.sent;
    rejected = [...rejected, ...again.value.rejected];
  }
  return { ok: true, value: { sent, rejected, ...pulled.value } };
}
