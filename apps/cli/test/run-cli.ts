import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli.ts';

/** Runs the `digest` command line in-process; returns the exit code and what it printed. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, errIsTTY: false });
  return { code, out, err };
}

const bin = fileURLToPath(new URL('../bin/digest.js', import.meta.url));

/**
 * Runs the `digest` command as a user does, in a process of its own (`node bin/digest.js`): its own
 * stack size, its own exit code, signals. For what an in-process run cannot show (a vitest worker's
 * stack is four times the main thread's).
 */
export function runBin(argv: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; onErr?: (soFar: string) => void } = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [bin, ...argv], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    options.onErr?.(err);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** A fresh temporary folder and a function that removes it (call it in afterEach). */
export function tempDir(prefix = 'labdigest-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A path inside a folder. */
export const inDir = (dir: string, name: string): string => join(dir, name);
