import { expect, test } from 'vitest';
import { paperIdLink, paperLink, safeHttpUrl } from './safe-url.ts';

test.each([
  ['https://arxiv.org/abs/2506.10944', 'https://arxiv.org/abs/2506.10944'],
  [' http://example.org/paper ', 'http://example.org/paper'],
  ['javascript:alert(1)', null],
  ['JaVaScRiPt:alert(1)', null],
  ['data:text/html,<script>alert(1)</script>', null],
  ['//evil.example/x', null],
  ['not a url', null],
  [null, null],
])('safeHttpUrl(%j) is %j', (input, expected) => {
  expect(safeHttpUrl(input)).toBe(expected);
});

test('a paper without a safe URL falls back to its DOI, then its arXiv page', () => {
  expect(paperLink({ url: 'javascript:alert(1)', doi: '10.1038/s41467-026-76216-w', arxivId: null }))
    .toBe('https://doi.org/10.1038/s41467-026-76216-w');
  expect(paperLink({ url: null, doi: null, arxivId: '2506.10944' })).toBe('https://arxiv.org/abs/2506.10944');
  expect(paperLink({ url: 'javascript:alert(1)', doi: null, arxivId: null })).toBeNull();
});

test('a bare paper id links to its arXiv or DOI page, anything else to nothing', () => {
  expect([paperIdLink('arxiv:2506.10944'), paperIdLink('doi:10.1021/acs.nanolett.5c01234'), paperIdLink('openalex:W123'), paperIdLink('doi:')])
    .toEqual(['https://arxiv.org/abs/2506.10944', 'https://doi.org/10.1021/acs.nanolett.5c01234', null, null]);
});
