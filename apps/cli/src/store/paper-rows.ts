import type { Paper } from '@labdigest/core';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open-db.ts';
import { preparedPerConnection } from './prepared.ts';

/** A `papers` row as SQLite returns it. */
export interface PaperRow {
  pk: number;
  id: string;
  title: string;
  abstract: string | null;
  authors: string;
  published: string | null;
  doi: string | null;
  arxiv_id: string | null;
  url: string | null;
  venue: string | null;
  categories: string;
  source: string;
  tags: string;
}

export function rowToPaper(row: PaperRow): Paper {
  return {
    id: row.id, title: row.title, abstract: row.abstract, authors: JSON.parse(row.authors) as string[],
    published: row.published, doi: row.doi, arxivId: row.arxiv_id, url: row.url, venue: row.venue,
    categories: JSON.parse(row.categories) as string[], source: row.source, tags: JSON.parse(row.tags) as string[],
  };
}

const columns = 'pk, id, title, abstract, authors, published, doi, arxiv_id, url, venue, categories, source, tags';

function prepare(db: Db) {
  return {
    findId: db.prepare('SELECT paper_pk FROM identifiers WHERE kind = ? AND value = ?').pluck(),
    addId: db.prepare('INSERT OR IGNORE INTO identifiers (kind, value, paper_pk) VALUES (?, ?, ?)'),
    moveIds: db.prepare('UPDATE identifiers SET paper_pk = ? WHERE paper_pk = ?'),
    byPk: db.prepare(`SELECT ${columns} FROM papers WHERE pk = ?`),
    byTitleKey: db.prepare('SELECT pk, id, doi, arxiv_id, url FROM papers WHERE title_key = ? ORDER BY pk'),
    maxPk: db.prepare('SELECT max(pk) FROM papers').pluck(),
    count: db.prepare('SELECT count(*) FROM papers').pluck(),
    isEmpty: db.prepare('SELECT NOT EXISTS (SELECT 1 FROM papers)').pluck(),
    update: db.prepare(`UPDATE papers SET title = @title, abstract = @abstract, authors = @authors, published = @published,
      doi = @doi, arxiv_id = @arxiv_id, url = @url, venue = @venue, categories = @categories, source = @source, tags = @tags,
      title_key = @title_key, last_seen = @now, updated = @now WHERE pk = @pk`),
    touch: db.prepare('UPDATE papers SET last_seen = ? WHERE pk = ?'),
    indexFrom: db.prepare('INSERT INTO papers_fts (rowid, title, abstract) SELECT pk, title, abstract FROM papers WHERE pk >= ? ORDER BY pk'),
    deleteRow: db.prepare('DELETE FROM papers WHERE pk = ?'),
    since: db.prepare(`SELECT ${columns} FROM papers WHERE first_seen >= ? ORDER BY first_seen, pk`),
    search: db.prepare(`SELECT ${columns.split(', ').map((c) => `p.${c}`).join(', ')}, bm25(papers_fts, 2.5, 1.0) AS score
      FROM papers_fts JOIN papers p ON p.pk = papers_fts.rowid
      WHERE papers_fts MATCH ? ORDER BY score, p.pk LIMIT ?`),
  };
}

/** Rows per multi-row INSERT: 14 values each stays under SQLite's 32,766 bound parameters. */
export const INSERT_CHUNK = 500;

/** A multi-row INSERT: its head, one row's SQL, and how many `?` values a row takes. */
export interface RowShape {
  readonly head: string;
  readonly row: string;
  readonly width: number;
}

const insertColumns = ['pk', 'id', 'title', 'abstract', 'authors', 'published', 'doi', 'arxiv_id', 'url', 'venue',
  'categories', 'source', 'tags', 'title_key'] as const;

/**
 * A new paper row: the values pushPaperRow() writes, then its three dates as `@now`, bound once per
 * statement rather than three times per row.
 */
export const paperRow: RowShape = {
  head: `INSERT INTO papers (${insertColumns.join(', ')}, first_seen, last_seen, updated)`,
  row: `(${insertColumns.map(() => '?').join(', ')}, @now, @now, @now)`,
  width: insertColumns.length,
};

/** An identifier row: kind, value, paper_pk. One already stored is left as it is. */
export const identifierRow: RowShape = {
  head: 'INSERT OR IGNORE INTO identifiers (kind, value, paper_pk)',
  row: '(?, ?, ?)',
  width: 3,
};

/** Pushes a new row's values, in insertColumns order. */
export function pushPaperRow(values: unknown[], pk: number, p: Paper, titleKey: string | null): void {
  values.push(pk, p.id, p.title, p.abstract, jsonList(p.authors), p.published, p.doi, p.arxivId, p.url, p.venue,
    jsonList(p.categories), p.source, jsonList(p.tags), titleKey);
}

// Most papers have no tags and many no categories: skip the serializer for those.
function jsonList(list: readonly string[]): string {
  return list.length === 0 ? '[]' : JSON.stringify(list);
}

const multiRowCache = new WeakMap<Db, Map<string, Statement>>();

/** `head VALUES row, row, …` for `rows` rows, prepared once per shape and row count. */
function multiRowStatement(db: Db, shape: RowShape, rows: number): Statement {
  let byShape = multiRowCache.get(db);
  if (!byShape) multiRowCache.set(db, byShape = new Map());
  const key = `${shape.head}|${shape.row}|${rows}`;
  let statement = byShape.get(key);
  if (!statement) {
    statement = db.prepare(`${shape.head} VALUES ${Array(rows).fill(shape.row).join(', ')}`);
    byShape.set(key, statement);
  }
  return statement;
}

/**
 * Inserts the rows that `write` pushes for each item (any number of rows of `shape.width` values),
 * INSERT_CHUNK rows per statement; `named` binds the row's `@` parameters.
 */
export function insertChunks<T>(db: Db, shape: RowShape, items: readonly T[], write: (values: unknown[], item: T, index: number) => void,
  named: Record<string, unknown> = {}): void {
  const perStatement = INSERT_CHUNK * shape.width;
  const run = (chunk: unknown[]) => multiRowStatement(db, shape, chunk.length / shape.width).run(chunk, named);
  let values: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    write(values, items[i] as T, i);
    if (values.length >= perStatement) {
      const rest = values.splice(perStatement);
      run(values);
      values = rest;
    }
  }
  if (values.length > 0) run(values);
}

/** The store's prepared statements, prepared once per connection (preparing is most of a small query's cost). */
export const paperStatements = preparedPerConnection(prepare);
