import type { Digest, DigestIndex } from '@labdigest/core';

// A hand-written check of the fields the reader uses, instead of core's zod schemas: zod would
// triple the first-view JavaScript. src/state/validate.test.ts checks that both agree on real digests.

/** The `schemaVersion` this reader understands; equal to core's DIGEST_SCHEMA_VERSION (tested). */
export const SUPPORTED_SCHEMA_VERSION = 1;

/** One mismatch: where (`sections[0].papers[2].title`) and what was expected and seen. */
export interface ValidationProblem {
  readonly path: string;
  readonly message: string;
}

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

type Check = (value: unknown, path: string, out: ValidationProblem[]) => void;

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

const string: Check = (v, p, out) => { if (typeof v !== 'string') report(out, p, 'a string', v); };
const nullableString: Check = (v, p, out) => { if (v !== null && typeof v !== 'string') report(out, p, 'a string or null', v); };
const number: Check = (v, p, out) => { if (typeof v !== 'number' || !Number.isFinite(v)) report(out, p, 'a number', v); };
const count: Check = (v, p, out) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) report(out, p, 'a whole number ≥ 0', v);
};
const boolean: Check = (v, p, out) => { if (typeof v !== 'boolean') report(out, p, 'true or false', v); };
const isoDay: Check = (v, p, out) => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) report(out, p, 'a date like 2026-06-08', v);
};
const version: Check = (v, p, out) => {
  if (v !== SUPPORTED_SCHEMA_VERSION) report(out, p, `schema version ${SUPPORTED_SCHEMA_VERSION}`, v);
};
/** A digest file name inside digests/: no folders, no URLs. */
const fileName: Check = (v, p, out) => {
  if (typeof v !== 'string' || !/^[\w.-]+\.json$/.test(v) || v.startsWith('.')) report(out, p, 'a file name like 2026-06-08.json', v);
};

const optional = (check: Check): Check => (v, p, out) => { if (v !== undefined) check(v, p, out); };

const arrayOf = (item: Check): Check => (v, p, out) => {
  if (!Array.isArray(v)) return report(out, p, 'an array', v);
  v.forEach((x, i) => item(x, `${p}[${i}]`, out));
};

const recordOf = (item: Check): Check => (v, p, out) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return report(out, p, 'an object', v);
  for (const [k, x] of Object.entries(v)) item(x, `${p}.${k}`, out);
};

const object = (shape: Record<string, Check>): Check => (v, p, out) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return report(out, p, 'an object', v);
  const o = v as Record<string, unknown>;
  for (const [key, check] of Object.entries(shape)) check(o[key], p ? `${p}.${key}` : key, out);
};

const entry = object({
  number: count, id: string, title: string, authors: arrayOf(string), published: nullableString,
  url: nullableString, doi: nullableString, arxivId: nullableString, venue: nullableString,
  sourceLine: string, score: number, scores: recordOf(number), summary: string, note: string,
  matchedTerms: arrayOf(object({
    keyword: string, forms: arrayOf(string), inTitle: boolean, count, profiles: arrayOf(string),
  })),
  members: arrayOf(object({ name: string, score: number, reasons: arrayOf(string) })),
});

const digest = object({
  schemaVersion: version,
  group: object({ name: string, description: optional(string) }),
  title: string,
  date: isoDay,
  window: object({ since: nullableString, until: nullableString }),
  generatedAt: string,
  sample: boolean,
  sections: arrayOf(object({ id: string, name: string, description: optional(string), papers: arrayOf(entry) })),
  members: arrayOf(object({ name: string, areas: arrayOf(string) })),
  stats: object({ considered: count, included: count }),
});

const digestIndex = object({
  schemaVersion: version,
  group: string,
  digests: arrayOf(object({ date: isoDay, file: fileName, title: string, papers: count, sample: boolean })),
});

function run<T>(check: Check, value: unknown): Checked<T> {
  const problems: ValidationProblem[] = [];
  check(value, '', problems);
  return problems.length === 0 ? { ok: true, value: value as T } : { ok: false, problems };
}

/** Checks a parsed digest file against the fields the reader renders. */
export const validateDigest = (value: unknown): Checked<Digest> => run<Digest>(digest, value);

/** Checks a parsed `digests/index.json`. */
export const validateDigestIndex = (value: unknown): Checked<DigestIndex> => run<DigestIndex>(digestIndex, value);
