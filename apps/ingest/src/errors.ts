import { formatIssues, type ValidationIssue } from '@labdigest/core';

/**
 * Errors the user can act on: bad input, a bad config, a failed fetch. The command line prints
 * their message alone and exits 1; any other error is a bug and is printed with its causes.
 */
export class IngestError extends Error {
  override name = 'IngestError';
  readonly code: string = 'INGEST';
}

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

/** Wrong use of the command line (unknown option, missing argument): exit code 2. */
export class UsageError extends IngestError {
  override name = 'UsageError';
  override readonly code = 'USAGE';
}
