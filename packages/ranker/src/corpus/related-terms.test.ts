import { fc, test as fcTest } from '@fast-check/vitest';
import { groupConfigSchema, paperSchema, type GroupConfig, type Paper } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { buildBackgroundStats } from './background.ts';
import { buildCorpusBags, corpusBagsIndexOf } from './corpus-bags.ts';
import { createRanker } from '../rank.ts';
import { areaNeighbourhoods, meanShareOf, TURN_AROUND_AREAS } from './related-terms.ts';
import { splitWords } from '../words/tokenize.ts';
import { termOf } from '../words/stem.ts';
import { DEFAULT_TUNING } from '../profiles/tuning.ts';

// The sample week (1,755 real papers, 251 of them battery papers) stands in for the background corpus.
const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
const stats = buildBackgroundStats(week, { source: 'sample week', minDf: 2 });
const feedback = buildCorpusBags(week, { minDf: 2 });
const background = { ...stats, feedback };

describe('the feedback corpus', () => {
  const index = corpusBagsIndexOf(feedback);

  test('holds every paper, and reads back each paper\'s terms from its code', () => {
    expect(index.documents).toBe(week.length);
    const sample = [0, 17, 400, 1754];
    for (const d of sample) {
      const paper = week[d]!;
      const terms = new Set(splitWords(`${paper.title} ${(paper.abstract ?? '').replace(/^\s*abstract\b[\s:.—-]*/i, '')}`).words.map(termOf));
      const stored = [...index.docTerms.subarray(index.docStart[d], index.docStart[d + 1])].map((t) => feedback.terms[t]!);
      // Every stored term is the paper's; every term of the paper the bags keep is stored.
      expect(stored.filter((t) => !t.startsWith('#') && !terms.has(t))).toEqual([]);
      expect([...terms].filter((t) => index.termIds.has(t) && !stored.includes(t))).toEqual([]);
    }
  });

  test('postings list the papers holding a term, in order, and the title postings those with it in the title', () => {
    const dendrite = index.termIds.get(termOf('dendrite'))!;
    const holding = week.flatMap((p, d) => (splitWords(`${p.title} ${p.abstract ?? ''}`).words.map(termOf).includes(termOf('dendrite')) ? [d] : []));
    expect([...index.postings[dendrite]!]).toEqual(holding);
    const inTitle = week.flatMap((p, d) => (splitWords(p.title).words.map(termOf).includes(termOf('dendrite')) ? [d] : []));
    expect([...index.titlePostings[dendrite]!]).toEqual(inTitle);
  });
});

const config: GroupConfig = groupConfigSchema.parse({
  group: { name: 'Test Lab' },
  areas: [
    { id: 'dendrites', name: 'Dendrites & SEI', threshold: 0.3,
      keywords: [{ dendrite: 2.5 }, { 'solid electrolyte interphase': 3 }, { 'lithium metal anode': 1.5 }, { plating: 1.2 }],
      require: [['battery', 'anode', 'lithium', 'zinc', 'plating']] },
    { id: 'polymer', name: 'Polymer Electrolytes', threshold: 0.3,
      keywords: [{ 'polymer electrolyte': 3 }, { PEO: 2.5 }, { 'ionic conductivity': 1 }] },
  ],
});

describe('related keywords', () => {
  const ranker = createRanker(config, { background });
  const related = ranker.related;

  test('each area finds words of its best corpus papers, none of them part of its own keywords, below the written weights', () => {
    for (const area of config.areas) {
      const words = related[area.id]!;
      expect(words.length).toBeGreaterThan(0);
      // Every related word reads back as the term it stands for ("ESW", not "#esw").
      expect(words.filter((w) => /^#/.test(w.term))).toEqual([]);
      expect(words.length).toBeLessThanOrEqual(DEFAULT_TUNING.prfTerms);
      const own = new Set(area.keywords.flatMap((k) => splitWords(k.term).words.map(termOf)));
      expect(words.filter((w) => own.has(termOf(w.term)))).toEqual([]);
      expect(Math.max(...words.map((w) => w.weight))).toBeCloseTo(DEFAULT_TUNING.prfWeight, 5);
      expect(words.every((w) => w.weight >= DEFAULT_TUNING.prfWeight * 0.1 - 1e-9 && w.weight <= DEFAULT_TUNING.prfWeight)).toBe(true);
    }
  });

  test('a week of battery papers teaches the polymer area its neighbouring words', () => {
    expect(related.polymer!.length).toBeGreaterThan(5);
  });

  test('the same config finds the same words', () => {
    expect(createRanker(config, { background }).related).toEqual(related);
  });

  test('related words add to a paper that has the area\'s keywords, and never make a paper about the area alone', () => {
    const word = related.dendrites![0]!.term;
    const base = 'Lithium dendrite growth on lithium metal anodes during plating';
    const withWord = paperSchema.parse({ id: 'a', title: base, abstract: `We study ${word} in cells with a ${word} layer.` });
    const without = paperSchema.parse({ id: 'b', title: base, abstract: 'We study it in cells with a thin layer.' });
    const onlyLearned = paperSchema.parse({ id: 'c', title: `On ${word}`, abstract: `The ${word} of ${word} in batteries.` });
    const scores = Object.fromEntries(ranker.rank([withWord, without, onlyLearned], { background }).papers.map((r) => [r.id, r.scores.dendrites ?? 0]));
    expect(scores.a).toBeGreaterThan(scores.b!);
    expect(scores.c).toBe(0);
  });

  test('without a feedback corpus nothing is related', () => {
    expect(createRanker(config, { background: stats }).related).toEqual({ dendrites: [], polymer: [] });
  });
});

describe('the mean share of the other areas\' neighbourhoods', () => {
  // Three areas with corpus papers and one without keywords (no neighbourhood), as learning meets them.
  const four: GroupConfig = { ...config, areas: [...config.areas, { ...config.areas[0]!, id: 'empty', keywords: [], require: [] },
    { ...config.areas[1]!, id: 'polymer-2', keywords: [{ term: 'PEO', weight: 2 }, { term: 'single-ion conductor', weight: 1 }] }] };
  const lexicon = createRanker(four).lexicon;
  const neighbourhoods = areaNeighbourhoods(lexicon, four.areas.length, background, DEFAULT_TUNING);
  // As areaNeighbourhoods made them (their counts turned around), and as any other neighbourhoods (asked one by one).
  test.each([['made by areaNeighbourhoods', neighbourhoods], ['given', neighbourhoods.map((n) => ({ ...n }))]] as const)(
    'is the mean of the others\' shares, number for number, for every area and for none (%s)', (_, given) => {
    const mean = meanShareOf(given);
    expect(neighbourhoods.map((n) => n.size > 0)).toEqual([true, true, false, true]);
    const terms = [...new Set(week.slice(0, 200).flatMap((p) => splitWords(`${p.title} ${p.abstract ?? ''}`).words.map(termOf)))];
    expect(terms.length).toBeGreaterThan(1000);
    for (const own of [-1, 0, 1, 2, 3]) {
      const others = neighbourhoods.filter((n, a) => a !== own && n.size > 0);
      const expected = terms.map((t) => others.reduce((sum, n) => sum + n.share(t), 0) / others.length);
      expect(terms.map((t) => mean(t, own))).toEqual(expected);
    }
    expect(terms.some((t) => mean(t, -1) > 0 && mean(t, -1) < 1)).toBe(true);
  });

  test('is the same number for a department\'s many areas, whose counts are turned around, as asked area by area', () => {
    // Past TURN_AROUND_AREAS areas: copies of the config's areas, each without one of its keywords, so that they differ.
    const many: GroupConfig = { ...config, areas: Array.from({ length: 20 }, (_, c) => config.areas.map((a) => ({
      ...a, id: `${a.id}-${c}`, keywords: a.keywords.filter((_, k) => k !== c % a.keywords.length),
    }))).flat() };
    expect(many.areas.length).toBeGreaterThan(TURN_AROUND_AREAS);
    const made = areaNeighbourhoods(createRanker(many).lexicon, many.areas.length, background, DEFAULT_TUNING);
    const mean = meanShareOf(made);
    const terms = [...new Set(week.slice(0, 100).flatMap((p) => splitWords(`${p.title} ${p.abstract ?? ''}`).words.map(termOf)))];
    const wrong: string[] = [];
    let shared = 0;
    // Each twice: the second reads the sum kept for a term.
    for (const own of [-1, 0, 5, 17, many.areas.length - 1, -1, 5]) {
      const others = made.filter((n, a) => a !== own && n.size > 0);
      for (const t of terms) {
        const expected = others.reduce((sum, n) => sum + n.share(t), 0) / others.length;
        if (mean(t, own) !== expected) wrong.push(`${t} ${own}: ${mean(t, own)} against ${expected}`);
        if (expected > 0 && expected < 1) shared++;
      }
    }
    expect(wrong).toEqual([]);
    expect(shared).toBeGreaterThan(1000);
  });

  test('is 0 when no other area has papers', () => {
    const lone = neighbourhoods.slice(0, 1);
    expect([meanShareOf(lone)(termOf('dendrite'), 0), meanShareOf(lone)(termOf('dendrite'), -1)]).toEqual([0, lone[0]!.share(termOf('dendrite'))]);
  });
});

fcTest.prop([fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 60 }), fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 60 })])(
  'every paper\'s terms survive the code, title and abstract apart',
  (titleIds, abstractIds) => {
    const words = (ids: number[]) => ids.map((i) => `w${i}x`).join(' ');
    const papers = [{ title: words(titleIds), abstract: words(abstractIds) }, { title: 'w1x', abstract: null }];
    const coded = buildCorpusBags(papers, { minDf: 1, maxShare: 1 });
    const index = corpusBagsIndexOf(coded);
    const termsOf = (d: number) => [...index.docTerms.subarray(index.docStart[d], index.docStart[d + 1])].map((t) => coded.terms[t]!).sort();
    const expected = [...new Set([...titleIds, ...abstractIds].map((i) => termOf(`w${i}x`)))].sort();
    expect([termsOf(0), termsOf(1)]).toEqual([expected, [termOf('w1x')]]);
    const title = new Set(titleIds.map((i) => termOf(`w${i}x`)));
    for (const t of title) expect([...index.titlePostings[index.termIds.get(t)!]!][0]).toBe(0);
  },
);
