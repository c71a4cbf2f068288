// The group's shared state: per member, paper and field, the last write by the client's clock wins
// (on equal times the larger device id), so nothing a member did on any device is lost to an older
// write arriving late, and two devices of one member converge. Readers merge pulled changes by the
// same rule.
import { API_LIMITS, type GetStateResponse, type StateChange, type StateChangeInput } from '@labdigest/core';
import type { Db } from '../store/open-db.ts';
import { preparedPerConnection } from '../store/prepared.ts';

function prepare(db: Db) {
  return {
    maxSeq: db.prepare('SELECT coalesce(max(seq), 0) FROM paper_state').pluck(),
    // The WHERE of DO UPDATE is the merge rule; a row it leaves alone reports no change.
    upsert: db.prepare(`INSERT INTO paper_state (member, paper_id, field, value, at, device_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (member, paper_id, field) DO UPDATE SET value = excluded.value, at = excluded.at, device_id = excluded.device_id, seq = excluded.seq
      WHERE excluded.at > paper_state.at OR (excluded.at = paper_state.at AND excluded.device_id > paper_state.device_id)`),
    since: db.prepare(`SELECT member, device_id AS device, paper_id AS paper, field, value, at, seq FROM paper_state
      WHERE seq > ? ORDER BY seq LIMIT ?`),
  };
}

const statements = preparedPerConnection(prepare);

export interface ApplyResult {
  readonly accepted: number;
  readonly ignored: number;
  /** The store's sequence after the write. */
  readonly cursor: number;
}

/**
 * Writes a device's changes as its member, in one transaction: each change newer than the stored one
 * for its field replaces it and takes the next sequence number; an older one is ignored. A time more
 * than five minutes ahead of `now` is taken as `now` (a phone whose clock runs fast would otherwise
 * win every merge for as long as it is ahead).
 *
 * Sequence numbers only grow, and never fall behind the server's clock in milliseconds: a store
 * restored from last night's backup goes on numbering past every cursor a reader was given since,
 * so no reader skips the changes written after the restore.
 */
export function applyChanges(db: Db, write: { member: string; device: string; changes: readonly StateChangeInput[]; now: Date }): ApplyResult {
  const s = statements(db);
  const latest = write.now.getTime() + API_LIMITS.futureSkewMs;
  return db.transaction((): ApplyResult => {
    let cursor = s.maxSeq.get() as number;
    let accepted = 0;
    for (const change of write.changes) {
      const time = new Date(change.at).getTime();
      const at = (time > latest ? write.now : new Date(time)).toISOString();
      const seq = Math.max(cursor + 1, write.now.getTime());
      const { changes } = s.upsert.run(write.member, change.paper, change.field, JSON.stringify(change.value), at, write.device, seq);
      if (changes > 0) {
        cursor = seq;
        accepted++;
      }
    }
    return { accepted, ignored: write.changes.length - accepted, cursor };
  }).immediate();
}

/** Where the store's sequence stood when the server started, and when that was (ms). */
export interface ServerStart { readonly seq: number; readonly at: number }

/** The store's sequence now: a server notes it when it starts (`ServerStart`). */
export function currentSeq(db: Db): number {
  return statements(db).maxSeq.get() as number;
}

/**
 * Every member's changes written after `since`, oldest first, at most `limit`. A cursor this store
 * never gave, from a reader that synced with it before it was restored from a backup, starts again
 * from the beginning, said by `restarted`, so that the reader sends again what the store lost: merging
 * what the reader has is harmless, missing changes is not. Such a cursor is past the store's sequence,
 * or (once another member has written since the restore, taking the clock's sequence past it) past
 * where the sequence stood when the server started and before the start: every cursor an earlier server
 * of this store gave is at most the first, every one this server gives, once written, at least the second.
 */
export function changesSince(db: Db, since: number, limit: number = API_LIMITS.changesPerPull, start?: ServerStart): GetStateResponse {
  const s = statements(db);
  const unknown = since > (s.maxSeq.get() as number) || (start !== undefined && since > start.seq && since < start.at);
  const from = unknown ? 0 : since;
  const rows = s.since.all(from, limit + 1) as { member: string; device: string; paper: string; field: StateChange['field']; value: string; at: string; seq: number }[];
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const changes = kept.map((r) => ({ member: r.member, device: r.device, paper: r.paper, field: r.field, value: JSON.parse(r.value) as unknown, at: r.at }) as StateChange);
  return { cursor: kept.at(-1)?.seq ?? from, changes, more, ...(unknown && { restarted: true }) };
}
