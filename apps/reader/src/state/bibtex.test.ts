import { expect, test } from 'vitest';
import { bibtexKey, escapeBibtex, toBibtex, type BibSource } from './bibtex.ts';

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

test('a journal paper is an @article, a preprint a @misc with its eprint', () => {
  expect(toBibtex([journal, preprint])).toBe(`@article{ou2026microstructural,
  title = {{Microstructural insights into fast ion transport in solid electrolytes via multiscale modeling}},
  author = {Yongliang Ou and Lena Scholz and Sanath Keshav},
  year = {2026},
  month = {8},
  journal = {Nature Communications},
  doi = {10.1038/s41467-026-76216-w},
  url = {https://doi.org/10.1038/s41467-026-76216-w}
}

@misc{ding2025coupled,
  title = {{Coupled Reaction and Diffusion Governing Interface Evolution in Solid-State Batteries}},
  author = {Zichi Ding and Boris Kozinsky},
  year = {2025},
  month = {6},
  eprint = {2506.10944},
  archivePrefix = {arXiv},
  url = {https://arxiv.org/abs/2506.10944}
}
`);
});

test('LaTeX specials are escaped', () => {
  expect(escapeBibtex('50% of Li_3 & {x} #1 $5 ~ ^ \\')).toBe(
    '50\\% of Li\\_3 \\& \\{x\\} \\#1 \\$5 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
});

test('keys are unique, ASCII and skip stop words', () => {
  const taken = new Set<string>();
  const paper = { ...journal, authors: ['Zoë Müller'], title: 'The role of SEI' };
  expect(bibtexKey(paper, taken)).toBe('muller2026role');
  expect(bibtexKey(paper, taken)).toBe('muller2026rolea');
  expect(bibtexKey({ ...paper, authors: [], published: null, title: '' }, taken)).toBe('anon');
});

test('no papers, empty file', () => {
  expect(toBibtex([])).toBe('');
});
