import { expect, test } from 'vitest';
import { createAnalyzer } from '../scan/analyze.ts';
import { compileProfiles } from './profiles.ts';

const kw = (...terms: string[]) => terms.map((term) => ({ term, weight: 1 }));

test('an acronym and its expansion are one keyword', () => {
  const lexicon = compileProfiles([{ id: 'a', kind: 'area', keywords: kw('SEI', 'solid electrolyte interphase', 'solid-electrolyte interphase') }]);
  expect(lexicon.features).toHaveLength(1);
  expect(lexicon.profiles[0]?.features).toEqual([0]);
});

test.each([
  ['SEI', 'the solid electrolyte interphase grows'],
  ['solid electrolyte interphase', 'a thicker SEI forms'],
  ['MLIP', 'machine-learned interatomic potentials were trained'],
  ['machine learning interatomic potential', 'we train MLIPs'],
  ['PEO', 'poly(ethylene oxide) based electrolytes'],
  ['poly(ethylene oxide)', 'PEO-based electrolytes'],
  ['SEI formation', 'solid electrolyte interphase formation'],
])('keyword "%s" matches "%s"', (keyword, text) => {
  const lexicon = compileProfiles([{ id: 'a', kind: 'area', keywords: kw(keyword) }]);
  expect(createAnalyzer(lexicon).features({ title: text }).ids).toEqual([0]);
});

test('a multi-word keyword matches only as a phrase', () => {
  const lexicon = compileProfiles([{ id: 'a', kind: 'area', keywords: kw('phase field') }]);
  const analyzer = createAnalyzer(lexicon);
  expect(analyzer.features({ title: 'a phase-field model' }).ids).toEqual([0]);
  expect(analyzer.features({ title: 'the electric field of each phase' }).ids).toEqual([]);
});

test('a keyword remembers the longer keywords of its profile that contain it', () => {
  const lexicon = compileProfiles([{ id: 'a', kind: 'area', keywords: kw('dendrite', 'lithium dendrite', 'dendrite growth', 'growth') }]);
  expect(lexicon.profiles[0]?.containedIn).toEqual([[1, 2], [], [], [2]]);
});

test('a second compile with the first one\'s spellings makes the same lexicon, and none when the written words differ', () => {
  const written = [
    { id: 'a', kind: 'area' as const, keywords: kw('phase field', 'SEI', 'lithium dendrite growth'), exclude: ['zinc anode'] },
    { id: 'm', kind: 'member' as const, keywords: kw('phase-field model', 'gel polymer electrolyte') },
  ];
  const learned = written.map((spec) => ({ ...spec, learned: [{ term: 'phasefield', weight: 0.5, coord: 0.3 }, { term: 'hydrogel', weight: 0.4, coord: 0.2 }] }));
  const plain = (lexicon: ReturnType<typeof compileProfiles>) => JSON.stringify({
    features: lexicon.features, termIds: [...lexicon.termIds], edges: lexicon.trie.edges(), ends: Array.from({ length: lexicon.trie.nodes }, (_, k) => [...lexicon.trie.endsAt(k)]),
    profiles: lexicon.profiles.map((p) => ({ ...p, slotOf: [...p.slotOf], touches: [...p.touches] })),
  });
  const spellings = { written: undefined, byKeyword: new Map() };
  expect(plain(compileProfiles(written, { spellings }))).toBe(plain(compileProfiles(written)));
  expect(spellings.byKeyword.size).toBe(6);
  expect(plain(compileProfiles(learned, { spellings }))).toBe(plain(compileProfiles(learned)));
  // Other written words can split a joined word otherwise: the kept spellings are let go.
  const other = [{ id: 'a', kind: 'area' as const, keywords: kw('phasefield') }];
  expect(plain(compileProfiles(other, { spellings }))).toBe(plain(compileProfiles(other)));
  expect([...spellings.byKeyword.keys()]).toEqual(['phasefield']);
});

test('a learned keyword never changes how a written one is written: it takes only the spellings no feature has', () => {
  // An area writes "crosslinked"; a member learned "cross linker" from its stars. Joined, "crosslinker"
  // is the area keyword's term: one feature, the area's keyword also matched "cross-linker", and the
  // member's stars moved the area's scores.
  const area = { id: 'a', kind: 'area' as const, keywords: kw('crosslinked') };
  const written = compileProfiles([area, { id: 'm', kind: 'member', keywords: kw('polymer') }]);
  const taught = compileProfiles([area, { id: 'm', kind: 'member', keywords: kw('polymer'), learned: [{ term: 'cross linker', weight: 0.4, coord: 0.2 }] }]);
  const sequences = (lexicon: typeof written, id: number) => lexicon.features[id]!.sequences.map((s) => s.join(' '));
  expect(sequences(taught, 0)).toEqual(sequences(written, 0));
  const analyzer = createAnalyzer(taught);
  const areaFeature = taught.profiles[0]!.features[0]!;
  const memberLearned = taught.profiles[1]!.features[1]!;
  expect(memberLearned).not.toBe(areaFeature);
  expect(analyzer.features({ title: 'a cross-linker for gel electrolytes' }).ids).toEqual([memberLearned]);
  expect(analyzer.features({ title: 'a crosslinked network' }).ids).toEqual([areaFeature]);
  // A learned keyword of a written keyword's own spelling weighs that feature as it is.
  const same = compileProfiles([area, { id: 'm', kind: 'member', keywords: kw('polymer'), learned: [{ term: 'cross-linked', weight: 0.4, coord: 0.2 }] }]);
  expect(same.profiles[1]!.features).toContain(same.profiles[0]!.features[0]);
  expect(same.features).toHaveLength(2);
});
