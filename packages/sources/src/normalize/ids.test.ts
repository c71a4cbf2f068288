import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { normalizeArxivId, normalizeDoi, paperIdFor } from './ids.ts';

describe('normalizeDoi', () => {
  test.each([
    ['10.1038/s41586-024-08000-1', '10.1038/s41586-024-08000-1'],
    ['https://doi.org/10.1038/S41586-024-08000-1', '10.1038/s41586-024-08000-1'],
    ['http://dx.doi.org/10.1103/PhysRevB.85.115117', '10.1103/physrevb.85.115117'],
    ['https://dx.doi.org/10.1021/jacs.6c12595', '10.1021/jacs.6c12595'],
    ['doi:10.1101/2023.12.16.571984', '10.1101/2023.12.16.571984'],
    ['DOI: 10.1039/D6SC05138C', '10.1039/d6sc05138c'],
    ['info:doi/10.1000/182', '10.1000/182'],
    ['https://doi.org/10.1002%2Fanie.202400001', '10.1002/anie.202400001'],
    ['https://doi.org/10.1016/0160-4120(81)90073-8?via=ihub#top', '10.1016/0160-4120(81)90073-8'],
    ['  10.7554/eLife.01567 \n', '10.7554/elife.01567'],
  ])('%s -> %s', (raw, doi) => {
    expect(normalizeDoi(raw)).toBe(doi);
  });

  test.each([
    ['not a doi'],
    [''],
    ['10.12/too-short-prefix'],
    ['10.1038'],
    ['10.1038/'],
    ['11.1038/abc'],
    ['https://example.org/10.1038/abc'],
    ['https://doi.org/10.1038/%E0%A4%A'],
  ])('%j is not a DOI', (raw) => {
    expect(normalizeDoi(raw)).toBeNull();
  });

  const suffix = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._;()/:-]{0,30}$/);
  const doi = fc.tuple(fc.stringMatching(/^\d{4,9}$/), suffix).map(([registrant, s]) => `10.${registrant}/${s}`);
  const prefix = fc.constantFrom('', 'doi:', 'DOI:', 'https://doi.org/', 'http://doi.org/', 'http://dx.doi.org/', 'https://dx.doi.org/');

  prop.prop([doi, prefix])('every spelling of a DOI normalises to the lower-case bare DOI', (d, p) => {
    expect(normalizeDoi(`${p}${d}`)).toBe(d.toLowerCase());
  });

  prop.prop([doi])('a percent-encoded DOI URL decodes to the DOI', (d) => {
    const [head, ...rest] = d.split('/');
    expect(normalizeDoi(`https://doi.org/${head}/${encodeURIComponent(rest.join('/'))}`)).toBe(d.toLowerCase());
  });

  prop.prop([fc.oneof(fc.string(), doi.map((d) => `https://doi.org/${d}`), doi.map((d) => `${d}%41`))])('is idempotent', (raw) => {
    const once = normalizeDoi(raw);
    if (once === null) expect(once).toBeNull();
    else expect(normalizeDoi(once)).toBe(once);
  });
});

describe('normalizeArxivId', () => {
  test.each([
    ['2506.10944v2', '2506.10944', 2],
    ['2506.10944', '2506.10944', null],
    ['arXiv:2411.17759', '2411.17759', null],
    ['arxiv: 2411.17759v3', '2411.17759', 3],
    ['1111.2011v2', '1111.2011', 2],
    ['0704.0001', '0704.0001', null],
    ['astro-ph/0601001v1', 'astro-ph/0601001', 1],
    ['cond-mat/0102536', 'cond-mat/0102536', null],
    ['math.GT/0309136', 'math/0309136', null],
    ['http://arxiv.org/abs/1111.2011v2', '1111.2011', 2],
    ['https://arxiv.org/abs/astro-ph/0601001v1', 'astro-ph/0601001', 1],
    ['https://arxiv.org/pdf/2506.10944v3', '2506.10944', 3],
    ['https://arxiv.org/pdf/2506.10944v3.pdf', '2506.10944', 3],
    ['https://export.arxiv.org/abs/2411.17759?context=cs', '2411.17759', null],
    ['oai:arXiv.org:2411.17700v1', '2411.17700', 1],
    ['10.48550/arXiv.2411.17759', '2411.17759', null],
    ['https://doi.org/10.48550/arXiv.2411.17759', '2411.17759', null],
  ])('%s -> %s v%s', (raw, id, version) => {
    expect(normalizeArxivId(raw)).toEqual({ id, version });
  });

  test.each([
    ['abc'], [''], ['2513.10944'], ['1412.12345'], ['1501.1234'], ['astro-ph/0613001'], ['10.1038/abc'], ['2506.10944v0'],
  ])('%j is not an arXiv id', (raw) => {
    expect(normalizeArxivId(raw)).toBeNull();
  });

  const newStyle = fc.record({
    yy: fc.integer({ min: 7, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 99999 }),
  }).map(({ yy, mm, n }) => `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String(n % (yy >= 15 ? 100000 : 10000)).padStart(yy >= 15 ? 5 : 4, '0')}`);
  const oldStyle = fc.tuple(
    fc.constantFrom('astro-ph', 'cond-mat', 'hep-th', 'math', 'quant-ph', 'physics'),
    fc.integer({ min: 91, max: 107 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 999 }),
  ).map(([a, y, m, n]) => `${a}/${String(y % 100).padStart(2, '0')}${String(m).padStart(2, '0')}${String(n).padStart(3, '0')}`);
  const id = fc.oneof(newStyle, oldStyle);
  const version = fc.option(fc.integer({ min: 1, max: 30 }), { nil: null });
  const form = fc.constantFrom(
    (s: string) => s, (s: string) => `arXiv:${s}`, (s: string) => `https://arxiv.org/abs/${s}`,
    (s: string) => `http://arxiv.org/pdf/${s}.pdf`, (s: string) => `oai:arXiv.org:${s}`,
  );

  prop.prop([id, version, form])('id and version round-trip through every spelling', (i, v, f) => {
    expect(normalizeArxivId(f(v === null ? i : `${i}v${v}`))).toEqual({ id: i, version: v });
  });

  prop.prop([fc.oneof(fc.string(), id)])('is idempotent: a normalised id normalises to itself', (raw) => {
    const once = normalizeArxivId(raw);
    if (once === null) expect(once).toBeNull();
    else expect(normalizeArxivId(once.id)).toEqual({ id: once.id, version: null });
  });
});

describe('paperIdFor', () => {
  test.each([
    [{ doi: '10.1103/PhysRevB.85.115117', arxivId: '1111.2011v2', fallback: 'x:1' }, 'arxiv:1111.2011'],
    [{ doi: 'https://doi.org/10.1038/X', arxivId: null, fallback: 'x:1' }, 'doi:10.1038/x'],
    [{ doi: 'garbage', arxivId: 'garbage', fallback: 'feed:https://example.org/a' }, 'feed:https://example.org/a'],
    [{ doi: null, arxivId: null, fallback: 'openalex:W2600965442' }, 'openalex:W2600965442'],
  ])('%j -> %s', (input, id) => {
    expect(paperIdFor(input)).toBe(id);
  });
});
