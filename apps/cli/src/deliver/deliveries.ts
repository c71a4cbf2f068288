import type { Db } from '../store/open-db.ts';

/**
 * The deliveries table (migration 5 in store/migrations.ts): one row per digest, channel and recipient. A row marked sent
 * is never overwritten, so nothing is sent twice even if a run asks again; a failed row counts its
 * attempts and keeps the last error (already redacted by the caller).
 */

export type DeliveryStatus = 'sent' | 'failed';

export interface DeliveryKey {
  /** The digest's day, YYYY-MM-DD. */
  readonly digestDate: string;
  /** `email`, or the chat's type. */
  readonly channel: string;
  /** The e-mail address (lower case) or the chat's name. */
  readonly recipient: string;
}

export interface DeliveryRow extends DeliveryKey {
  readonly status: DeliveryStatus;
  readonly messageId: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly updated: string;
}

interface Row {
  digest_date: string; channel: string; recipient: string; status: DeliveryStatus;
  message_id: string | null; attempts: number; last_error: string | null; updated: string;
}

const toDelivery = (r: Row): DeliveryRow => ({
  digestDate: r.digest_date, channel: r.channel, recipient: r.recipient, status: r.status,
  messageId: r.message_id, attempts: r.attempts, lastError: r.last_error, updated: r.updated,
});

/** The row of one digest, channel and recipient, if any attempt was made. */
export function deliveryOf(db: Db, key: DeliveryKey): DeliveryRow | undefined {
  const row = db.prepare('SELECT * FROM deliveries WHERE digest_date = ? AND channel = ? AND recipient = ?')
    .get(key.digestDate, key.channel, key.recipient) as Row | undefined;
  return row && toDelivery(row);
}

/**
 * Records the outcome of `attempts` tries. A row already marked sent stays as it is (and is
 * returned as it is): the caller never sends what is sent, and a late duplicate changes nothing.
 */
export function recordDelivery(
  db: Db, key: DeliveryKey,
  outcome: { readonly status: DeliveryStatus; readonly attempts: number; readonly now: Date; readonly messageId?: string | undefined; readonly error?: string | undefined },
): DeliveryRow {
  db.prepare(`
    INSERT INTO deliveries (digest_date, channel, recipient, status, message_id, attempts, last_error, updated)
    VALUES (@digestDate, @channel, @recipient, @status, @messageId, @attempts, @error, @updated)
    ON CONFLICT (digest_date, channel, recipient) DO UPDATE SET
      status = excluded.status,
      message_id = coalesce(excluded.message_id, deliveries.message_id),
      attempts = deliveries.attempts + excluded.attempts,
      last_error = excluded.last_error,
      updated = excluded.updated
    WHERE deliveries.status <> 'sent'
  `).run({
    ...key, status: outcome.status, messageId: outcome.messageId ?? null, attempts: outcome.attempts,
    error: outcome.status === 'sent' ? null : (outcome.error ?? null), updated: outcome.now.toISOString(),
  });
  return deliveryOf(db, key) as DeliveryRow;
}

/** The newest digest day sent to a recipient on a channel, and when; undefined when none was. */
export function lastSent(db: Db, channel: string, recipient: string): { digestDate: string; updated: string } | undefined {
  const row = db.prepare(`
    SELECT digest_date, updated FROM deliveries WHERE channel = ? AND recipient = ? AND status = 'sent'
    ORDER BY digest_date DESC LIMIT 1
  `).get(channel, recipient) as { digest_date: string; updated: string } | undefined;
  return row && { digestDate: row.digest_date, updated: row.updated };
}

/** The digest days whose delivery to a recipient failed and is still owed, oldest first, from `since` on. */
export function failedSince(db: Db, channel: string, recipient: string, since: string): string[] {
  return (db.prepare(`
    SELECT digest_date FROM deliveries WHERE channel = ? AND recipient = ? AND status = 'failed' AND digest_date >= ?
    ORDER BY digest_date
  `).all(channel, recipient, since) as { digest_date: string }[]).map((r) => r.digest_date);
}

/** Every row of a digest, by channel and recipient. */
export function deliveriesOf(db: Db, digestDate: string): DeliveryRow[] {
  return (db.prepare('SELECT * FROM deliveries WHERE digest_date = ? ORDER BY channel, recipient').all(digestDate) as Row[]).map(toDelivery);
}
