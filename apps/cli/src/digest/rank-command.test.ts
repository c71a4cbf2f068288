import { copyFileSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { fixturePath } from '@labdigest/fixtures';
import { afterEach, expect, test } from 'vitest';
import { inDir, runBin, runCli, tempDir } from '../../test/run-cli.ts';

const CONFIG = fixturePath('../digest.config.yaml');
const SLICE = fixturePath('papers/corpus-slice.jsonl');

let dir = tempDir();
afterEach(() => { dir.remove(); dir = tempDir(); });

test('an --out that is one of the inputs is refused, and the input is unchanged', async () => {
  const papers = inDir(dir.path, 'in.jsonl');
  const config = inDir(dir.path, 'digest.config.yaml');
  copyFileSync(SLICE, papers);
  copyFileSync(CONFIG, config);
  symlinkSync('in.jsonl', inDir(dir.path, 'link.jsonl'));
  const cases = [[papers, 'the papers file'], [inDir(dir.path, 'link.jsonl'), 'the papers file'], [config, 'the config']] as const;
  for (const [out, what] of cases) {
    expect(await runCli('rank', '--papers', papers, '--config', config, '--out', out, '--no-learning'))
      .toEqual({ code: 1, out: '', err: `digest: --out ${out}: is ${what} itself: write elsewhere\n` });
  }
  expect(readFileSync(papers, 'utf8')).toBe(readFileSync(SLICE, 'utf8'));
  expect(readFileSync(config, 'utf8')).toBe(readFileSync(CONFIG, 'utf8'));
});

test('an --out that is the store the ranking learns from is refused', async () => {
  const db = inDir(dir.path, 'store.sqlite');
  expect((await runCli('import', SLICE, '--db', db)).code).toBe(0);
  const before = readFileSync(db);
  expect(await runCli('rank', '--papers', SLICE, '--config', CONFIG, '--db', db, '--out', db))
    .toEqual({ code: 1, out: '', err: `digest: --out ${db}: is the paper store itself: write elsewhere\n` });
  expect(readFileSync(db).equals(before)).toBe(true);
});

test('--out - writes the ranking to standard output, not to a file named "-"; with --print it is a usage error', async () => {
  const { code, out } = await runBin(['rank', '--papers', SLICE, '--config', CONFIG, '--out', '-', '--no-learning'], { cwd: dir.path });
  expect(code).toBe(0);
  expect((JSON.parse(out) as { papers: unknown[] }).papers).toHaveLength(313);
  expect(existsSync(inDir(dir.path, '-'))).toBe(false);
  expect(await runBin(['rank', '--papers', SLICE, '--config', CONFIG, '--out', '-', '--print'], { cwd: dir.path })).toEqual({
    code: 2, out: '', err: 'digest: --print and --out - both write to standard output: write the ranking to a file, or leave out one of them\n',
  });
});
