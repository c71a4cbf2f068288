import type { z } from 'zod';

/**
 * A problem found while validating input, as a value (never thrown from core).
 * `path` is the field path (`areas[0].threshold`); `file`/`line`/`column` say where, when known.
 */
export interface ValidationIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * `areas[0].keywords[2]` from `['areas', 0, 'keywords', 2]`; a key that is not a plain name (a keyword
 * written as `term: weight`) in quotes: `areas[0].keywords[0]["phase field"]`.
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (!/^[A-Za-z_$][\w$]*$/.test(part)) out += `[${JSON.stringify(part)}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** One issue as `file:line:column field: message`, the shape compilers and linters print. */
export function formatIssue(issue: ValidationIssue): string {
  let where = issue.file ?? '';
  if (issue.line !== undefined) where += `${where ? ':' : 'line '}${issue.line}`;
  if (issue.line !== undefined && issue.column !== undefined) where += `:${issue.column}`;
  const field = formatPath(issue.path);
  const head = [where, field && `${field}:`].filter(Boolean).join(' ');
  return head ? `${head} ${issue.message}` : issue.message;
}

/** All issues, one per line. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map(formatIssue).join('\n');
}

/** A short, quoted rendering of a bad value for messages: `saw "high"`, `saw a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  return String(value);
}

/**
 * Zod's issues as ours, the one translation of them the command line uses (the config file's, which
 * knows YAML lines and suggests field names, is config-file.ts): each names its field, and says what
 * was wrong and the value it saw, or that the field is missing.
 */
export function zodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): ValidationIssue[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const value = path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), input);
    if (issue.code === 'unrecognized_keys') {
      return { code: issue.code, path, message: `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
    }
    const problem = issue.message.replace(/^Invalid input: /, '');
    return { code: issue.code, path, message: value === undefined ? 'missing required field' : `${problem}, saw ${describeValue(value)}` };
  });
}
