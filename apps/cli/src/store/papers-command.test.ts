import { existsSync, lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fixturePath } from '@labdigest/fixtures';
import { afterEach, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { upsertPapers } from '../store/queries.ts';
import { readPapers } from '../read-papers.ts';
import { journalRecord, paper, preprintRecord } from '../../test/records.ts';
import { inDir, runBin, runCli, tempDir } from '../../test/run-cli.ts';

let dir = tempDir();
afterEach(() => { dir.remove(); dir = tempDir(); });
const db = () => inDir(dir.path, 'store.sqlite');

function store(): void {
  const s = openDb(db());
  upsertPapers(s, [preprintRecord], { source: 'a', now: new Date('2026-06-01T06:00:00Z') });
  upsertPapers(s, [journalRecord, paper({ id: 'x:2', title: 'A later paper', source: 'feed' })], { source: 'b', now: new Date('2026-06-03T06:00:00Z') });
  s.close();
}

test('writes the store as corpus JSON lines that `digest rank --papers` reads', async () => {
  store();
  const out = inDir(dir.path, 'all.jsonl');
  expect(await runCli('papers', '--db', db(), '--out', out)).toEqual({ code: 0, out: '', err: `wrote 2 papers to ${out}\n` });
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
  expect(Object.keys(JSON.parse(lines[0] ?? '{}'))).toEqual(['id', 'title', 'abstract', 'authors', 'published', 'categories', 'doi', 'venue', 'url', 'source', 'tags', 'arxivId']);
  expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ id: 'arxiv:2512.16085', doi: '10.1021/acsenergylett.5c04258', venue: 'ACS Energy Letters' });
  const { papers, rejected } = await readPapers(out);
  expect(rejected).toEqual([]);
  expect(papers.map((p) => p.id)).toEqual(['arxiv:2512.16085', 'x:2']);

  const ranked = await runCli('rank', '--papers', out, '--config', fixturePath('../digest.config.yaml'), '--out', inDir(dir.path, 'ranked.json'));
  expect(ranked.code).toBe(0);
});

test('--since keeps papers first stored on or after the date; .gz output is gzipped', async () => {
  store();
  const out = inDir(dir.path, 'week.jsonl.gz');
  expect(await runCli('papers', '--db', db(), '--out', out, '--since', '2026-06-02')).toEqual({ code: 0, out: '', err: `wrote 1 paper first seen since 2026-06-02 to ${out}\n` });
  expect(JSON.parse(gunzipSync(readFileSync(out)).toString('utf8'))).toMatchObject({ id: 'x:2', source: 'feed' });
});

test('errors name the store or the date, without a stack trace', async () => {
  expect(await runCli('papers', '--db', inDir(dir.path, 'none.sqlite'), '--out', inDir(dir.path, 'x.jsonl'))).toEqual({
    code: 1, out: '', err: `digest: ${inDir(dir.path, 'none.sqlite')}: no paper store here yet: run \`digest fetch\` or \`digest import FILE\` first, or pass --db PATH\n`,
  });
  const bad = await runCli('papers', '--db', db(), '--out', 'x.jsonl', '--since', '2026-13-45');
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("option '--since <date>' argument '2026-13-45' is invalid. expected a date like 2026-06-01 or an ISO time, saw \"2026-13-45\"");
  store();
  expect(await runCli('papers', '--db', db(), '--out', inDir(dir.path, 'no/such/dir/x.jsonl'))).toEqual({
    code: 1, out: '', err: `digest: ${inDir(dir.path, 'no/such/dir/x.jsonl')}: cannot be written (its folder does not exist)\n`,
  });
});

test('without --out, or with --out -, the papers go to standard output, and no file named "-" is made', async () => {
  store();
  const written = await runBin(['papers', '--db', db(), '--out', '-'], { cwd: dir.path });
  expect([written.code, written.err]).toEqual([0, 'wrote 2 papers to standard output\n']);
  expect(written.out.trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['arxiv:2512.16085', 'x:2']);
  expect(existsSync(inDir(dir.path, '-'))).toBe(false);
  const { code, out, err } = await runCli('papers', '--db', db());
  expect([code, out, err]).toEqual([0, written.out, 'wrote 2 papers to standard output\n']);
});

test('an --out that is the store, by its name or a link to it, is refused and the store keeps its papers', async () => {
  store();
  symlinkSync(db(), inDir(dir.path, 'link.sqlite'));
  for (const out of [db(), inDir(dir.path, 'link.sqlite')]) {
    expect(await runCli('papers', '--db', db(), '--out', out)).toEqual({ code: 1, out: '', err: `digest: --out ${out}: is the paper store itself: write elsewhere\n` });
  }
  expect(lstatSync(inDir(dir.path, 'link.sqlite')).isSymbolicLink()).toBe(true);
  const s = openDb(db(), { create: false });
  expect(s.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(2);
  s.close();
});

test('an --out that is the store\'s write-ahead log, while a writer holds it open, is refused too', async () => {
  store();
  const writer = openDb(db());
  try {
    writer.prepare("UPDATE papers SET title = title || '' WHERE id = 'x:2'").run();
    const wal = `${db()}-wal`;
    expect(existsSync(wal)).toBe(true);
    expect(await runCli('papers', '--db', db(), '--out', wal)).toEqual({ code: 1, out: '', err: `digest: --out ${wal}: is the paper store's write-ahead log itself: write elsewhere\n` });
  } finally {
    writer.close();
  }
});

test('an --out that is a symlink writes the file it leads to and keeps the link', async () => {
  store();
  writeFileSync(inDir(dir.path, 'week.jsonl'), 'last week\n');
  symlinkSync('week.jsonl', inDir(dir.path, 'latest.jsonl'));
  expect((await runCli('papers', '--db', db(), '--out', inDir(dir.path, 'latest.jsonl'))).code).toBe(0);
  expect(readlinkSync(inDir(dir.path, 'latest.jsonl'))).toBe('week.jsonl');
  expect(readFileSync(inDir(dir.path, 'week.jsonl'), 'utf8').split('\n', 1)[0]).toContain('"id":"arxiv:2512.16085"');
});
