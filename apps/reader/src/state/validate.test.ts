import { describe, expect, test } from 'vitest';
import { DIGEST_SCHEMA_VERSION, digestIndexSchema, digestSchema, readDigestSchema, upgradeDigestJson } from '@labdigest/core';
import { SUPPORTED_SCHEMA_VERSION, upgradeDigest, validateDigest, validateDigestIndex } from './validate.ts';
import { briefingDigests, briefingIndex, copyOf, rawDigests, sampleDigests, sampleIndex, type Loose } from '../../test/sample-digests.ts';

const files = Object.entries(sampleDigests);

test('the reader supports the schema version core writes', () => {
  expect(SUPPORTED_SCHEMA_VERSION).toBe(DIGEST_SCHEMA_VERSION);
});

describe('sample digests', () => {
  test('there are sample digests to check', () => expect(files.length).toBeGreaterThanOrEqual(2));
  test.each(files)('%s passes both the reader check and core schema', (_file, digest) => {
    expect(validateDigest(digest)).toEqual({ ok: true, value: digest });
    expect(digestSchema.safeParse(digest).success).toBe(true);
  });
  test.each(Object.entries(rawDigests))('%s as stored (version 1) reads as core reads it', (_file, raw) => {
    expect(upgradeDigest(raw)).toEqual(upgradeDigestJson(raw));
    expect(validateDigest(raw)).toEqual({ ok: true, value: readDigestSchema.parse(raw) });
  });
  test.each(Object.entries(briefingDigests))('briefing/%s (version 2, picks and abstracts) passes both, unchanged', (_file, digest) => {
    expect(digest.schemaVersion).toBe(2);
    expect(validateDigest(digest)).toEqual({ ok: true, value: digest });
    expect(digestSchema.parse(digest)).toEqual(digest);
  });
  test('briefing/index.json passes both', () => {
    expect(validateDigestIndex(briefingIndex)).toEqual({ ok: true, value: briefingIndex });
    expect(digestIndexSchema.parse(briefingIndex)).toEqual(briefingIndex);
  });
  test('index.json passes both', () => {
    expect(validateDigestIndex(sampleIndex).ok).toBe(true);
    expect(digestIndexSchema.safeParse(sampleIndex).success).toBe(true);
  });
});

describe('broken digests are rejected with the path and what was seen', () => {
  const base = sampleDigests['2026-08-24.json'] as Loose;
  const cases: [string, (d: Loose) => void, string, string][] = [
    ['title is a number', (d) => { d.sections[0].papers[0].title = 42; }, 'sections[0].papers[0].title', 'expected a string, saw number 42'],
    ['newer schema', (d) => { d.schemaVersion = 3; }, 'schemaVersion', 'expected schema version 1 or 2, saw number 3'],
    ['sections missing', (d) => { delete d.sections; }, 'sections', 'expected an array, saw nothing'],
    ['bad date', (d) => { d.date = '24/08/2026'; }, 'date', 'expected a date like 2026-06-08, saw "24/08/2026"'],
    ['forms not a list', (d) => { d.sections[1].papers[0].matchedTerms[0].forms = 'PEO'; }, 'sections[1].papers[0].matchedTerms[0].forms', 'expected an array, saw "PEO"'],
    ['url is an object', (d) => { d.sections[0].papers[2].url = {}; }, 'sections[0].papers[2].url', 'expected a string or null, saw an object'],
  ];
  test.each(cases)('%s', (_name, breakIt, path, message) => {
    const broken = copyOf(base) as Loose;
    breakIt(broken);
    const checked = validateDigest(broken);
    expect(checked).toEqual({ ok: false, problems: [{ path, message }] });
    // core's zod schema agrees that the document is invalid
    expect(digestSchema.safeParse(broken).success).toBe(false);
  });

  test('a document that is not an object', () => {
    expect(validateDigest('<html>')).toEqual({ ok: false, problems: [{ path: '(document)', message: 'expected an object, saw "<html>"' }] });
  });

  test('problems are capped so one bad field in every paper does not flood the page', () => {
    const broken = copyOf(base) as Loose;
    for (const section of broken.sections) for (const paper of section.papers) paper.score = 'high';
    const checked = validateDigest(broken);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? 0 : checked.problems.length).toBe(12);
  });
});

test('an index entry may not point outside digests/', () => {
  const index = copyOf(sampleIndex) as Loose;
  index.digests[0].file = '../secrets.json';
  expect(validateDigestIndex(index)).toEqual({
    ok: false, problems: [{ path: 'digests[0].file', message: 'expected a file name like 2026-06-08.json, saw "../secrets.json"' }],
  });
});

describe('the quick check and the detailed one agree', () => {
  /** Every value's path in a document, as validate.ts writes paths (`sections[0].papers[1].title`). */
  function paths(value: unknown, path: string, out: string[]): string[] {
    if (path) out.push(path);
    if (Array.isArray(value)) value.forEach((x, i) => paths(x, `${path}[${i}]`, out));
    else if (typeof value === 'object' && value !== null) {
      for (const [k, x] of Object.entries(value)) paths(x, path ? `${path}.${k}` : k, out);
    }
    return out;
  }
  const set = (doc: Loose, path: string, to: unknown) => {
    const keys = path.split(/\.|\[(\d+)\]/).filter(Boolean);
    let at = doc;
    for (const k of keys.slice(0, -1)) at = at[k];
    at[keys.at(-1) as string] = to;
  };
  // One paper per section is enough to reach every kind of field; the whole digest would be slow.
  const small = copyOf(sampleDigests['2026-08-24.json']) as Loose;
  for (const section of small.sections) section.papers = section.papers.slice(0, 1);
  // What a taught area learned (issue 19): optional, checked like the rest.
  small.sections[0].learned = { positives: 3, negatives: 1, signals: { star: 2, nominate: 0, read: 1, dismiss: 1 }, words: [{ word: 'ring opening', weight: 0.6 }] };
  small.members[0].learned = { positives: 2, negatives: 0, words: [{ word: 'dendrite', weight: 0.4 }] };
  const all = paths(small, '', []);

  test('a document small enough to try every field', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(validateDigest(small).ok).toBe(true);
  });

  test('any field given a value of the wrong kind is refused, and named', () => {
    for (const path of all) {
      const broken = copyOf(small) as Loose;
      const original = path.split(/\.|\[(\d+)\]/).filter(Boolean).reduce((v: Loose, k) => v[k], broken);
      // A string or number becomes a list; a list or object becomes a number.
      set(broken, path, typeof original === 'object' && original !== null ? 7 : [original]);
      const checked = validateDigest(broken);
      expect(checked.ok, path).toBe(false);
      expect(checked.ok ? [] : checked.problems.map((p) => p.path), path).toContain(path);
    }
  });
});
