import { z } from 'zod';

/**
 * A paper as every part of labdigest sees it: ingest writes it, the ranker reads it.
 * The JSON-lines form is the one of the shared corpus (`../shared/data/corpus/papers.jsonl`):
 * `id` is `arxiv:<id>` or `doi:<doi>`; absent values are null, lists are never null.
 */
export const paperSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  abstract: z.string().nullable().default(null),
  authors: z.array(z.string()).default([]),
  /** ISO 8601 date or date-time; null when the source gives none. */
  published: z.string().nullable().default(null),
  doi: z.string().nullable().default(null),
  arxivId: z.string().nullable().default(null),
  url: z.string().nullable().default(null),
  venue: z.string().nullable().default(null),
  categories: z.array(z.string()).default([]),
  /** Where the record came from: a source name from the config, or a collection name. */
  source: z.string().default('unknown'),
  tags: z.array(z.string()).default([]),
});

export type Paper = z.infer<typeof paperSchema>;
export type PaperInput = z.input<typeof paperSchema>;

const arxivIdPattern = /^arxiv:(.+)$/i;

/**
 * The arXiv id of a paper: its own field, else from an `arxiv:` id, else from an arxiv.org URL.
 * Versions are dropped (`2506.10944v2` -> `2506.10944`).
 */
export function paperArxivId(paper: Pick<Paper, 'id' | 'arxivId' | 'url'>): string | null {
  const raw = paper.arxivId ?? arxivIdPattern.exec(paper.id)?.[1]
    ?? (paper.url ? /arxiv\.org\/(?:abs|pdf)\/([^?#\s]+?)(?:\.pdf)?$/i.exec(paper.url)?.[1] : undefined);
  return raw ? raw.replace(/v\d+$/i, '') : null;
}
