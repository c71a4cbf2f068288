// Hostile and broken files given to the command line (issue 17): a config, and files to import or
// rank. Each gets one located message and the right exit code, never a stack trace, and the
// valid records beside a bad one are stored.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fixturePath } from '@labdigest/fixtures';
import { afterEach, describe, expect, test } from 'vitest';
import { inDir, runCli, tempDir } from '../test/run-cli.ts';
import { readPapers } from './read-papers.ts';

/** The repository's default config. */
const CONFIG = fixturePath('../digest.config.yaml');

let dir = tempDir();
afterEach(() => { dir.remove(); dir = tempDir(); });

/** Writes a file into the test's folder and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = inDir(dir.path, name);
  writeFileSync(path, content);
  return path;
}

describe('the config', () => {
  test('a YAML alias bomb is a config error naming file and line', async () => {
    const bomb = file('digest.config.yaml', [
      'group:', '  name: Bomb Lab',
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
      '',
    ].join('\n'));
    expect(await runCli('fetch', '--config', bomb, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 1, out: '',
      err: `digest: ${bomb}: the config has 1 problem:\n${bomb}:4:8 not valid YAML: its aliases (*name) expand past 100 nodes, as an alias bomb does: write the values out instead\n`,
    });
  });
});

describe('the config, nested deeply', () => {
  test('lists in lists a thousand deep are nested too deeply, said of file and line, not of the stack', async () => {
    const deep = file('digest.config.yaml', `group:\n  name: Deep Lab\nareas: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    expect(await runCli('fetch', '--config', deep, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 1, out: '',
      err: `digest: ${deep}: the config has 1 problem:\n${deep}:3:107 nested too deeply: more than 100 levels of lists and mappings\n`,
    });
  });

  test('a config of megabytes is the wrong file, said before the YAML parser spends its memory on it', async () => {
    const huge = file('digest.config.yaml', '['.repeat(2 * 2 ** 20));
    expect(await runCli('fetch', '--config', huge, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 1, out: '',
      err: `digest: ${huge}: the config has 1 problem:\nis 2.0 MB: a config is a few kilobytes (at most 1 MB); is this the right file?\n`,
    });
  });
});

describe('line breaks inside a record\'s fields', () => {
  test('a JSON-lines author, title or venue with line breaks is one line: a name cannot forge lines of a plain-text digest', async () => {
    const path = file('forged.jsonl', `${JSON.stringify({
      id: 'x:1', title: 'Solid polymer\r\nelectrolytes', venue: 'Journal\nof Tests',
      authors: ['A. Author\n   Source: arXiv:2401.00001\n   https://evil.example/phish\n\n2. FAKE ENTRY', '\n'],
    })}\n`);
    const { papers } = await readPapers(path);
    expect(papers.map((p) => [p.title, p.authors, p.venue])).toEqual([
      ['Solid polymer electrolytes', ['A. Author Source: arXiv:2401.00001 https://evil.example/phish 2. FAKE ENTRY'], 'Journal of Tests'],
    ]);
  });
});

describe('byte order marks and line ends', () => {
  const record = (n: number) => JSON.stringify({ id: `x:${n}`, title: `Paper ${n} on solid electrolytes`, published: '2026-06-01' });

  test('JSON lines with a BOM and CRLF line ends: every record, the first included', async () => {
    const jsonl = file('bom.jsonl', `\ufeff${[1, 2, 3].map(record).join('\r\n')}\r\n`);
    expect(await runCli('import', jsonl, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 0, err: '', out: `imported 3 papers from ${jsonl}: 3 new, 0 already stored (0 enriched)\n`,
    });
  });

  test.each([
    ['UTF-8', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16LE', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ])('RIS with a %s BOM and CRLF line ends: every record, the first included', async (_name, encode) => {
    const ris = (n: number) => `TY  - JOUR\r\nTI  - Paper ${n} on solid electrolytes\r\nDO  - 10.1234/ris.${n}\r\nPY  - 2026\r\nER  - \r\n`;
    const path = file('refs.ris', encode(`${ris(1)}\r\n${ris(2)}`));
    expect(await runCli('import', path, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 0, err: '', out: `imported 2 papers from ${path}: 2 new, 0 already stored (0 enriched)\n`,
    });
  });
});

describe('decompressed size', () => {
  /** `unit` repeated until `bytes` bytes, gzipped: megabytes that compress to kilobytes. */
  const bomb = (unit: string, bytes: number) => gzipSync(Buffer.alloc(bytes, unit), { level: 9 });

  test('a gzip bomb given to import as .bib.gz stops at once, saying why', async () => {
    const path = file('refs.bib.gz', bomb('@article{k, title = {lol}}\n', 64 * 1024 * 1024));
    expect(await runCli('import', path, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 1, out: '', err: `digest: ${path}: decompresses to more than 20 MB, the most a BibTeX or RIS file may hold\n`,
    });
  });

  test('rank --papers given a .bib.gz bomb (the 700 MB case, smaller) ends with one line, exit 1', async () => {
    const path = file('refs.bib.gz', bomb('@article{k, title = {lol}}\n', 64 * 1024 * 1024));
    expect(await runCli('rank', '--papers', path, '--config', fixturePath('../digest.config.yaml'))).toEqual({
      code: 1, out: '',
      err: `digest: ${path}: is not JSON lines: none of its first 100 lines is a JSON record (line 1: not valid JSON (Unexpected token '@', "@article{k"... is not valid JSON)); `
        + 'rank, explain and import read one JSON object a line (.jsonl, .jsonl.gz)\n',
    });
  });

  test('JSON lines that decompress past the cap stop there, saying why (the cap lowered to 1 MB to test it)', async () => {
    const path = file('papers.jsonl.gz', bomb(`${JSON.stringify({ id: 'x:1', title: 'Bomb' })}\n`, 8 * 1024 * 1024));
    await expect(readPapers(path, { maxBytes: 1024 * 1024 })).rejects.toThrow(
      `${path}: decompresses to more than 1 MB, the most a JSON-lines file may hold`);
  });
});

describe('.gz files that are not gzip, or not whole', () => {
  const records = `${JSON.stringify({ id: 'x:1', title: 'A fine paper' })}\n`;
  const store = () => inDir(dir.path, 'store.sqlite');

  test('plain JSON lines named .jsonl.gz: import, rank --papers and feedback import say so, and what to do', async () => {
    const path = file('papers.jsonl.gz', records);
    const problem = `digest: ${path}: not gzip-compressed (is it plain JSON lines? name it .jsonl)\n`;
    expect(await runCli('import', path, '--db', store())).toEqual({ code: 1, out: '', err: problem });
    expect(await runCli('rank', '--papers', path, '--config', CONFIG)).toEqual({ code: 1, out: '', err: problem });
    const signals = file('signals.jsonl.gz', `${JSON.stringify({ paper: 'x:1', signal: 'star' })}\n`);
    expect(await runCli('feedback', 'import', signals, '--config', CONFIG, '--db', store())).toEqual({
      code: 1, out: '', err: `digest: ${signals}: not gzip-compressed (is it plain JSON lines? name it .jsonl)\n`,
    });
  });

  test('an empty .jsonl.gz is empty, to import and to learn --bib', async () => {
    const path = file('papers.jsonl.gz', '');
    expect(await runCli('import', path, '--db', store())).toEqual({ code: 1, out: '', err: `digest: ${path}: is empty\n` });
    expect(await runCli('learn', '--bib', path, '--config', CONFIG, '--db', store())).toEqual({ code: 1, out: '', err: `digest: ${path}: is empty\n` });
  });

  test('gzip data cut short is said to be cut short, by import and by feedback import alike', async () => {
    const whole = gzipSync(Buffer.from(records.repeat(2000)));
    const path = file('papers.jsonl.gz', whole.subarray(0, whole.length >> 1));
    expect(await runCli('import', path, '--db', store())).toEqual({
      code: 1, out: '', err: `digest: ${path}: is cut short: its gzip data ends early (an interrupted download or copy?)\n`,
    });
    const signals = file('signals.jsonl.gz', whole.subarray(0, whole.length >> 1));
    expect(await runCli('feedback', 'import', signals, '--config', CONFIG, '--db', store())).toEqual({
      code: 1, out: '', err: `digest: ${signals}: is cut short: its gzip data ends early (an interrupted download or copy?)\n`,
    });
  });
});

describe('field sizes', () => {
  const line = (fields: Record<string, unknown>) => JSON.stringify({ id: 'x:1', title: 'A fine paper', ...fields });

  test('a JSON line over 2 MB is skipped with its line number; the lines around it are stored', async () => {
    const big = line({ id: 'x:2', abstract: 'a'.repeat(3 * 1024 * 1024) });
    const path = file('big-line.jsonl', `${line({})}\n${big}\n${line({ id: 'x:3', title: 'Another fine paper' })}\n`);
    expect(await runCli('import', path, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 0,
      err: `skipped 1 record:\n${path}:2 a line of 3,145,777 bytes, longer than the 2 MB a JSON line may have\n`,
      out: `imported 2 papers from ${path}: 2 new, 0 already stored (0 enriched), 1 skipped\n`,
    });
  });

  test.each([
    ['title', { title: 'T'.repeat(2001) }, 'title: 2,001 characters, more than the 2,000 a title may have'],
    ['abstract', { abstract: 'a'.repeat(100_001) }, 'abstract: 100,001 characters, more than the 100,000 an abstract may have'],
    ['authors', { authors: Array.from({ length: 10_001 }, (_, i) => `Author ${i}`) }, 'authors: 10,001 names, more than the 10,000 a paper may have'],
    ['an author', { authors: ['A'.repeat(1001)] }, 'authors[0]: 1,001 characters, more than the 1,000 a name may have'],
    ['venue', { venue: 'V'.repeat(1001) }, 'venue: 1,001 characters, more than the 1,000 a venue may have'],
  ])('a record whose %s is too long is skipped, located; the rest are stored', async (_name, fields, problem) => {
    const path = file('papers.jsonl', `${line({ id: 'x:0' })}\n${line(fields)}\n`);
    expect(await runCli('import', path, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 0, err: `skipped 1 record:\n${path}:2 ${problem}\n`, out: `imported 1 paper from ${path}: 1 new, 0 already stored (0 enriched), 1 skipped\n`,
    });
  });

  test('a 15 MB title in a feed: that item is rejected and named, the others are stored', async () => {
    const item = (title: string, n: number) => `<item><title>${title}</title><link>https://example.org/${n}</link></item>`;
    const url = pathToFileURL(file('feed.xml', `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed</title>\n${item('Fine paper one', 1)}\n`
      + `${item('T'.repeat(15 * 1024 * 1024), 2)}\n${item('Fine paper three', 3)}\n</channel></rss>\n`)).href;
    const { code, out } = await runCli('fetch', '--feed', url, '--db', inDir(dir.path, 'store.sqlite'), '--config', inDir(dir.path, 'none.yaml'));
    expect({ code, out }).toEqual({
      code: 0,
      out: ['source    fetched  new  duplicates  rejected  errors', 'feed.xml        2    2           0         1       0', '',
        'feed.xml: 1 record skipped:', `  [feed.xml] ${url} item https://example.org/2: title: 15,728,640 characters, more than the 2,000 a title may have`, ''].join('\n'),
    });
  });
});

describe('records that look right but are not', () => {
  test('a BibTeX entry closed early by an extra "}" is reported with its lines, not cut short silently', async () => {
    const bib = file('refs.bib', [
      '@article{first, title = {First paper on electrolytes}, author = {Ann Author}, year = {2024}}',
      '@article{broken,',
      '  title = {Broken paper on electrolytes}},',
      '  author = {Bo Author},',
      '  year = {2024},',
      '}',
      '@article{third, title = {Third paper on electrolytes}, year = {2024}}',
      '',
    ].join('\n'));
    expect(await runCli('import', bib, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 0,
      err: `skipped 1 record:\n[import:refs] ${bib}:2 item broken: an extra "}" on line 3 closes the entry early; the fields after it (author, year) would be lost\n`,
      out: `imported 2 papers from ${bib}: 2 new, 0 already stored (0 enriched), 1 skipped\n`,
    });
  });

  test.each([
    ['JSON lines', 'papers.jsonl', `${JSON.stringify({ id: 'x:1', title: 'A fine paper' })}\n${JSON.stringify({ id: 'x:2', title: 'Undated', published: 'not a date' })}\n`,
      '{file}:2 published: expected a date (2026-06-01 or an ISO 8601 time), saw "not a date"'],
    ['BibTeX', 'refs.bib', '@article{fine, title = {A fine paper}, year = {2024}}\n@article{undated, title = {Undated}, year = {not a date}}\n',
      '[import:refs] {file}:2 item undated: published: expected a date, saw "not a date"'],
  ])('%s: "not a date" is rejected as a date, located', async (_name, name, content, problem) => {
    const path = file(name, content);
    expect(await runCli('import', path, '--db', inDir(dir.path, 'store.sqlite'))).toEqual({
      code: 0, err: `skipped 1 record:\n${problem.replace('{file}', path)}\n`, out: `imported 1 paper from ${path}: 1 new, 0 already stored (0 enriched), 1 skipped\n`,
    });
  });

  test.each([
    ['JSON lines', 'papers.jsonl', (doi: string) => `${JSON.stringify({ id: 'x:1', title: 'A fine paper', doi: '10.1175/1520-0469(1996)053<0946:ASTFHH>2.0.CO;2' })}\n${JSON.stringify({ id: 'x:2', title: 'Marked up', doi })}\n`,
      '{file}:2 doi: expected a DOI (10.NNNN/suffix, without spaces, quotes or markup), saw "{doi}"'],
    ['BibTeX', 'refs.bib', (doi: string) => `@article{fine, title = {A fine paper}, doi = {10.1175/1520-0469(1996)053<0946:ASTFHH>2.0.CO;2}}\n@article{marked, title = {Marked up}, doi = {${doi}}}\n`,
      '[import:refs] {file}:2 item marked: doi: expected a DOI (10.NNNN/suffix, without spaces, quotes or markup), saw "{doi}"'],
  ])('%s: a DOI holding markup is rejected per record; an old SICI DOI with <…> is kept', async (_name, name, content, problem) => {
    const doi = '10.1234/abc"><script>alert(1)</script>';
    const path = file(name, content(doi));
    const db = inDir(dir.path, 'store.sqlite');
    expect(await runCli('import', path, '--db', db)).toEqual({
      code: 0, err: `skipped 1 record:\n${problem.replace('{file}', path).replace('{doi}', doi)}\n`,
      out: `imported 1 paper from ${path}: 1 new, 0 already stored (0 enriched), 1 skipped\n`,
    });
  });
});

describe('a folder where a file belongs', () => {
  // Each reads its file its own way (a stream of lines, a sniffed head, the whole file); a folder made
  // node:fs throw EISDIR mid-read, which `feedback import` printed as an internal error.
  test.each([
    ['feedback import', (folder: string, db: string) => ['feedback', 'import', folder, '--config', CONFIG, '--db', db]],
    ['rank --papers', (folder: string) => ['rank', '--papers', folder, '--config', CONFIG]],
    ['import', (folder: string, db: string) => ['import', folder, '--db', db]],
    ['learn --bib', (folder: string, db: string) => ['learn', '--bib', folder, '--area', 'phase-field-sei', '--config', CONFIG, '--db', db]],
    ['export --digest', (folder: string) => ['export', '--digest', folder, '--format', 'text']],
  ])('%s: says it is a folder, exit 1, no stack trace', async (_name, args) => {
    const folder = inDir(dir.path, 'signals');
    mkdirSync(folder);
    const { code, out, err } = await runCli(...args(folder, inDir(dir.path, 'store.sqlite')));
    expect({ code, out, err }).toEqual({ code: 1, out: '', err: `digest: ${folder}: is a folder, not a file\n` });
  });

  test('the config: the same words, as a config problem', async () => {
    const folder = inDir(dir.path, 'config');
    mkdirSync(folder);
    expect(await runCli('rank', '--config', folder, '--papers', fixturePath('papers/corpus-slice.jsonl'))).toEqual({
      code: 1, out: '', err: `digest: ${folder}: the config has 1 problem:\nis a folder, not a file\n`,
    });
  });
});
