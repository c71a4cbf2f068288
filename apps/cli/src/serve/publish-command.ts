import { cpSync, existsSync, type Dirent, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Io } from '../io.ts';
import { InputError, unreadable } from '../errors.ts';
import { writeProblem } from '../atomic-write.ts';
import { readIndex } from '../digest/archive.ts';

export interface PublishOptions {
  readonly out: string;
  readonly reader: string;
  readonly digests: string;
  /** Replace --out even when it holds files no publish wrote (never the archive, the reader or a store). */
  readonly force?: boolean | undefined;
}

/**
 * The file each published site holds, so that the next publish knows the folder is one it may
 * replace. Sites published before it was written are known by their layout (see isEarlierSite).
 */
export const SITE_MARKER = '.labdigest-site';

/**
 * `digest publish`: a static site in one folder, for GitHub Pages or a lab web server: the built reader
 * with the archive's digests in `digests/` (replacing the reader's bundled samples). The site is
 * built beside --out and renamed into its place, so a failed publish leaves the earlier site as it
 * was. Before anything is written, an --out that would take data with it is refused: the archive
 * or the reader (or a folder holding or inside either), a folder holding a store, a file, and a
 * folder of other files unless `--force`.
 */
export function publishCommand(options: PublishOptions, io: Io): { files: number } {
  if (!existsSync(join(options.reader, 'index.html'))) {
    throw new InputError(options.reader, 'no built reader here (index.html missing): run `pnpm --filter @labdigest/reader build` first');
  }
  const index = readIndex(options.digests, '');
  if (index.digests.length === 0) throw new InputError(options.digests, 'no digests to publish: run `digest build` first');
  const site = checkedSiteFolder(options);
  const leftOver = writeSite(site, options);
  if (leftOver !== undefined) io.err(`note: the earlier site could not be removed whole; what is left of it is in ${leftOver}\n`);
  io.out(`${resolve(options.out)}\n`);
  io.err(`published the reader and ${index.digests.length} digest${index.digests.length === 1 ? '' : 's'} (newest ${index.digests[0]?.date}) to ${options.out}\n`);
  return { files: index.digests.length };
}

/**
 * The real path of the folder to replace (through symlinks, so a linked --out keeps its link), or an
 * InputError saying why replacing it would lose data. `publish --out data --digests data/digests`
 * once deleted the store and the archive.
 */
function checkedSiteFolder(options: PublishOptions): string {
  const site = realPath(options.out);
  const refuse = (problem: string) => new InputError(`--out ${options.out}`, `${problem}: publish to a folder of its own`);
  for (const [folder, what] of [[options.digests, 'the digest archive'], [options.reader, 'the built reader']] as const) {
    const other = realPath(folder);
    if (other === site) throw refuse(`is ${what}`);
    if (isInside(other, site)) throw refuse(`holds ${what} (${folder})`);
    if (isInside(site, other)) throw refuse(`lies inside ${what} (${folder})`);
  }
  if (!existsSync(site)) return site;
  if (!statSync(site).isDirectory()) throw refuse('is a file, not a folder');
  let entries: string[];
  try {
    entries = readdirSync(site).sort();
  } catch (error) {
    throw new InputError(`--out ${options.out}`, unreadable(error), { cause: error });
  }
  const store = findStore(site);
  if (store !== undefined) throw refuse(`holds a paper store (${join(options.out, store)})`);
  if (entries.length === 0 || options.force || isEarlierSite(site)) return site;
  const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ` and ${entries.length - 3} more` : '');
  throw new InputError(`--out ${options.out}`,
    `holds files no publish wrote (${shown}): publish to a new or empty folder, or pass --force to replace them`);
}

/**
 * A folder an earlier publish wrote: it holds the marker, or (published before the marker) the
 * reader's index.html beside the archive's digests/index.json.
 */
function isEarlierSite(folder: string): boolean {
  return existsSync(join(folder, SITE_MARKER))
    || (existsSync(join(folder, 'index.html')) && existsSync(join(folder, 'digests', 'index.json')));
}

/**
 * The first SQLite file (`*.sqlite`, the store's name; relative to `folder`) in the folder or below
 * it, in name order. Symlinks are not followed: replacing the folder removes a link, not its target.
 * A folder that cannot be read is passed over: what cannot be listed cannot be removed either.
 */
function findStore(folder: string): string | undefined {
  const pending = [''];
  for (let at = pending.shift(); at !== undefined; at = pending.shift()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(folder, at), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith('.sqlite')) return join(at, entry.name);
      if (entry.isDirectory()) pending.push(join(at, entry.name));
    }
  }
  return undefined;
}

/**
 * Copies the reader and the archive into `<site>.<pid>.tmp` beside the site, then swaps it in: the
 * earlier site is renamed aside, put back if the new one cannot take its place, and removed only
 * once it has. Whatever fails, the temporary folder is removed and the message says where the
 * earlier site is. Returns where what is left of the earlier site lies if it could not all be removed.
 */
function writeSite(site: string, options: PublishOptions): string | undefined {
  const staging = `${site}.${process.pid}.tmp`;
  const earlier = `${site}.${process.pid}.old`;
  const failed = (problem: string, error: unknown) => {
    rmSync(staging, { recursive: true, force: true });
    return new InputError(`--out ${options.out}`, `${writeProblem(error)}; ${problem}`, { cause: error });
  };
  const replacing = existsSync(site);
  try {
    mkdirSync(dirname(site), { recursive: true });
    rmSync(staging, { recursive: true, force: true }); // a crashed publish whose pid this one reuses
    cpSync(options.reader, staging, { recursive: true });
    rmSync(join(staging, 'digests'), { recursive: true, force: true });
    cpSync(options.digests, join(staging, 'digests'), { recursive: true, filter: (src) => !src.endsWith('.tmp') });
    writeFileSync(join(staging, SITE_MARKER), 'Written by `digest publish`, which replaces this folder whole when it publishes again.\n');
    if (replacing) renameSync(site, earlier);
  } catch (error) {
    throw failed(replacing ? 'the earlier site there is unchanged' : 'nothing was published', error);
  }
  try {
    renameSync(staging, site);
  } catch (error) {
    if (!replacing) throw failed('nothing was published', error);
    try {
      renameSync(earlier, site);
    } catch {
      throw failed(`the earlier site is in ${earlier}`, error);
    }
    throw failed('the earlier site there is unchanged', error);
  }
  if (!replacing) return undefined;
  try {
    rmSync(earlier, { recursive: true, force: true });
    return undefined;
  } catch {
    return earlier;
  }
}

/** The path with every symlink resolved; for a path not there yet, its nearest existing folder's. */
function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
  }
}

/** Whether `path` lies inside `folder` (not `folder` itself). */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
