import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DIGEST_SCHEMA_VERSION, digestIndexSchema, formatIssue, zodIssues, type Digest, type DigestIndex, type DigestIndexEntry,
} from '@labdigest/core';
import { InputError } from '../errors.ts';
import { writeFileAtomic } from '../atomic-write.ts';

/** The archive index, or an empty one when the folder has none yet. */
export function readIndex(dir: string, group: string): DigestIndex {
  const file = join(dir, 'index.json');
  if (!existsSync(file)) return { schemaVersion: DIGEST_SCHEMA_VERSION, group, digests: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(file, `not valid JSON (${(error as Error).message}); fix or remove it, the digests beside it are kept`, { cause: error });
  }
  const parsed = digestIndexSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = zodIssues(parsed.error.issues, json);
    throw new InputError(file, issue ? formatIssue(issue.path.length ? issue : { ...issue, path: ['index'] }) : 'not a digest index');
  }
  return parsed.data;
}

/** The window a digest of the archive was built from (its file's `window`), or null when it cannot be read. */
export function readWindow(dir: string, file: string): { since: string | null; until: string | null } | null {
  try {
    const digest = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { window?: { since: string | null; until: string | null } };
    return digest.window ?? null;
  } catch {
    return null;
  }
}

/** When an archived digest was built (its `generatedAt`), or undefined when the file does not say. */
export function readGeneratedAt(dir: string, file: string): string | undefined {
  try {
    const digest = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { generatedAt?: unknown };
    return typeof digest.generatedAt === 'string' && !Number.isNaN(Date.parse(digest.generatedAt)) ? digest.generatedAt : undefined;
  } catch {
    return undefined;
  }
}

/** Where an archived digest put a paper: its section (id and name), score and whether it was a pick; null when it does not hold it. */
export function readArchivedEntry(dir: string, file: string, paperId: string): { sectionId: string; sectionName: string; score: number; pick: boolean } | null {
  try {
    const digest = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { sections?: { id: string; name: string; papers: { id: string; score: number; pick?: boolean }[] }[] };
    for (const section of digest.sections ?? []) {
      const entry = section.papers.find((p) => p.id === paperId);
      if (entry) return { sectionId: section.id, sectionName: section.name, score: entry.score, pick: entry.pick ?? true };
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Writes a digest as `<date>.json` and puts it in `index.json` (newest first), and copies the newest
 * digest to `latest.json`, which the reader asks for beside the index on a first visit. Writing the
 * same date again replaces that digest: rebuilding a window is idempotent. Files are written to a
 * temporary name and renamed, so a reader never sees half a file.
 */
export function writeDigest(dir: string, digest: Digest): { file: string; index: DigestIndex } {
  mkdirSync(dir, { recursive: true });
  const name = `${digest.date}.json`;
  const text = `${JSON.stringify(digest, null, 2)}\n`;
  writeFileAtomic(join(dir, name), text);
  const previous = readIndex(dir, digest.group.name);
  const entry = {
    date: digest.date, file: name, title: digest.title,
    papers: digest.sections.reduce((n, s) => n + s.papers.length, 0), sample: digest.sample,
  };
  const digests = [entry, ...previous.digests.filter((d) => d.date !== digest.date)]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const index: DigestIndex = { schemaVersion: DIGEST_SCHEMA_VERSION, group: digest.group.name, digests };
  // latest.json first: the reader takes it only when the index names its date newest, so it is never
  // read in place of a newer digest, whatever moment a crash leaves the files at.
  const newest = digests[0] as DigestIndexEntry;
  writeFileAtomic(join(dir, 'latest.json'), newest.date === digest.date ? text : readFileSync(join(dir, newest.file), 'utf8'));
  writeFileAtomic(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return { file: join(dir, name), index };
}
