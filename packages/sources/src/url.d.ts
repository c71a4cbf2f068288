// The WHATWG URL API, which every runtime this package runs in provides (Node, browsers, workers) but
// which ES2023's lib does not declare. Only what the parsers use: the tsconfig's `"types": []` keeps
// process, Buffer, fetch and console out, and this file lets URL and URLSearchParams in.
declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  set(name: string, value: string): void;
  delete(name: string): void;
  keys(): IterableIterator<string>;
  toString(): string;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly searchParams: URLSearchParams;
  toString(): string;
}
