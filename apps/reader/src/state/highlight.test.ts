import { describe, expect, test } from 'vitest';
import { highlight, queryWords, termForms } from './highlight.ts';

const marked = (segments: ReturnType<typeof highlight>) =>
  segments.map((s) => (s.mark === 'term' ? `[${s.text}]` : s.mark === 'query' ? `{${s.text}}` : s.text)).join('');

describe('highlight', () => {
  test('marks matched-term forms, ignoring case', () => {
    expect(marked(highlight('Solid polymer electrolytes beat liquid electrolyte', ['solid polymer electrolytes', 'electrolyte'])))
      .toBe('[Solid polymer electrolytes] beat liquid [electrolyte]');
  });

  test('the longest form wins where forms overlap', () => {
    const forms = termForms([
      { keyword: 'electrolyte', forms: ['electrolytes'], inTitle: true, count: 1, profiles: [] },
      { keyword: 'solid electrolyte', forms: ['solid electrolytes'], inTitle: true, count: 1, profiles: [] },
    ]);
    expect(forms).toEqual(['solid electrolytes', 'electrolytes']);
    expect(marked(highlight('fast ion transport in solid electrolytes', forms))).toBe('fast ion transport in [solid electrolytes]');
  });

  test('terms match whole words only', () => {
    expect(marked(highlight('Li metal and Lithium and LiPF6', ['Li']))).toBe('[Li] metal and Lithium and LiPF6');
  });

  test('regex characters in forms are literal', () => {
    expect(marked(highlight('the Li|Li6PS5Cl|Li cell (SEI)', ['Li|Li6PS5Cl|Li', '(SEI)']))).toBe('the [Li|Li6PS5Cl|Li] cell [(SEI)]');
  });

  test('search words match anywhere; a term wins where both match', () => {
    expect(marked(highlight('Dendrite growth in phase-field models', ['phase-field'], queryWords('DENDR field'))))
      .toBe('{Dendr}ite growth in [phase-field] models');
  });

  test('text without matches is one plain segment; empty text none', () => {
    expect(highlight('nothing here', ['SEI'])).toEqual([{ text: 'nothing here', mark: null }]);
    expect(highlight('', ['SEI'])).toEqual([]);
  });

  test('markup in the text stays text', () => {
    expect(highlight('<img src=x onerror=alert(1)> SEI', ['SEI'])).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: null }, { text: 'SEI', mark: 'term' },
    ]);
  });
});

test('text whose lower case is longer (U+0130) is still marked in the right place', () => {
  expect(marked(highlight('İstanbul SEI layer', ['SEI']))).toBe('İstanbul [SEI] layer');
  expect(marked(highlight('İzmir: li metal, Li anode', ['Li']))).toBe('İzmir: [li] metal, [Li] anode');
});

test('accented letters are part of a word', () => {
  expect(marked(highlight('Lié and Li', ['Li']))).toBe('Lié and [Li]');
});
