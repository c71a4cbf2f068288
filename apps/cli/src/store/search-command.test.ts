import { afterEach, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { searchPapers, upsertPapers } from '../store/queries.ts';
import { journalRecord, paper, preprintRecord } from '../../test/records.ts';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';
import { formatHits } from './search-command.ts';

let dir = tempDir();
afterEach(() => { dir.remove(); dir = tempDir(); });
const db = () => inDir(dir.path, 'store.sqlite');

function store(): void {
  const s = openDb(db());
  upsertPapers(s, [
    preprintRecord, journalRecord,
    paper({ id: 'x:1', title: 'Polymer electrolytes for solid-state batteries', abstract: 'Graph networks predict conductivity.', authors: ['A. One'], published: '2026-05-02T10:00:00Z' }),
    paper({ id: 'x:2', title: 'Dendrites in lithium metal anodes', abstract: null }),
  ], { source: 's', now: new Date('2026-06-01T06:00:00Z') });
  s.close();
}

test('prints the best matches first with id, date, venue and authors', async () => {
  store();
  const { code, out, err } = await runCli('search', 'graph solid-state', '--db', db());
  expect({ code, err }).toEqual({ code: 0, err: '' });
  const s = openDb(db());
  expect(out).toBe(formatHits('graph solid-state', searchPapers(s, 'graph solid-state', 20)));
  s.close();
  expect(out.split('\n').filter((l) => /^\s+\d+\./.test(l)).map((l) => l.replace(/^\s+\d+\.\s+[\d.]+\s+/, ''))).toEqual([
    // Both words in each; bm25 favours the shorter text.
    'Polymer electrolytes for solid-state batteries',
    'Machine Learning Enabled Graph Analysis of Particulate Composites: Application to Solid-state Battery Cathodes',
  ]);
  expect(out).toContain('             arxiv:2512.16085 · 2025-12-18 · ACS Energy Letters · Zebin Li, Shimao Deng, Yijin Liu et al.\n');
  expect(out).toContain('             x:1 · 2026-05-02 · A. One\n');
});

test('--limit caps the results; no match says so; search syntax is plain text', async () => {
  store();
  expect((await runCli('search', 'solid-state', '--limit', '1', '--db', db())).out.split('\n').filter((l) => /^\s+\d+\./.test(l))).toHaveLength(1);
  expect(await runCli('search', 'zeolite', '--db', db())).toEqual({ code: 0, out: 'no stored paper matches "zeolite"\n', err: '' });
  expect(await runCli('search', 'dendrites AND (lithium OR "', '--db', db())).toMatchObject({ code: 0, err: '' });
});

test('bad limit and missing store', async () => {
  expect(await runCli('search', 'x', '--limit', '0', '--db', db())).toMatchObject({ code: 2, err: expect.stringContaining('expected a positive whole number, saw "0"') });
  expect(await runCli('search', 'x', '--db', db())).toEqual({
    code: 1, out: '', err: `digest: ${db()}: no paper store here yet: run \`digest fetch\` or \`digest import FILE\` first, or pass --db PATH\n`,
  });
});

test('a query of more than 64 distinct words says in one line that only the first 64 are searched', async () => {
  store();
  const words = Array.from({ length: 100 }, (_, i) => `word${i}`);
  const { code, out, err } = await runCli('search', `lithium ${words.join(' ')}`, '--db', db());
  expect({ code, err }).toEqual({ code: 0, err: '(searching for the first 64 distinct words of the query)\n' });
  expect(out).toContain('Dendrites in lithium metal anodes');
});

test('a word repeated a thousand times is searched once, and says nothing', async () => {
  store();
  const { code, out, err } = await runCli('search', 'lithium '.repeat(1000), '--db', db());
  expect({ code, err }).toEqual({ code: 0, err: '' });
  expect(out).toContain('Dendrites in lithium metal anodes');
});
