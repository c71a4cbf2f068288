// The part of autocannon's API that test/bench-server.ts uses (autocannon ships no types; those on
// DefinitelyTyped describe version 7).
declare module 'autocannon' {
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }
  interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    amount?: number;
    timeout?: number;
    requests?: Request[];
    /** Return the raw result (histograms still encoded), to be summed up by `aggregateResult`. */
    skipAggregateResult?: boolean;
  }
  interface Histogram { p50: number; p90: number; p99: number; max: number; average: number }
  interface Result {
    latency: Histogram;
    requests: Histogram & { total: number };
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }
  function autocannon(options: Options & { skipAggregateResult: true }): Promise<unknown>;
  function autocannon(options: Options): Promise<Result>;
  namespace autocannon {
    function aggregateResult(results: unknown[], options: Options): Result;
  }
  export default autocannon;
}
