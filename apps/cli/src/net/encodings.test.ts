// A real recorded feed in every encoding XML allows (issue 17): through a local server (the
// Content-Type's charset) and file: URLs (the XML declaration alone), it must parse to exactly the
// papers its UTF-8 original gives. The transcoding is done here, from the UTF-8 fixture.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readFixture } from '@labdigest/fixtures';
import { parseFeed } from '@labdigest/sources';
import { afterEach, describe, expect, test } from 'vitest';
import { FetchFailedError } from '../errors.ts';
import { startServer, type Handler, type TestServer } from '../../test/fixture-server.ts';
import { inDir, tempDir } from '../../test/run-cli.ts';
import { fetchText } from './fetch-text.ts';

// ScienceDirect's feed: Czech, Hungarian and Spanish names (č ő ř Š á é ü), en dashes, no CDATA.
const name = 'rss/rss-elsevier-sciencedirect-bioorgmedchem-mirrored-2026-08-22.xml';
const original = readFixture(name);
const at = { source: 'feed', location: 'test.xml', now: new Date('2026-08-23T00:00:00Z') };
const expected = parseFeed(original, at);

let server: TestServer | undefined;
let dir = tempDir();
afterEach(async () => {
  await server?.close();
  server = undefined;
  dir.remove();
  dir = tempDir();
});

/** The feed with its declaration naming `encoding` (or none when null). */
const declaring = (encoding: string | null) =>
  original.replace(/^<\?xml[^>]*\?>/, encoding === null ? '' : `<?xml version="1.0" encoding="${encoding}"?>`);

/** Characters a one-byte charset lacks, written as character references (the parser reads them back). */
const withReferences = (text: string, has: (code: number) => boolean) =>
  text.replace(/[^\x00-\x7f]/gu, (c) => (has(c.codePointAt(0) as number) ? c : `&#${c.codePointAt(0)};`));

const cp1252Extra = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0) as number));
const encoders: Record<string, (text: string) => Uint8Array> = {
  'utf-8': (t) => Buffer.from(t, 'utf8'),
  'utf-16le': (t) => Buffer.from(t, 'utf16le'),
  'utf-16be': (t) => Buffer.from(t, 'utf16le').swap16(),
  'utf-32le': (t) => utf32(t, true),
  'utf-32be': (t) => utf32(t, false),
  'iso-8859-1': (t) => Buffer.from(withReferences(t, (c) => c < 0x100), 'latin1'),
  'windows-1252': (t) => Buffer.from([...withReferences(t, (c) => c < 0x100 || cp1252Extra.has(c))].map(cp1252Byte)),
};

function utf32(text: string, littleEndian: boolean): Uint8Array {
  const points = [...text].map((c) => c.codePointAt(0) as number);
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (littleEndian ? bytes.writeUInt32LE(p, i * 4) : bytes.writeUInt32BE(p, i * 4)));
  return bytes;
}

function cp1252Byte(c: string): number {
  const code = c.codePointAt(0) as number;
  if (code < 0x100) return code;
  return 0x80 + [...'€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ'].indexOf(c);
}

const boms: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff],
  'utf-32le': [0xff, 0xfe, 0, 0], 'utf-32be': [0, 0, 0xfe, 0xff],
};

function bytesOf(encoding: string, declared: string | null, bom: boolean): Uint8Array {
  const body = (encoders[encoding] as (t: string) => Uint8Array)(declaring(declared));
  return bom ? Buffer.concat([Buffer.from(boms[encoding] ?? []), body]) : body;
}

const serveBytes = (bytes: Uint8Array, contentType: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-length': String(bytes.length) }).end(bytes);
};

async function overHttp(bytes: Uint8Array, contentType: string): Promise<string> {
  server = await startServer({ '/feed.xml': serveBytes(bytes, contentType) });
  return (await fetchText(`${server.origin}/feed.xml`, { retries: 0 })).text;
}

async function fromFile(bytes: Uint8Array): Promise<string> {
  const file = inDir(dir.path, 'feed.xml');
  writeFileSync(file, bytes);
  return (await fetchText(pathToFileURL(file).href, { retries: 0 })).text;
}

test('the feed has papers and characters beyond Latin-1 to lose', () => {
  expect(expected.papers).toHaveLength(34);
  expect(original).toMatch(/[čőřŠ]/u);
});

describe('over HTTP', () => {
  test.each([
    ['UTF-8 with a BOM, the Content-Type saying ISO-8859-1 (the BOM wins)', 'utf-8', 'UTF-8', true, 'application/rss+xml; charset=ISO-8859-1'],
    ['UTF-16LE with a BOM, no charset', 'utf-16le', 'UTF-16', true, 'application/rss+xml'],
    ['UTF-16BE with a BOM, no charset', 'utf-16be', 'UTF-16', true, 'text/xml'],
    ['UTF-32LE with a BOM, no charset', 'utf-32le', 'UTF-32', true, 'application/xml'],
    ['UTF-32BE with a BOM, no charset', 'utf-32be', 'UTF-32', true, 'application/xml'],
    ['UTF-16BE named by the charset alone', 'utf-16be', null, false, 'application/rss+xml; charset=UTF-16BE'],
    ['ISO-8859-1 named by the charset, the declaration saying UTF-8 (the charset wins)', 'iso-8859-1', 'UTF-8', false, 'application/rss+xml; charset="iso-8859-1"'],
    ['windows-1252 named by the charset', 'windows-1252', 'windows-1252', false, 'text/xml; charset=windows-1252'],
  ])('%s', async (_name, encoding, declared, bom, contentType) => {
    const text = await overHttp(bytesOf(encoding, declared, bom), contentType);
    expect(parseFeed(text, at)).toEqual(expected);
  });

  test('an unknown charset is a clear error, not mojibake', async () => {
    server = await startServer({ '/feed.xml': serveBytes(bytesOf('utf-8', 'UTF-8', false), 'application/xml; charset=x-klingon') });
    const error = await fetchText(`${server.origin}/feed.xml`, { retries: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchFailedError);
    expect((error as Error).message).toBe(`[GET] "${server.origin}/feed.xml": unknown character encoding "x-klingon" (named by the Content-Type's charset): `
      + 'expected one such as UTF-8, UTF-16, UTF-32, ISO-8859-1 or windows-1252 (after 1 attempt)');
  });
});

describe('from a file: the XML declaration alone', () => {
  test.each([
    ['ISO-8859-1', 'iso-8859-1', 'ISO-8859-1', false],
    ['windows-1252', 'windows-1252', 'windows-1252', false],
    ['UTF-16LE without a BOM', 'utf-16le', 'UTF-16', false],
    ['UTF-16BE without a BOM', 'utf-16be', 'UTF-16', false],
    ['UTF-32LE without a BOM', 'utf-32le', 'UTF-32', false],
    ['UTF-32BE without a BOM', 'utf-32be', 'UTF-32', false],
    ['UTF-8 with a BOM', 'utf-8', 'UTF-8', true],
    ['UTF-8 without a declaration', 'utf-8', null, false],
  ])('%s', async (_name, encoding, declared, bom) => {
    expect(parseFeed(await fromFile(bytesOf(encoding, declared, bom)), at)).toEqual(expected);
  });

  test('ISO-8859-1 read as UTF-8 would be mojibake: "Klepáč" stays "Klepáč"', async () => {
    const text = await fromFile(bytesOf('iso-8859-1', 'ISO-8859-1', false));
    expect(text).not.toContain('\ufffd');
    expect(parseFeed(text, at).papers.flatMap((p) => p.authors)).toEqual(expected.papers.flatMap((p) => p.authors));
  });

  test('an encoding the declaration names that nobody knows is a clear error', async () => {
    const file = inDir(dir.path, 'feed.xml');
    writeFileSync(file, bytesOf('utf-8', 'x-klingon', false));
    const error = await fetchText(pathToFileURL(file).href, { retries: 0 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`[GET] "${pathToFileURL(file).href}": unknown character encoding "x-klingon" (named by the XML declaration): `
      + 'expected one such as UTF-8, UTF-16, UTF-32, ISO-8859-1 or windows-1252 (after 1 attempt)');
  });
});
