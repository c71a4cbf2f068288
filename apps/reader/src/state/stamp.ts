// The reading room's merge rule (docs/server.md, "The API"): per member, paper and field, the change
// with the later `at` wins; on equal times, the larger device id. The server applies it in SQL
// (apps/cli/src/room/paper-state.ts: `excluded.at > at OR (excluded.at = at AND excluded.device_id >
// device_id)`, SQLite's byte order); the reader applies it here, to what it pulls and in its service
// worker. Times are compared as the ISO strings both sides write (`toISOString()`: UTC, milliseconds),
// so string order is time order; test/room-sync.test.ts checks the rule against a real server.

/** When a field was last changed, and by which device ('' before the device was signed in). */
export interface Stamp {
  readonly at: string;
  readonly device: string;
  /**
   * The time is a lower bound, not the moment of the change: a read mark kept by an older version of
   * the reader, which did not record when. It still orders changes; an export leaves it out.
   */
  readonly estimated?: true;
}

/** True when `change` replaces `current` under the merge rule (always when there is no current). */
export function isNewer(change: Stamp, current: Stamp | undefined): boolean {
  if (current === undefined) return true;
  return change.at > current.at || (change.at === current.at && change.device > current.device);
}
