import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { Paper } from '@labdigest/core';
import { journalRecord, paper, preprintRecord } from '../../test/records.ts';
import { mergePaper, samePaper } from './merge-paper.ts';

describe('mergePaper', () => {
  test('the preprint row gains the journal DOI and venue, keeps its id, longer abstract and categories', () => {
    const merged = mergePaper(preprintRecord, journalRecord);
    expect(merged).toEqual({
      ...preprintRecord,
      doi: '10.1021/acsenergylett.5c04258',
      venue: 'ACS Energy Letters',
    });
    expect(merged.abstract?.length).toBe(1398);
  });

  test('Angewandte’s German edition gives way to the International Edition, whichever came first', () => {
    const german = paper({ id: 'openalex:W7201969359', title: 'Reflex Charging for Anion‐Derived Solid Electrolyte Interphase Formation',
      doi: '10.1002/ange.4035251', url: 'https://doi.org/10.1002/ange.4035251', venue: 'Angewandte Chemie', authors: ['Gyeoul Seong'] });
    const international = { ...german, id: 'openalex:W7201958772', doi: '10.1002/anie.4035251', url: 'https://doi.org/10.1002/anie.4035251', venue: 'Angewandte Chemie International Edition' };
    const edition = (p: Paper) => [p.id, p.doi, p.url, p.venue];
    expect(edition(mergePaper(german, international))).toEqual(['openalex:W7201969359', ...edition(international).slice(1)]);
    expect(edition(mergePaper(international, german))).toEqual(edition(international));
    expect(mergePaper(mergePaper(german, international), international)).toEqual(mergePaper(german, international));
  });

  test('the journal row gains the arXiv id and the categories; the longer abstract wins', () => {
    const merged = mergePaper(journalRecord, preprintRecord);
    expect(merged).toEqual({
      ...journalRecord,
      arxivId: null,
      abstract: preprintRecord.abstract,
      categories: ['cond-mat.mtrl-sci', 'cs.CV'],
    });
  });

  test('a journal DOI replaces an arXiv DOI, a journal venue an arXiv venue; a more precise date wins', () => {
    const stored = paper({ id: 'arxiv:2401.01234', title: 'T', doi: '10.48550/arXiv.2401.01234', venue: 'arXiv (Cornell University)', published: '2024', authors: ['A'], tags: ['x'] });
    const incoming = paper({ id: 'doi:10.1000/j', title: 'T2', doi: '10.1000/j', venue: 'Journal', published: '2024-05-03', authors: ['A', 'B'], tags: ['y', 'x'] });
    expect(mergePaper(stored, incoming)).toEqual({
      ...stored, doi: '10.1000/j', venue: 'Journal', published: '2024-05-03', authors: ['A', 'B'], tags: ['x', 'y'],
    });
    // A journal DOI is never replaced, nor a stored date by a different one.
    expect(mergePaper({ ...stored, doi: '10.1000/j', published: '2024-05-03' }, { ...incoming, doi: '10.1000/other', published: '2023-01-01' }))
      .toMatchObject({ doi: '10.1000/j', published: '2024-05-03' });
  });

  test('an empty stored title or abstract is filled', () => {
    expect(mergePaper(paper({ id: 'a', title: ' ', abstract: '  ' }), paper({ id: 'b', title: 'Real', abstract: 'Text' })))
      .toMatchObject({ id: 'a', title: 'Real', abstract: 'Text' });
  });
});

const arbText = fc.option(fc.string({ maxLength: 12 }), { nil: null });
const arbPaper: fc.Arbitrary<Paper> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  title: fc.string({ maxLength: 12 }),
  abstract: arbText,
  authors: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  published: fc.option(fc.constantFrom('2024', '2024-05', '2024-05-03', '2023-01-01'), { nil: null }),
  doi: fc.option(fc.constantFrom('10.1000/a', '10.1000/b', '10.48550/arXiv.2401.01234'), { nil: null }),
  arxivId: arbText,
  url: arbText,
  venue: fc.option(fc.constantFrom('arXiv', 'Nature', 'Science'), { nil: null }),
  categories: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
  source: fc.string({ maxLength: 5 }),
  tags: fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
});

describe('mergePaper properties', () => {
  prop.prop([arbPaper, arbPaper])('merging the same record again changes nothing', (a, b) => {
    const once = mergePaper(a, b);
    expect(samePaper(mergePaper(once, b), once)).toBe(true);
  });

  prop.prop([arbPaper, arbPaper])('nothing stored is lost: ids and lists only grow', (a, b) => {
    const merged = mergePaper(a, b);
    expect(merged.id).toBe(a.id);
    for (const c of [...a.categories, ...b.categories]) expect(merged.categories).toContain(c);
    for (const field of ['doi', 'arxivId', 'url', 'venue', 'published'] as const) {
      if (a[field] !== null) expect(merged[field]).not.toBeNull();
    }
  });
});
