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
