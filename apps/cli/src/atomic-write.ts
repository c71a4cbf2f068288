import { lstatSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './errors.ts';

/** Why a file could not be written, from the system's error code, in words. */
const reasons: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EISDIR: 'it is a folder',
};

/** `cannot be written (the disk is full)`: what stopped a write, from the error node:fs threw. */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return `cannot be written (${reasons[code] ?? (error as Error).message})`;
}

/** `--out -`: the commands that write text (papers, rank, export) write it to standard output. */
export const STANDARD_OUTPUT = '-';

/**
 * What writing to a path would write to:
 * - `file`: a regular file, or none yet. For a symlink, `path` is the file it leads to, so a write
 *   replaces the target and the link stays a link.
 * - `stream`: a character device, a FIFO or a socket (/dev/null, a named pipe), or one of the
 *   process's open files (/dev/stdout, /dev/fd/3), whose number is `fd`. Renaming a file over it
 *   would replace the device itself (as root, /dev/stdout became a 3 MB file), and opening
 *   /dev/stdout anew would empty the file a `>>` appends to, so it is written directly, through
 *   `fd` when there is one; `what` names the kind.
 * - `folder`: a folder, which no file write may replace.
 * - `disk`: a block device. Written directly it would overwrite a disk; renamed over, it would be
 *   replaced: neither is what an --out means.
 */
export type WriteTarget =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stream'; readonly path: string; readonly what: string; readonly fd?: number | undefined }
  | { readonly kind: 'disk'; readonly path: string; readonly what: string }
  | { readonly kind: 'folder'; readonly path: string };

export function writeTarget(file: string): WriteTarget {
  const chain = linkChain(file);
  for (const path of chain) {
    const fd = descriptorOf(path);
    if (fd !== undefined) return { kind: 'stream', path: file, what: DESCRIPTORS[fd] ?? `the open file descriptor ${fd}`, fd };
  }
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    // Nothing there yet, or a symlink to nothing: the write creates the file the last link names.
    // Other errors (EACCES, ENOTDIR) come back from the write itself, with the file named.
    return { kind: 'file', path: (error as NodeJS.ErrnoException).code === 'ENOENT' ? chain.at(-1) ?? file : file };
  }
  if (stats.isDirectory()) return { kind: 'folder', path: file };
  if (stats.isFile()) return { kind: 'file', path: realpathSync(file) };
  if (stats.isBlockDevice()) return { kind: 'disk', path: file, what: 'a disk (a block device)' };
  return { kind: 'stream', path: file, what: streamKind(stats) };
}

/**
 * Writes a file whole or not at all: into `<file>.<pid>.tmp` beside it, then renamed over it, so a
 * reader never sees half a file and a crash leaves the old one. A symlink is followed: its target is
 * replaced and the link kept. A character device or a pipe (/dev/stdout) is written directly, as the
 * shell's `>` does; a folder or a disk is refused. When the write or the rename fails (a full disk,
 * no permission) the temporary file is removed and an InputError names the file.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  let temp: string | undefined;
  try {
    const target = writeTarget(file);
    if (target.kind === 'folder') throw new InputError(file, 'cannot be written (it is a folder)');
    if (target.kind === 'disk') throw new InputError(file, `cannot be written (it is ${target.what})`);
    if (target.kind === 'stream') {
      writeFileSync(target.fd ?? target.path, data);
      return;
    }
    temp = `${target.path}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, target.path);
  } catch (error) {
    if (temp !== undefined) rmSync(temp, { force: true });
    if (error instanceof InputError) throw error;
    throw new InputError(file, writeProblem(error), { cause: error });
  }
}

/** A command's input that its output must not replace: `{ file: 'in.jsonl', what: 'the papers file' }`. */
export interface CommandInput {
  readonly file: string | undefined;
  readonly what: string;
}

/**
 * Refuses, before anything is read or written, an --out that is one of the command's inputs by any
 * name (itself, a symlink to it, a hard link, `./x` for `x`): writing it would replace what the
 * command reads, as `papers --db s.sqlite -o s.sqlite` once replaced the store with JSON lines.
 * Only regular files are compared: reading /dev/stdin and writing /dev/stdout replace nothing.
 */
export function refuseOverwritingInput(out: string, inputs: readonly CommandInput[]): void {
  const written = statIfThere(out);
  if (!written?.isFile()) return;
  for (const input of inputs) {
    const read = input.file === undefined ? undefined : statIfThere(input.file);
    if (read && read.dev === written.dev && read.ino === written.ino) {
      throw new InputError(`--out ${out}`, `is ${input.what} itself: write elsewhere`);
    }
  }
}

function statIfThere(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The path, absolute, then each path its symlinks lead to in turn; the last is no link (or is not
 * there). The kernel gives up after 40 links (ELOOP); so does this, and the write then reports it.
 */
function linkChain(file: string): string[] {
  let path = resolve(file);
  const chain = [path];
  while (chain.length <= 40 && isSymlink(path)) {
    path = resolve(dirname(path), readlinkSync(path));
    chain.push(path);
  }
  return chain;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The number in /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the process's own open files. */
function descriptorOf(path: string): number | undefined {
  const match = /^\/(?:dev\/(stdout|stderr|fd\/(\d+))|proc\/self\/fd\/(\d+))$/.exec(path);
  if (!match) return undefined;
  if (match[1] === 'stdout') return 1;
  if (match[1] === 'stderr') return 2;
  return Number(match[2] ?? match[3]);
}

const DESCRIPTORS: Readonly<Record<number, string>> = { 1: 'standard output', 2: 'standard error' };

function streamKind(stats: Stats): string {
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}
