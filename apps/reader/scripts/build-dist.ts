import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const readerRoot = fileURLToPath(new URL('..', import.meta.url));
export const distDir = join(readerRoot, 'dist');

/**
 * Runs `vite build` for the reader in its own process with NODE_ENV=production: a test runner sets
 * NODE_ENV=test, which would give a development build of Svelte and of the service worker.
 */
export function buildDist(): void {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  try {
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: readerRoot, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'pipe',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`vite build failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`, { cause: error });
  }
}
