import type { Io } from '../io.ts';
import { withStore } from './open-db.ts';
import { MAX_SEARCH_WORDS, searchPapers, searchWords, type SearchHit } from './queries.ts';

export interface SearchCommandOptions {
  readonly db: string;
  readonly limit: number;
}

/** `digest search QUERY`: full-text search of titles and abstracts in the store, best first. */
export async function searchCommand(query: string, options: SearchCommandOptions, io: Io): Promise<void> {
  if (searchWords(query).distinct > MAX_SEARCH_WORDS) io.err(`(searching for the first ${MAX_SEARCH_WORDS} distinct words of the query)\n`);
  const hits = await withStore(options.db, { create: false }, (db) => searchPapers(db, query, options.limit));
  io.out(formatHits(query, hits));
}

export function formatHits(query: string, hits: readonly SearchHit[]): string {
  if (hits.length === 0) return `no stored paper matches "${query}"\n`;
  const lines = hits.flatMap(({ paper, score }, i) => {
    const facts = [paper.id, paper.published?.slice(0, 10), paper.venue, paper.authors.length > 0 ? authors(paper.authors) : undefined]
      .filter((f): f is string => Boolean(f));
    return [`${String(i + 1).padStart(3)}. ${score.toFixed(2).padStart(6)}  ${paper.title}`, `             ${facts.join(' · ')}`];
  });
  return `${lines.join('\n')}\n`;
}

function authors(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} et al.` : names.join(', ');
}
