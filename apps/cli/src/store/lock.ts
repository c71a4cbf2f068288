import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { IngestError } from '../errors.ts';

/** Another run holds the store: two runs never write it at once. */
export class LockedError extends IngestError {
  override name = 'LockedError';
  override readonly code = 'LOCKED';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<db>.lock` for the length of `work` (fetch, build): created exclusively, holding our pid.
 * A lock left by a run that died (its pid is gone) is taken over; a live one is an error saying who.
 */
export async function withLock<T>(dbPath: string, work: () => Promise<T> | T): Promise<T> {
  const file = `${dbPath}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
        throw new LockedError(`${file}: another digest run (pid ${pid}) is using the store; try again when it ends`);
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}
