import { fc, test as fcTest } from '@fast-check/vitest';
import { parseGroupConfig, type GroupConfig } from '@labdigest/core';
import { readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { createAnalyzer } from './analyze.ts';
import { compileProfiles } from '../profiles/profiles.ts';
import { termOf } from '../words/stem.ts';
import { splitWords } from '../words/tokenize.ts';
import { ANY_WORD, wordAutomaton, type WordAutomaton } from './word-automaton.ts';

const parsed = parseGroupConfig(readDefaultConfigText());
if (!parsed.ok) throw new Error('default config invalid');
const config: GroupConfig = parsed.config;
const lexicon = compileProfiles([
  ...config.areas.map((a) => ({ id: a.id, kind: 'area' as const, keywords: a.keywords, exclude: a.exclude, require: a.require })),
  ...config.members.map((m) => ({ id: m.name, kind: 'member' as const, keywords: m.interests })),
]);

const spanning = createAnalyzer(lexicon);
const counting = createAnalyzer(lexicon);

/**
 * Occurrences by the plain definition, the oracle for both fast paths: every word of `splitWords`
 * through `termOf` (no prefix filter, no word cache), phrases walked in the lexicon's trie.
 */
function viaReference(text: string): string[] {
  const words = splitWords(text);
  const ids = words.words.map((w) => lexicon.termIds.get(termOf(w)) ?? -1);
  const found: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    let node = 0;
    for (let j = i; j < ids.length && ids[j]! >= 0; j++) {
      node = lexicon.trie.child(node, ids[j]!);
      if (node === 0) break;
      for (const f of lexicon.trie.endsAt(node)) found.push(`${f}@${words.starts[i]}-${words.ends[j]}`);
    }
  }
  return found.sort();
}

/** The same by the span-keeping path (`matches`). */
function viaMatches(text: string): string[] {
  return spanning.matches(text).matches.map((m) => `${m.feature}@${m.start}-${m.end}`).sort();
}

/** Feature ids alone, one per occurrence. */
const featuresOf = (occurrences: string[]) => occurrences.map((o) => Number(o.split('@')[0])).sort((a, b) => a - b);

/** The same by the fast counting path (`features`). */
function viaFeatures(text: string): number[] {
  const f = counting.features({ title: text });
  return f.ids.flatMap((id, i) => Array<number>(f.inTitle[i] ?? 0).fill(id)).sort((a, b) => a - b);
}

// The fast paths skip words that cannot begin a lexicon term without stemming them; they must find
// exactly what the full lookup finds. Checked on every title and abstract of two real slices.
const texts = [...readFixtureRecords('papers/corpus-slice.jsonl'), ...readFixtureRecords('papers/sample-week.jsonl.gz')]
  .flatMap((r) => [String(r.title), String(r.abstract ?? '')]);

test('the fast paths find what the full lookup finds, spans included, on 4,000 real texts', () => {
  expect(texts.length).toBeGreaterThan(4000);
  const mismatched = texts.filter((t) => {
    const reference = viaReference(t);
    return JSON.stringify(viaMatches(t)) !== JSON.stringify(reference)
      || JSON.stringify(viaFeatures(t)) !== JSON.stringify(featuresOf(reference));
  });
  expect(mismatched.slice(0, 3)).toEqual([]);
  expect(texts.filter((t) => viaReference(t).length > 0).length).toBeGreaterThan(1000);
});

const vocabulary = ['polymer', 'electrolytes', 'SEI', 'solid', 'interphase', 'phase-field', 'dendritic', 'Li$_3$InCl$_6$',
  'Li 3 InCl 6', 'batteries', 'plating', 'stability', 'MLIPs', 'the', 'of', 'PEO', 'poly(ethylene', 'oxide)', 'Na', '3',
  // Words the automaton must read as the lookup does: case, decimals, letters beyond ASCII, overrides.
  'FORCE', 'Forces', 'for', 'In', 'in-situ', 'Li2S0.72P0.14', '0.5', 'Déng', 'αβ-phase', 'polarisation', 'ions', 'ionization'];
fcTest.prop([fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 })])('and on random mixes of keyword words', (words) => {
  const text = words.join(' ');
  expect(viaMatches(text)).toEqual(viaReference(text));
  expect(viaFeatures(text)).toEqual(featuresOf(viaReference(text)));
});

test('counts title and abstract apart, and the length of both', () => {
  const f = createAnalyzer(lexicon).features({ title: 'Solid polymer electrolytes', abstract: 'A polymer electrolyte with PEO.' });
  const polymerElectrolyte = lexicon.features.find((x) => x.key === 'polym electrolyt')!.id;
  const at = f.ids.indexOf(polymerElectrolyte);
  expect([f.inTitle[at], f.inAbstract[at], f.length]).toEqual([1, 1, 8]);
});

test('a keyword whose stem is short matches its longer words: "wetting" (wet), "ageing" (ag), "fitting" (fit)', () => {
  const short = compileProfiles([{ id: 'a', kind: 'area', keywords: ['wetting', 'battery ageing', 'curve fitting', 'spray drying'].map((term) => ({ term, weight: 1 })) }]);
  const analyzer = createAnalyzer(short);
  const found = (text: string) => analyzer.features({ title: text }).ids.map((f) => short.features[f]!.keyword);
  expect(found('Improved wetting of lithium on garnet')).toEqual(['wetting']);
  expect(found('A battery ageing model; battery aging under fast charge')).toEqual(['battery ageing']);
  expect(found('Curve fitting of impedance spectra, and spray drying of the cathode')).toEqual(['curve fitting', 'spray drying']);
});

test('an American keyword matches the British spelling, and back', () => {
  const american = compileProfiles([{ id: 'a', kind: 'area', keywords: ['sulfide electrolyte', 'aluminum', 'fiber', 'stabilization', 'behavior', 'analyzed'].map((term) => ({ term, weight: 1 })) }]);
  const analyzer = createAnalyzer(american);
  const found = (text: string) => analyzer.features({ title: text }).ids.map((f) => american.features[f]!.keyword);
  expect(found('Sulphide electrolytes with aluminium-doped fibres: interface stabilisation')).toEqual(['sulfide electrolyte', 'aluminum', 'fiber', 'stabilization']);
  expect(found('The behaviour of the samples analysed')).toEqual(['behavior', 'analyzed']);
  const british = createAnalyzer(compileProfiles([{ id: 'b', kind: 'area', keywords: [{ term: 'sulphide', weight: 1 }] }]));
  expect(british.features({ title: 'Sulfide glass' }).ids.length).toBe(1);
});

test('with every word of the fixtures\' texts a keyword, the automaton rules out no word the full lookup finds', () => {
  const words = [...new Set(texts.flatMap((t) => splitWords(t).words))];
  expect(words.length).toBeGreaterThan(20_000);
  const everyWord = compileProfiles([{ id: 'all', kind: 'area', keywords: words.map((term) => ({ term, weight: 1 })) }]);
  const automaton = wordAutomaton(everyWord);
  const ruledOut = words.filter((w) => !mayBeTerm(automaton, w) && everyWord.termIds.has(termOf(w)));
  expect(ruledOut).toEqual([]);
});

test('a word passes the automaton of its term alone, written as any word of that term: British spellings, overrides', () => {
  // The words of a term that do not start with the term less its last letter: where the prefix rule
  // alone would miss them, and another term's prefix must not be what lets them through.
  const british = ['neighbourhood', 'neighbourhoods', 'Neighbourhood', 'sulphide', 'polysulphides', 'aluminium', 'fibres', 'centre',
    'behavioural', 'colourful', 'lisation', 'crystallisation', 'analysing', 'oxidising', 'polarisation', 'ageing', 'laying'];
  const fixtureWords = [...new Set(texts.flatMap((t) => splitWords(t).words))];
  const byTerm = new Map<string, string[]>();
  for (const w of [...british, ...fixtureWords]) byTerm.set(termOf(w), [...(byTerm.get(termOf(w)) ?? []), w]);
  const missed: string[] = [];
  let checked = 0;
  for (const [term, words] of byTerm) {
    const bare = term.replace(/^#/, '');
    if (words.every((w) => w.toLowerCase().startsWith(bare.slice(0, Math.max(3, bare.length - 1))))) continue;
    checked++;
    for (const keyword of words) {
      const one = compileProfiles([{ id: 'one', kind: 'area', keywords: [{ term: keyword, weight: 1 }] }]);
      if (!one.termIds.has(term)) continue;
      const automaton = wordAutomaton(one);
      for (const w of words) if (!mayBeTerm(automaton, w)) missed.push(`${w} (keyword ${keyword})`);
    }
  }
  expect(checked).toBeGreaterThan(10);
  expect(missed).toEqual([]);
});

/** The automaton's answer for one word, read as the scan reads it. */
function mayBeTerm(a: WordAutomaton, word: string): boolean {
  let state = 0;
  for (let i = 0; i < word.length && (i === 0 || state !== 0); i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) state = i === 0 ? ANY_WORD : a.onWide[state]!;
    else state = c === 46 ? a.onDecimalPoint[state]! : a.next[(state << 7) | c]!;
  }
  return state !== 0 && a.mayBeTerm[state] === 1;
}
