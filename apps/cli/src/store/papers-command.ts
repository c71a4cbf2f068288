import { gzipSync } from 'node:zlib';
import type { Paper } from '@labdigest/core';
import type { Io } from '../io.ts';
import { storeFiles, withStore } from './open-db.ts';
import { refuseOverwritingInput, STANDARD_OUTPUT, writeFileAtomic } from '../atomic-write.ts';
import { papersSince } from './queries.ts';

export interface PapersCommandOptions {
  readonly db: string;
  /** Standard output when left out or `-`. */
  readonly out?: string | undefined;
  readonly since?: Date | undefined;
}

/**
 * `digest papers`: the stored papers (first seen since a date) as JSON lines in the corpus format,
 * the input of `digest rank --papers`, to standard output or a file. `.gz` output is gzipped. The
 * file is written whole or not at all, and never over the store it is read from.
 */
export async function papersCommand(options: PapersCommandOptions, io: Io): Promise<void> {
  const file = options.out === STANDARD_OUTPUT ? undefined : options.out;
  if (file !== undefined) refuseOverwritingInput(file, storeFiles(options.db));
  const papers: Paper[] = await withStore(options.db, { create: false }, (db) => papersSince(db, options.since ?? null));
  const text = papers.map((p) => `${JSON.stringify(corpusRecord(p))}\n`).join('');
  if (file === undefined) io.out(text);
  else writeFileAtomic(file, file.endsWith('.gz') ? gzipSync(text) : text);
  const since = options.since ? ` first seen since ${options.since.toISOString().slice(0, 10)}` : '';
  io.err(`wrote ${papers.length} paper${papers.length === 1 ? '' : 's'}${since} to ${file ?? 'standard output'}\n`);
}

/** A paper with the corpus's key order (../shared/data/corpus/papers.jsonl), arxivId last. */
export function corpusRecord(p: Paper): Record<string, unknown> {
  return {
    id: p.id, title: p.title, abstract: p.abstract, authors: p.authors, published: p.published,
    categories: p.categories, doi: p.doi, venue: p.venue, url: p.url, source: p.source, tags: p.tags, arxivId: p.arxivId,
  };
}
