import { describe, expect, test } from 'vitest';
import { DIGEST_SCHEMA_VERSION, digestSchema, paperSourceLine, readDigestSchema, upgradeDigestJson, digestSectionSchema } from './digest.ts';
import { venueName } from './venue.ts';
import { learnedLine, memberTeacher, YOU } from './learned-line.ts';
import { paperArxivId, paperSchema } from './paper.ts';

const paper = (fields: Record<string, unknown>) => paperSchema.parse({ id: 'x', title: 'T', ...fields });

describe('paperSourceLine', () => {
  test.each([
    ['an arXiv preprint', { id: 'arxiv:2506.10944', url: 'http://arxiv.org/abs/2506.10944v2' }, 'arXiv:2506.10944'],
    ['a journal paper', { id: 'doi:10.1021/acsenergylett.5c02748', doi: '10.1021/acsenergylett.5c02748', venue: 'ACS Energy Letters' },
      'ACS Energy Letters (10.1021/acsenergylett.5c02748)'],
    ['a DOI without a venue', { id: 'openalex:W1', doi: '10.1557/s43579-025-00788-y' }, 'doi:10.1557/s43579-025-00788-y'],
    ['a preprint with arXiv\'s own DOI', { id: 'arxiv:2411.00001', doi: '10.48550/arXiv.2411.00001' }, 'arXiv:2411.00001'],
    ['a published preprint', { id: 'arxiv:1204.4756', doi: '10.1107/S0108768112017466', venue: 'Acta Cryst. B' },
      'Acta Cryst. B (10.1107/S0108768112017466)'],
  ])('%s', (_name, fields, expected) => {
    expect(paperSourceLine(paper(fields))).toBe(expected);
  });
});

describe('venueName', () => {
  test.each([
    // OpenAlex's sentence case (496 papers of the corpus are "Energy storage materials").
    ['Energy storage materials', 'Energy Storage Materials'],
    ['Interdisciplinary materials', 'Interdisciplinary Materials'],
    ['Energy & environment materials', 'Energy & Environment Materials'],
    ['Proceedings of the national academy of sciences', 'Proceedings of the National Academy of Sciences'],
    // Names already written with capitals, or that start in lower case, stay.
    ['Journal of the American Chemical Society', 'Journal of the American Chemical Society'],
    ['npj Computational Materials', 'npj Computational Materials'],
    ['JACS Au', 'JACS Au'], ['Nature', 'Nature'], ['Acta Cryst. B', 'Acta Cryst. B'], ['  ', null],
  ])('%s', (venue, expected) => {
    expect(venueName(venue)).toBe(expected);
  });
  test('the source line uses it', () => {
    expect(paperSourceLine(paper({ id: 'openalex:W1', doi: '10.1016/j.ensm.2026.104001', venue: 'Energy storage materials' })))
      .toBe('Energy Storage Materials (10.1016/j.ensm.2026.104001)');
  });
});

describe('paperArxivId', () => {
  test.each([
    [{ id: 'arxiv:2506.10944v3' }, '2506.10944'],
    [{ id: 'doi:10.1/x', arxivId: 'cond-mat/0601001' }, 'cond-mat/0601001'],
    [{ id: 'openalex:W1', url: 'https://arxiv.org/pdf/2401.01234v1.pdf' }, '2401.01234'],
    [{ id: 'doi:10.1/x' }, null],
  ])('%o -> %s', (fields, expected) => {
    expect(paperArxivId(paper(fields))).toBe(expected);
  });
});

test('a corpus record parses with its absent fields filled', () => {
  const parsed = paperSchema.parse({ id: 'arxiv:1', title: 'A title', abstract: null, authors: ['A. B'], published: null, categories: [], doi: null, source: 's', venue: null, url: 'http://arxiv.org/abs/1', tags: [] });
  expect(parsed).toMatchObject({ arxivId: null, abstract: null, authors: ['A. B'] });
});

describe('reading older digests', () => {
  const v1 = {
    schemaVersion: 1, group: { name: 'G' }, title: 'Research Digest — 2026-06-08', date: '2026-06-08',
    window: { since: null, until: null }, generatedAt: '2026-06-08T06:00:00Z', sample: false,
    sections: [{ id: 'a', name: 'A', papers: ['arxiv:1', 'arxiv:2'].map((id, i) => ({
      number: i + 1, id, title: `T${i}`, authors: [], published: null, url: null, doi: null, arxivId: null, venue: null,
      sourceLine: id, score: 0.9 - i / 10, scores: { a: 0.9 - i / 10 }, summary: '', note: '', matchedTerms: [], members: [],
    })) }],
    members: [], stats: { considered: 2, included: 2 },
  };

  test('a version 1 digest reads as version 2, every paper a pick ranked in order', () => {
    const parsed = readDigestSchema.parse(v1);
    expect(parsed.schemaVersion).toBe(DIGEST_SCHEMA_VERSION);
    expect(parsed.sections[0]?.papers.map((p) => [p.id, p.pick, p.rank])).toEqual([['arxiv:1', true, 1], ['arxiv:2', true, 2]]);
  });

  test('the current schema alone refuses a version 1 digest', () => {
    expect(digestSchema.safeParse(v1).success).toBe(false);
  });

  test('a document that is not a digest passes through the upgrade unchanged', () => {
    expect(upgradeDigestJson('<html>')).toBe('<html>');
    expect(upgradeDigestJson({ schemaVersion: 1 })).toEqual({ schemaVersion: 1 });
  });
});

describe('learnedLine', () => {
  const words = [{ word: 'thermal stability', weight: 0.8 }, { word: 'ring opening', weight: 0.6 }, { word: 'polymerized', weight: 0.3 }, { word: 'aqueous', weight: -0.4 }];

  test('says what taught the area and which words it now weighs more and less', () => {
    expect(learnedLine({ positives: 12, negatives: 3, words })).toBe(
      'Learned from 12 papers the group starred or read and 3 it dismissed: more weight on thermal stability, ring opening and polymerized; less on aqueous.');
    expect(learnedLine({ positives: 1, negatives: 0, words: words.slice(0, 1) })).toBe(
      'Learned from 1 paper the group starred or read: more weight on thermal stability.');
    expect(learnedLine({ positives: 0, negatives: 2, words: words.slice(3) })).toBe('Learned from 2 papers the group dismissed: less on aqueous.');
    expect(learnedLine({ positives: 2, negatives: 0, words: [] })).toBe('Learned from 2 papers the group starred or read, nothing yet that stands out.');
  });

  test('names a member who taught their own profile', () => {
    expect(learnedLine({ positives: 2, negatives: 1, words: words.slice(0, 1) }, YOU)).toBe(
      'Learned from 2 papers you starred or read and 1 you dismissed: more weight on thermal stability.');
    expect(learnedLine({ positives: 2, negatives: 0, words: words.slice(0, 1) }, memberTeacher('Naibing Wu'))).toBe(
      'Learned from 2 papers Naibing Wu starred or read: more weight on thermal stability.');
  });

  test('says when the papers that taught it were the keywords\' best already, and what would teach more', () => {
    const signals = { star: 2, nominate: 0, read: 0, dismiss: 4 };
    const line = 'Learned from the group\'s 2 stars and 4 dismissals: more weight on thermal stability; less on aqueous.';
    const light = ' Most of the papers that added weight were the keywords\' best already, so they move the ranking little; a star on a paper the keywords score lower teaches more.';
    const taught = { positives: 2, negatives: 4, signals, words: [words[0]!, words[3]!] };
    expect(learnedLine({ ...taught, novelty: 0.04 })).toBe(line + light);
    expect(learnedLine({ ...taught, novelty: 0.25 })).toBe(line);
    expect(learnedLine(taught)).toBe(line);
    // Dismissals alone teach no "for": nothing to say of how new they were.
    expect(learnedLine({ positives: 0, negatives: 2, words: words.slice(3), novelty: 0 })).toBe('Learned from 2 papers the group dismissed: less on aqueous.');
  });

  test('with the signals counted, names them', () => {
    const signals = { star: 10, nominate: 1, read: 2, dismiss: 3 };
    expect(learnedLine({ positives: 13, negatives: 3, signals, words })).toBe(
      'Learned from the group\'s 10 stars, 1 nomination, 2 reads and 3 dismissals: more weight on thermal stability, ring opening and polymerized; less on aqueous.');
    expect(learnedLine({ positives: 1, negatives: 0, signals: { star: 1, nominate: 0, read: 0, dismiss: 0 }, words: words.slice(0, 1) }, YOU)).toBe(
      'Learned from your 1 star: more weight on thermal stability.');
    expect(learnedLine({ positives: 0, negatives: 2, signals: { star: 0, nominate: 0, read: 0, dismiss: 2 }, words: words.slice(3) }, memberTeacher('Yanhao Deng'))).toBe(
      'Learned from Yanhao Deng\'s 2 dismissals: less on aqueous.');
    expect(learnedLine({ positives: 1, negatives: 0, signals: { star: 1, nominate: 0, read: 0, dismiss: 0 }, words: [] }, memberTeacher('Thomas'))).toBe(
      'Learned from Thomas\' 1 star, nothing yet that stands out.');
  });

  test('the group\'s own papers (learn --bib) are its own papers, not stars', () => {
    const own = (n: number, star = 0) => ({ positives: n + star, negatives: 0, signals: { star, nominate: 0, read: 0, dismiss: 0, own: n }, words: words.slice(0, 1) });
    expect(learnedLine(own(4))).toBe('Learned from 4 of the group\'s own papers: more weight on thermal stability.');
    expect(learnedLine(own(4, 2))).toBe('Learned from 4 of the group\'s own papers and its 2 stars: more weight on thermal stability.');
    expect(learnedLine(own(1), memberTeacher('Naibing Wu'))).toBe('Learned from one of Naibing Wu\'s own papers: more weight on thermal stability.');
    expect(learnedLine(own(3, 1), YOU)).toBe('Learned from 3 of your own papers and your 1 star: more weight on thermal stability.');
  });

  test('is empty for an area nothing taught', () => {
    expect(learnedLine(undefined)).toBe('');
    expect(learnedLine({ positives: 0, negatives: 0, words: [] })).toBe('');
  });

  test('a section with it parses; one without still does', () => {
    const section = { id: 'a', name: 'A', papers: [] };
    expect(digestSectionSchema.parse({ ...section, learned: { positives: 1, negatives: 0, words } }).learned?.words).toHaveLength(4);
    expect(digestSectionSchema.parse(section).learned).toBeUndefined();
    expect(() => digestSectionSchema.parse({ ...section, learned: { positives: -1, negatives: 0, words } })).toThrow();
  });
});
