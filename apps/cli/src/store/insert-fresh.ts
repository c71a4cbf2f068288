import type { CollapsedPaper } from '@labdigest/sources';
import type { Db } from './open-db.ts';
import { identifierRow, insertChunks, paperRow, paperStatements, pushPaperRow } from './paper-rows.ts';

// The per-row FTS trigger, and the indexes that a first import can build once, after its rows are in.
const ftsTrigger = 'papers_fts_insert';
const secondaryIndexes = ['papers_title_key', 'papers_first_seen', 'identifiers_paper'];

/**
 * Inserts papers that matched nothing stored, with their identifiers, and indexes them for search.
 * Rows go in as multi-row INSERTs (see insertChunks) with the FTS trigger set aside; the new rows are
 * then indexed in one INSERT … SELECT, which FTS5 does in about three quarters of the time the per-row
 * trigger takes. `intoEmpty` (a first import) also sets aside the secondary indexes: SQLite builds an
 * index from a sort in a fraction of the time of one insert per row. Runs inside the caller's transaction.
 */
export function insertFresh(db: Db, fresh: readonly CollapsedPaper[], now: string, options: { intoEmpty: boolean }): void {
  if (fresh.length === 0) return;
  const s = paperStatements(db);
  const firstPk = (s.maxPk.get() as number | null ?? 0) + 1;
  const restore = setAside(db, options.intoEmpty ? [ftsTrigger, ...secondaryIndexes] : [ftsTrigger]);
  insertChunks(db, paperRow, fresh, (values, { paper, keys }, i) => {
    pushPaperRow(values, firstPk + i, paper, keys.titleKey);
  }, { now });
  s.indexFrom.run(firstPk);
  insertChunks(db, identifierRow, fresh, (values, { ids, keys }, i) => {
    const pk = firstPk + i;
    for (const id of ids) values.push('id', id, pk);
    if (keys.doi !== null) values.push('doi', keys.doi, pk);
    if (keys.arxiv !== null) values.push('arxiv', keys.arxiv, pk);
  });
  restore();
}

/**
 * Drops the named triggers and indexes, and returns a function that recreates them from the SQL the
 * schema holds for them, so they come back exactly as the migrations made them. Both run in the
 * caller's transaction: a crash in between rolls back to the full schema.
 */
function setAside(db: Db, names: readonly string[]): () => void {
  const objects = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name IN (${names.map(() => '?').join(', ')})`)
    .all(...names) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  // Names come from sqlite_master and are quoted; SQL does not bind identifiers.
  for (const { type, name } of objects) db.exec(`DROP ${type.toUpperCase()} "${name}"`);
  return () => { for (const { sql } of objects) db.exec(sql); };
}
