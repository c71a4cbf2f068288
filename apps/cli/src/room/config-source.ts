import { statSync } from 'node:fs';
import type { GroupConfig } from '@labdigest/core';
import { loadConfig } from '../config/load-config.ts';

/**
 * The config as the server sees it: read again when the file changes (looked at no more than once a
 * second), so a member added for `digest members invite` can join without a restart. A config that
 * no longer reads is reported once and the last good one is kept.
 */
export function configSource(file: string, note: (text: string) => void, clock: () => number = Date.now): () => GroupConfig {
  let config = loadConfig(file);
  let mtime = mtimeOf(file);
  let checked = clock();
  let reported: string | undefined;
  return () => {
    if (clock() - checked < 1000) return config;
    checked = clock();
    const now = mtimeOf(file);
    if (now === mtime) return config;
    try {
      config = loadConfig(file);
      mtime = now;
      reported = undefined;
      note(`${file} changed: the reading room now has ${config.members.length} member${config.members.length === 1 ? '' : 's'}\n`);
    } catch (error) {
      const message = (error as Error).message;
      if (message !== reported) note(`${message}\nthe reading room keeps the config it had\n`);
      reported = message;
    }
    return config;
  };
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
