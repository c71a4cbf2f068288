import { renameSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Paper } from '@labdigest/core';
import type { Io } from '../io.ts';
import { openDb } from './open-db.ts';
import { papersSince } from './queries.ts';
import { InputError } from '../errors.ts';

export interface PapersCommandOptions {
  readonly db: string;
  readonly out: string;
  readonly since?: Date | undefined;
}

/**
 * `digest papers`: the stored papers (first seen since a date) as JSON lines in the corpus format,
 * the input of `digest rank --papers`. `.gz` output is gzipped. The file is written whole or not at all.
 */
export function papersCommand(options: PapersCommandOptions, io: Io): void {
  const db = openDb(options.db, { create: false });
  let papers: Paper[];
  try {
    papers = papersSince(db, options.since ?? null);
  } finally {
    db.close();
  }
  const text = papers.map((p) => `${JSON.stringify(corpusRecord(p))}\n`).join('');
  const temp = `${options.out}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, options.out.endsWith('.gz') ? gzipSync(text) : text);
    renameSync(temp, options.out);
  } catch (error) {
    throw new InputError(options.out, `cannot be written: ${(error as Error).message}`, { cause: error });
  }
  const since = options.since ? ` first seen since ${options.since.toISOString().slice(0, 10)}` : '';
  io.err(`wrote ${papers.length} paper${papers.length === 1 ? '' : 's'}${since} to ${options.out}\n`);
}

/** A paper with the corpus's key order (../shared/data/corpus/papers.jsonl), arxivId last. */
export function corpusRecord(p: Paper): Record<string, unknown> {
  return {
    id: p.id, title: p.title, abstract: p.abstract, authors: p.authors, published: p.published,
    categories: p.categories, doi: p.doi, venue: p.venue, url: p.url, source: p.source, tags: p.tags, arxivId: p.arxivId,
  };
}
