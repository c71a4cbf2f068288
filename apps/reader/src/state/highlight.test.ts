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

describe('highlight agrees with marking character by character', () => {
  // The plainest statement of the rule: each character takes the highest mark of any match over it
  // (term over search hit), and runs of equal marks are the segments.
  function reference(text: string, forms: readonly string[], query: readonly string[]): string {
    const marks = new Uint8Array(text.length);
    const lower = text.toLowerCase();
    const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    const paint = (needle: string, level: number, whole: boolean) => {
      const n = needle.toLowerCase();
      if (!n) return;
      for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
        if (whole && (word(text[i - 1]) || word(text[i + n.length]))) continue;
        for (let j = i; j < i + n.length; j++) marks[j] = Math.max(marks[j] ?? 0, level);
      }
    };
    for (const w of query) paint(w, 1, false);
    for (const f of forms) paint(f, 2, true);
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const m = marks[i] ?? 0;
      if (i === 0 || m !== marks[i - 1]) out += i === 0 ? '' : ['', '}', ']'][marks[i - 1] ?? 0];
      if (i === 0 || m !== marks[i - 1]) out += ['', '{', '['][m];
      out += text[i];
    }
    return text ? out + ['', '}', ']'][marks[text.length - 1] ?? 0] : '';
  }

  // A small seeded generator: the same cases every run, and a failure names the case.
  let seed = 20260817;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const vocabulary = ['Li', 'li', 'SEI', 'sei', 'é', 'ion', 'Ion transport', 'x1', 'solid', 'electrolytes', 'a', 'Lié'];
  const gaps = [' ', ' ', ' ', '-', '(', ')', ''];
  // Search words are often cut from the text itself, so they overlap terms and each other.
  const slice = (text: string) => {
    const at = Math.floor(next() * text.length);
    return text.slice(at, at + 1 + Math.floor(next() * 5));
  };
  const cases = Array.from({ length: 500 }, () => {
    const words = Array.from({ length: Math.floor(next() * 12) }, () => pick(vocabulary));
    const text = words.map((w) => w + pick(gaps)).join('');
    return {
      text,
      forms: Array.from({ length: Math.floor(next() * 4) }, () => (next() < 0.7 && words.length > 0 ? pick(words) : pick(vocabulary))),
      query: Array.from({ length: Math.floor(next() * 3) }, () => (next() < 0.7 ? slice(text) : pick(vocabulary))),
    };
  });

  test('500 generated texts', () => {
    // Enough of them mark both a term and a search hit for the overlaps to be tried.
    const both = cases.filter((c) => { const m = highlight(c.text, c.forms, c.query).map((s) => s.mark); return m.includes('term') && m.includes('query'); });
    expect(both.length).toBeGreaterThan(50);
    for (const { text, forms, query } of cases) {
      expect(marked(highlight(text, forms, query)), JSON.stringify({ text, forms, query })).toBe(reference(text, forms, query));
    }
  });
});
