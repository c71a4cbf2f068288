// Run by src/store/concurrent-writes.test.ts as another process: writes the store as the reading
// room's server does, one short transaction after another, until it is killed (or 60 s pass).
import { openDb } from '../src/store/open-db.ts';
import { applyChanges } from '../src/room/paper-state.ts';

const [dbPath] = process.argv.slice(2) as [string];
const db = openDb(dbPath);
const until = Date.now() + 60_000;
process.stdout.write('writing\n');
for (let i = 0; Date.now() < until; i++) {
  try {
    applyChanges(db, { member: 'Naibing Wu', device: 'd-loop', now: new Date(), changes: [{ paper: `arxiv:${i}`, field: 'read', value: true, at: new Date().toISOString() }] });
  } catch {
    // busy while the test's transaction holds the store: try the next one
  }
  if (i % 50 === 0) await new Promise((done) => { setImmediate(done); });
}
