import { digestSchema, groupConfigSchema, paperSchema, type Paper } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { buildBackgroundStats } from '../corpus/background.ts';
import { assembleDigest, shownLearnedWords } from './digest.ts';
import { createRanker, rankPapers } from '../rank.ts';

const config = groupConfigSchema.parse({
  group: { name: 'DENG.Group' },
  areas: [
    { id: 'polymer-electrolytes', name: 'Polymer Electrolytes', threshold: 0.3, keywords: [{ 'polymer electrolyte': 3 }, 'PEO'] },
    { id: 'phase-field-sei', name: 'Phase Field / Dendrites & SEI', threshold: 0.3, keywords: [{ 'phase field': 3 }, { dendrite: 2 }] },
  ],
  members: [{ name: 'Naibing Wu', interests: ['polymer electrolyte'], areas: ['polymer-electrolytes'] }],
});
const papers: Paper[] = [
  paperSchema.parse({ id: 'arxiv:2506.10944', title: 'A phase field model of dendrite growth', abstract: 'Phase field simulations of lithium dendrite growth.', published: '2025-06-12T00:00:00Z', url: 'http://arxiv.org/abs/2506.10944v1' }),
  paperSchema.parse({ id: 'doi:10.1016/j.mattod.2025.06.043', title: 'Superionic transport in a PEO polymer electrolyte', abstract: 'The polymer electrolyte conducts.', doi: '10.1016/j.mattod.2025.06.043', venue: 'Materials Today', url: 'javascript:alert(1)' }),
  paperSchema.parse({ id: 'arxiv:1', title: 'Graph routing', abstract: 'Shortest paths.' }),
];

// Three papers alone make a poor IDF; a real slice of the corpus stands behind them, as in daily use.
const background = buildBackgroundStats(readFixtureRecords('papers/corpus-slice.jsonl').map((r) => paperSchema.parse(r)), { source: 'slice', minDf: 1 });

test('the digest is valid, sectioned in config order and numbered through', () => {
  const { papers: ranked } = rankPapers(papers, config, { background });
  const digest = assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z' });
  expect(digestSchema.safeParse(digest).success).toBe(true);
  expect(digest.sections.map((s) => [s.id, s.papers.map((p) => [p.number, p.sourceLine])])).toEqual([
    ['polymer-electrolytes', [[1, 'Materials Today (10.1016/j.mattod.2025.06.043)']]],
    ['phase-field-sei', [[2, 'arXiv:2506.10944']]],
  ]);
  expect(digest.stats).toEqual({ considered: 3, included: 2 });
  expect(digest.title).toBe('Research Digest — 2026-06-08');
});

test('only http(s) links reach the digest; DOI and arXiv links go over https', () => {
  const { papers: ranked } = rankPapers(papers, config, { background });
  const digest = assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z' });
  const entry = digest.sections[0]!.papers[0]!;
  expect(entry.url).toBe('https://doi.org/10.1016/j.mattod.2025.06.043');
  // arXiv's own listings write http links.
  expect(digest.sections[1]!.papers[0]!.url).toBe('https://arxiv.org/abs/2506.10944v1');
  // As the recorded JACS feed writes a link.
  const jacs = paperSchema.parse({ ...papers[1], url: 'http://dx.doi.org/10.1021/jacs.6c05453' });
  const withJacs = [papers[0]!, jacs, papers[2]!];
  const again = assembleDigest(config, withJacs, rankPapers(withJacs, config, { background }).papers, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z' });
  expect(again.sections[0]!.papers[0]!.url).toBe('https://doi.org/10.1021/jacs.6c05453');
});

test('each section opens with its picks; the rest follow, marked as such', () => {
  const oneEach = groupConfigSchema.parse({ ...config, ranking: { picks: 1 } });
  const more = [...papers, paperSchema.parse({ id: 'arxiv:2', title: 'Dendrite growth in a phase field model of sodium plating', abstract: 'A phase field study of sodium dendrite growth.' })];
  // Made-up one-line papers score below the floor a section's best paper needs (sections.test.ts tests it): not here.
  const { papers: ranked } = createRanker(oneEach, { tuning: { pickFloorBest: 0 } }).rank(more, { background });
  const digest = assembleDigest(oneEach, more, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z' });
  expect(digest.sections.map((s) => s.papers.map((p) => [p.number, p.rank, p.pick]))).toEqual([
    [[1, 1, true]],
    [[2, 1, true], [3, 2, false]],
  ]);
});

test('a section\'s learned line shows what the taught papers are about first, and a pair instead of its word alone', () => {
  const { papers: ranked } = rankPapers(papers, config, { background });
  // One starred paper: its title's "excited state" and "ab initio", a passing "descriptions" as strong.
  const terms = [
    { term: 'excit', word: 'excited', weight: 0.9, about: 1 }, { term: 'descript', word: 'descriptions', weight: 0.88, about: 0.333 },
    { term: 'initio', word: 'ab initio', weight: 0.85, about: 1 }, { term: 'excit state', word: 'excited state', weight: 0.8, about: 1 },
    { term: 'reactiv', word: 'reactivity', weight: 0.7, about: 0.333 },
  ];
  const learned = [{ id: config.areas[0]!.id, kind: 'area' as const, positives: 1, negatives: 0, terms }];
  const digest = assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z', learned });
  // The pair takes its word's place.
  expect(digest.sections[0]!.learned!.words.map((w) => w.word)).toEqual(['excited state', 'ab initio', 'descriptions', 'reactivity']);
  // On a full line too (six words): "carbon monolith", weaker than six words, takes the place of "monolith".
  const full = [
    ...['monolith', 'flammable', 'creep', 'dual salt', 'graphene', 'phosphate', 'borate'].map((word, i) => ({ term: word, word, weight: 0.9 - i / 20, about: 1 })),
    { term: 'carbon monolith', word: 'carbon monolith', weight: 0.4, about: 1 }, { term: 'lithium', word: 'lithium', weight: 0.35, about: 1 },
  ];
  const phase = assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z', learned: [{ ...learned[0]!, terms: full }] });
  expect(phase.sections[0]!.learned!.words.map((w) => w.word)).toEqual(['carbon monolith', 'flammable', 'creep', 'dual salt', 'graphene', 'phosphate']);
  // An acronym shown says the words it spells out: "LMB", then not "lithium metal" nor "metal batteries".
  const spelt = [
    { term: '#lmb', word: 'LMB', weight: 0.9 }, { term: 'lithium metal', word: 'lithium metal', weight: 0.8 },
    { term: 'metal batteri', word: 'metal batteries', weight: 0.7 }, { term: 'gel', word: 'gel', weight: 0.6 },
  ];
  const polymer = assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z', learned: [{ ...learned[0]!, terms: spelt }] });
  expect(polymer.sections[0]!.learned!.words.map((w) => w.word)).toEqual(['LMB', 'gel']);
  // Spelt out first, the acronym after them says nothing more.
  const spelledFirst = [spelt[1]!, spelt[2]!, spelt[0]!, spelt[3]!].map((t, i) => ({ ...t, weight: 0.9 - i / 10 }));
  const first = assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z', learned: [{ ...learned[0]!, terms: spelledFirst }] });
  expect(first.sections[0]!.learned!.words.map((w) => w.word)).toEqual(['lithium metal', 'metal batteries', 'gel']);
  // A pair shown with the word its papers write before it says that word too: "lithium metal batteries", then not "LMBs".
  const led = [{ term: 'metal batteri', word: 'lithium metal batteries', weight: 0.9 }, { term: '#lmb', word: 'LMBs', weight: 0.8 }, spelt[3]!];
  const withLead = assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z', learned: [{ ...learned[0]!, terms: led }] });
  expect(withLead.sections[0]!.learned!.words.map((w) => w.word)).toEqual(['lithium metal batteries', 'gel']);
});

test('a word is left out beside a phrase shown that holds it in the plural, whichever comes first', () => {
  // Found by an audit: "+pathway" beside "+reaction pathways".
  const profile = (terms: { term: string; word: string; weight: number }[]) => ({ id: 'a', kind: 'area' as const, positives: 4, negatives: 0, terms });
  const pathway = { term: 'pathwai', word: 'pathway', weight: 0.6 };
  const pathways = { term: 'reaction pathwai', word: 'reaction pathways', weight: 0.5 };
  const reactivity = { term: 'reactiv', word: 'reactivity', weight: 0.4 };
  expect(shownLearnedWords(profile([pathway, pathways, reactivity]), 8, 4).map((w) => w.word)).toEqual(['reaction pathways', 'reactivity']);
  expect(shownLearnedWords(profile([pathways, pathway, reactivity]), 8, 4).map((w) => w.word)).toEqual(['reaction pathways', 'reactivity']);
});

test('a taught area\'s section says what it learned; an untaught one says nothing', () => {
  const { papers: ranked } = rankPapers(papers, config, { background });
  const learned = [
    { id: 'polymer-electrolytes', kind: 'area' as const, positives: 12, negatives: 3, signals: { star: 10, nominate: 0, read: 2, dismiss: 3 }, terms: [
      { term: 'ring open', word: 'ring opening', weight: 0.9 }, { term: 'aqueou', word: 'aqueous', weight: -0.5 },
      { term: 'ring', word: 'ring', weight: 0.7 }, { term: 'thermal stabil', word: 'thermal stability', weight: 0.6 },
      { term: 'zinc', word: 'zinc', weight: -0.3 }, { term: 'stabli', word: 'stably', weight: 0.55 },
      { term: 'fabric', word: 'fabricated', weight: -0.4 },
      ...Array.from({ length: 10 }, (_, i) => ({ term: `w${i}`, word: `word${i}`, weight: 0.5 - i / 100 })),
    ] },
    { id: 'phase-field-sei', kind: 'area' as const, positives: 0, negatives: 0, terms: [] },
    { id: 'Naibing Wu', kind: 'member' as const, positives: 12, negatives: 0, terms: [{ term: 'peo', word: 'PEO', weight: 0.4 }] },
  ];
  const digest = assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z', learned });
  expect(digestSchema.safeParse(digest).success).toBe(true);
  // Six words for, strongest first, "ring" left out beside "ring opening", "stably" and "fabricated"
  // (no topic) left out; then those against.
  expect(digest.sections[0]!.learned).toEqual({ positives: 12, negatives: 3, signals: { star: 10, nominate: 0, read: 2, dismiss: 3 }, words: [
    { word: 'ring opening', weight: 0.9 }, { word: 'thermal stability', weight: 0.6 }, { word: 'word0', weight: 0.5 },
    { word: 'word1', weight: 0.49 }, { word: 'word2', weight: 0.48 }, { word: 'word3', weight: 0.47 },
    { word: 'aqueous', weight: -0.5 }, { word: 'zinc', weight: -0.3 },
  ] });
  expect(digest.sections[1]).not.toHaveProperty('learned');
  // A taught member says so too.
  expect(digest.members).toEqual([{ name: 'Naibing Wu', areas: ['polymer-electrolytes'], learned: { positives: 12, negatives: 0, words: [{ word: 'PEO', weight: 0.4 }] } }]);
  expect(assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z' }).sections[0]).not.toHaveProperty('learned');
});
