import type { Digest, DigestIndex } from '@labdigest/core';

// A hand-written check of the fields the reader uses, instead of core's zod schemas: zod would
// triple the first-view JavaScript. src/state/validate.test.ts checks that both agree on real digests.

/** The `schemaVersion` this reader writes against; equal to core's DIGEST_SCHEMA_VERSION (tested). */
export const SUPPORTED_SCHEMA_VERSION = 2;
/** Version 1 had no picks and no abstracts: `upgradeDigest` reads each of its papers as a pick, as core's upgradeDigestJson does. */
const READABLE_VERSIONS: readonly unknown[] = [1, SUPPORTED_SCHEMA_VERSION];

/** One mismatch: where (`sections[0].papers[2].title`) and what was expected and seen. */
export interface ValidationProblem {
  readonly path: string;
  readonly message: string;
}

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

/**
 * One field's rule, twice: `ok` answers yes or no without allocating anything (no path strings, no
 * problem objects), and runs on every load; `explain` lists the problems with their paths, and runs
 * only when `ok` said no. A 50-paper digest has a few thousand fields: building a path string for each
 * of them cost more than the rest of the check on a phone.
 */
interface Check {
  ok(value: unknown): boolean;
  explain(value: unknown, path: string, out: ValidationProblem[]): void;
}

/** Stop listing after this many: one broken field in every paper would otherwise flood the page. */
const MAX_PROBLEMS = 12;

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const report = (out: ValidationProblem[], path: string, expected: string, value: unknown) => {
  if (out.length < MAX_PROBLEMS) out.push({ path: path || '(document)', message: `expected ${expected}, saw ${describeValue(value)}` });
};

/** A check of one value on its own (no children): `expected` names what was wanted in the message. */
const leaf = (expected: string, ok: (value: unknown) => boolean): Check => ({
  ok,
  explain: (v, p, out) => { if (!ok(v)) report(out, p, expected, v); },
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const string = leaf('a string', (v) => typeof v === 'string');
const nullableString = leaf('a string or null', (v) => v === null || typeof v === 'string');
const number = leaf('a number', (v) => typeof v === 'number' && Number.isFinite(v));
const count = leaf('a whole number ≥ 0', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0);
const boolean = leaf('true or false', (v) => typeof v === 'boolean');
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = leaf('a date like 2026-06-08', (v) => typeof v === 'string' && ISO_DAY.test(v));
const version = leaf(`schema version 1 or ${SUPPORTED_SCHEMA_VERSION}`, (v) => READABLE_VERSIONS.includes(v));
/** A digest file name inside digests/: no folders, no URLs. */
const FILE_NAME = /^[\w.-]+\.json$/;
const fileName = leaf('a file name like 2026-06-08.json', (v) => typeof v === 'string' && FILE_NAME.test(v) && !v.startsWith('.'));

const optional = (check: Check): Check => ({
  ok: (v) => v === undefined || check.ok(v),
  explain: (v, p, out) => { if (v !== undefined) check.explain(v, p, out); },
});

const arrayOf = (item: Check): Check => ({
  ok(v) {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!item.ok(v[i])) return false;
    return true;
  },
  explain(v, p, out) {
    if (!Array.isArray(v)) return report(out, p, 'an array', v);
    v.forEach((x, i) => item.explain(x, `${p}[${i}]`, out));
  },
});

const recordOf = (item: Check): Check => ({
  ok(v) {
    if (!isObject(v)) return false;
    for (const key in v) if (Object.hasOwn(v, key) && !item.ok(v[key])) return false;
    return true;
  },
  explain(v, p, out) {
    if (!isObject(v)) return report(out, p, 'an object', v);
    for (const [k, x] of Object.entries(v)) item.explain(x, `${p}.${k}`, out);
  },
});

const object = (shape: Record<string, Check>): Check => {
  const keys = Object.keys(shape);
  const checks = Object.values(shape);
  return {
    ok(v) {
      if (!isObject(v)) return false;
      for (let i = 0; i < keys.length; i++) if (!(checks[i] as Check).ok(v[keys[i] as string])) return false;
      return true;
    },
    explain(v, p, out) {
      if (!isObject(v)) return report(out, p, 'an object', v);
      keys.forEach((key, i) => (checks[i] as Check).explain(v[key], p ? `${p}.${key}` : key, out));
    },
  };
};

const entry = object({
  number: count, id: string, title: string, authors: arrayOf(string), published: nullableString,
  url: nullableString, doi: nullableString, arxivId: nullableString, venue: nullableString,
  sourceLine: string, score: number, scores: recordOf(number), summary: string, abstract: nullableString, note: string,
  matchedTerms: arrayOf(object({
    keyword: string, forms: arrayOf(string), inTitle: boolean, count, profiles: arrayOf(string),
  })),
  members: arrayOf(object({ name: string, score: number, reasons: arrayOf(string) })),
  pick: boolean,
  rank: count,
});

/** What an area or a member learned from the group (issue 19). */
const learned = object({
  positives: count, negatives: count,
  signals: optional(object({ star: count, nominate: count, read: count, dismiss: count, own: optional(count) })),
  words: arrayOf(object({ word: string, weight: number })),
});

const digest = object({
  schemaVersion: version,
  group: object({ name: string, description: optional(string) }),
  title: string,
  date: isoDay,
  window: object({ since: nullableString, until: nullableString }),
  generatedAt: string,
  sample: boolean,
  sections: arrayOf(object({
    id: string, name: string, description: optional(string),
    learned: optional(learned),
    papers: arrayOf(entry),
  })),
  members: arrayOf(object({ name: string, areas: arrayOf(string), learned: optional(learned) })),
  stats: object({ considered: count, included: count }),
});

const digestIndex = object({
  schemaVersion: version,
  group: string,
  digests: arrayOf(object({ date: isoDay, file: fileName, title: string, papers: count, sample: boolean })),
});

function run<T>(check: Check, value: unknown): Checked<T> {
  if (check.ok(value)) return { ok: true, value: value as T };
  const problems: ValidationProblem[] = [];
  check.explain(value, '', problems);
  // Both halves of every check say the same; should they ever part, still refuse the file, with a reason.
  if (problems.length === 0) problems.push({ path: '(document)', message: 'does not match the digest format' });
  return { ok: false, problems };
}

/** Checks a parsed digest file against the fields the reader renders; a version 1 digest is read as version 2. */
export const validateDigest = (value: unknown): Checked<Digest> => run<Digest>(digest, upgradeDigest(value));

/**
 * A version 1 digest as version 2: each paper a pick, ranked in its section's order. Anything else
 * as it is. The same rule as core's `upgradeDigestJson` (the reader takes core's types only).
 */
export function upgradeDigest(value: unknown): unknown {
  if (!isObject(value) || value['schemaVersion'] !== 1 || !Array.isArray(value['sections'])) return value;
  return {
    ...value,
    schemaVersion: SUPPORTED_SCHEMA_VERSION,
    sections: value['sections'].map((section: unknown) => {
      if (!isObject(section) || !Array.isArray(section['papers'])) return section;
      return { ...section, papers: section['papers'].map((p: unknown, i: number) => (isObject(p) ? { abstract: null, ...p, pick: true, rank: i + 1 } : p)) };
    }),
  };
}

/** Checks a parsed `digests/index.json`. */
export const validateDigestIndex = (value: unknown): Checked<DigestIndex> => run<DigestIndex>(digestIndex, value);
