import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath, readFixture } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { run } from './cli.ts';

const root = fixturePath('..');
const config = join(root, 'digest.config.yaml');
const slice = fixturePath('papers/corpus-slice.jsonl');

async function digest(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

describe('digest rank', () => {
  test('writes every input paper with scores, member scores, section and evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labdigest-'));
    const outFile = join(dir, 'ranked.json');
    const { code, err } = await digest('rank', '--config', config, '--papers', slice, '--out', outFile);
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(outFile, 'utf8')) as { papers: Record<string, unknown>[] };
    const lines = readFixture('papers/corpus-slice.jsonl').trim().split('\n').length;
    expect(result.papers).toHaveLength(lines);
    expect(Object.keys(result.papers[0]!)).toEqual(expect.arrayContaining(['id', 'scores', 'memberScores', 'section', 'matchedTerms', 'members', 'note', 'summary']));
    expect(Object.keys(result.papers[0]!.scores as object)).toEqual(['mlip-interfaces', 'polymer-electrolytes', 'phase-field-sei', 'halide-electrolytes']);
    const included = result.papers.filter((p) => p.section !== null);
    expect(included.length).toBeGreaterThan(0);
    expect(included.length).toBeLessThan(lines / 4); // most of a mixed batch is noise for the lab
    expect(err).toBe(`wrote ${lines} papers (${included.length} in the digest) to ${outFile}\n`);
  });

  test('reports bad lines with their numbers and ranks the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labdigest-'));
    const [first, second] = readFixture('papers/corpus-slice.jsonl').split('\n');
    const file = join(dir, 'papers.jsonl');
    writeFileSync(file, [first, '{"id": "x", "title": ', '{"id": "y"}', '{"id": "z", "title": "T", "authors": "A. B"}', second, ''].join('\n'));
    const { code, out, err } = await digest('rank', '--config', config, '--papers', file);
    expect(code).toBe(0);
    expect(err).toBe([
      'skipped 3 bad lines:',
      `${file}:2 not valid JSON (Unexpected end of JSON input)`,
      `${file}:3 title: missing required field`,
      `${file}:4 authors: expected array, received string, saw "A. B"`,
      '',
    ].join('\n'));
    expect((JSON.parse(out) as { papers: unknown[] }).papers).toHaveLength(2);
  });

  test('a config mistake names file, line and field, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labdigest-'));
    const bad = join(dir, 'digest.config.yaml');
    writeFileSync(bad, readFileSync(config, 'utf8').replace('    threshold: 0.55\n', '    treshold: 0.55\n'));
    const { code, err } = await digest('rank', '--config', bad, '--papers', slice);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^digest: ${bad}: the config has 1 problem:\\n${bad}:\\d+:5 areas\\[0\\]\\.treshold: unknown field "treshold" \\(did you mean "threshold"\\?\\)`));
  });

  test('a missing papers file is a clear error', async () => {
    const { code, err } = await digest('rank', '--config', config, '--papers', '/nonexistent/papers.jsonl');
    expect([code, err]).toEqual([1, 'digest: /nonexistent/papers.jsonl: no such file\n']);
  });

  test('--print shows the top papers per section', async () => {
    const { code, out } = await digest('rank', '--config', config, '--papers', slice, '--print', '--top', '2');
    expect(code).toBe(0);
    expect(out).toMatch(/^DENG\.Group: 313 papers ranked, \d+ in the digest \(IDF from the background corpus and this batch\)\n/);
    for (const name of ['ML Interatomic Potentials & Interface Simulations', 'Polymer Electrolytes', 'Phase Field / Dendrites & SEI', 'Halide Solid Electrolytes']) {
      expect(out).toContain(`\n${name} (`);
    }
  });
});

describe('the command line', () => {
  test('--help lists the commands and exits 0', async () => {
    const { code, out } = await digest('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: digest [options] [command]');
    expect(out).toMatch(/\n {2}rank \[options\] +score papers/);
  });

  test('an unknown option is a usage error: exit 2', async () => {
    const { code, err } = await digest('rank', '--papers', slice, '--colour');
    expect(code).toBe(2);
    expect(err).toContain("error: unknown option '--colour'");
  });

  test('a typo of a required option is named with the fix; a required option left out is said', async () => {
    expect(await digest('learn', '--bibb', slice)).toMatchObject({ code: 2, err: "error: unknown option '--bibb'\n(Did you mean --bib?)\n(run with --help for usage)\n" });
    expect(await digest('learn')).toMatchObject({ code: 2, err: "error: required option '--bib <file>' not specified\n(run with --help for usage)\n" });
  });

  test('a bad number is a usage error with the value', async () => {
    const { code, err } = await digest('rank', '--papers', slice, '--top', 'many');
    expect(code).toBe(2);
    expect(err).toContain('expected a positive whole number, saw "many"');
  });

  test('prints only its own output: no notices from libraries', () => {
    const bin = join(root, 'apps/cli/bin/digest.js');
    const result = spawnSync(process.execPath, [bin, 'rank', '--config', config, '--papers', slice, '--print', '--top', '1'], { encoding: 'utf8', cwd: root });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/dotenv|injected env/);
    expect(result.stdout.startsWith('DENG.Group: 313 papers ranked')).toBe(true);
  }, 60_000); // a whole process: tsx compiles the sources first

  test('a reader that closes the pipe early (`| head`) ends it quietly: no stack trace', async () => {
    const bin = join(root, 'apps/cli/bin/digest.js');
    const child = spawn(process.execPath, [bin, 'rank', '--config', config, '--papers', slice, '--print'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // as `head` exits before the command writes
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  test('the bin runs from any directory', () => {
    const out = execFileSync(process.execPath, [join(root, 'apps/cli/bin/digest.js'), '--version'], { encoding: 'utf8', cwd: tmpdir() });
    expect(out.trim()).toBe('0.1.0');
  }, 60_000);
});
