import { papersToBibtex } from '@labdigest/core';
import { expect, test } from 'vitest';
import { toBibSource, toBibtex, type BibSource } from './bibtex.ts';

const journal: BibSource = {
  id: 'openalex:W4416056717',
  title: 'Microstructural insights into fast ion transport in solid electrolytes via multiscale modeling',
  authors: ['Yongliang Ou', 'Lena Scholz', 'Sanath Keshav'],
  published: '2026-08-20', doi: '10.1038/s41467-026-76216-w', arxivId: null, venue: 'Nature Communications',
  url: 'https://doi.org/10.1038/s41467-026-76216-w',
};
const preprint: BibSource = {
  id: 'arxiv:2506.10944', title: 'Coupled Reaction and Diffusion Governing Interface Evolution in Solid-State Batteries',
  authors: ['Zichi Ding', 'Boris Kozinsky'], published: '2025-06-12', doi: null, arxivId: '2506.10944', venue: null,
  url: 'https://arxiv.org/abs/2506.10944',
};

test('starred papers as BibTeX: the same entries and keys as `digest export --format bibtex`', () => {
  expect(toBibtex([journal, preprint])).toBe(`@article{Ou2026Microstructural,
  author  = {Yongliang Ou and Lena Scholz and Sanath Keshav},
  title   = {Microstructural insights into fast ion transport in solid electrolytes via multiscale modeling},
  journal = {Nature Communications},
  year    = {2026},
  month   = aug,
  doi     = {10.1038/s41467-026-76216-w},
  url     = {https://doi.org/10.1038/s41467-026-76216-w},
}

@misc{Ding2025Coupled,
  author        = {Zichi Ding and Boris Kozinsky},
  title         = {Coupled Reaction and Diffusion Governing Interface Evolution in Solid-State Batteries},
  year          = {2025},
  month         = jun,
  eprint        = {2506.10944},
  archivePrefix = {arXiv},
  url           = {https://arxiv.org/abs/2506.10944},
}
`);
  expect(toBibtex([journal, preprint])).toBe(papersToBibtex([journal, preprint]));
});

test('a starred paper keeps only what its entry needs', () => {
  expect(toBibSource({ ...journal, note: 'x', score: 1 } as BibSource)).toEqual(journal);
});

test('a starred paper keeps its abstract, and its entry carries it: what `digest learn --bib` learns from', () => {
  // The paper's real abstract, its first sentence and the start of its second.
  const abstract = 'Improving solid electrolytes is critical for high-performance all-solid-state batteries. Here, we use multiscale modeling.';
  const kept = toBibSource({ ...journal, abstract, note: 'x', score: 1 } as BibSource);
  expect(kept).toEqual({ ...journal, abstract });
  expect(toBibtex([kept])).toContain(`  abstract = {${abstract}},\n}`);
});

test('no papers, empty file', () => {
  expect(toBibtex([])).toBe('');
});
