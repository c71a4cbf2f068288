/**
 * Per-host manners: one request at a time to a host, and at least an interval between the end of one
 * and the start of the next. arXiv asks for 3 s between requests and a single connection
 * (https://info.arxiv.org/help/api/tou.html); Crossref states its limit in `x-rate-limit-*` headers.
 * The clock and sleep are injected, so tests run the delays on a fake clock.
 */
export interface Politeness {
  /** Waits for the host's turn; call the returned function when the response body has been read. */
  acquire(url: string): Promise<() => void>;
  /** Reads rate-limit headers of a response and slows down for that host if they ask for it. */
  observe(url: string, headers: Headers): void;
  /** The current minimum interval for a host, in ms. */
  intervalFor(url: string): number;
}

export const DEFAULT_INTERVALS: Readonly<Record<string, number>> = {
  'export.arxiv.org': 3000,
  'rss.arxiv.org': 3000,
  'arxiv.org': 3000,
  // Crossref's polite pool allows 10 requests a second; headers may lower that.
  'api.crossref.org': 100,
  // OpenAlex allows 10 requests a second.
  'api.openalex.org': 100,
};

export interface PolitenessOptions {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly intervals?: Readonly<Record<string, number>>;
  /** For hosts not in `intervals` (journal feeds): one request a second. */
  readonly defaultIntervalMs?: number;
}

interface HostState {
  intervalMs: number;
  lastEnd: number | undefined;
  queue: Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms); });

export function createPoliteness(options: PolitenessOptions = {}): Politeness {
  const { now = Date.now, sleep = realSleep, intervals = DEFAULT_INTERVALS, defaultIntervalMs = 1000 } = options;
  const hosts = new Map<string, HostState>();
  const stateFor = (url: string): HostState | undefined => {
    const { protocol, host, hostname } = new URL(url);
    if (protocol === 'file:') return undefined;
    let state = hosts.get(host);
    if (!state) {
      state = { intervalMs: intervals[hostname] ?? defaultIntervalMs, lastEnd: undefined, queue: Promise.resolve() };
      hosts.set(host, state);
    }
    return state;
  };

  return {
    async acquire(url) {
      const state = stateFor(url);
      if (!state) return () => {};
      const previous = state.queue;
      let release!: () => void;
      state.queue = new Promise((resolve) => { release = resolve; });
      await previous;
      const wait = state.lastEnd === undefined ? 0 : state.lastEnd + state.intervalMs - now();
      if (wait > 0) await sleep(wait);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        state.lastEnd = now();
        release();
      };
    },
    observe(url, headers) {
      const state = stateFor(url);
      const asked = rateLimitInterval(headers);
      if (state && asked !== null) state.intervalMs = Math.max(state.intervalMs, asked);
    },
    intervalFor(url) {
      return stateFor(url)?.intervalMs ?? 0;
    },
  };
}

/**
 * The interval Crossref's `x-rate-limit-limit: 50` + `x-rate-limit-interval: 1s` ask for (20 ms);
 * null without both headers.
 */
export function rateLimitInterval(headers: Headers): number | null {
  const limit = Number(headers.get('x-rate-limit-limit'));
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(headers.get('x-rate-limit-interval') ?? '');
  if (!match || !Number.isFinite(limit) || limit <= 0) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h'];
  return Math.ceil((Number(match[1]) * unit) / limit);
}
