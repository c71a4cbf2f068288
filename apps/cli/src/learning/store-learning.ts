import { existsSync } from 'node:fs';
import type { GroupConfig, Paper } from '@labdigest/core';
import type { FeedbackExample } from '@labdigest/ranker';
import type { Db } from '../store/open-db.ts';
import { openDb } from '../store/open-db.ts';
import { DEFAULT_DB_PATH, DEFAULT_DIGESTS_DIR } from '../options.ts';
import { archiveSections } from './archive-sections.ts';
import { gatherSignals, type GatheredSignals } from './signals.ts';

/** Where `rank`, `build` and `explain` find what the group taught: the store, and the archive for sections. */
export interface LearningSource {
  /** The store given by --db; learning is off with `--no-learning` (commander sets `learning: false`). */
  readonly db: string;
  readonly digests?: string | undefined;
  readonly learning?: boolean | undefined;
  /** Whether --db was given (a missing store is then an error, not "nothing learned yet"). */
  readonly dbGiven?: boolean | undefined;
}

/** The examples to rank with, from an open store (build): undefined when learning is off. */
export function examplesFrom(
  db: Db, config: GroupConfig, source: LearningSource, batch: readonly Paper[], asOf?: string,
): GatheredSignals | undefined {
  if (source.learning === false) return undefined;
  const sectionOf = source.digests ? archiveSections(source.digests) : undefined;
  return gatherSignals(db, config, { batch, asOf, ...(sectionOf && { sectionOf }) });
}

/**
 * The examples to rank a file's papers with (rank, explain): from the store at `source.db` when there
 * is one. The default store not existing yet means nothing was taught; a store named with --db must exist.
 */
export function examplesForFile(config: GroupConfig, source: LearningSource, batch: readonly Paper[]): GatheredSignals | undefined {
  if (source.learning === false) return undefined;
  if (!existsSync(source.db) && !source.dbGiven) return undefined;
  const db = openDb(source.db, { create: false });
  try {
    return examplesFrom(db, config, source, batch);
  } finally {
    db.close();
  }
}

/**
 * What `rank` and `explain` rank a file's papers with: the examples of `--db` (the default store when
 * it exists), unless `--no-learning`; says on stderr what was learned from.
 */
export function learningForFile(
  config: GroupConfig, options: { db?: string | undefined; digests?: string | undefined; learning?: boolean | undefined },
  papers: readonly Paper[], note: (line: string) => void,
): readonly FeedbackExample[] | undefined {
  const gathered = examplesForFile(config, {
    db: options.db ?? DEFAULT_DB_PATH, dbGiven: options.db !== undefined, digests: options.digests ?? DEFAULT_DIGESTS_DIR, learning: options.learning,
  }, papers);
  note(learningLine(gathered));
  return gathered?.examples;
}

/**
 * Lines for stderr: what the ranking learned from (nothing when nothing was taught), then the names
 * signals give that the config no longer has (a renamed or removed area or member), with what to do.
 */
export function learningLine(gathered: GatheredSignals | undefined): string {
  if (!gathered) return '';
  return taughtLine(gathered) + missingNames(gathered);
}

function taughtLine(gathered: GatheredSignals): string {
  if (gathered.examples.length === 0 && gathered.waiting === 0 && !gathered.later) return '';
  const n = gathered.examples.length;
  const later = gathered.later ?? 0;
  return `learned from ${n} signal${n === 1 ? '' : 's'} of the group`
    + `${gathered.waiting ? ` (${gathered.waiting} more ${gathered.waiting === 1 ? 'waits for its paper' : 'wait for their papers'})` : ''}`
    + `${later ? `, as the digest was built: ${later} given since ${later === 1 ? 'is' : 'are'} left out` : ''}`
    + '; --no-learning ranks by the keywords alone\n';
}

/** `note: 3 signals name area "polymer-electrolytes" …, which the config no longer has: …`, or nothing. */
export function missingNames(gathered: Pick<GatheredSignals, 'missing' | 'unknown'>): string {
  const named = [
    ...[...gathered.missing.areas].map(([id, n]) => ({ n, what: `area "${id}"` })),
    ...[...gathered.missing.members].map(([name, n]) => ({ n, what: `member "${name}"` })),
  ];
  if (named.length === 0) return '';
  const parts = named.map(({ n, what }, i) => `${n}${i === 0 ? ` signal${n === 1 ? '' : 's'}` : ''} name${n === 1 ? 's' : ''} ${what}`);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  const none = gathered.unknown ? `, and ${gathered.unknown} with neither teach${gathered.unknown === 1 ? 'es' : ''} nothing` : '';
  return `note: ${list}, which the config no longer has: each still teaches its other side${none}. `
    + 'If one was renamed, list the old name under its `formerly:` (docs/config.md)\n';
}

export type { FeedbackExample };
