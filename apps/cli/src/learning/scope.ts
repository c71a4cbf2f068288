import { suggest, type GroupConfig } from '@labdigest/core';
import { UsageError } from '../errors.ts';
import { configNames } from '../config/config-names.ts';

/** The names stored signals give, which a reset may name though the config no longer has them. */
export interface StoredNames {
  readonly members: ReadonlySet<string>;
  readonly areas: ReadonlySet<string>;
}

/**
 * `--member NAME` and `--area ID` of `digest learn` and `digest feedback reset`: at most one, and one
 * the config has, as the config names it now (a `formerly` name gives the current one); for a reset,
 * also a name only stored signals still give (a removed member). A typo gets the nearest name and the list.
 */
export function checkScope(
  config: GroupConfig, options: { config: string; member?: string | undefined; area?: string | undefined }, stored?: StoredNames,
): { member?: string; area?: string } {
  if (options.member !== undefined && options.area !== undefined) throw new UsageError('give --member or --area, not both');
  const names = configNames(config);
  if (options.member !== undefined) {
    const member = names.member(options.member) ?? (stored?.members.has(options.member) ? options.member : undefined);
    if (member !== undefined) return { member };
    const all = config.members.map((m) => m.name);
    throw new UsageError(`--member: no member "${options.member}" in ${options.config}`
      + `${suggest(options.member, [...all, ...config.members.flatMap((m) => m.formerly), ...(stored?.members ?? [])])}; its members are ${all.join(', ')}`);
  }
  if (options.area !== undefined) {
    const area = names.area(options.area) ?? (stored?.areas.has(options.area) ? options.area : undefined);
    if (area !== undefined) return { area };
    const ids = config.areas.map((a) => a.id);
    throw new UsageError(`--area: no area "${options.area}" in ${options.config}`
      + `${suggest(options.area, [...ids, ...config.areas.flatMap((a) => a.formerly), ...(stored?.areas ?? [])])}; its areas are ${ids.join(', ')}`);
  }
  return {};
}
