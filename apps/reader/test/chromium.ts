// Debian's Chromium for the end-to-end tests (never a downloaded browser); CHROMIUM_PATH overrides it.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const haveChromium = existsSync(CHROMIUM);
/** In CI a missing browser is a failure, not a skip (the suite would silently stop guarding anything). */
export const runBrowserSuite = haveChromium || Boolean(process.env.CI);
