import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommanderError } from 'commander';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { buildProgram } from '../cli.ts';
import { InputError } from '../errors.ts';
import { sampleWeekBriefing, sampleWeekDigest } from '../../test/fixture-digests.ts';
import { runBin, runCli } from '../../test/run-cli.ts';
import { digestToHtmlEmail } from './html-email.ts';
import { digestToMarkdown } from './markdown.ts';

// The real sample week, ranked once at import and written where `digest build` would write it.
const digest = sampleWeekDigest();
const dir = mkdtempSync(join(tmpdir(), 'labdigest-export-'));
const file = join(dir, '2026-08-21.json');
writeFileSync(file, JSON.stringify(digest, null, 2));
const { included, considered } = digest.stats;

/** `digest export ...` through the program cli.ts assembles, errors caught as thrown. */
async function digestExport(...argv: string[]) {
  let out = '';
  let err = '';
  const io = { out: (s: string) => { out += s; }, err: (s: string) => { err += s; } };
  const program = buildProgram(io);
  try {
    await program.parseAsync(['export', ...argv], { from: 'user' });
  } catch (error) {
    return { out, err, error };
  }
  return { out, err, error: undefined };
}

describe('each format to standard output', () => {
  test('markdown', async () => {
    const { out, err, error } = await digestExport('--digest', file, '--format', 'markdown');
    expect([err, error]).toEqual(['', undefined]);
    expect(out.split('\n', 3)).toEqual(['# Research Digest — 2026-08-21', '', `DENG.Group · ${included} papers of ${considered} considered`]);
    expect(out.match(/^### \d+\. /gm)).toHaveLength(included);
  });

  test('html', async () => {
    const { out } = await digestExport('--digest', file, '--format', 'html');
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="en">\n')).toBe(true);
    expect(out).toBe(digestToHtmlEmail(digest));
  });

  test('text', async () => {
    const { out } = await digestExport('--digest', file, '--format', 'text');
    expect(out.split('\n', 2)).toEqual(['Research Digest — 2026-08-21', `DENG.Group · ${included} papers of ${considered} considered`]);
  });

  test('atom, with the feed links', async () => {
    const { out } = await digestExport('--digest', file, '--format', 'atom', '--self-url', 'https://lab.example.org/atom.xml');
    const feed = (new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(out) as { feed: { entry: unknown[]; link: { '@_href': string } } }).feed;
    expect([feed.entry.length, feed.link['@_href']]).toEqual([included, 'https://lab.example.org/atom.xml']);
  });

  test('bibtex', async () => {
    const { out } = await digestExport('--digest', file, '--format', 'bibtex');
    expect(out.match(/^@article\{/gm)).toHaveLength(included);
  });
});

test('--out writes the file and says so on stderr', async () => {
  const target = join(dir, 'digest.md');
  const { out, err } = await digestExport('--digest', file, '--format', 'markdown', '--out', target);
  expect(out).toBe('');
  expect(err).toBe(`wrote markdown of ${included} papers to ${target}\n`);
  expect(readFileSync(target, 'utf8').startsWith('# Research Digest — 2026-08-21\n')).toBe(true);
});

test('--out - is standard output: no file named "-" is made', async () => {
  const { code, out, err } = await runBin(['export', '--digest', file, '--format', 'text', '--out', '-'], { cwd: dir });
  expect([code, err]).toEqual([0, '']);
  expect(out.split('\n', 1)).toEqual(['Research Digest — 2026-08-21']);
  expect(existsSync(join(dir, '-'))).toBe(false);
});

test('an --out that is the digest itself, or a link to it, is refused and the digest is unchanged', async () => {
  const copy = join(dir, 'refused.json');
  writeFileSync(copy, readFileSync(file));
  symlinkSync(copy, join(dir, 'refused-link.json'));
  for (const out of [copy, join(dir, 'refused-link.json')]) {
    expect(await runCli('export', '--digest', copy, '--format', 'markdown', '--out', out))
      .toEqual({ code: 1, out: '', err: `digest: --out ${out}: is the digest itself: write elsewhere\n` });
  }
  expect(readFileSync(copy, 'utf8')).toBe(readFileSync(file, 'utf8'));
});

describe('digests of both schema versions', () => {
  const briefing = sampleWeekBriefing();

  test('a version 2 briefing exports its picks in full and the rest in brief', async () => {
    const path = join(dir, 'briefing.json');
    writeFileSync(path, JSON.stringify(briefing));
    const { out } = await digestExport('--digest', path, '--format', 'markdown');
    expect(out).toBe(digestToMarkdown(briefing));
    expect(out.match(/^### \d+\. /gm)).toHaveLength(12);
  });

  test('a version 1 digest (no picks, no abstracts) reads as all picks and exports every paper in full', async () => {
    const v1 = {
      ...briefing, schemaVersion: 1,
      sections: briefing.sections.map((s) => ({ ...s, papers: s.papers.map(({ pick: _pick, rank: _rank, abstract: _abstract, ...rest }) => rest) })),
    };
    const path = join(dir, 'v1.json');
    writeFileSync(path, JSON.stringify(v1));
    const { out, error } = await digestExport('--digest', path, '--format', 'markdown');
    expect(error).toBeUndefined();
    expect(out).toBe(digestToMarkdown(digest));
    expect(out.match(/^### \d+\. /gm)).toHaveLength(included);
  });
});

describe('--starred-only', () => {
  test('keeps the starred papers with their numbers and sections, by id or bare DOI', async () => {
    const hierarchical = digest.sections[1]!.papers.find((p) => p.doi === '10.1002/adfm.77192')!;
    expect(hierarchical.number).toBeGreaterThan(1);
    const { out } = await digestExport('--digest', file, '--format', 'markdown', '--starred-only', 'openalex:W4416056717', '10.1002/ADFM.77192');
    expect(out.split('\n').filter((l) => l.startsWith('#') || l.startsWith('DENG'))).toEqual([
      '# Research Digest — 2026-08-21',
      `DENG.Group · 2 papers of ${considered} considered`,
      '## ML Interatomic Potentials & Interface Simulations',
      '### 1. Microstructural insights into fast ion transport in solid electrolytes via multiscale modeling',
      '## Polymer Electrolytes',
      `### ${hierarchical.number}. Hierarchical Primary‐Secondary Coordination Synchronizes Ion Flux and Sulfur Redox in Solid Polymer Electrolytes`,
    ]);
  });

  test('bibtex of the starred papers only', async () => {
    const { out } = await digestExport('--digest', file, '--format', 'bibtex', '--starred-only', 'openalex:W4416056717');
    expect(out.match(/^@\w+\{[^,]+,$/gm)).toEqual(['@article{Ou2026Microstructural,']);
  });

  test('an id the digest does not hold is an error naming it', async () => {
    const { error } = await digestExport('--digest', file, '--format', 'bibtex', '--starred-only', 'arxiv:2506.10944');
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${file}: has no paper "arxiv:2506.10944" (--starred-only); its ids look like openalex:W4416056717, openalex:W7203652414`);
  });
});

describe('a bad digest file', () => {
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('missing', async () => {
    const { error } = await digestExport('--digest', join(dir, 'nope.json'), '--format', 'text');
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${join(dir, 'nope.json')}: no such file`);
  });

  test('not JSON', async () => {
    const bad = write('truncated.json', JSON.stringify(digest).slice(0, 100));
    const { error } = await digestExport('--digest', bad, '--format', 'text');
    expect((error as Error).message).toMatch(new RegExp(`^${bad}: not valid JSON \\(`));
  });

  test('fields that break the schema: file: field: problem, one a line', async () => {
    const broken = JSON.parse(JSON.stringify(digest)) as { sections: { papers: Record<string, unknown>[] }[]; date: string };
    broken.sections[0]!.papers[1]!.url = 42;
    delete broken.sections[1]!.papers[0]!.title;
    broken.date = '21 Aug 2026';
    const bad = write('broken.json', JSON.stringify(broken));
    const { error, out } = await digestExport('--digest', bad, '--format', 'markdown');
    expect(out).toBe('');
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message.split('\n')).toEqual([
      `${bad}: date: Invalid string: must match pattern /^\\d{4}-\\d{2}-\\d{2}$/, saw "21 Aug 2026"`,
      `${bad}: sections[0].papers[1].url: expected string, received number, saw 42`,
      `${bad}: sections[1].papers[0].title: missing required field`,
    ]);
  });

  test('a digest of another schema version', async () => {
    const bad = write('v9.json', JSON.stringify({ ...digest, schemaVersion: 9 }));
    const { error } = await digestExport('--digest', bad, '--format', 'markdown');
    expect((error as Error).message).toBe(`${bad}: schemaVersion: this labdigest reads digests of versions 1 to 2, saw 9`);
  });
});

describe('usage errors come from commander (exit 2 in cli.ts)', () => {
  test('an unknown format lists the choices', async () => {
    const { error, err } = await digestExport('--digest', file, '--format', 'pdf');
    expect((error as CommanderError).code).toBe('commander.invalidArgument');
    expect(err).toContain("error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are markdown, html, text, atom, bibtex, meeting.");
  });

  test('a digest format without --digest says to pass one (exit 2)', async () => {
    const { code, err } = await runCli('export', '--format', 'markdown');
    expect([code, err]).toEqual([2, 'digest: --format markdown exports a digest: pass --digest FILE\n']);
  });

  test('--format is required', async () => {
    const { error } = await digestExport('--digest', file);
    expect((error as CommanderError).code).toBe('commander.missingMandatoryOptionValue');
  });
});
