/**
 * A clock whose sleep returns at once and moves time forward: politeness and backoff delays are
 * asserted by value, and a test never waits for them.
 */
export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Every sleep, in order. */
  readonly sleeps: number[];
}

export function fakeClock(start = Date.parse('2026-06-01T06:00:00Z')): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}
