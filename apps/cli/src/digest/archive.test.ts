import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIGEST_SCHEMA_VERSION, type Digest } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { readIndex, writeDigest } from './archive.ts';

describe('the archive', () => {
  const digest = (date: string): Digest => ({
    schemaVersion: DIGEST_SCHEMA_VERSION, group: { name: 'DENG.Group' }, title: `Research Digest — ${date}`, date,
    window: { since: null, until: null }, generatedAt: `${date}T06:00:00Z`, sample: false, sections: [], members: [], stats: { considered: 0, included: 0 },
  });
  test('keeps newest first, and rebuilding a day replaces it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digests-'));
    writeDigest(dir, digest('2026-06-01'));
    writeDigest(dir, digest('2026-06-08'));
    writeDigest(dir, digest('2026-06-03'));
    writeDigest(dir, digest('2026-06-08'));
    expect(readIndex(dir, 'DENG.Group').digests.map((d) => d.date)).toEqual(['2026-06-08', '2026-06-03', '2026-06-01']);
    expect(JSON.parse(readFileSync(join(dir, '2026-06-08.json'), 'utf8')).date).toBe('2026-06-08');
  });
  test('latest.json is always the newest digest, also after an older day is rebuilt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digests-'));
    const latest = () => readFileSync(join(dir, 'latest.json'), 'utf8');
    writeDigest(dir, digest('2026-06-01'));
    expect(JSON.parse(latest()).date).toBe('2026-06-01');
    writeDigest(dir, digest('2026-06-08'));
    writeDigest(dir, digest('2026-06-03'));
    expect(latest()).toBe(readFileSync(join(dir, '2026-06-08.json'), 'utf8'));
    writeDigest(dir, { ...digest('2026-06-08'), title: 'Rebuilt' });
    expect(JSON.parse(latest()).title).toBe('Rebuilt');
  });
  test('a damaged index is an error that names it, and the digests stay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digests-'));
    writeDigest(dir, digest('2026-06-01'));
    writeFileSync(join(dir, 'index.json'), '{"schemaVersion": 1, "group": "x", "digests": [{"date": "June"}]}');
    expect(() => writeDigest(dir, digest('2026-06-02'))).toThrow(`${join(dir, 'index.json')}: digests[0].date:`);
    expect(readFileSync(join(dir, '2026-06-01.json'), 'utf8')).toContain('2026-06-01');
  });
});
