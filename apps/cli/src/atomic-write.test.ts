import { spawn, execFileSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { inDir, tempDir } from '../test/run-cli.ts';
import { refuseOverwritingInput, writeFileAtomic, writeTarget } from './atomic-write.ts';

let dir = tempDir();
afterEach(() => { dir.remove(); dir = tempDir(); });

/** The names in the test's folder: a temporary file left behind shows up here. */
const names = () => readdirSync(dir.path).sort();

test('a symlink to a file keeps being a link: the file it leads to gets the new text', () => {
  const real = inDir(dir.path, 'real.jsonl');
  writeFileSync(real, 'old\n');
  const link = inDir(dir.path, 'link.jsonl');
  symlinkSync('real.jsonl', link);
  writeFileAtomic(link, 'new\n');
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readlinkSync(link)).toBe('real.jsonl');
  expect(readFileSync(real, 'utf8')).toBe('new\n');
  expect(names()).toEqual(['link.jsonl', 'real.jsonl']);
});

test('a symlink to nothing yet creates the file it names, and stays a link', () => {
  mkdirSync(inDir(dir.path, 'out'));
  const link = inDir(dir.path, 'latest.json');
  symlinkSync('out/2026-06-08.json', link);
  writeFileAtomic(link, '{}\n');
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readFileSync(inDir(dir.path, 'out/2026-06-08.json'), 'utf8')).toBe('{}\n');
});

test('a symlink to /dev/null is written through, not replaced by a file', () => {
  const link = inDir(dir.path, 'discard');
  symlinkSync('/dev/null', link);
  writeFileAtomic(link, 'x'.repeat(10_000));
  expect(readlinkSync(link)).toBe('/dev/null');
  expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  expect(names()).toEqual(['discard']);
});

test('a named pipe is written into, as `>` writes it, and stays a pipe', async () => {
  const fifo = inDir(dir.path, 'pipe');
  execFileSync('mkfifo', [fifo]);
  const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
  let read = '';
  reader.stdout.on('data', (chunk: Buffer) => { read += chunk.toString(); });
  const closed = new Promise((resolve) => reader.on('close', resolve));
  // A pipe replaced by a file leaves its reader waiting for a writer that never comes.
  const stuck = setTimeout(() => reader.kill(), 5000);
  writeFileAtomic(fifo, 'through the pipe\n');
  await closed;
  clearTimeout(stuck);
  expect(read).toBe('through the pipe\n');
  expect(lstatSync(fifo).isFIFO()).toBe(true);
  expect(names()).toEqual(['pipe']);
});

test('/dev/fd/N writes to the open file itself: `>> log` appends, and the file is not replaced', () => {
  const log = inDir(dir.path, 'log');
  writeFileSync(log, 'kept\n');
  const inode = statSync(log).ino;
  const fd = openSync(log, 'a');
  try {
    expect(writeTarget(`/dev/fd/${fd}`)).toEqual({ kind: 'stream', path: `/dev/fd/${fd}`, what: `the open file descriptor ${fd}`, fd });
    writeFileAtomic(`/dev/fd/${fd}`, 'added\n');
  } finally {
    closeSync(fd);
  }
  expect(readFileSync(log, 'utf8')).toBe('kept\nadded\n');
  expect(statSync(log).ino).toBe(inode);
  expect(writeTarget('/dev/stdout')).toMatchObject({ kind: 'stream', what: 'standard output', fd: 1 });
});

// Only classified, never written: a broken check must not get to write a disk.
const disk = ['/dev/loop0', '/dev/sda', '/dev/vda', '/dev/nvme0n1'].find((path) => existsSync(path) && statSync(path).isBlockDevice());
test.skipIf(disk === undefined)('a block device is a disk, which no write goes to', () => {
  expect(writeTarget(disk ?? '')).toEqual({ kind: 'disk', path: disk, what: 'a disk (a block device)' });
});

test('a folder in the way is an error naming it, and no temporary file is left', () => {
  mkdirSync(inDir(dir.path, 'ranked.json'));
  expect(() => writeFileAtomic(inDir(dir.path, 'ranked.json'), '{}')).toThrow(`${inDir(dir.path, 'ranked.json')}: cannot be written (it is a folder)`);
  expect(names()).toEqual(['ranked.json']);
});

test('an output that is an input by any name is refused, and nothing is written', () => {
  const store = inDir(dir.path, 'store.sqlite');
  writeFileSync(store, 'SQLite format 3\0');
  symlinkSync('store.sqlite', inDir(dir.path, 'link.sqlite'));
  linkSync(store, inDir(dir.path, 'hard.sqlite'));
  const inputs = [{ file: inDir(dir.path, 'in.jsonl'), what: 'the papers file' }, { file: store, what: 'the paper store' }];
  for (const out of [store, join(dir.path, '.', 'store.sqlite'), inDir(dir.path, 'link.sqlite'), inDir(dir.path, 'hard.sqlite')]) {
    expect(() => refuseOverwritingInput(out, inputs)).toThrow(`--out ${out}: is the paper store itself: write elsewhere`);
  }
  expect(() => refuseOverwritingInput(inDir(dir.path, 'new.jsonl'), inputs)).not.toThrow();
  expect(() => refuseOverwritingInput('/dev/null', [{ file: '/dev/null', what: 'the papers file' }])).not.toThrow();
  expect(readFileSync(store, 'utf8')).toBe('SQLite format 3\0');
});
