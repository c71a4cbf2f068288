// Run by src/store/lock.test.ts as another process: for each line `hold <db>` on its input it takes
// that store's lock and answers `holding <db>`; it holds every lock until it is killed. One process
// serves a whole test file (starting one costs seconds under tsx).
import { createInterface } from 'node:readline';
import { withLock } from '../src/store/lock.ts';

for await (const line of createInterface({ input: process.stdin })) {
  const db = line.replace(/^hold /, '');
  void withLock(db, () => {
    process.stdout.write(`holding ${db}\n`);
    return new Promise(() => undefined); // held until the process ends
  }, { command: 'digest fetch' });
}
