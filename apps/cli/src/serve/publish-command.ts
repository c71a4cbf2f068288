import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Io } from '../io.ts';
import { InputError } from '../errors.ts';
import { readIndex } from '../digest/archive.ts';

export interface PublishOptions {
  readonly out: string;
  readonly reader: string;
  readonly digests: string;
}

/**
 * `digest publish`: a static site in one folder, for GitHub Pages or a lab web server: the built reader
 * with the archive's digests in `digests/` (replacing the reader's bundled samples).
 */
export function publishCommand(options: PublishOptions, io: Io): { files: number } {
  if (!existsSync(join(options.reader, 'index.html'))) {
    throw new InputError(options.reader, 'no built reader here (index.html missing): run `pnpm --filter @labdigest/reader build` first');
  }
  const index = readIndex(options.digests, '');
  if (index.digests.length === 0) throw new InputError(options.digests, 'no digests to publish: run `digest build` first');
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  cpSync(options.reader, options.out, { recursive: true });
  rmSync(join(options.out, 'digests'), { recursive: true, force: true });
  cpSync(options.digests, join(options.out, 'digests'), { recursive: true, filter: (src) => !src.endsWith('.tmp') });
  io.out(`${resolve(options.out)}\n`);
  io.err(`published the reader and ${index.digests.length} digest${index.digests.length === 1 ? '' : 's'} (newest ${index.digests[0]?.date}) to ${options.out}\n`);
  return { files: index.digests.length };
}

