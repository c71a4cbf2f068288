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

/** Where a fetched or parsed thing came from: the source's name and the URL or file. */
export interface SourceLocation {
  /** Source name from the config, or the adapter kind for ad-hoc feeds (`arxiv`, `feed`, ...). */
  readonly source: string;
  /** URL, or fixture path in tests. */
  readonly location: string;
  readonly line?: number | undefined;
  readonly field?: string | undefined;
}

function where(at: SourceLocation): string {
  const place = at.line === undefined ? at.location : `${at.location}:${at.line}`;
  return `[${at.source}] ${place}${at.field ? ` ${at.field}:` : ''}`;
}

/** A response that is not the feed or document it should be (malformed XML/JSON, error feed, too big). */
export class FeedParseError extends IngestError {
  override name = 'FeedParseError';
  override readonly code = 'FEED_PARSE';
  readonly at: SourceLocation;
  constructor(at: SourceLocation, problem: string, options?: ErrorOptions) {
    super(`${where(at)} ${problem}`, options);
    this.at = at;
  }
}

/** One record of a feed that was skipped (no title, absurd date, ...); the others are kept. */
export class RecordRejectedError extends IngestError {
  override name = 'RecordRejectedError';
  override readonly code = 'RECORD_REJECTED';
  readonly at: SourceLocation;
  readonly recordId: string | undefined;
  constructor(at: SourceLocation & { recordId?: string | undefined }, problem: string, options?: ErrorOptions) {
    super(`${where(at)}${at.recordId ? ` item ${at.recordId}:` : ''} ${problem}`, options);
    this.at = at;
    this.recordId = at.recordId;
  }
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
