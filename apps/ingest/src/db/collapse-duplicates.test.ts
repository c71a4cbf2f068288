import { describe, expect, test } from 'vitest';
import { journalRecord, paper, preprintRecord } from '../../test/corpus-records.ts';
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
      // Angewandte publishes each paper under an English and a German DOI (both in the corpus).
      paper({ id: 'doi:10.1002/anie.202520110', doi: '10.1002/anie.202520110', title: 'Capturing O2 Intermediate to Promote Oxygen Reduction', authors: ['Danning Zhou'] }),
      paper({ id: 'doi:10.1002/ange.202520110', doi: '10.1002/ange.202520110', title: 'Capturing O2 Intermediate to Promote Oxygen Reduction', authors: ['Danning Zhou'] }),
    ]);
    expect(out.map((c) => [c.paper.id, c.paper.categories])).toEqual([
      ['arxiv:2401.00001', ['cs.LG', 'stat.ML']],
      ['doi:10.1002/anie.202520110', []],
      ['doi:10.1002/ange.202520110', []],
    ]);
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
