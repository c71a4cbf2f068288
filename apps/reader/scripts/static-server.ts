// dist/ served for the end-to-end test and the bench by the repository's one static server (the
// command line's, on Hono), under a sub-path like GitHub Pages to prove the relative base works.
// It counts requests, so a test can show that an offline reload never reached it.
import { listen, staticSite } from '@labdigest/cli/static-server';

export interface StaticServer {
  /** The app's URL, ending in `/`: `http://127.0.0.1:<port>/labdigest/`. */
  readonly url: string;
  /** Paths requested so far, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly dir: string;
  readonly prefix?: string;
  /** Paths below the prefix answered from memory instead of the folder (`digests/index.json` → body). */
  readonly overrides?: Readonly<Record<string, string>>;
}

export async function serveStatic({ dir, prefix = '/labdigest/', overrides = {} }: ServeOptions): Promise<StaticServer> {
  const requests: string[] = [];
  const app = staticSite({ root: dir, base: prefix, overrides, onRequest: (path) => requests.push(path) });
  const server = await listen(app, { port: 0, host: '127.0.0.1', base: prefix });
  return { url: server.url, requests, close: () => server.close() };
}
