import { fc, test as fcTest } from '@fast-check/vitest';
import { groupConfigSchema, paperSchema, type GroupConfig, type Paper } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { buildBackgroundStats } from '../corpus/background.ts';
import { rankPapers } from '../rank.ts';
import { placeSection, type SectionPaper } from './sections.ts';
import { cosine, termVectors } from '../corpus/term-vectors.ts';
import { DEFAULT_TUNING } from '../profiles/tuning.ts';

// Papers of one section: a few topics, each told in words of its own, so some are about the same thing.
const topics = [
  'phase field model of lithium dendrite growth under fast charging',
  'solid electrolyte interphase formation on sodium metal studied by cryo electron microscopy',
  'machine learning interatomic potential for Li6PS5Cl grain boundaries',
  'fluorinated electrolyte additive for zinc anodes',
  'PEO polymer electrolyte with ceramic filler',
];
// IDF from a fixed background, so a paper's vector does not depend on which others are compared with it.
const background = buildBackgroundStats([...topics, 'with high stability', 'at low temperature', 'and its cycling']
  .map((title) => ({ title, abstract: null })), { source: 'topics', minDf: 1 });

const arbSection = fc.uniqueArray(
  fc.record({
    id: fc.stringMatching(/^[a-z]{1,5}$/),
    topic: fc.nat({ max: topics.length - 1 }),
    extra: fc.constantFrom('', ' with high stability', ' at low temperature', ' and its cycling'),
    relevance: fc.double({ min: 0.55, max: 0.99, noNaN: true }),
    focus: fc.double({ min: 0, max: 0.9, noNaN: true }),
  }),
  { selector: (p) => p.id, minLength: 1, maxLength: 14 },
);

function place(section: readonly { id: string; topic: number; extra: string; relevance: number; focus: number }[], count: number, tuning = DEFAULT_TUNING) {
  const papers: SectionPaper[] = section.map((p, index) => ({ index, id: p.id, relevance: p.relevance, focus: p.focus }));
  const texts = new Map(section.map((p) => [p.id, { title: `${topics[p.topic]}${p.extra}`, abstract: null }]));
  const vectorsOf = (candidates: readonly SectionPaper[]) => termVectors(candidates.map((c) => texts.get(c.id)!), background);
  const placements = placeSection(papers, count, vectorsOf, tuning);
  return section.map((p, i) => ({ id: p.id, topic: p.topic, extra: p.extra, ...placements.get(i)! }));
}

fcTest.prop([arbSection, fc.nat({ max: 5 })])('at most N picks, at least one when N > 0 and the best paper is good enough, listed first, ranks 1..n', (section, count) => {
  const placed = place(section, count).sort((a, b) => a.rank - b.rank);
  const picks = placed.filter((p) => p.pick).length;
  expect(picks).toBeLessThanOrEqual(count);
  // The best paper is a pick when it reaches the best paper's floor, even below the pick floor.
  const best = Math.max(...section.map((p) => p.relevance + (p.focus >= DEFAULT_TUNING.focusThreshold ? DEFAULT_TUNING.focusBoost : 0)));
  expect(picks >= (best >= DEFAULT_TUNING.pickFloorBest ? Math.min(count, 1) : 0)).toBe(true);
  expect(placed.map((p) => p.pick)).toEqual(placed.map((_, i) => i < picks));
  expect(placed.map((p) => p.rank)).toEqual(placed.map((_, i) => i + 1));
});

fcTest.prop([arbSection])('no two picks are about the same thing', (section) => {
  const picks = place(section, 5).filter((p) => p.pick);
  const vectors = termVectors(picks.map((p) => ({ title: `${topics[p.topic]}${p.extra}`, abstract: null })), background);
  for (let i = 0; i < picks.length; i++) {
    for (let j = i + 1; j < picks.length; j++) expect(cosine(vectors[i]!, vectors[j]!)).toBeLessThan(DEFAULT_TUNING.sameTopic);
  }
});

fcTest.prop([arbSection])('the order of the section\'s papers does not change picks or ranks', (section) => {
  const byId = (xs: ReturnType<typeof place>) => xs.map((p) => `${p.id}:${p.pick}:${p.rank}`).sort();
  expect(byId(place([...section].reverse(), 3))).toEqual(byId(place(section, 3)));
});

fcTest.prop([arbSection])('papers matching the focus lead the papers after the picks', (section) => {
  const rest = place(section, 2).filter((p) => !p.pick).sort((a, b) => a.rank - b.rank);
  const firstOther = rest.findIndex((p) => !p.focus);
  expect(firstOther < 0 || rest.slice(firstOther).every((p) => !p.focus)).toBe(true);
});

test('the best paper is a pick below the pick floor, when it reaches the best paper\'s floor', () => {
  const placed = place([{ id: 'a', topic: 0, extra: '', relevance: 0.8, focus: 0 }, { id: 'b', topic: 1, extra: '', relevance: 0.78, focus: 0 }], 3);
  expect(placed.map((p) => [p.id, p.pick, p.rank])).toEqual([['a', true, 1], ['b', false, 2]]);
  // A section whose best paper barely passed the area's threshold has no pick: its papers are all "more".
  const weak = place([{ id: 'a', topic: 0, extra: '', relevance: 0.6, focus: 0 }, { id: 'b', topic: 1, extra: '', relevance: 0.58, focus: 0 }], 3);
  expect(weak.map((p) => [p.id, p.pick, p.rank])).toEqual([['a', false, 1], ['b', false, 2]]);
});

test('a paper on the same topic as a better pick gives way to a different one', () => {
  const placed = place([
    { id: 'a', topic: 0, extra: '', relevance: 0.95, focus: 0 },
    { id: 'b', topic: 0, extra: ' at low temperature', relevance: 0.94, focus: 0 },
    { id: 'c', topic: 2, extra: '', relevance: 0.85, focus: 0 },
  ], 2);
  expect(placed.filter((p) => p.pick).map((p) => p.id)).toEqual(['a', 'c']);
});

// Rank-level: a focus reorders sections and changes picks, never what is in them.
const config = (focus: boolean): GroupConfig => groupConfigSchema.parse({
  group: { name: 'Test Lab' },
  ranking: { picks: 2 },
  ...(focus ? { focus: { name: 'modelling', keywords: ['phase field', 'simulation', 'density functional theory'] } } : {}),
  areas: [
    { id: 'sei', name: 'Dendrites & SEI', threshold: 0.3, keywords: [{ dendrite: 2.5 }, { 'solid electrolyte interphase': 3 }, 'lithium metal', 'phase field'] },
    { id: 'polymer', name: 'Polymer Electrolytes', threshold: 0.3, keywords: [{ 'polymer electrolyte': 3 }, { PEO: 2 }] },
  ],
});
const words = ['dendrite', 'growth', 'lithium', 'metal', 'solid', 'electrolyte', 'interphase', 'phase', 'field', 'simulation',
  'density', 'functional', 'theory', 'polymer', 'PEO', 'cells', 'cycling', 'the', 'of', 'we'];
const arbText = fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 25 }).map((w) => w.join(' '));
const arbPapers = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^[a-z]{1,6}$/), title: arbText, abstract: arbText }),
  { selector: (p) => p.id, maxLength: 25 },
).map((ps) => ps.map((p) => paperSchema.parse(p)));

fcTest.prop([arbPapers])('a focus changes order and picks, not which papers are in which section', (papers: Paper[]) => {
  const sections = (focus: boolean) => rankPapers(papers, config(focus), { summaries: false }).papers
    .map((r) => `${r.id}:${r.section}`).sort();
  expect(sections(true)).toEqual(sections(false));
});

fcTest.prop([arbPapers])('input order does not change picks or ranks', (papers: Paper[]) => {
  const placed = (xs: Paper[]) => rankPapers(xs, config(true), { summaries: false }).papers
    .map((r) => `${r.id}:${r.section}:${r.pick}:${r.rank}`).sort();
  expect(placed([...papers].reverse())).toEqual(placed(papers));
});

fcTest.prop([arbPapers])('every section holds at most `picks` picks, ranked first', (papers: Paper[]) => {
  const ranked = rankPapers(papers, config(true), { summaries: false }).papers;
  for (const area of ['sei', 'polymer']) {
    const section = ranked.filter((r) => r.section === area).sort((a, b) => a.rank! - b.rank!);
    const picks = section.filter((r) => r.pick).length;
    expect(picks).toBeLessThanOrEqual(2);
    expect(section.map((r) => r.pick)).toEqual(section.map((_, i) => i < picks));
  }
  expect(ranked.filter((r) => r.section === null).every((r) => !r.pick && r.rank === null)).toBe(true);
});

// A paper about an application outside the group's field (`outside`), or whose source gave no abstract
// (`untold`), is never a pick, and keeps its place in the section: every paper is placed, ranks 1..n.
describe.each(['outside', 'untold'] as const)('a paper flagged %s', (flag) => {
  fcTest.prop([arbSection, fc.array(fc.boolean(), { maxLength: 14 })])('is never a pick, and keeps its place', (section, flagged) => {
    const papers: SectionPaper[] = section.map((p, index) => ({ index, id: p.id, relevance: p.relevance, focus: p.focus, [flag]: flagged[index] ?? false }));
    const texts = new Map(section.map((p) => [p.id, { title: `${topics[p.topic]}${p.extra}`, abstract: null }]));
    const placements = placeSection(papers, 3, (candidates) => termVectors(candidates.map((c) => texts.get(c.id)!), background), DEFAULT_TUNING);
    expect(papers.filter((p) => p[flag] && placements.get(p.index)!.pick)).toEqual([]);
    expect([...placements.values()].map((p) => p.rank).sort((a, b) => a - b)).toEqual(papers.map((_, i) => i + 1));
  });
});

// Real papers (fixtures/papers/corpus-slice.jsonl): a computational study of dyes for solar cells is the
// best paper of a computational-materials section until the group says solar cells are not its field.
test('`focus.outside` takes a solar-cell paper out of the picks and leaves it in its section, unless it names `focus.field`', () => {
  const slice = readFixtureRecords('papers/corpus-slice.jsonl').map((r) => paperSchema.parse(r));
  const lab = (outside?: string[], field?: string[]) => groupConfigSchema.parse({
    group: { name: 'Test Lab' },
    focus: { name: 'modelling', keywords: ['density functional theory', 'simulation'], ...(outside ? { outside } : {}), ...(field ? { field } : {}) },
    areas: [{ id: 'design', name: 'Computational Materials Design', threshold: 0.3,
      keywords: [{ 'density functional theory': 2 }, { 'in-silico': 2 }, 'computational', 'materials design', { optoelectronic: 2 }, { dye: 2 }] }],
  });
  const dyes = 'arxiv:2512.19529';
  const placed = (config: GroupConfig) => {
    const r = rankPapers(slice, config, { summaries: false }).papers.find((p) => p.id === dyes)!;
    return { section: r.section, pick: r.pick };
  };
  expect(placed(lab())).toEqual({ section: 'design', pick: true });
  expect(placed(lab(['solar cell', 'photovoltaic']))).toEqual({ section: 'design', pick: false });
  // Another field's name is not enough: only the fields listed.
  expect(placed(lab(['thermoelectric']))).toEqual({ section: 'design', pick: true });
  // A paper that also names the group's own field is not outside it: dyes are this lab's field.
  expect(placed(lab(['solar cell'], ['dye']))).toEqual({ section: 'design', pick: true });
  expect(placed(lab(['solar cell'], ['battery']))).toEqual({ section: 'design', pick: false });
  const sections = (config: GroupConfig) => rankPapers(slice, config, { summaries: false }).papers.map((r) => `${r.id}:${r.section}`).sort();
  expect(sections(lab(['solar cell']))).toEqual(sections(lab()));
});
