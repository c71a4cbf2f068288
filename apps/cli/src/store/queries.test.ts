import { paperSchema } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { journalRecord, paper, preprintRecord } from '../../test/records.ts';
import { openDb } from './open-db.ts';
import { countPapers, MAX_SEARCH_WORDS, papersSince, searchPapers, searchWords, upsertPapers } from './queries.ts';

const monday = new Date('2026-06-01T06:00:00Z');
const tuesday = new Date('2026-06-02T06:00:00Z');

function identifiers(db: ReturnType<typeof openDb>): [string, string, string][] {
  return db.prepare('SELECT kind, value, p.id FROM identifiers JOIN papers p ON p.pk = paper_pk ORDER BY kind, value').raw().all() as [string, string, string][];
}

// The same ACS Energy Letters paper as a journal RSS item: DOI only, short abstract, journal venue.
const feedItem = paper({
  id: 'doi:10.1021/acsenergylett.5c04258',
  doi: '10.1021/acsenergylett.5c04258',
  title: 'Machine Learning Enabled Graph Analysis of Particulate Composites: Application to Solid-State Battery Cathodes',
  abstract: 'ACS Energy Letters, Ahead of Print.',
  authors: ['Zebin Li', 'Shimao Deng', 'Yijin Liu', 'Jia Hu'],
  venue: 'ACS Energy Letters',
  source: 'jacs-asap',
});

describe('upsertPapers', () => {
  test('the same paper from arXiv, OpenAlex and a journal feed is stored once, with both ids', () => {
    const db = openDb(':memory:');
    expect(upsertPapers(db, [preprintRecord], { source: 'arxiv-cs', now: monday })).toEqual({ new: 1, duplicates: 0, updated: 0, withinBatch: 0 });
    expect(upsertPapers(db, [journalRecord], { source: 'openalex', now: tuesday })).toEqual({ new: 0, duplicates: 1, updated: 1, withinBatch: 0 });
    expect(upsertPapers(db, [feedItem], { source: 'jacs-asap', now: tuesday })).toEqual({ new: 0, duplicates: 1, updated: 0, withinBatch: 0 });

    expect(countPapers(db)).toBe(1);
    expect(papersSince(db)).toEqual([{ ...preprintRecord, doi: '10.1021/acsenergylett.5c04258', venue: 'ACS Energy Letters' }]);
    expect(identifiers(db)).toEqual([
      ['arxiv', '2512.16085', 'arxiv:2512.16085'],
      ['doi', '10.1021/acsenergylett.5c04258', 'arxiv:2512.16085'],
      ['id', 'arxiv:2512.16085', 'arxiv:2512.16085'],
      ['id', 'doi:10.1021/acsenergylett.5c04258', 'arxiv:2512.16085'],
      ['id', 'openalex:W4417529660', 'arxiv:2512.16085'],
    ]);
    const row = db.prepare('SELECT first_seen, last_seen, updated FROM papers').get();
    expect(row).toEqual({ first_seen: monday.toISOString(), last_seen: tuesday.toISOString(), updated: tuesday.toISOString() });
  });

  test('journal first, then the preprint: the journal row gains the arXiv id', () => {
    const db = openDb(':memory:');
    upsertPapers(db, [journalRecord], { source: 'openalex', now: monday });
    expect(upsertPapers(db, [preprintRecord], { source: 'arxiv', now: tuesday })).toEqual({ new: 0, duplicates: 1, updated: 1, withinBatch: 0 });
    const [stored] = papersSince(db);
    expect(stored).toMatchObject({ id: 'openalex:W4417529660', doi: '10.1021/acsenergylett.5c04258', abstract: preprintRecord.abstract, categories: ['cond-mat.mtrl-sci', 'cs.CV'] });
    expect(identifiers(db).map(([kind, value]) => `${kind}:${value}`)).toEqual([
      'arxiv:2512.16085', 'doi:10.1021/acsenergylett.5c04258', 'id:arxiv:2512.16085', 'id:openalex:W4417529660',
    ]);
  });

  test('rerunning the same batch is idempotent', () => {
    const db = openDb(':memory:');
    const batch = [preprintRecord, paper({ id: 'rss:item-7', title: 'Short', url: 'https://example.org/7' })];
    expect(upsertPapers(db, batch, { source: 's', now: monday })).toEqual({ new: 2, duplicates: 0, updated: 0, withinBatch: 0 });
    const before = papersSince(db);
    expect(upsertPapers(db, batch, { source: 's', now: tuesday })).toEqual({ new: 0, duplicates: 2, updated: 0, withinBatch: 0 });
    expect(papersSince(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM papers_fts').pluck().get()).toBe(2);
  });

  test('two stored rows that a new record shows to be one paper are merged into one', () => {
    const db = openDb(':memory:');
    upsertPapers(db, [
      paper({ id: 'doi:10.1000/j', doi: '10.1000/j', title: 'Journal version of a paper' }),
      paper({ id: 'arxiv:2401.00002', title: 'Preprint version of a paper', abstract: 'Longer abstract text.' }),
    ], { source: 's', now: monday });
    expect(upsertPapers(db, [paper({ id: 'crossref:x', doi: '10.1000/j', arxivId: '2401.00002', title: 'Bridge' })], { source: 'crossref', now: tuesday }))
      .toEqual({ new: 0, duplicates: 1, updated: 1, withinBatch: 0 });
    expect(papersSince(db)).toEqual([expect.objectContaining({ id: 'doi:10.1000/j', arxivId: '2401.00002', abstract: 'Longer abstract text.' })]);
    expect(identifiers(db).map(([kind, value, id]) => `${kind}:${value}→${id}`)).toEqual([
      'arxiv:2401.00002→doi:10.1000/j', 'doi:10.1000/j→doi:10.1000/j',
      'id:arxiv:2401.00002→doi:10.1000/j', 'id:crossref:x→doi:10.1000/j', 'id:doi:10.1000/j→doi:10.1000/j',
    ]);
    // The FTS index followed the merge: the deleted row's text is gone, the kept row's is found.
    expect(searchPapers(db, 'preprint').map((h) => h.paper.id)).toEqual([]);
    expect(searchPapers(db, 'longer abstract').map((h) => h.paper.id)).toEqual(['doi:10.1000/j']);
  });

  test('same title and first author but different DOIs (a paper and its correction) stay two papers', () => {
    const db = openDb(':memory:');
    const title = 'Hierarchical Solvation Chemistry via Ether-Ester-Cosolvent Synergy';
    upsertPapers(db, [paper({ id: 'doi:10.1021/jacs.6c00001', doi: '10.1021/jacs.6c00001', title, authors: ['Qichao Wang'] })], { source: 'oa', now: monday });
    expect(upsertPapers(db, [paper({ id: 'doi:10.1021/jacs.6c00002', doi: '10.1021/jacs.6c00002', title, authors: ['Qichao Wang'] })], { source: 'oa', now: tuesday }))
      .toEqual({ new: 1, duplicates: 0, updated: 0, withinBatch: 0 });
  });

  test('Angewandte’s two editions of a paper are stored once, under the International Edition', () => {
    const db = openDb(':memory:');
    const title = 'Hierarchical Solvation Chemistry via Ether-Ester-Cosolvent Synergy';
    upsertPapers(db, [paper({ id: 'doi:10.1002/ange.202525991', doi: '10.1002/ange.202525991', title, authors: ['Qichao Wang'], venue: 'Angewandte Chemie' })], { source: 'oa', now: monday });
    expect(upsertPapers(db, [paper({ id: 'doi:10.1002/anie.202525991', doi: '10.1002/anie.202525991', title, authors: ['Qichao Wang'], venue: 'Angewandte Chemie International Edition' })], { source: 'oa', now: tuesday }))
      .toEqual({ new: 0, duplicates: 1, updated: 1, withinBatch: 0 });
    expect(papersSince(db).map((p) => [p.id, p.doi, p.venue])).toEqual([
      ['doi:10.1002/ange.202525991', '10.1002/anie.202525991', 'Angewandte Chemie International Edition'],
    ]);
    expect(upsertPapers(db, [paper({ id: 'doi:10.1002/ange.202525991', doi: '10.1002/ange.202525991', title, authors: ['Qichao Wang'], venue: 'Angewandte Chemie' })], { source: 'oa', now: tuesday }))
      .toEqual({ new: 0, duplicates: 1, updated: 0, withinBatch: 0 });
  });

  test('a record without a source takes the run\'s source name', () => {
    const db = openDb(':memory:');
    upsertPapers(db, [paper({ id: 'x:1', title: 'Untitled thing here' })], { source: 'import-bib', now: monday });
    expect(papersSince(db)[0]?.source).toBe('import-bib');
  });

  test('a failing record rolls back the whole batch', () => {
    const db = openDb(':memory:');
    upsertPapers(db, [paper({ id: 'a:1', title: 'Kept from before' })], { source: 's', now: monday });
    db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON papers WHEN new.id = 'a:3' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => upsertPapers(db, [paper({ id: 'a:2', title: 'New one' }), paper({ id: 'a:3', title: 'Bad one' })], { source: 's', now: tuesday }))
      .toThrow('disk full');
    expect(papersSince(db).map((p) => p.id)).toEqual(['a:1']);
    expect(db.prepare('SELECT count(*) FROM identifiers').pluck().get()).toBe(1);
  });

  test('a batch larger than one multi-row INSERT keeps every row and id', () => {
    const db = openDb(':memory:');
    const many = Array.from({ length: 1234 }, (_, i) => paper({ id: `arxiv:2401.${String(i).padStart(5, '0')}`, title: `Paper number ${i} on batteries` }));
    expect(upsertPapers(db, many, { source: 's', now: monday })).toEqual({ new: 1234, duplicates: 0, updated: 0, withinBatch: 0 });
    expect(papersSince(db).map((p) => p.id)).toEqual(many.map((p) => p.id));
    expect(db.prepare("SELECT count(*) FROM identifiers WHERE kind = 'arxiv'").pluck().get()).toBe(1234);
    expect(searchPapers(db, 'number 1233').map((h) => h.paper.id)).toEqual(['arxiv:2401.01233']);
  });

  test('identifier rows that straddle two multi-row INSERTs are all stored', () => {
    const db = openDb(':memory:');
    // One, two or three identifier rows per paper, so statement boundaries fall inside a paper's rows.
    const many = Array.from({ length: 800 }, (_, i) => {
      const n = String(i).padStart(5, '0');
      if (i % 3 === 0) return paper({ id: `feed:${n}`, title: `Feed item ${i}` });
      if (i % 3 === 1) return paper({ id: `arxiv:2401.${n}`, title: `Preprint ${i}` });
      return paper({ id: `doi:10.1000/${n}`, doi: `10.1000/${n}`, arxivId: `2402.${n}`, title: `Journal paper ${i}` });
    });
    expect(upsertPapers(db, many, { source: 's', now: monday })).toEqual({ new: 800, duplicates: 0, updated: 0, withinBatch: 0 });
    const rows = identifiers(db);
    expect(rows).toHaveLength(267 + 267 * 2 + 266 * 3);
    expect(rows.filter(([, , id]) => id === 'doi:10.1000/00797').map(([kind, value]) => `${kind}:${value}`))
      .toEqual(['arxiv:2402.00797', 'doi:10.1000/00797', 'id:doi:10.1000/00797']);
    expect(new Set(rows.map(([, , id]) => id)).size).toBe(800);
  });
});

describe('the search index', () => {
  const ftsIntact = (db: ReturnType<typeof openDb>) => {
    // FTS5's own check against the content table: every row indexed exactly as stored.
    db.prepare("INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 1)").run();
    return db.prepare('SELECT count(*) FROM papers_fts_docsize').pluck().get();
  };

  test('follows batch inserts, merges, plain SQL inserts and deletes', () => {
    const db = openDb(':memory:');
    upsertPapers(db, [preprintRecord, paper({ id: 'a:1', title: 'Solid polymer electrolytes' })], { source: 's', now: monday });
    upsertPapers(db, [journalRecord, paper({ id: 'a:2', title: 'Garnet electrolytes' })], { source: 's', now: tuesday });
    db.prepare("INSERT INTO papers (id, title, source, first_seen, last_seen, updated) VALUES ('sql:1', 'Halide electrolytes', 's', 'x', 'x', 'x')").run();
    expect(ftsIntact(db)).toBe(4);
    expect(searchPapers(db, 'electrolytes').map((h) => h.paper.id).sort()).toEqual(['a:1', 'a:2', 'sql:1']);
    db.prepare("DELETE FROM papers WHERE id = 'a:1'").run();
    expect(ftsIntact(db)).toBe(3);
    expect(searchPapers(db, 'polymer')).toEqual([]);
  });

  test('a failed batch leaves the per-row trigger and the indexes it set aside in place', () => {
    const db = openDb(':memory:');
    const schema = () => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all();
    const before = schema();
    expect(before).toContainEqual(expect.objectContaining({ name: 'papers_fts_insert' }));
    db.exec("CREATE TEMP TRIGGER refuse AFTER INSERT ON papers WHEN new.id = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    expect(() => upsertPapers(db, [paper({ id: 'bad', title: 'x' })], { source: 's', now: monday })).toThrow('refused');
    expect(schema()).toEqual(before);
    db.prepare("INSERT INTO papers (id, title, source, first_seen, last_seen, updated) VALUES ('sql:1', 'Halide electrolytes', 's', 'x', 'x', 'x')").run();
    expect(searchPapers(db, 'halide').map((h) => h.paper.id)).toEqual(['sql:1']);
  });

  test('a batch puts back the trigger and indexes it set aside, as they were', () => {
    const db = openDb(':memory:');
    const schema = () => db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").all();
    const before = schema();
    upsertPapers(db, [paper({ id: 'a:1', title: 'Garnet electrolytes' })], { source: 's', now: monday });
    upsertPapers(db, [paper({ id: 'a:2', title: 'Halide electrolytes' })], { source: 's', now: tuesday });
    expect(schema()).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('papersSince', () => {
  test('returns papers first stored at or after the date, oldest first', () => {
    const db = openDb(':memory:');
    upsertPapers(db, [paper({ id: 'a:1', title: 'Old paper' })], { source: 's', now: monday });
    upsertPapers(db, [paper({ id: 'a:2', title: 'New paper' }), paper({ id: 'a:1', title: 'Old paper' })], { source: 's', now: tuesday });
    expect(papersSince(db, '2026-06-02').map((p) => p.id)).toEqual(['a:2']);
    expect(papersSince(db, monday).map((p) => p.id)).toEqual(['a:1', 'a:2']);
    expect(papersSince(db, '2026-06-03')).toEqual([]);
  });
});

describe('searchPapers', () => {
  const db = openDb(':memory:');
  upsertPapers(db, [
    paper({ id: 'p:1', title: 'Polymer electrolytes for lithium metal batteries', abstract: 'Solid polymer electrolyte with high conductivity.' }),
    paper({ id: 'p:2', title: 'Machine-learned interatomic potentials', abstract: 'We train potentials on DFT data for electrolytes.' }),
    paper({ id: 'p:3', title: 'Phase field model of dendrites', abstract: null }),
    paper({ id: 'p:4', title: 'Électrolytes à base de polymères', abstract: 'Résumé.' }),
  ], { source: 's', now: monday });

  test('title matches rank above abstract matches; stems and accents match', () => {
    // p:4's title is shorter than p:1's, so bm25 puts it first; p:2 has the word in its abstract only.
    expect(searchPapers(db, 'electrolyte').map((h) => h.paper.id)).toEqual(['p:4', 'p:1', 'p:2']);
    expect(searchPapers(db, 'polymeres').map((h) => h.paper.id)).toEqual(['p:4']);
  });

  test('scores are positive and descending', () => {
    const scores = searchPapers(db, 'electrolyte').map((h) => h.score);
    expect(scores.every((s) => s > 0)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test('all words must match; if no paper has them all, any word will do', () => {
    expect(searchPapers(db, 'polymer lithium').map((h) => h.paper.id)).toEqual(['p:1']);
    expect(searchPapers(db, 'dendrites potentials').map((h) => h.paper.id).sort()).toEqual(['p:2', 'p:3']);
  });

  test.each(['"unbalanced', 'AND OR NOT', 'title:polymer', 'poly*', '(dendrites', 'NEAR(a b)', '-', '"', ''])('FTS syntax in %j is taken as plain text', (query) => {
    expect(() => searchPapers(db, query)).not.toThrow();
  });

  test('quoted punctuation still finds the words', () => {
    expect(searchPapers(db, '"phase-field"').map((h) => h.paper.id)).toEqual(['p:3']);
    expect(searchPapers(db, 'title:polymer').map((h) => h.paper.id)).toEqual([]);
    expect(searchPapers(db, 'dendrites', 0)).toEqual([]);
  });
});

describe('long queries', () => {
  const slice = readFixtureRecords('papers/corpus-slice.jsonl').map((r) => paperSchema.parse(r));
  const db = openDb(':memory:');
  upsertPapers(db, slice, { source: 's', now: monday });
  const abstracts = slice.filter((p) => (p.abstract ?? '').split(/\s+/).length >= 200);

  test('each word once, however often it is written and in whatever case or punctuation', () => {
    expect(searchWords('Lithium lithium, LITHIUM (lithium) anode anode')).toEqual({ words: ['Lithium', 'anode'], distinct: 2 });
    expect(searchWords('a '.repeat(5000))).toEqual({ words: ['a'], distinct: 1 });
  });

  test(`at most the first ${MAX_SEARCH_WORDS} distinct words, and how many there were`, () => {
    const query = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    expect(searchWords(query)).toEqual({ words: query.split(' ').slice(0, MAX_SEARCH_WORDS), distinct: 200 });
  });

  test('5,000 words, repeated or not, answer at once instead of hanging', () => {
    const started = performance.now();
    searchPapers(db, 'a '.repeat(5000));
    searchPapers(db, slice.map((p) => p.abstract ?? '').join(' ').split(/\s+/).slice(0, 5000).join(' '));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('a pasted abstract (200 words and more) finds its paper first', () => {
    expect(abstracts.length).toBeGreaterThan(50);
    for (const p of abstracts) expect(searchPapers(db, p.abstract ?? '', 3)[0]?.paper.id, p.id).toBe(p.id);
  });

  test('so does one pasted with the next 1,000 words of the page after it', () => {
    const text = slice.map((p) => p.abstract ?? '').join(' ');
    for (const p of abstracts.slice(0, 10)) {
      const query = `${p.abstract ?? ''} ${text.split(/\s+/).slice(0, 1000).join(' ')}`;
      expect(searchPapers(db, query, 3)[0]?.paper.id, p.id).toBe(p.id);
    }
  });
});
