import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';
import { publishCommand, SITE_MARKER } from './publish-command.ts';

test('the site holds the reader and the archive, not the reader\'s bundled samples', () => {
  const reader = mkdtempSync(join(tmpdir(), 'reader-'));
  writeFileSync(join(reader, 'index.html'), '<!doctype html>');
  mkdirSync(join(reader, 'digests'));
  writeFileSync(join(reader, 'digests', '2024-01-01.json'), '{}');
  const digests = mkdtempSync(join(tmpdir(), 'archive-'));
  writeFileSync(join(digests, 'index.json'), JSON.stringify({ schemaVersion: 1, group: 'G', digests: [{ date: '2026-06-08', file: '2026-06-08.json', title: 'T', papers: 7, sample: false }] }));
  writeFileSync(join(digests, '2026-06-08.json'), '{"date":"2026-06-08"}');
  const out = join(mkdtempSync(join(tmpdir(), 'site-')), 'site');
  let err = '';
  publishCommand({ out, reader, digests }, { out: () => undefined, err: (s) => { err += s; } });
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<!doctype html>');
  expect(readFileSync(join(out, 'digests', '2026-06-08.json'), 'utf8')).toBe('{"date":"2026-06-08"}');
  expect(existsSync(join(out, 'digests', '2024-01-01.json'))).toBe(false);
  expect(err).toBe(`published the reader and 1 digest (newest 2026-06-08) to ${out}\n`);
});

test('without a built reader it says what to run', () => {
  const empty = mkdtempSync(join(tmpdir(), 'none-'));
  expect(() => publishCommand({ out: join(empty, 'site'), reader: empty, digests: empty }, { out: () => undefined, err: () => undefined }))
    .toThrow(`${empty}: no built reader here (index.html missing): run \`pnpm --filter @labdigest/reader build\` first`);
});

/** A built reader in `root`/reader and an archive of one digest (2026-06-08) in `digests`. */
function readerAndArchive(root: string, digests: string): { reader: string; digests: string } {
  const reader = inDir(root, 'reader');
  mkdirSync(reader);
  writeFileSync(inDir(reader, 'index.html'), '<!doctype html>');
  mkdirSync(digests, { recursive: true });
  writeFileSync(inDir(digests, 'index.json'), JSON.stringify({ schemaVersion: 1, group: 'G', digests: [{ date: '2026-06-08', file: '2026-06-08.json', title: 'T', papers: 7, sample: false }] }));
  writeFileSync(inDir(digests, '2026-06-08.json'), '{"date":"2026-06-08"}');
  return { reader, digests };
}

describe('an --out that would take data with it is refused before anything is touched', () => {
  let dir = tempDir();
  afterEach(() => { dir.remove(); dir = tempDir(); });

  /** data/labdigest.sqlite and the archive data/digests, a built reader, and a check that they are all still there. */
  function lab() {
    const data = inDir(dir.path, 'data');
    const { reader, digests } = readerAndArchive(dir.path, inDir(data, 'digests'));
    const store = inDir(data, 'labdigest.sqlite');
    writeFileSync(store, 'SQLite format 3\0 the store');
    const publish = (out: string, ...more: string[]) => runCli('publish', '--out', out, '--reader', reader, '--digests', digests, ...more);
    const intact = () => {
      expect(readFileSync(store, 'utf8')).toBe('SQLite format 3\0 the store');
      expect(readdirSync(digests).sort()).toEqual(['2026-06-08.json', 'index.json']);
      expect(readFileSync(inDir(digests, '2026-06-08.json'), 'utf8')).toBe('{"date":"2026-06-08"}');
    };
    return { reader, data, digests, store, publish, intact };
  }

  test('the archive, a folder holding it, or one inside it (--force or not)', async () => {
    const { data, digests, publish, intact } = lab();
    const cases = [
      [data, `holds the digest archive (${digests})`],
      [digests, 'is the digest archive'],
      [inDir(digests, 'site'), `lies inside the digest archive (${digests})`],
    ] as const;
    for (const [out, problem] of cases) {
      for (const force of [[], ['--force']]) {
        expect(await publish(out, ...force)).toEqual({ code: 1, out: '', err: `digest: --out ${out}: ${problem}: publish to a folder of its own\n` });
        intact();
      }
    }
    expect(existsSync(inDir(digests, 'site'))).toBe(false);
  });

  test('the reader, a folder holding a paper store, or the store file itself', async () => {
    const { reader, data, store, publish, intact } = lab();
    const shelf = inDir(dir.path, 'shelf');
    mkdirSync(inDir(shelf, 'old'), { recursive: true });
    writeFileSync(inDir(shelf, 'old/lab.sqlite'), 'another store');
    const cases = [
      [inDir(reader, 'site'), `lies inside the built reader (${reader})`],
      [shelf, `holds a paper store (${inDir(shelf, 'old/lab.sqlite')})`],
      [store, 'is a file, not a folder'],
    ] as const;
    for (const [out, problem] of cases) {
      expect(await publish(out, '--force')).toEqual({ code: 1, out: '', err: `digest: --out ${out}: ${problem}: publish to a folder of its own\n` });
    }
    intact();
    expect(readFileSync(inDir(shelf, 'old/lab.sqlite'), 'utf8')).toBe('another store');
    expect(readdirSync(reader)).toEqual(['index.html']);
    expect(readdirSync(data).sort()).toEqual(['digests', 'labdigest.sqlite']);
  });

  test('a folder of other files is left alone unless --force', async () => {
    const { publish, intact } = lab();
    const thesis = inDir(dir.path, 'thesis');
    mkdirSync(thesis);
    writeFileSync(inDir(thesis, 'thesis.tex'), '\\documentclass{book}');
    expect(await publish(thesis)).toEqual({
      code: 1, out: '', err: `digest: --out ${thesis}: holds files no publish wrote (thesis.tex): publish to a new or empty folder, or pass --force to replace them\n`,
    });
    expect(readdirSync(thesis)).toEqual(['thesis.tex']);
    expect(await publish(thesis, '--force')).toEqual({ code: 0, out: `${thesis}\n`, err: `published the reader and 1 digest (newest 2026-06-08) to ${thesis}\n` });
    expect(readdirSync(thesis).sort()).toEqual([SITE_MARKER, 'digests', 'index.html']);
    intact();
  });
});

describe('an earlier site is replaced whole', () => {
  let dir = tempDir();
  afterEach(() => { dir.remove(); dir = tempDir(); });

  function lab() {
    const { reader, digests } = readerAndArchive(dir.path, inDir(dir.path, 'digests'));
    return { reader, digests, publish: (out: string) => runCli('publish', '--out', out, '--reader', reader, '--digests', digests) };
  }

  test('one this publish wrote, and one published before the marker (index.html and digests/index.json)', async () => {
    const { publish } = lab();
    const site = inDir(dir.path, 'site');
    expect((await publish(site)).code).toBe(0);
    writeFileSync(inDir(site, 'stale.html'), 'stale');
    expect((await publish(site)).code).toBe(0);
    expect(readdirSync(site).sort()).toEqual([SITE_MARKER, 'digests', 'index.html']);

    const older = inDir(dir.path, 'older');
    mkdirSync(inDir(older, 'digests'), { recursive: true });
    writeFileSync(inDir(older, 'index.html'), 'old reader');
    writeFileSync(inDir(older, 'digests/index.json'), '{}');
    expect((await publish(older)).code).toBe(0);
    expect(readFileSync(inDir(older, 'index.html'), 'utf8')).toBe('<!doctype html>');
    expect(readdirSync(dir.path).sort()).toEqual(['digests', 'older', 'reader', 'site']);
  });

  test('through a symlink: the folder it leads to is replaced and the link stays', async () => {
    const { publish } = lab();
    const real = inDir(dir.path, 'www');
    expect((await publish(real)).code).toBe(0);
    symlinkSync('www', inDir(dir.path, 'site'));
    writeFileSync(inDir(real, 'stale.html'), 'stale');
    expect((await publish(inDir(dir.path, 'site'))).code).toBe(0);
    expect(readlinkSync(inDir(dir.path, 'site'))).toBe('www');
    expect(existsSync(inDir(real, 'stale.html'))).toBe(false);
    expect(readFileSync(inDir(real, 'digests/2026-06-08.json'), 'utf8')).toBe('{"date":"2026-06-08"}');
  });

  test('a publish that fails leaves the earlier site as it was, and no temporary folder', async () => {
    const { reader, publish } = lab();
    const site = inDir(dir.path, 'site');
    expect((await publish(site)).code).toBe(0);
    writeFileSync(inDir(site, 'kept.html'), 'kept');
    execFileSync('mkfifo', [inDir(reader, 'pipe')]); // which cpSync cannot copy
    const { code, out, err } = await publish(site);
    expect([code, out]).toEqual([1, '']);
    expect(err).toMatch(new RegExp(`^digest: --out ${site}: cannot be written \\(.*pipe.*\\); the earlier site there is unchanged\\n$`));
    expect(readFileSync(inDir(site, 'kept.html'), 'utf8')).toBe('kept');
    expect(readdirSync(dir.path).sort()).toEqual(['digests', 'reader', 'site']);
  });
});
