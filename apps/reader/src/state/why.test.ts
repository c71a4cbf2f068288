import { describe, expect, test } from 'vitest';
import type { DigestEntry } from '@labdigest/core';
import { percent, whyOf } from './why.ts';
import { newestDigest } from '../../test/sample-digests.ts';

const first = newestDigest.sections[0]?.papers[0] as DigestEntry;
const names = new Map(newestDigest.sections.map((s) => [s.id, s.name]));
const mlip = { id: 'mlip-interfaces', name: 'ML Interatomic Potentials & Interface Simulations' };
const term = (keyword: string, forms: string[], inTitle = false, count = 1) => ({ keyword, forms, inTitle, count, profiles: [] });

describe('whyOf', () => {
  test('the section score, then the other areas it scores in, best first; none at 0 or unknown', () => {
    const why = whyOf({ ...first, scores: { ...first.scores, 'gone-area': 0.9 } }, mlip, names);
    expect([why.relevance, why.alsoTouches]).toEqual([
      '100% to ML Interatomic Potentials & Interface Simulations', ['Polymer Electrolytes 54%', 'Halide Solid Electrolytes 46%'],
    ]);
    // phase-field-sei scored 0 for this paper: left out.
    expect(first.scores['phase-field-sei']).toBe(0);
  });

  test('a term says how the paper writes it, plurals and hyphens aside, where and how often', () => {
    const entry = { ...first, matchedTerms: [
      term('solid electrolyte interphase', ['SEI', 'solid-electrolyte interphases'], true, 5),
      term('battery', ['batteries', 'Batteries']),
      term('diffusion', ['diffusion', 'diffusivity'], false, 2),
    ] };
    expect(whyOf(entry, mlip, names).terms).toEqual([
      { keyword: 'solid electrolyte interphase', detail: 'written “SEI” · in the title · 5×' },
      { keyword: 'battery', detail: '' },
      { keyword: 'diffusion', detail: 'written “diffusivity” · 2×' },
    ]);
  });

  test('members with their score and reasons', () => {
    expect(whyOf(first, mlip, names).members).toEqual([
      { name: 'Yanhao Deng', score: '97%', reasons: 'interests: grain boundary, active learning and machine learning interatomic potential' },
      { name: 'Naibing Wu', score: '55%', reasons: 'interests: ion transport and molecular dynamics' },
    ]);
  });
});

test('percent rounds to a whole number', () => {
  expect([percent(0), percent(0.004), percent(0.9956), percent(1)]).toEqual(['0%', '0%', '100%', '100%']);
});
