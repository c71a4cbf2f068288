import { suggest, type GroupConfig } from '@labdigest/core';
import { UsageError } from '../errors.ts';

/**
 * `--member NAME` and `--area ID` of `digest learn` and `digest feedback reset`: at most one, and one
 * the config has (a typo gets the nearest name and the list).
 */
export function checkScope(config: GroupConfig, options: { config: string; member?: string | undefined; area?: string | undefined }): void {
  if (options.member !== undefined && options.area !== undefined) throw new UsageError('give --member or --area, not both');
  if (options.member !== undefined) {
    const names = config.members.map((m) => m.name);
    if (!names.includes(options.member)) throw new UsageError(`--member: no member "${options.member}" in ${options.config}${suggest(options.member, names)}; its members are ${names.join(', ')}`);
  }
  if (options.area !== undefined) {
    const ids = config.areas.map((a) => a.id);
    if (!ids.includes(options.area)) throw new UsageError(`--area: no area "${options.area}" in ${options.config}${suggest(options.area, ids)}; its areas are ${ids.join(', ')}`);
  }
}
