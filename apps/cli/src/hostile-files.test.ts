// Hostile and broken files given to the command line (issue 17): a config, and files to import or
// rank. Each gets one located message and the right exit code, never a stack trace, and the
// valid records beside a bad one are stored.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { inDir, runCli, tempDir } from '../test/run-cli.ts';

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
