import { rmSync, renameSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Writes a file whole or not at all: into `<file>.<pid>.tmp` beside it, then renamed over it, so a
 * reader never sees half a file and a crash leaves the old one. When the write or the rename fails
 * (a full disk, a folder in the way) the temporary file is removed and an InputError names the file.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    if (isFolder(file)) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InputError(file, `cannot be written (${reasons[code] ?? (error as Error).message})`, { cause: error });
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
