import { IngestError } from '../errors.ts';
import { backoffMs } from '../net/backoff.ts';
import { realSleep } from '../net/politeness.ts';

/** How a delivery retries within one run; a delivery still failing after that is retried on the next run. */
export interface RetryOptions {
  /** Tries in this run, the first included. */
  readonly attempts?: number | undefined;
  /** First backoff; doubled on each retry, with jitter (net/backoff.ts). */
  readonly baseMs?: number | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly random?: (() => number) | undefined;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BASE_MS = 2000;

/** A delivery that failed after its tries: the message is one line, secrets already redacted. */
export class DeliveryError extends IngestError {
  override name = 'DeliveryError';
  override readonly code = 'DELIVERY';
  readonly attempts: number;
  constructor(problem: string, attempts: number, options?: ErrorOptions) {
    super(problem, options);
    this.attempts = attempts;
  }
}

/** One try's failure: `transient` ones are tried again (after `waitMs` when the service said so). */
export class AttemptFailed extends Error {
  readonly transient: boolean;
  readonly waitMs: number | null;
  constructor(message: string, transient: boolean, waitMs: number | null = null, options?: ErrorOptions) {
    super(message, options);
    this.transient = transient;
    this.waitMs = waitMs;
  }
}

/**
 * Runs `attempt` until it succeeds, fails for good, or has been tried `attempts` times; resolves with
 * its result and the number of tries, or throws a DeliveryError with the last failure's message.
 */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<{ value: T; attempts: number }> {
  const { attempts = DEFAULT_ATTEMPTS, baseMs = DEFAULT_BASE_MS, sleep = realSleep, random = Math.random } = options;
  for (let n = 1; ; n++) {
    try {
      return { value: await attempt(), attempts: n };
    } catch (error) {
      const failed = error instanceof AttemptFailed ? error : new AttemptFailed((error as Error).message, false, null, { cause: error });
      if (!failed.transient || n >= attempts) throw new DeliveryError(failed.message, n, { cause: error });
      await sleep(failed.waitMs ?? backoffMs(n, random, baseMs));
    }
  }
}
