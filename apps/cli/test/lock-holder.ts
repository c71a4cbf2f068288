import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cliDir = fileURLToPath(new URL('..', import.meta.url));

export interface LockHolder {
  readonly process: ChildProcess;
  /** Resolves once the other process holds `db`'s lock. */
  hold(db: string): Promise<void>;
}

/**
 * Another process holding store locks (test/hold-lock.ts): `hold(db)` resolves once it holds db's
 * lock; it holds every lock until it is killed. Kill it with `process.kill('SIGKILL')`, or all
 * holders at once with `killHolders()` (in afterAll).
 */
export function lockHolder(): LockHolder {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/hold-lock.ts'], { cwd: cliDir, stdio: ['pipe', 'pipe', 'pipe'] });
  let seen = '';
  const waiting = new Map<string, () => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
    for (const [db, done] of waiting) if (seen.includes(`holding ${db}\n`)) { waiting.delete(db); done(); }
  });
  holders.push(child);
  return {
    process: child,
    hold: (db) => new Promise<void>((done, fail) => {
      waiting.set(db, done);
      child.on('exit', (code) => fail(new Error(`hold-lock exited ${code}`)));
      child.stdin?.write(`hold ${db}\n`);
    }),
  };
}

const holders: ChildProcess[] = [];

/** Kills every holder this file started (each by its own pid). */
export function killHolders(): void {
  for (const child of holders.splice(0)) child.kill('SIGKILL');
}

/** Resolves when the holder's process has ended. */
export function ended(holder: LockHolder): Promise<void> {
  return new Promise((done) => {
    if (holder.process.exitCode !== null || holder.process.signalCode !== null) done();
    else holder.process.on('exit', () => done());
  });
}
