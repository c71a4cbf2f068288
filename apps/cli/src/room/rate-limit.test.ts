import { expect, test } from 'vitest';
import { tokenBuckets } from './rate-limit.ts';

test('a burst goes through, then one request per refill, each key apart', () => {
  let t = 0;
  const limit = { perMinute: 120, burst: 3 }; // one request every 500 ms on average
  const buckets = tokenBuckets(() => t);
  const take = (key: string) => buckets.take(key, limit);
  expect([take('a'), take('a'), take('a'), take('a')]).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 1 }]);
  expect(take('b')).toEqual({ ok: true });
  t += 499;
  expect(take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
  t += 1;
  expect([take('a'), take('a')]).toEqual([{ ok: true }, { ok: false, retryAfterSeconds: 1 }]);
  t += 60_000;
  expect([take('a'), take('a'), take('a'), take('a')].map((a) => a.ok)).toEqual([true, true, true, false]);
});

test('Retry-After says how long until the next request is let through', () => {
  let t = 0;
  const buckets = tokenBuckets(() => t);
  const limit = { perMinute: 2, burst: 1 };
  expect(buckets.take('a', limit)).toEqual({ ok: true });
  expect(buckets.take('a', limit)).toEqual({ ok: false, retryAfterSeconds: 30 });
  t += 20_000;
  expect(buckets.take('a', limit)).toEqual({ ok: false, retryAfterSeconds: 10 });
});
