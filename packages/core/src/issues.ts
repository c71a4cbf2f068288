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
  if (typeof value === 'string') {
    // Cut by code points, so an emoji or a rare CJK character is never split into half a pair.
    const chars = [...value];
    const shown = chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : value;
    // A control or invisible character (a tab, a direction override) written as its code, never printed
    // to the terminal, where it would hide itself or reorder the line.
    return `"${shown.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`)}"`;
  }
  return String(value);
}

/** `, saw -3`: the value after a message, left out when the message says the value is empty ("cannot be empty"). */
function sawValue(message: string, value: unknown): string {
  return typeof value === 'string' && value.trim() === '' && /\bempty\b/.test(message) ? '' : `, saw ${describeValue(value)}`;
}

/**
 * Whether an issue's message is its schema's own (`{ error: '...' }`), kept as written, rather than
 * zod's English for a size check ("Too small: expected number to be >0"), which sizeProblem rewords.
 */
export function ownMessage(issue: z.core.$ZodIssue): boolean {
  return !/^Too (?:small|big): /.test(issue.message);
}

/**
 * A failed size check (zod's too_small, too_big) in plain words, with the value seen: "expected a
 * number above 0, saw -3", "expected a number up to 65535, saw 99999", "cannot be empty". The schema's
 * own message when it has one. `value` is the plain value (a list, not a YAML node).
 */
export function sizeProblem(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, value: unknown): string {
  if (ownMessage(issue)) return `${issue.message}${sawValue(issue.message, value)}`;
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const bound = issue.exact ? 'exactly' : small ? (issue.inclusive ? 'at least' : 'more than') : (issue.inclusive ? 'at most' : 'less than');
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  switch (issue.origin) {
    case 'string':
      // A schema trims before it counts: a blank value is as empty as "".
      if (small && limit === 1 && !issue.exact) return 'cannot be empty';
      return `expected ${bound} ${plural(limit, 'character')}${typeof value === 'string' ? `, saw ${plural(value.length, 'character')}` : ''}`;
    case 'array': case 'set':
      if (small && limit === 1 && !issue.exact) return 'cannot be an empty list';
      return `expected ${bound} ${plural(limit, 'item')}${Array.isArray(value) ? `, saw ${value.length}` : ''}`;
    case 'number': case 'int': case 'bigint': {
      const words = issue.exact ? 'exactly' : small ? (issue.inclusive ? 'of at least' : 'above') : (issue.inclusive ? 'up to' : 'below');
      return `expected a ${issue.origin === 'int' ? 'whole ' : ''}number ${words} ${limit}, saw ${describeValue(value)}`;
    }
    default: return `expected ${bound} ${limit}, saw ${describeValue(value)}`;
  }
}

/**
 * A record's key that failed its schema (zod's invalid_key), said of the key: the schema's own message
 * ("a keyword cannot be empty"), else "the key cannot be empty", "the key: expected at most 200 characters".
 */
export function keyProblem(issue: z.core.$ZodIssueInvalidKey, key: unknown): string {
  const inner = issue.issues[0];
  if (inner === undefined) return `not a valid key, saw ${describeValue(key)}`;
  if (inner.code === 'too_small' || inner.code === 'too_big') {
    const problem = sizeProblem(inner, key);
    if (ownMessage(inner)) return problem;
    return problem.startsWith('cannot') ? `the key ${problem}` : `the key: ${problem}`;
  }
  return `the key: ${inner.message.replace(/^Invalid input: /, '')}${sawValue(inner.message, key)}`;
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
    // The key is the path's last part; the value under it may be fine.
    if (issue.code === 'invalid_key') return { code: issue.code, path, message: keyProblem(issue, path.at(-1)) };
    if (value === undefined) return { code: issue.code, path, message: 'missing required field' };
    if (issue.code === 'too_small' || issue.code === 'too_big') return { code: issue.code, path, message: sizeProblem(issue, value) };
    const problem = issue.message.replace(/^Invalid input: /, '');
    return { code: issue.code, path, message: `${problem}, saw ${describeValue(value)}` };
  });
}
