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
 * Sends the outbox, oldest first, up to 500 changes and 64 KB a request (`batchOf`). Each answer takes
 * its changes out of the outbox unless they changed again meanwhile. A 400 names the change it refused
 * (`changes[3].value: …`): that one leaves the outbox (the device keeps its record) and the rest go
 * again. A 413 (a room with a smaller limit than this reader knows) halves the batch and sends again:
 * no size of outbox can jam the sync.
 */
export async function pushOutbox(store: SyncStore, client: RoomClient): Promise<Outcome<PushResult>> {
  let sent = 0;
  const rejected: { change: FieldChange; message: string }[] = [];
  let most: number = API_LIMITS.changesPerPost;
  // Each round sends one batch, drops one refused change or halves the batch: bounded by the outbox's
  // size and the halvings of 500 down to 1.
  for (let rounds = await store.outboxCount() + 10; rounds > 0; rounds--) {
    const batch = batchOf(await store.outbox(), most);
    if (batch.length === 0) break;
    const answer = await client.push(batch);
    if (answer.ok) {
      await store.acknowledge(batch);
      sent += batch.length;
      continue;
    }
    if (answer.failure.kind === 'http' && answer.failure.status === 413 && batch.length > 1) {
      most = Math.ceil(batch.length / 2);
      continue;
    }
    const bad = refusedChange(answer.failure, batch);
    if (!bad) return { ok: false, failure: answer.failure, sent };
    rejected.push(bad);
    await store.acknowledge([bad.change]);
  }
  return { ok: true, value: { sent, rejected } };
}

/** Room for the body's own `{"changes":[…]}` under the room's limit. */
const BODY_MARGIN = 1024;
const utf8 = new TextEncoder();

/**
 * The outbox's first changes, at most `most` of them, whose request body stays under the room's
 * limit (API_LIMITS.bodyBytes, in UTF-8 bytes): 45 notes of 500 Chinese characters are 72 KB, over
 * it, though each is within its own limits. Always one change at least: one change's largest body
 * (a 300-character id, a 500-character note, every character escaped) is far under the limit.
 */
export function batchOf(outbox: readonly FieldChange[], most: number): FieldChange[] {
  const batch: FieldChange[] = [];
  let bytes = BODY_MARGIN;
  for (const change of outbox) {
    if (batch.length >= most) break;
    bytes += utf8.encode(JSON.stringify(change)).length + 1;
    if (bytes > API_LIMITS.bodyBytes && batch.length > 0) break;
    batch.push(change);
  }
  return batch;
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
    const { cursor, changes, more, restarted } = answer.value;
    // The room answers from the start when it does not know the cursor (`restarted`; an older room: a
    // cursor back below this one): it was restored from a backup and may have lost what this device
    // sent after that backup. Send all of it again.
    if (since !== null && (restarted === true || cursor < since) && requeued === 0) requeued = await store.requeueAll();
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

/**
 * Whether an open page's periodic look should sync now: in view, signed in and not syncing already,
 * when changes wait after a failed sync (the room restarted) or the last sync is older than `pullMs`
 * (the others' stars and notes arrive without a reload).
 */
export function dueOnTick(
  page: { visible: boolean; signedIn: boolean; busy: boolean; pending: number; failed: boolean; sinceSyncMs: number }, pullMs: number,
): boolean {
  if (!page.visible || !page.signedIn || page.busy) return false;
  return (page.pending > 0 && page.failed) || page.sinceSyncMs > pullMs;
}
