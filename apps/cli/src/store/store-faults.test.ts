// The store under faults (issue 17): concurrent writers, a full disk, a read-only or damaged store
// file, and the temporary files a failed write must not leave behind.
import { fixturePath } from '@labdigest/fixtures';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { ended, killHolders, lockHolder } from '../../test/lock-holder.ts';
import { inDir, runBin, tempDir } from '../../test/run-cli.ts';
import { openDb } from './open-db.ts';
import { countPapers } from './queries.ts';

let dir = tempDir();
afterEach(() => { dir.remove(); dir = tempDir(); });
afterAll(killHolders);

const nature = `file://${fixturePath('rss/rss-nature-2024-07-18.rdf.xml')}`;
const slice = fixturePath('papers/corpus-slice.jsonl');
const elife = fixturePath('import/bibtex-crossref-elife-2014.bib');

describe('concurrent writers', () => {
  test('SQLite waits 5 s for a busy store before it gives up', () => {
    const db = openDb(inDir(dir.path, 'store.sqlite'));
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  test.each([
    ['two imports', ['import', slice], ['import', elife], 313 + 1],
    ['a fetch and an import', ['fetch', '--feed', nature, '--config', 'none.yaml'], ['import', elife], 75 + 1],
  ])('%s at once: both wait for the store, say so, and store everything', async (_name, first, second, papers) => {
    const db = inDir(dir.path, 'store.sqlite');
    const holder = lockHolder();
    await holder.hold(db);
    // Both start while another run holds the store and wait for it; once it ends they contend for
    // it, and neither may die of "database is locked".
    let waiting = 0;
    let bothWait: () => void = () => undefined;
    const bothWaiting = new Promise<void>((done) => { bothWait = done; });
    const runs = [first, second].map((argv) => {
      let told = false;
      return runBin([...argv, '--db', db, '--wait', '60'], {
        cwd: dir.path,
        onErr: (text) => {
          if (told || !text.includes('waiting for the store')) return;
          told = true;
          if (++waiting === 2) bothWait();
        },
      });
    });
    await bothWaiting;
    holder.process.kill('SIGKILL');
    await ended(holder);
    const results = await Promise.all(runs);
    for (const result of results) {
      expect(result.code, result.err).toBe(0);
      expect(result.err).toContain(`waiting for the store: another digest run (digest fetch, pid ${holder.process.pid} on `);
      expect(result.err).not.toMatch(/locked|internal error/);
    }
    const store = openDb(db);
    expect(countPapers(store)).toBe(papers);
    store.close();
  });
});
