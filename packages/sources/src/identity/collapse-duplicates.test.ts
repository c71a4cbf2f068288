import { paperSchema } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { journalRecord, paper, preprintRecord } from '../../test/records.ts';
import { collapseDuplicates } from './collapse-duplicates.ts';

describe('collapseDuplicates', () => {
  test('a preprint and its journal version in one batch become one paper with both ids', () => {
    const out = collapseDuplicates([preprintRecord, journalRecord]);
    expect(out.map((c) => [c.paper.id, c.paper.doi, c.paper.arxivId ?? c.keys.arxiv, c.ids])).toEqual([
      ['arxiv:2512.16085', '10.1021/acsenergylett.5c04258', '2512.16085', ['arxiv:2512.16085', 'openalex:W4417529660']],
    ]);
  });

  test('cross-listed copies (same id) merge; different DOIs with one title stay apart', () => {
    const out = collapseDuplicates([
      paper({ id: 'arxiv:2401.00001', title: 'One', categories: ['cs.LG'] }),
      paper({ id: 'arxiv:2401.00001', title: 'One', categories: ['stat.ML'] }),
      // A paper and the correction that repeats its title under a DOI of its own.
      paper({ id: 'doi:10.1021/jacs.6c00001', doi: '10.1021/jacs.6c00001', title: 'Capturing O2 Intermediate to Promote Oxygen Reduction', authors: ['Danning Zhou'] }),
      paper({ id: 'doi:10.1021/jacs.6c00002', doi: '10.1021/jacs.6c00002', title: 'Capturing O2 Intermediate to Promote Oxygen Reduction', authors: ['Danning Zhou'] }),
    ]);
    expect(out.map((c) => [c.paper.id, c.paper.categories])).toEqual([
      ['arxiv:2401.00001', ['cs.LG', 'stat.ML']],
      ['doi:10.1021/jacs.6c00001', []],
      ['doi:10.1021/jacs.6c00002', []],
    ]);
  });

  test('Angewandte’s two editions of a paper (OpenAlex lists both) become one, under the International Edition', () => {
    const twins = readFixtureRecords('papers/sample-week.jsonl.gz')
      .filter((r) => String(r['title']).startsWith('Reflex Charging for Anion')).map((r) => paperSchema.parse(r));
    expect(twins.map((p) => p.doi).sort()).toEqual(['10.1002/ange.4035251', '10.1002/anie.4035251']);
    for (const batch of [twins, [...twins].reverse()]) {
      const out = collapseDuplicates(batch);
      expect(out).toHaveLength(1);
      expect(out[0]?.ids.sort()).toEqual(['openalex:W7201958772', 'openalex:W7201969359']);
      expect(out[0]?.paper).toMatchObject({
        doi: '10.1002/anie.4035251', url: 'https://doi.org/10.1002/anie.4035251', venue: 'Angewandte Chemie International Edition',
      });
    }
  });

  test('a record that carries both ids joins the two papers it bridges', () => {
    const out = collapseDuplicates([
      paper({ id: 'doi:10.1000/j', doi: '10.1000/j', title: 'Journal version' }),
      paper({ id: 'arxiv:2401.00002', title: 'Preprint version' }),
      paper({ id: 'crossref:x', doi: '10.1000/j', arxivId: '2401.00002', title: 'Bridge' }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]?.paper).toMatchObject({ id: 'doi:10.1000/j', doi: '10.1000/j', arxivId: '2401.00002', title: 'Journal version' });
    expect(out[0]?.ids).toEqual(['doi:10.1000/j', 'arxiv:2401.00002', 'crossref:x']);
  });
});
