import { groupConfigSchema, type GroupConfig, type GroupConfigInput } from '@labdigest/core';

/** A valid group config with one area and the given sources (and group fields). */
export function configWith(sources: GroupConfigInput['sources'], group: Partial<GroupConfigInput['group']> = {}): GroupConfig {
  return groupConfigSchema.parse({
    group: { name: 'Test Group', ...group },
    areas: [{ id: 'batteries', name: 'Batteries', keywords: ['electrolyte'] }],
    sources,
  });
}
