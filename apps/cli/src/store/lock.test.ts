import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { withLock } from './lock.ts';

describe('the lock', () => {
  test('a second run is refused while the first holds the store', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'lock-')), 'store.sqlite');
    await withLock(db, async () => {
      writeFileSync(`${db}.lock`, '1\n'); // pid 1 is alive: as if another run held it
      await expect(withLock(db, () => 'second')).rejects.toThrow(`${db}.lock: another digest run (pid 1) is using the store`);
      writeFileSync(`${db}.lock`, `${process.pid}\n`);
    });
    expect(await withLock(db, () => 'free again')).toBe('free again');
  });
  test('a lock left by a dead run is taken over', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'lock-')), 'store.sqlite');
    writeFileSync(`${db}.lock`, '999999\n');
    expect(await withLock(db, () => 'taken')).toBe('taken');
  });
});
