import { readFileSync } from 'node:fs';
import { parseGroupConfig, type GroupConfig } from '@labdigest/core';
import { ConfigError, unreadable } from '../errors.ts';

/** Reads and validates the group's config; a problem throws a ConfigError naming file, line and field. */
export function loadConfig(file: string): GroupConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'no such file (create one with `digest init`, or pass --config PATH)'
      : unreadable(error);
    throw new ConfigError(file, [{ code: 'unreadable', path: [], message: reason }], { cause: error });
  }
  const result = parseGroupConfig(text, file);
  if (!result.ok) throw new ConfigError(file, result.issues);
  return result.config;
}
