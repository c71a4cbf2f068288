// Run by src/store/lock.test.ts as another process: takes the store's lock, says so, and holds it
// until the test kills it.
import { withLock } from '../src/store/lock.ts';

const [dbPath] = process.argv.slice(2) as [string];
await withLock(dbPath, async () => {
  process.stdout.write('holding\n');
  await new Promise(() => setInterval(() => undefined, 60_000));
}, { command: 'digest fetch' });
