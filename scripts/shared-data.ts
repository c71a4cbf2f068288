// Evaluation and benchmark scripts read the large recorded data in ../shared/data, which a clone of
// this repo does not have. They say so plainly and stop, instead of failing on a missing file.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const sharedData = process.env.LABDIGEST_SHARED_DATA ?? join(repoRoot, '..', 'shared', 'data');

/** Absolute path of a file in ../shared/data; exits with a clear message when it is missing. */
export function requireShared(relative: string): string {
  const path = join(sharedData, relative);
  if (!existsSync(path)) {
    console.error(`missing ${path}: this script needs the team's shared data (../shared/data beside the repo, `
      + 'or LABDIGEST_SHARED_DATA=/path/to/data). Tests and `pnpm start` do not need it.');
    process.exit(2);
  }
  return path;
}
