import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { publishCommand } from './publish-command.ts';

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
