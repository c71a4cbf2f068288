import { paperSchema, type Paper } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { arxivIdOf, doiOf, findPaper } from './find-paper.ts';

const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
const slice: Paper[] = readFixtureRecords('papers/corpus-slice.jsonl').map((r) => paperSchema.parse(r));

const ids = (search: ReturnType<typeof findPaper<Paper>>) =>
  search.kind === 'one' ? [search.paper.id] : search.kind === 'many' ? search.papers.map((p) => p.id) : [];

describe('findPaper on the sample week', () => {
  test('fixture size', () => expect(week).toHaveLength(1755));

  test.each([
    ['arxiv:1401.3665', 'arxiv:1401.3665'],
    ['ARXIV:1401.3665', 'arxiv:1401.3665'],
    ['1401.3665', 'arxiv:1401.3665'],
    ['arXiv:1401.3665v3', 'arxiv:1401.3665'],
    ['https://arxiv.org/abs/1401.3665v1', 'arxiv:1401.3665'],
    ['https://arxiv.org/pdf/1401.3665.pdf', 'arxiv:1401.3665'],
    ['openalex:W4416056717', 'openalex:W4416056717'],
    ['10.1038/s41467-026-76216-w', 'openalex:W4416056717'],
    ['doi:10.1038/S41467-026-76216-W', 'openalex:W4416056717'],
    ['https://doi.org/10.1038/s41467-026-76216-w', 'openalex:W4416056717'],
    ['fast ion transport in solid electrolytes via MULTISCALE', 'openalex:W4416056717'],
  ])('%s finds one paper', (query, id) => {
    expect(ids(findPaper(week, query))).toEqual([id]);
  });

  test('a title that equals the query wins over one that contains it', () => {
    expect(ids(findPaper(week, 'the existence of designs'))).toEqual(['arxiv:1401.3665']);
    expect(ids(findPaper(week, 'existence of designs'))).toEqual(['arxiv:1401.3665', 'arxiv:2411.18291']);
  });

  test('the same title in two journals: both are listed', () => {
    const search = findPaper(week, 'reflex charging');
    expect(search.kind).toBe('many');
    expect(ids(search)).toEqual(['openalex:W7201958772', 'openalex:W7201969359']);
  });

  test.each(['no such paper anywhere', '9999.99999', '10.9999/none', '   '])('%j finds nothing', (query) => {
    expect(findPaper(week, query)).toEqual({ kind: 'none' });
  });
});

test('dashes and spaces do not matter in title fragments', () => {
  expect(ids(findPaper(slice, 'soft-hard   segment synergy'))).toEqual(['openalex:W7160989599']);
});

test('arXiv ids and DOIs in their usual spellings', () => {
  expect([arxivIdOf('cond-mat/0102345v2'), arxivIdOf('math.CO/0102345'), arxivIdOf('2411.12345'), arxivIdOf('title words')])
    .toEqual(['cond-mat/0102345', 'math.co/0102345', '2411.12345', undefined]);
  expect([doiOf('https://dx.doi.org/10.1002/ANIE.4035251'), doiOf('doi:10.1021/jacs.6c06113'), doiOf('10.1/too-short')])
    .toEqual(['10.1002/anie.4035251', '10.1021/jacs.6c06113', undefined]);
});
