import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli.ts';

/** Runs the `digest` command line in-process; returns the exit code and what it printed. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, errIsTTY: false });
  return { code, out, err };
}

/** A fresh temporary folder and a function that removes it (call it in afterEach). */
export function tempDir(prefix = 'labdigest-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A path inside a folder. */
export const inDir = (dir: string, name: string): string => join(dir, name);
