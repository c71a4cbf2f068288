import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/digest.js', import.meta.url));

/** A `digest serve` in a process of its own (`node bin/digest.js serve …`), once it says where it listens. */
export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Its standard error so far. */
  readonly err: () => string;
  /** Its exit code, once it ends. */
  readonly exited: Promise<number | null>;
}

/**
 * Starts `digest serve` with `args` (add `--port 0`) and waits for its "reader at …" line; an early
 * exit rejects, with what it printed. `quiet`: its log (a line a request) is not kept (a benchmark).
 */
export async function startServeProcess(args: readonly string[], options: { quiet?: boolean } = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { stdio: ['ignore', 'pipe', options.quiet ? 'ignore' : 'pipe'] });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const exited = new Promise<number | null>((done) => child.on('close', done));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /reader at (http:\/\/\S+\/)/.exec(out);
      if (match?.[1]) done(match[1]);
    });
    void exited.then((code) => fail(new Error(`digest serve exited ${code}: ${out}${err}`)));
  });
  return { url, child, err: () => err, exited };
}
