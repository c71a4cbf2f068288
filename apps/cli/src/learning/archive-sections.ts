import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The section each paper was in, from the digest archive, newest digest first: the area a reading-room
 * star teaches (a star on a paper of the polymer section says "more like this" to that area). Papers of
 * no digest, or an archive that cannot be read, have no section: their signals teach the member alone.
 */
export function archiveSections(dir: string): (paperId: string) => string | undefined {
  const sections = new Map<string, string>();
  let files: unknown[] = [];
  try {
    files = (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { digests?: { file?: unknown }[] }).digests?.map((d) => d.file) ?? [];
  } catch {
    files = []; // no archive yet: nothing to look up
  }
  for (const file of files) {
    if (typeof file !== 'string' || file.includes('/') || file.includes('\\')) continue;
    try {
      const digest = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { sections?: { id?: unknown; papers?: { id?: unknown }[] }[] };
      for (const section of digest.sections ?? []) {
        if (typeof section.id !== 'string') continue;
        for (const paper of section.papers ?? []) {
          if (typeof paper.id === 'string' && !sections.has(paper.id)) sections.set(paper.id, section.id);
        }
      }
    } catch {
      continue; // a digest that cannot be read is skipped: its papers' signals teach their members
    }
  }
  return (paperId) => sections.get(paperId);
}
