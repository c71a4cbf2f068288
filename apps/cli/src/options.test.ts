// Option values the command line refuses before any command runs: each is wrong usage (exit 2), said
// in one line that names the option, the value and what was expected.
import { fixturePath } from '@labdigest/fixtures';
import { afterAll, describe, expect, test } from 'vitest';
import { inDir, runCli, tempDir } from '../test/run-cli.ts';
import type { OptionSpec } from './command.ts';
import { badDate, collect, duration, parseDate, parsePort, valueParser } from './options.ts';

const CONFIG = fixturePath('../digest.config.yaml');
const dir = tempDir();
afterAll(() => dir.remove());
const db = inDir(dir.path, 'store.sqlite');

/** What commander prints for a value its parser refused. */
const refused = (flags: string, value: string, problem: string) => ({
  code: 2, out: '', err: `error: option '${flags}' argument '${value}' is invalid. ${problem}\n(run with --help for usage)\n`,
});

describe('dates', () => {
  test.each([
    ['2026-02-30', 'February 2026 has 28 days'],
    ['2026-11-31', 'November 2026 has 30 days'],
    ['2028-02-30', 'February 2028 has 29 days'],
    ['2100-02-29', 'February 2100 has 28 days'],
    ['2026-04-31T06:00:00Z', 'April 2026 has 30 days'],
  ])('%s is not a date, not the next month\'s first days', (value, why) => {
    expect([parseDate(value), badDate(value)]).toEqual([null, `not a date (${why})`]);
  });

  test('the last day of a month, a leap day and an ISO time are dates', () => {
    expect(['2026-11-30', '2028-02-29', '2000-02-29', '2026-12-31T23:59:59Z'].map((v) => parseDate(v)?.toISOString()))
      .toEqual(['2026-11-30T00:00:00.000Z', '2028-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z', '2026-12-31T23:59:59.000Z']);
  });

  test('what is not shaped like a date keeps the message that shows the shape', () => {
    expect(badDate('2026-13-01')).toBe('expected a date like 2026-06-01 or an ISO time, saw "2026-13-01"');
  });

  test('build --since 2026-02-30 and papers --since 2026-11-31 are wrong usage, not March 2 and December 1', async () => {
    const digests = inDir(dir.path, 'digests');
    expect(await runCli('build', '--config', CONFIG, '--db', db, '--digests', digests, '--since', '2026-02-30'))
      .toEqual(refused('--since <date>', '2026-02-30', 'not a date (February 2026 has 28 days)'));
    expect(await runCli('build', '--config', CONFIG, '--db', db, '--digests', digests, '--until', '2026-06-31'))
      .toEqual(refused('--until <date>', '2026-06-31', 'not a date (June 2026 has 30 days)'));
    expect(await runCli('papers', '--db', db, '--since', '2026-11-31'))
      .toEqual(refused('--since <date>', '2026-11-31', 'not a date (November 2026 has 30 days)'));
  });
});

describe('durations', () => {
  test('up to a year', () => {
    expect([duration('365d'), duration('8760h'), duration('30m')]).toEqual([365 * 86_400_000, 365 * 86_400_000, 1_800_000]);
    expect(() => duration('366d')).toThrow('at most 365d, saw "366d"');
    expect(() => duration('8761h')).toThrow('at most 365d, saw "8761h"');
  });

  test('members invite --expires past a year is wrong usage, not an internal error or a date in the year 29405', async () => {
    for (const value of ['99999999999h', '9999999d']) {
      expect(await runCli('members', 'invite', 'Naibing Wu', '--config', CONFIG, '--db', db, '--expires', value))
        .toEqual(refused('--expires <duration>', value, `at most 365d, saw "${value}"`));
    }
  });
});

describe('an option given the next option as its value', () => {
  test('feedback reset --member --db x.sqlite names --member, not a stray argument', async () => {
    expect(await runCli('feedback', 'reset', '--member', '--db', 'x.sqlite'))
      .toEqual(refused('--member <name>', '--db', 'expected a name, saw the option --db'));
  });

  test('the same for any option that takes a value', async () => {
    expect(await runCli('import', 'x.jsonl', '--db', '--wait', '5'))
      .toEqual(refused('--db <path>', '--wait', 'expected a path, saw the option --wait'));
    expect(await runCli('search', 'x', '--limit', '--db', db))
      .toEqual(refused('-n, --limit <n>', '--db', 'expected a number, saw the option --db'));
    expect(await runCli('init', '--area', '--out', 'x.yaml'))
      .toEqual(refused('--area <id:Name:keywords>', '--out', 'expected a value like "id:Name:keywords", saw the option --out'));
  });

  test('values are still parsed, repeated and gathered as before', () => {
    const plain: OptionSpec = { flags: '--member <name>', description: '' };
    const repeated: OptionSpec = { flags: '--area <spec>', description: '', parse: collect, default: [] };
    const variadic: OptionSpec = { flags: '--starred-only <ids...>', description: '' };
    expect(valueParser(plain)?.('Naibing Wu', undefined)).toBe('Naibing Wu');
    expect(valueParser(repeated)?.('b', ['a'])).toEqual(['a', 'b']);
    expect(valueParser(variadic)?.('y', valueParser(variadic)?.('x', undefined))).toEqual(['x', 'y']);
    expect(valueParser({ flags: '--print', description: '' })).toBeUndefined();
  });
});

describe('ports', () => {
  test('0 picks a free port; an empty value (an unset $PORT) is no port', () => {
    expect([parsePort('0'), parsePort('8080'), parsePort('65535')]).toEqual([0, 8080, 65535]);
    for (const value of ['', ' ', '65536', '-1', '80.5']) {
      expect(() => parsePort(value)).toThrow(`expected a port number 1–65535 (0 picks a free one), saw "${value}"`);
    }
  });

  test('serve --port "" is wrong usage', async () => {
    // A reader folder that is not there: were the port taken, serve would stop there with exit 1.
    expect(await runCli('serve', '--port', '', '--reader', inDir(dir.path, 'no-reader'), '--db', db))
      .toEqual(refused('-p, --port <n>', '', 'expected a port number 1–65535 (0 picks a free one), saw ""'));
  });
});
