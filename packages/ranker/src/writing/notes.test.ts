import { fc, test as fcTest } from '@fast-check/vitest';
import { areaSchema } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { learnedSentence, relevanceNote, type NoteInput } from './notes.ts';

const area = areaSchema.parse({ id: 'mlip-interfaces', name: 'ML Interatomic Potentials & Interface Simulations', keywords: ['MLIP'] });
const methods = new Set(['MLIP', 'FLARE', 'Allegro', 'active learning', 'MD', 'phase field', 'DFT']);
const base: NoteInput = {
  id: 'arxiv:2506.10944', group: 'DENG.Group', area, areaTerms: ['MLIP', 'interface', 'molecular dynamics'],
  members: [{ name: 'Yanhao Deng', fit: 0.86, interests: ['FLARE', 'active learning', 'Allegro', 'interface'], authors: [] }],
  methods, focus: undefined, specifics: { formulas: [], quantities: [] }, others: [],
};

describe('the relevance note', () => {
  test('leads with who and why: the methods the member works with', () => {
    expect(relevanceNote(base)).toBe('Uses FLARE, active learning and Allegro, the methods Yanhao Deng works with, on interfaces.');
  });

  test('names what is specific: formulas and numbers, in the abstract\'s words', () => {
    const note = relevanceNote({ ...base, specifics: { formulas: ['Li6PS5Cl', 'Li2S0.72P0.14Cl0.14'], quantities: ['up to 3 million atoms', 'band gap of ~1.2 eV'] } });
    expect(note).toBe('Uses FLARE, active learning and Allegro, the methods Yanhao Deng works with, on interfaces. '
      + 'It works with Li6PS5Cl and Li2S0.72P0.14Cl0.14 and reports up to 3 million atoms and band gap of ~1.2 eV.');
  });

  test('without a member past the threshold it speaks for the group, with no strength word', () => {
    const note = relevanceNote({ ...base, members: [] });
    expect(note).not.toMatch(/Yanhao|relevant|Squarely|Close to|Touches/);
    expect(note).toContain('DENG.Group');
  });

  test('a review says so: for the group, in the lead; for a member, right after it', () => {
    expect(relevanceNote({ ...base, members: [], review: true }))
      .toBe("A review of MLIP, interfaces and molecular dynamics: a reference for DENG.Group's ML Interatomic Potentials & Interface Simulations reading.");
    const note = relevanceNote({ ...base, review: true });
    expect(note).toMatch(/^Uses FLARE, active learning and Allegro, the methods Yanhao Deng works with, on interfaces\. (?:A review: one to keep as a reference\.|It is a review, a way into the topic\.)$/);
  });

  test('says when the paper is the group\'s kind of work, and which other areas it bears on', () => {
    const note = relevanceNote({ ...base, id: 'doi:10.1/x', focus: { name: 'modelling and simulation', terms: ['MD', 'DFT'] }, others: ['Halide Solid Electrolytes'] });
    expect(note).toMatch(/(?:Modelling and simulation work \(MD and DFT\), the kind the group does\.|The approach is the group's own: MD and DFT\.)/);
    // An area is a section, not a reader: never "Halide Solid Electrolytes will find it relevant too".
    expect(note).toMatch(/It also (?:bears on|belongs under) Halide Solid Electrolytes\./);
  });

  test('does not name again the formulas and numbers the summary says', () => {
    // Real (the sample week's Mg1-xLixF2/PEO paper, whose summary and note both said "766 mAh g−1").
    const specifics = {
      formulas: ['Li6PS5Cl', 'LiF', 'Li2S', 'Li3InCl6'],
      quantities: ['initial discharge capacity of 766 mAh g−1', 'Li+ transference number of 0.56', 'ionic conductivity of 10−4 S cm−1'],
    };
    const summary = 'Solid‐state Li‐S cells on Li6PS5Cl deliver an initial discharge capacity of 766 mAh g−1 and keep ≈60% of it.';
    const note = relevanceNote({ ...base, specifics, summary });
    expect(note).toContain('It works with LiF, Li2S and Li3InCl6 and reports Li+ transference number of 0.56 and ionic conductivity of 10−4 S cm−1.');
    // Without a summary, the first three formulas and two quantities, as before.
    expect(relevanceNote({ ...base, specifics })).toContain('It works with Li6PS5Cl, LiF and Li2S and reports initial discharge capacity of 766 mAh g−1 and Li+ transference number of 0.56.');
    // A number inside a longer one is not the same number ("1766", "7.66").
    expect(relevanceNote({ ...base, specifics: { formulas: [], quantities: ['capacity of 766 mAh g−1'] }, summary: 'It keeps 1766 cycles at 7.66 V.' }))
      .toMatch(/766 mAh g−1\.$/);
  });

  test('the focus sentence does not name again the methods the lead named', () => {
    const note = relevanceNote({
      ...base, id: 'x', members: [{ name: 'Yanhao Deng', fit: 0.67, interests: ['MLIP', 'MD'], authors: [] }],
      focus: { name: 'modelling and simulation', terms: ['MLIP', 'MD'] },
    });
    expect(note).toBe('Uses MLIP and MD, the methods Yanhao Deng works with. Modelling and simulation work, the kind the group does.');
  });

  test('a followed author is named with the member who follows them', () => {
    const note = relevanceNote({ ...base, members: [{ name: 'Yanhao Deng', fit: 0.9, interests: [], authors: ['Boris Kozinsky'] }] });
    expect(note).toContain('By Boris Kozinsky, whom Yanhao Deng follows.');
  });

  test('a member who follows their own name is among the authors, not following themselves', () => {
    const note = relevanceNote({ ...base, members: [{ name: 'Yanhao Deng', fit: 0.9, interests: [], authors: ['Yanhao Deng'] }] });
    expect(note).toContain('Yanhao Deng is among the authors.');
    expect(note).not.toContain('whom');
  });
});

const words = ['dendrite', 'grain boundary', 'SEI', 'polymer electrolyte', 'PEO', 'halide', 'MD', 'DFT', 'interface', 'ion transport'];
const arbInput = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  areaTerms: fc.uniqueArray(fc.constantFrom(...words), { maxLength: 4 }),
  members: fc.uniqueArray(fc.record({
    name: fc.constantFrom('Yanhao Deng', 'Naibing Wu', 'Ada Lovelace'),
    fit: fc.double({ min: 0.35, max: 0.99, noNaN: true }),
    interests: fc.uniqueArray(fc.constantFrom(...words), { maxLength: 4 }),
    authors: fc.constant([] as string[]),
  }), { selector: (m) => m.name, maxLength: 2 }),
  formulas: fc.uniqueArray(fc.constantFrom('Li6PS5Cl', 'Li3InCl6', 'LiF', 'Li2O'), { maxLength: 3 }),
  quantities: fc.uniqueArray(fc.constantFrom('up to 3 million atoms', '82% capacity retention after 350 cycles', '1500 h'), { maxLength: 2 }),
  others: fc.uniqueArray(fc.constantFrom('Polymer Electrolytes', 'Halide Solid Electrolytes'), { maxLength: 2 }),
  focus: fc.option(fc.uniqueArray(fc.constantFrom('MD', 'DFT', 'phase field'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
}).map((r): NoteInput => ({
  ...base, id: r.id, areaTerms: r.areaTerms, members: [...r.members].sort((a, b) => b.fit - a.fit),
  specifics: { formulas: r.formulas, quantities: r.quantities }, others: r.others,
  focus: r.focus && { name: 'modelling and simulation', terms: r.focus },
}));

fcTest.prop([arbInput])('sentences, at most about 60 words, no scores, the strength word follows the first member\'s fit', (input) => {
  const note = relevanceNote(input);
  expect(note).toMatch(/^[A-Z].*\.$/);
  // At most 60 words, unless the lead sentence alone is longer (it is never dropped).
  expect(note.split(/\s+/).length <= 60 || !/\.\s[A-Z]/.test(note)).toBe(true);
  expect(note).not.toMatch(/\bscores?\b|\b0\.\d\d\b/);
  const fit = input.members[0]?.fit ?? 0;
  if (/^(?:Directly relevant|Squarely in)/.test(note)) expect(fit).toBeGreaterThanOrEqual(0.8);
  if (/^(?:Highly relevant|Close to)/.test(note)) expect(fit >= 0.6 && fit < 0.8).toBe(true);
  for (const name of ['Yanhao Deng', 'Naibing Wu', 'Ada Lovelace']) {
    if (note.includes(name)) expect(input.members.some((m) => m.name === name)).toBe(true);
  }
});

test('twenty papers on the same evidence do not read as one', () => {
  const leads = new Set(Array.from({ length: 20 }, (_, i) => relevanceNote({
    ...base, id: `paper:${i}`, members: [{ name: 'Naibing Wu', fit: 0.7, interests: ['polymer electrolyte', 'ion transport'], authors: [] }],
  }).split(/[;:,]/)[0]));
  expect(leads.size).toBeGreaterThanOrEqual(3);
});

describe('what learning saw, in the note', () => {
  const from = { id: 'doi:10.1039/x', title: 'Coupled Reaction and Diffusion Governing Interface Evolution in Solid-State Batteries', signal: 'star' as const };

  test('names the taught paper, who starred it and when, the title cut at six words', () => {
    expect(learnedSentence({ ...from, member: 'Yanhao Deng', at: '2026-11-12T09:00:00Z' }, 'DENG.Group'))
      .toBe('Like \'Coupled Reaction and Diffusion Governing Interface…\', which Yanhao Deng starred on 12 Nov.');
  });

  test('a nomination, a read, the group without a member, a time that is not one', () => {
    expect(learnedSentence({ ...from, title: 'Short title', signal: 'nominate', member: 'Naibing Wu', at: '2026-01-03T23:59:00Z' }, 'DENG.Group'))
      .toBe('Like \'Short title\', which Naibing Wu put forward for the group meeting on 3 Jan.');
    expect(learnedSentence({ ...from, title: 'Short title', signal: 'read', at: '2026-02-01' }, 'DENG.Group'))
      .toBe('Like \'Short title\', which DENG.Group read on 1 Feb.');
    expect(learnedSentence({ ...from, title: 'Short title', member: 'Naibing Wu', at: 'yesterday' }, 'DENG.Group'))
      .toBe('Like \'Short title\', which Naibing Wu starred.');
  });

  test('the day is the group\'s: a star at 20:00 UTC on 6 Dec was given on 7 Dec in Shanghai', () => {
    const late = { ...from, member: 'Yanhao Deng', at: '2026-12-06T20:00:00Z' };
    expect(learnedSentence(late, 'DENG.Group', undefined, 'Asia/Shanghai')).toMatch(/starred on 7 Dec\.$/);
    expect(learnedSentence(late, 'DENG.Group', undefined, 'UTC')).toMatch(/starred on 6 Dec\.$/);
    expect(learnedSentence(late, 'DENG.Group')).toMatch(/starred on 6 Dec\.$/);
  });

  test('a day of another year than the paper\'s is said with its year', () => {
    // Found by an audit: a star dated November 2025 on a paper of 2026 read "starred on 12 Nov".
    const old = { ...from, member: 'Yanhao Deng', at: '2025-11-12T09:00:00Z' };
    expect(learnedSentence(old, 'DENG.Group', undefined, 'UTC', '2026-08-20')).toMatch(/starred on 12 Nov 2025\.$/);
    expect(learnedSentence({ ...old, at: '2026-11-12T09:00:00Z' }, 'DENG.Group', undefined, 'UTC', '2026-08-20')).toMatch(/starred on 12 Nov\.$/);
  });

  test('the group\'s own papers (a bib file: no member, no time)', () => {
    expect(learnedSentence(from, 'DENG.Group')).toBe('Like DENG.Group\'s own \'Coupled Reaction and Diffusion Governing Interface…\'.');
  });

  test('a paper that is itself what the group starred says so, not what it is like', () => {
    expect(learnedSentence({ ...from, self: true, member: 'Naibing Wu', at: '2026-12-05T08:00:00Z' }, 'DENG.Group')).toBe('Naibing Wu starred it on 5 Dec.');
    expect(learnedSentence({ ...from, self: true, signal: 'nominate', member: 'Yanhao Deng' }, 'DENG.Group')).toBe('Yanhao Deng put it forward for the group meeting.');
    expect(learnedSentence({ ...from, self: true }, 'DENG.Group')).toBe('One of DENG.Group\'s own papers.');
    // The note's lead has just named her: her name is not said twice.
    expect(learnedSentence({ ...from, self: true, member: 'Naibing Wu', at: '2026-12-05T08:00:00Z' }, 'DENG.Group', 'Naibing Wu')).toBe('Starred on 5 Dec.');
    expect(learnedSentence({ ...from, self: true, signal: 'nominate', member: 'Naibing Wu', at: '2026-12-05T08:00:00Z' }, 'DENG.Group', 'Naibing Wu'))
      .toBe('Put forward for the group meeting on 5 Dec.');
    expect(learnedSentence({ ...from, self: true, member: 'Naibing Wu', at: '2026-12-05T08:00:00Z' }, 'DENG.Group', 'Yanhao Deng')).toBe('Naibing Wu starred it on 5 Dec.');
    // A star with no time is one of her own papers (learn --bib --member), not one she starred on a day.
    expect(learnedSentence({ ...from, self: true, member: 'Naibing Wu' }, 'DENG.Group', 'Naibing Wu')).toBe('One of Naibing Wu\'s own papers.');
    expect(learnedSentence({ ...from, member: 'Naibing Wu' }, 'DENG.Group')).toBe('Like Naibing Wu\'s own \'Coupled Reaction and Diffusion Governing Interface…\'.');
  });

  test('a paper the member the lead names starred herself: the note does not name her twice', () => {
    const note = relevanceNote({ ...base, learnedFrom: { ...from, self: true, member: 'Yanhao Deng', at: '2026-12-05T08:00:00Z' } });
    expect(note).toContain('Yanhao Deng');
    expect(note.split('Yanhao Deng').length).toBe(2);
    expect(note).toMatch(/\. Starred on 5 Dec\./);
  });

  test('comes right after the lead, and the note stays within 60 words', () => {
    const note = relevanceNote({
      ...base, learnedFrom: { ...from, member: 'Yanhao Deng', at: '2026-11-12T09:00:00Z' },
      specifics: { formulas: ['Li6PS5Cl', 'Li2S0.72P0.14Cl0.14'], quantities: ['up to 3 million atoms', 'band gap of ~1.2 eV'] },
      others: ['Phase Field / Dendrites & SEI', 'Halide Solid Electrolytes'],
    });
    expect(note.startsWith('Uses FLARE, active learning and Allegro, the methods Yanhao Deng works with, on interfaces. '
      + 'Like \'Coupled Reaction and Diffusion Governing Interface…\', which Yanhao Deng starred on 12 Nov.')).toBe(true);
    expect(note.split(/\s+/).length).toBeLessThanOrEqual(60);
  });
});
