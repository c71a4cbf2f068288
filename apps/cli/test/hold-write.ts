// Run by src/room/concurrency.test.ts as another process: holds the store's SQLite write lock for
// the given milliseconds, as a `digest fetch` writing a large source in one transaction does.
import Database from 'better-sqlite3';

const [dbPath, ms] = process.argv.slice(2) as [string, string];
const db = new Database(dbPath);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('writing\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write('done\n');
}, Number(ms));
