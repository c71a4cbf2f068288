import { build } from 'vite';
import { fileURLToPath } from 'node:url';

/** Builds dist/ once for the build and end-to-end tests, with the app's own vite.config.ts. */
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn' });
}
