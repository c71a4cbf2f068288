/**
 * Errors the user can act on. The command line prints an IngestError's message alone and exits 1;
 * any other error is a bug and is printed with its causes. The command line's own errors (a bad
 * config, a failed request, a held lock) extend this class too.
 */
export class IngestError extends Error {
  override name = 'IngestError';
  readonly code: string = 'INGEST';
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
