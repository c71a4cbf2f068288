import { writeFileSync } from 'node:fs';
import { fixtureFiles, fixturePath } from '@labdigest/fixtures';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { countPapers, papersSince } from '../store/queries.ts';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';
import { importFormat } from './import-command.ts';

let dir = tempDir();
afterEach(() => { dir.remove(); dir = tempDir(); });
const db = () => inDir(dir.path, 'store.sqlite');

const importFiles = fixtureFiles('import').filter((f) => /\.(bib|ris)$/.test(f));
test('import fixtures exist', () => expect(importFiles.length).toBe(4));

describe('digest import', () => {
  test.each(importFiles)('%s: every record is stored', async (file) => {
    const { code, out, err } = await runCli('import', fixturePath(file), '--db', db());
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(`imported 1 paper from ${fixturePath(file)}: 1 new, 0 already stored (0 enriched)\n`);
    const store = openDb(db());
    expect(papersSince(store)).toEqual([expect.objectContaining({ title: expect.stringMatching(/\w{4}/), source: expect.stringMatching(/^import:/) })]);
    store.close();
  });

  test('a BibTeX file saved as Windows-1252 is read so, and said; a UTF-16 one with its mark as before', async () => {
    // The fixture's real eLife entry, with an author's accented name, saved as a Windows reference manager would.
    const entry = '@article{muller2024,\n  title = {Na‐metal anodes: Ångström-scale SEI at 25 °C},\n  author = {Müller, José and Núñez, Ana},\n  journal = {eLife},\n  year = {2024},\n  doi = {10.1234/cp1252.test}\n}\n';
    const cp1252 = inDir(dir.path, 'cp1252.bib');
    writeFileSync(cp1252, Buffer.from(entry.replace('‐', '-'), 'latin1'));
    const { code, err } = await runCli('import', cp1252, '--db', db());
    expect(code).toBe(0);
    expect(err).toBe(`${cp1252}: not UTF-8; read as Windows-1252 (Western European). If names or symbols look wrong, save the file as UTF-8 and import it again\n`);
    const utf16 = inDir(dir.path, 'utf16.bib');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(entry.replace('cp1252', 'utf16'), 'utf16le')]));
    expect((await runCli('import', utf16, '--db', db())).err).toBe('');
    const store = openDb(db());
    const papers = papersSince(store);
    store.close();
    expect(papers.map((p) => [p.title, p.authors]).sort()).toEqual([
      ['Na-metal anodes: Ångström-scale SEI at 25 °C', ['José Müller', 'Ana Núñez']],
      ['Na‐metal anodes: Ångström-scale SEI at 25 °C', ['José Müller', 'Ana Núñez']],
    ]);
  });

  test('records of one paper within the file are said apart from papers already stored', async () => {
    // The bundled week holds three works twice (Angewandte's two editions, a preprint and its article).
    const week = fixturePath('papers/sample-week.jsonl.gz');
    expect((await runCli('import', week, '--db', db())).out).toBe(`imported 1755 papers from ${week}: 1752 new, 0 already stored (0 enriched), 3 repeat a paper of the file\n`);
    expect((await runCli('import', week, '--db', db())).out).toBe(`imported 1755 papers from ${week}: 0 new, 1752 already stored (0 enriched), 3 repeat a paper of the file\n`);
  });

  test('a store made in a folder made for it is said: a typo in --db\'s folder does not fill a new store in silence', async () => {
    const typo = inDir(dir.path, 'dta/store.sqlite');
    const made = await runCli('import', fixturePath('import/bibtex-crossref-elife-2014.bib'), '--db', typo);
    expect(made).toMatchObject({ code: 0, err: `new paper store at ${typo} (its folder made too)\n` });
    expect((await runCli('import', fixturePath('import/bibtex-crossref-elife-2014.bib'), '--db', typo)).err).toBe('');
  });

  test('the same eLife paper from BibTeX, RIS, Crossref and OpenAlex is one row', async () => {
    await runCli('import', fixturePath('import/bibtex-crossref-elife-2014.bib'), '--db', db());
    expect((await runCli('import', fixturePath('import/ris-crossref-elife-2014.ris'), '--db', db())).out)
      .toBe(`imported 1 paper from ${fixturePath('import/ris-crossref-elife-2014.ris')}: 0 new, 1 already stored (0 enriched)\n`);
    for (const recorded of ['crossref/crossref-work-single-elife-jats-abstract.json', 'openalex/openalex-work-single-elife.json']) {
      const { code } = await runCli('fetch', '--feed', `file://${fixturePath(recorded)}`, '--db', db(), '--config', inDir(dir.path, 'none.yaml'));
      expect(code).toBe(0);
    }
    const store = openDb(db());
    const papers = papersSince(store);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({ id: 'doi:10.7554/elife.01567', doi: '10.7554/elife.01567', venue: 'eLife', source: 'import:bibtex-crossref-elife-2014' });
    // The Crossref record's full JATS abstract replaced the BibTeX export's two sentences.
    expect(papers[0]?.abstract?.length).toBeGreaterThan(1000);
    store.close();
  });

  test('JSON lines, plain and gzipped, keep their own sources', async () => {
    const slice = await runCli('import', fixturePath('papers/corpus-slice.jsonl'), '--db', db());
    expect(slice).toMatchObject({ code: 0, err: '' });
    expect(slice.out).toMatch(new RegExp(`^imported 313 papers from ${fixturePath('papers/corpus-slice.jsonl')}: \\d+ new, \\d+ already stored \\(\\d+ enriched\\)\\n$`));
    const week = await runCli('import', fixturePath('papers/sample-week.jsonl.gz'), '--db', db());
    expect(week.code).toBe(0);
    const store = openDb(db());
    expect(new Set(papersSince(store).map((p) => p.source)).has('unknown')).toBe(false);
    expect(countPapers(store)).toBeGreaterThan(313);
    store.close();
  });

  test('JSON lines are stored with the text the corpus stored stripped of markup repaired, as the parsers repair it', async () => {
    expect((await runCli('import', fixturePath('papers/corpus-slice.jsonl'), '--db', db())).code).toBe(0);
    const store = openDb(db());
    const titles = new Map(papersSince(store).map((p) => [p.id, p.title]));
    store.close();
    // In the file: "… Ionic Conductivity of Li 7 SiPS 8 Using …", "High-PerformancePassive Radiative Cooling Enabledby …".
    expect(titles.get('openalex:W7162189182')).toBe('Optimize Before You Synthesize—Enhancing the Ionic Conductivity of Li7SiPS8 Using Bayesian Optimization');
    expect(titles.get('openalex:W7203466089')?.startsWith('High-Performance Passive Radiative Cooling Enabled by Oriented Boron Nitride')).toBe(true);
    expect(titles.get('arxiv:2511.19448')).toBe('PuzzlePoles: Cylindrical Fiducial Markers Based on the PuzzleBoard Pattern');
  });

  test('bad lines are listed with file and line, the rest imported', async () => {
    const file = inDir(dir.path, 'mixed.jsonl');
    writeFileSync(file, '{"id": "x:1", "title": "A fine paper about electrolytes"}\nnot json\n{"id": "x:2"}\n');
    const { code, out, err } = await runCli('import', file, '--db', db());
    expect(code).toBe(0);
    expect(err).toBe(`skipped 2 records:\n${file}:2 not valid JSON (Unexpected token 'o', "not json" is not valid JSON)\n${file}:3 title: missing required field\n`);
    expect(out).toBe(`imported 1 paper from ${file}: 1 new, 0 already stored (0 enriched), 2 skipped\n`);
  });

  test.each([
    ['missing.bib', null, '{file}: no such file'],
    ['notes.txt', 'just some notes\n', '{file}: is not a file this tool imports: expected JSON lines (.jsonl, .jsonl.gz), BibTeX (.bib) or RIS (.ris)'],
    ['empty.bib', 'nothing here', '[import:empty] {file} expected BibTeX entries (@article{key, …}), saw "nothing here"'],
    ['cut.ris', 'TY  - JOUR\nT1  - Cut short\n', '{file}: holds no valid paper'],
  ])('%s: a message naming the file, exit 1, no stack trace', async (name, content, message) => {
    const file = inDir(dir.path, name);
    if (content !== null) writeFileSync(file, content);
    const { code, err } = await runCli('import', file, '--db', db());
    expect(code).toBe(1);
    const lastLine = err.trimEnd().split('\n').at(-1);
    expect(lastLine).toBe(`digest: ${message.replace('{file}', file)}`);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

test.each([
  ['a.jsonl.gz', '', 'jsonl'],
  ['refs.BIB', '', 'bibtex'],
  ['export.ris', '', 'ris'],
  ['download', '% comment\n@article{k,', 'bibtex'],
  ['download', 'TY  - JOUR', 'ris'],
  ['download', '{"id": 1}', 'jsonl'],
  ['download', '<rss>', null],
] as const)('importFormat(%j, %j) = %s', (file, head, format) => {
  expect(importFormat(file, head)).toBe(format);
});
