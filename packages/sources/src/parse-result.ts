import type { Paper } from '@labdigest/core';
import type { RecordRejectedError } from './errors.ts';

/** Where a body came from, and the clock that absurd dates are judged against. */
export interface ParseContext {
  /** Source name from the config, or the adapter kind for ad-hoc feeds. */
  readonly source: string;
  /** URL, or fixture path in tests. */
  readonly location: string;
  /** Defaults to the current time; tests pass a fixed one. */
  readonly now?: Date | undefined;
}

/** What every source parser returns: the papers, the items it skipped and why, and paging info. */
export interface ParseResult {
  papers: Paper[];
  rejected: RecordRejectedError[];
  /** Cursor or start index of the next page; null when this was the last page; absent when the source has no paging. */
  next?: string | null;
  /** Total number of results the query has, when the source says. */
  total?: number;
}

export type SourceParser = (text: string, at: ParseContext) => ParseResult;
