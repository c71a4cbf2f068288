import { readFileSync, statSync } from 'node:fs';
import { parseGroupConfig, type GroupConfig } from '@labdigest/core';
import { ConfigError, unreadable } from '../errors.ts';

/** The largest config file read. */
const MAX_CONFIG_BYTES = 2 ** 20;

/** Reads and validates the group's config; a problem throws a ConfigError naming file, line and field. */
export function loadConfig(file: string): GroupConfig {
  let text: string;
  try {
    // A config is a few kilobytes (the default, with its four areas' keywords, 12 KB); a file of megabytes is the
    // wrong file, and a megabyte of nested brackets exhausts the YAML parser's memory before any check.
    const size = statSync(file).size;
    if (size > MAX_CONFIG_BYTES) {
      throw new ConfigError(file, [{ code: 'too_big', path: [], message: `is ${(size / 2 ** 20).toFixed(1)} MB: a config is a few kilobytes (at most 1 MB); is this the right file?` }]);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'no such file (create one with `digest init`, or pass --config PATH)'
      : unreadable(error);
    throw new ConfigError(file, [{ code: 'unreadable', path: [], message: reason }], { cause: error });
  }
  const result = parseGroupConfig(text, file);
  if (!result.ok) throw new ConfigError(file, result.issues);
  return result.config;
}
