/** Requests a key may make: `perMinute` on average, `burst` at once after a quiet spell. */
export interface RateLimit {
  readonly perMinute: number;
  readonly burst: number;
}

export type Admission = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

/**
 * A token bucket per key (a device id): the bucket holds up to `burst` requests and refills at
 * `perMinute`. A phone that syncs its outbox after a day offline sends a burst and is let through;
 * a client stuck in a loop is held to the average. (A fixed window, as hono-rate-limiter counts,
 * would let twice the limit through at a window's edge and has no burst to tune.)
 */
export function tokenBuckets(clock: () => number = () => performance.now()): { take(key: string, limit: RateLimit): Admission } {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, limit) {
      const now = clock();
      const perMs = limit.perMinute / 60_000;
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
      const tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.at) * perMs);
      if (buckets.size > 10_000) forgetFull(buckets, now, limit);
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at: now });
        return { ok: true };
      }
      buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
  };
}

/** Buckets that have refilled are the same as no bucket: dropped, so the map stays small. */
function forgetFull(buckets: Map<string, { tokens: number; at: number }>, now: number, limit: RateLimit): void {
  for (const [key, b] of buckets) {
    if (b.tokens + (now - b.at) * (limit.perMinute / 60_000) >= limit.burst) buckets.delete(key);
  }
}
