import type { Paper } from '@labdigest/core';
import { collapseDuplicates, type CollapsedPaper } from '@labdigest/sources';
import { idsConflict, matchKeys, type MatchKeys } from '@labdigest/sources';
import { mergePaper, deepWithoutControls, samePaper } from '@labdigest/sources';
import { arxivIdOf, doiOf } from '@labdigest/sources';
import type { Db } from './open-db.ts';
import { insertFresh } from './insert-fresh.ts';
import { paperStatements, rowToPaper, type PaperRow } from './paper-rows.ts';

/**
 * What an upsert did: `new` rows inserted; `duplicates` records that were the same paper as one
 * already stored or earlier in the batch (merged into it); `updated` stored rows that the merge changed.
 * `new + duplicates` is the number of records given.
 */
export interface UpsertCounts {
  new: number;
  /** Records that were no new paper: already stored, or another record of one in the same batch. */
  duplicates: number;
  updated: number;
  /** Of `duplicates`, those that repeat a paper of the same batch (Angewandte's two editions, a file's repeated entry). */
  withinBatch: number;
}

/**
 * Stores papers, each paper once: a record is matched to a stored paper by normalized DOI, then arXiv id,
 * then its own id, and only then by normalized title + first author surname (when no DOI or arXiv id
 * contradicts). A match is merged (see mergePaper), so the journal version and its arXiv preprint end up
 * on one row with both ids. Runs in one transaction (a savepoint inside a caller's transaction), which
 * takes the write lock when it begins: it reads before it writes, and in WAL mode a read that another
 * connection (the reading room's server) writes past can no longer become a write.
 */
export function upsertPapers(db: Db, papers: readonly Paper[], options: { source: string; now: Date }): UpsertCounts {
  const now = options.now.toISOString();
  // The store keeps no control character, escape sequence or bidi override, whatever the record's
  // origin (the parsers clean their text; a JSON-lines import is taken as written).
  const labelled = papers.map((p) => deepWithoutControls(p.source && p.source !== 'unknown' ? p : { ...p, source: options.source }));
  const collapsed = collapseDuplicates(labelled);
  return db.transaction(() => {
    // A first import has nothing stored to match against: every collapsed paper is new.
    const intoEmpty = paperStatements(db).isEmpty.get() === 1;
    const { fresh, updated } = intoEmpty ? { fresh: collapsed, updated: 0 } : mergeIntoStored(db, collapsed, now);
    insertFresh(db, fresh, now, { intoEmpty });
    return { new: fresh.length, duplicates: papers.length - fresh.length, updated, withinBatch: papers.length - collapsed.length };
  }).immediate();
}

/** Merges each collapsed paper that matches stored rows into them; returns the others, to insert. */
function mergeIntoStored(db: Db, collapsed: readonly CollapsedPaper[], now: string): { fresh: CollapsedPaper[]; updated: number } {
  const s = paperStatements(db);
  const fresh: CollapsedPaper[] = [];
  let updated = 0;
  for (const { paper, ids, keys } of collapsed) {
    const [target, ...others] = matchingRows(db, ids, keys);
    if (target === undefined) {
      fresh.push({ paper, ids, keys });
      continue;
    }
    const stored = rowToPaper(s.byPk.get(target) as PaperRow);
    let merged = mergePaper(stored, paper);
    // The record names rows that were stored apart (its DOI on one, its arXiv id on another):
    // they are one paper, so they become one row.
    for (const other of others) {
      merged = mergePaper(merged, rowToPaper(s.byPk.get(other) as PaperRow));
      s.moveIds.run(target, other);
      s.deleteRow.run(other);
    }
    if (others.length > 0 || !samePaper(stored, merged)) {
      s.update.run({ ...paperParams(merged, matchKeys(merged).titleKey, now), pk: target });
      updated++;
    } else {
      s.touch.run(now, target);
    }
    registerIds(db, target, ids, keys);
  }
  return { fresh, updated };
}

function matchingRows(db: Db, ids: readonly string[], keys: MatchKeys): number[] {
  const s = paperStatements(db);
  const pks: number[] = [];
  const add = (pk: number | undefined) => { if (pk !== undefined && !pks.includes(pk)) pks.push(pk); };
  if (keys.doi !== null) add(s.findId.get('doi', keys.doi) as number | undefined);
  if (keys.arxiv !== null) add(s.findId.get('arxiv', keys.arxiv) as number | undefined);
  for (const id of ids) add(s.findId.get('id', id) as number | undefined);
  if (pks.length > 0 || keys.titleKey === null) return pks;
  // Fallback: same title and first author, unless the ids say they are different papers
  // (an erratum or a reply often repeats the title under its own DOI).
  for (const row of s.byTitleKey.all(keys.titleKey) as { pk: number; id: string; doi: string | null; arxiv_id: string | null; url: string | null }[]) {
    if (!idsConflict(keys, matchKeys({ id: row.id, doi: row.doi, arxivId: row.arxiv_id, url: row.url, title: '', authors: [] }))) return [row.pk];
  }
  return pks;
}

function registerIds(db: Db, pk: number, ids: readonly string[], keys: MatchKeys): void {
  const s = paperStatements(db);
  for (const id of ids) s.addId.run('id', id, pk);
  if (keys.doi !== null) s.addId.run('doi', keys.doi, pk);
  if (keys.arxiv !== null) s.addId.run('arxiv', keys.arxiv, pk);
}

function paperParams(p: Paper, titleKey: string | null, now: string) {
  return {
    id: p.id, title: p.title, abstract: p.abstract, authors: JSON.stringify(p.authors), published: p.published,
    doi: p.doi, arxiv_id: p.arxivId, url: p.url, venue: p.venue, categories: JSON.stringify(p.categories),
    source: p.source, tags: JSON.stringify(p.tags), title_key: titleKey, now,
  };
}

/** Papers first stored at or after `since` (an ISO date or date-time), oldest first. */
export function papersSince(db: Db, since: string | Date | null = null): Paper[] {
  const from = since === null ? '' : typeof since === 'string' ? since : since.toISOString();
  return (paperStatements(db).since.all(from) as PaperRow[]).map(rowToPaper);
}

export interface SearchHit {
  readonly paper: Paper;
  /** bm25 relevance, higher is better (a title match counts more than an abstract match). */
  readonly score: number;
}

/**
 * The most distinct words a search looks for. FTS5 reads each quoted word's whole list of papers, so
 * a query's cost grows with its words: 1,000 copies of "a" took 6 to 20 s, 5,000 over a minute. A
 * title fits in it, and so does enough of a pasted abstract to find its paper (queries.test.ts).
 */
export const MAX_SEARCH_WORDS = 64;

/**
 * A query's words as searchPapers looks for them: each once (a word repeated, or differing only in
 * case, accents or punctuation, as FTS5 reads it: "Lithium," = "lithium"), the first MAX_SEARCH_WORDS
 * of them; and how many distinct words the query had.
 */
export function searchWords(query: string): { words: string[]; distinct: number } {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of query.split(/\s+/)) {
    const key = word.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    if (words.length < MAX_SEARCH_WORDS) words.push(word);
  }
  return { words, distinct: seen.size };
}

/**
 * Full-text search over titles and abstracts, best first. The query is taken as plain words, never as
 * FTS5 syntax (each word is quoted), so `"`, `*`, `AND`, `-` or `:` can't cause a syntax error.
 * All words must match; when no paper has them all, papers with any of them are returned. Only
 * searchWords' words count: each once, the first MAX_SEARCH_WORDS.
 */
export function searchPapers(db: Db, query: string, limit = 20): SearchHit[] {
  const { words } = searchWords(query);
  if (words.length === 0 || limit <= 0) return [];
  const quoted = words.map((w) => `"${w.replaceAll('"', '""')}"`);
  const s = paperStatements(db);
  let rows = s.search.all(quoted.join(' AND '), limit) as (PaperRow & { score: number })[];
  if (rows.length === 0 && quoted.length > 1) rows = s.search.all(quoted.join(' OR '), limit) as (PaperRow & { score: number })[];
  return rows.map((row) => ({ paper: rowToPaper(row), score: -row.score }));
}

/** How many papers the store holds. */
export function countPapers(db: Db): number {
  return paperStatements(db).count.get() as number;
}

/** Finds a stored paper by the id a digest or an export gave it: its own id, or an identifier it is known by. */
export function storedPaperFinder(db: Db): (id: string) => Paper | undefined {
  const columns = 'p.pk, p.id, p.title, p.abstract, p.authors, p.published, p.doi, p.arxiv_id, p.url, p.venue, p.categories, p.source, p.tags';
  const byId = db.prepare(`SELECT ${columns} FROM papers p WHERE p.id = ?`);
  const byIdentifier = db.prepare(`SELECT ${columns} FROM identifiers i JOIN papers p ON p.pk = i.paper_pk WHERE i.kind = ? AND i.value = ?`);
  return (id) => {
    const arxiv = arxivIdOf(id);
    const doi = doiOf(id);
    const row = (byId.get(id) ?? byIdentifier.get('id', id) ?? (arxiv ? byIdentifier.get('arxiv', arxiv) : undefined)
      ?? (doi ? byIdentifier.get('doi', doi) : undefined)) as PaperRow | undefined;
    return row && rowToPaper(row);
  };
}
