import type { GroupConfig } from '@labdigest/core';

/**
 * The config's names now for what was given under an older one (stored signals, a reading-room
 * device, a star): an area's id or one of its `formerly` ids -> its id; a member's name or one of
 * their `formerly` names, in any case and however its accents are composed -> their name. Undefined
 * for a name the config no longer has.
 */
export function configNames(config: GroupConfig): ConfigNames {
  let names = made.get(config);
  if (!names) made.set(config, names = namesOf(config));
  return names;
}

export interface ConfigNames {
  readonly area: (id: string) => string | undefined;
  readonly member: (name: string) => string | undefined;
}

// Made once per config object: the reading room asks on every request, with the config it last loaded.
const made = new WeakMap<GroupConfig, ConfigNames>();

function namesOf(config: GroupConfig): ConfigNames {
  const areas = new Map<string, string>();
  for (const a of config.areas) for (const former of a.formerly) areas.set(former, a.id);
  for (const a of config.areas) areas.set(a.id, a.id);
  const current = new Set(config.members.map((m) => m.name));
  // Any case, as `members invite` takes it: a name now, then a former one.
  const byCase = new Map<string, string>();
  for (const m of config.members) for (const name of m.formerly) byCase.set(name.toLowerCase(), m.name);
  for (const m of config.members) byCase.set(m.name.toLowerCase(), m.name);
  return {
    area: (id) => areas.get(id),
    // Composed as the config's names are (its schema's NFC): "Zoë" typed either way.
    member: (given) => {
      const name = given.normalize('NFC');
      return current.has(name) ? name : byCase.get(name.toLowerCase());
    },
  };
}
