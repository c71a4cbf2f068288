import { statSync, type Stats } from 'node:fs';
import { formatIssues, type ValidationIssue } from '@labdigest/core';
import { IngestError } from '@labdigest/sources';

// The parsers' errors (FeedParseError, RecordRejectedError) and their base live in @labdigest/sources;
// these are the command line's own. All are IngestErrors: cli.ts prints their message and exits 1 (2 for
// a UsageError); any other error is a bug and is printed with its causes.
export { IngestError };

/** The config file is missing, unreadable or invalid; `issues` say where. */
export class ConfigError extends IngestError {
  override name = 'ConfigError';
  override readonly code = 'CONFIG';
  readonly file: string;
  readonly issues: readonly ValidationIssue[];
  constructor(file: string, issues: readonly ValidationIssue[], options?: ErrorOptions) {
    super(`${file}: the config has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${formatIssues(issues)}`, options);
    this.file = file;
    this.issues = issues;
  }
}

/** An input file (papers, digest) that cannot be read at all. */
export class InputError extends IngestError {
  override name = 'InputError';
  override readonly code = 'INPUT';
  readonly file: string;
  constructor(file: string, problem: string, options?: ErrorOptions) {
    super(`${file}: ${problem}`, options);
    this.file = file;
  }
}

/**
 * What stands in the way of reading a file, from the error node:fs threw: "no such file", "is a folder,
 * not a file", "cannot be read: permission denied", or the system's own words.
 */
export function unreadable(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return IS_A_FOLDER;
    case 'EACCES': case 'EPERM': return 'cannot be read: permission denied';
    default: return `cannot be read: ${(error as Error).message}`;
  }
}

/** An InputError unless `file` is there and a file (not a folder), said as `unreadable` says it. */
export function requireFile(file: string): void {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw new InputError(file, unreadable(error), { cause: error });
  }
  if (stats.isDirectory()) throw new InputError(file, IS_A_FOLDER);
}

const IS_A_FOLDER = 'is a folder, not a file';

/** Wrong use of the command line (unknown option, missing argument): exit code 2. */
export class UsageError extends IngestError {
  override name = 'UsageError';
  override readonly code = 'USAGE';
}

/** A request that failed after its retries: says method, URL, status and how many attempts. */
export class FetchFailedError extends IngestError {
  override name = 'FetchFailedError';
  override readonly code = 'FETCH_FAILED';
  readonly url: string;
  readonly status: number | undefined;
  readonly attempts: number;
  constructor(at: { url: string; status?: number | undefined; attempts: number }, problem: string, options?: ErrorOptions) {
    super(`[GET] "${at.url}": ${problem} (after ${at.attempts} attempt${at.attempts === 1 ? '' : 's'})`, options);
    this.url = at.url;
    this.status = at.status;
    this.attempts = at.attempts;
  }
}
