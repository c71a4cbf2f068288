import { expect, test } from 'vitest';
import { ACRONYMS } from './acronyms.ts';
import { displayKeyword, isTopic, listOf, mayNameTopic, pluralOf, withArticle } from './grammar.ts';

test.each([
  ['dendrite', 'dendrites'], ['grain boundary', 'grain boundaries'], ['interface', 'interfaces'], ['polymer electrolyte', 'polymer electrolytes'],
  ['superionic conductor', 'superionic conductors'], ['analysis', 'analysis'], ['ionic conductivity', 'ionic conductivity'],
  ['ion transport', 'ion transport'], ['dendrite growth', 'dendrite growth'], ['active learning', 'active learning'],
  ['segmental motion', 'segmental motion'], ['molecular dynamics', 'molecular dynamics'], ['SEI', 'SEI'], ['Li3InCl6', 'Li3InCl6'],
  ['NequIP', 'NequIP'], ['crosslinked', 'crosslinked'], ['lithium metal', 'lithium metal'], ['polyacrylonitrile', 'polyacrylonitrile'],
  // Keywords already plural, as init --from-bib drafts them from the papers' words: not "batterieses".
  ['batteries', 'batteries'], ['sodium metal batteries', 'sodium metal batteries'], ['gauge theories', 'gauge theories'],
  ['polymer electrolytes', 'polymer electrolytes'], ['hadrons', 'hadrons'], ['data', 'data'],
])('the plural of "%s" is "%s"', (phrase, plural) => {
  expect(pluralOf(phrase)).toBe(plural);
});

test('lists read as prose', () => {
  expect([listOf(['a']), listOf(['a', 'b']), listOf(['a', 'b', 'c'])]).toEqual(['a', 'a and b', 'a, b and c']);
});

test.each([
  ['MLIP study', 'an MLIP study'], ['SEI model', 'an SEI model'], ['DFT study', 'a DFT study'], ['interphase', 'an interphase'],
  ['universal potential', 'a universal potential'], ['hour', 'an hour'], ['8 nm film', 'an 8 nm film'], ['1.2 eV gap', 'a 1.2 eV gap'],
  ['phase-field model', 'a phase-field model'], ['elastic SEI', 'an elastic SEI'],
])('"%s" takes its article: "%s"', (phrase, expected) => {
  expect(withArticle(phrase)).toBe(expected);
});

test.each([
  ['machine learning interatomic potential', 'MLIP'], ['solid electrolyte interphase', 'SEI'], ['poly(ethylene oxide)', 'PEO'],
  ['solid polymer electrolyte', 'solid polymer electrolyte'], ['SPE', 'solid polymer electrolyte'], ['dendrite', 'dendrite'],
])('a note names "%s" as "%s"', (keyword, shown) => {
  expect(displayKeyword(keyword, ACRONYMS)).toBe(shown);
});

test.each([
  ['dendrite', true], ['ion transport', true], ['anode-free', false], ['crosslinked', false], ['dendrite-free', false],
  ['SEI', true], ['Li3InCl6', true], ['lithium metal', true], ['segmental motion', true],
])('"%s" reads as a topic: %s', (phrase, topic) => {
  expect(isTopic(phrase)).toBe(topic);
});

test.each([
  // Adverbs anywhere, and a past participle at the head, name no topic.
  ['stably', false], ['oppositely', false], ['fabricated', false], ['mediated', false], ['cycles stably', false],
  ['poorly understood', false], ['severely limited', false], ['nitrogen doped', false],
  // A pair cut before its noun.
  ['batteries operable', false], ['conduction desirable', false], ['loop recyclable', false],
  // An irregular participle at the head, and the second half of a compound adjective written apart
  // opening a pair: "Machine Learning Driven Paradigms" (a sample-week title) taught "learning driven"
  // and "driven paradigms". A participle that is the topic's first word stays: "molten salt".
  ['learning driven', false], ['driven paradigms', false], ['films grown', false], ['based electrolytes', false],
  ['induced degradation', false], ['molten salt', true], ['frozen electrolyte', true],
  // A multiplying prefix read apart from its chemical name ("lithium bis(oxalato)borate").
  ['bis', false], ['lithium bis', false], ['bis oxalate', true],
  // A nonstoichiometric formula split at its "1‐x" (a sample-week title's "Mg1‐xLixF2/PEO").
  ['Mg1 xLixF2', false], ['xLixF2', false], ['Li3InCl6 electrolytes', true],
  // A participle heading a pair, whatever compromise tags it alone ("regulated": an adjective).
  ['creep regulated', false], ['packed bed', true], ['charging speed', true],
  // A phrase's last word and the acronym defined after it ("solid-state lithium metal batteries
  // (SSLMBs)", "lithium bis(oxalato)borate (LiBOB)"); another acronym after a word is a pair.
  ['batteries SSLMBs', false], ['electrolyte GPEs', false], ['batteries LMBs', false], ['polymer GPEs', true], ['cathode NCMs', true],
  ['borate LiBOB', false], ['electrolyte GPE', false], ['interphase SEI', false], ['anode SEI', true], ['polymer LiTFSI', true],
  // A formula is not told from an acronym: "organic COO" goes too.
  ['organic COO', false],
  // A pair opening on a verb says what something does ("integrates crown", of "… integrates crown ether").
  ['integrates crown', false], ['mitigates stress', false], ['imparts', false], ['batteries', true], ['electrolytes', true],
  ['dendrites', true], ['MLIPs', true],
  // A plural noun and a participle: a clause cut short, not a compound.
  ['batteries operating', false], ['cells retaining', false], ['materials modeling', true], ['ion hopping', true], ['gas sensing', true],
  // Nouns and adjectives do, and a participle before its noun; -ly and -ed words that are nouns or adjectives too.
  ['dendrite', true], ['aqueous', true], ['crosslinked polymer', true], ['enhanced sampling', true], ['assembly', true],
  ['anomaly', true], ['charged', true], ['mixed', true], ['bed', true], ['LiPF6', true], ['solid polymer', true],
  ['ion transport', true], ['bis oxalate', true], ['ring opening', true], ['lithium plating', true], ['suspended state', true],
  ['in situ', true], ['ab initio', true], ['in situ polymerization', true],
  // Shown with the word before its pair, a phrase keeps the pair's faults (feedback show on one star each).
  ['framework integrates crown', false], ['learning driven paradigms', false], ['synchronize', false], ['stabilize', false],
  ['solid electrolyte interphase', true], ['density functional theory', true], ['size', true], ['prize', true],
  // A plural noun and a verb are a subject and what it does.
  ['ion collisions dominate', false], ['ions migrate', false], ['electrolytes enable', false],
  ['ion transport', true], ['oxygen release', true], ['anion shield', true],
  // A verb a paper says what its thing does with (an audit's line read "more weight on … and govern");
  // a word that is a noun as well stays ("transport", "control", "yield").
  ['govern', false], ['dominate', false], ['facilitate', false], ['transport', true], ['control', true], ['yield', true],
  // Praise before a pair names nothing ("enhanced sodium ion"); a pair of its own may ("enhanced sampling").
  ['enhanced sodium ion', false], ['superior rate capability', false],
])('a learned "%s" may name a topic: %s', (phrase, topic) => {
  expect(mayNameTopic(phrase)).toBe(topic);
});
