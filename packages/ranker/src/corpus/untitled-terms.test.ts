import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { paperSchema, parseGroupConfig, type Paper } from '@labdigest/core';
import { readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseBackgroundStats } from './background.ts';
import { corpusBagsIndexOf } from './corpus-bags.ts';
import { draftAreas } from '../learning/draft-areas.ts';
import type { FeedbackExample } from '../learning/learning-types.ts';
import { createRanker } from '../rank.ts';
import { termOf } from '../words/stem.ts';
import { belowChance, TITLE_CHANCE, untitledTerms } from './untitled-terms.ts';

const background = parseBackgroundStats(gunzipSync(readFileSync(new URL('../../background/corpus-stats.json.gz', import.meta.url))).toString('utf8'));
const corpus = background.feedback!;
const untitled = untitledTerms(corpus);
const index = corpusBagsIndexOf(corpus);
/** Of the shipped corpus's papers that hold a word: how many, and how many in their title. */
const counts = (word: string) => {
  const id = index.termIds.get(termOf(word))!;
  return { papers: index.postings[id]!.length, titles: index.titlePostings[id]!.length };
};

describe('belowChance', () => {
  test('a share far below the rate over many papers is below chance; the same share over a few is not', () => {
    expect(belowChance(0, 141, TITLE_CHANCE)).toBe(true);
    expect(belowChance(7, 379, TITLE_CHANCE)).toBe(true);
    expect(belowChance(0, 20, TITLE_CHANCE)).toBe(false);
    expect(belowChance(1, 40, TITLE_CHANCE)).toBe(false);
  });

  test('a share at or above the rate never is, nor an empty count', () => {
    expect(belowChance(55, 951, TITLE_CHANCE)).toBe(false);
    expect(belowChance(100, 100, TITLE_CHANCE)).toBe(false);
    expect(belowChance(0, 0, TITLE_CHANCE)).toBe(false);
  });
});

describe('untitledTerms over the shipped corpus', () => {
  test('lists the words papers use and keep out of their titles, and none of the words topics are named by', () => {
    for (const word of ['good', 'create', 'unique', 'characteristics', 'stably', 'significantly', 'retention']) {
      expect(untitled.has(termOf(word)), word).toBe(true);
    }
    for (const word of ['gel', 'interphase', 'dendrite', 'solvation', 'electrolyte', 'halide', 'equivariant', 'potential', 'growth']) {
      expect(untitled.has(termOf(word)), word).toBe(false);
    }
    // "good" is in 379 of the corpus's papers, and in 7 of their titles.
    expect(counts('good')).toEqual({ papers: 379, titles: 7 });
  });

  test('every word listed is in the titles of fewer of its papers than the chance rate', () => {
    expect(untitled.size).toBeGreaterThan(100);
    for (const term of untitled) {
      const id = index.termIds.get(term)!;
      expect(index.titlePostings[id]!.length / index.postings[id]!.length, term).toBeLessThan(TITLE_CHANCE);
    }
  });

  test('is found once per corpus', () => {
    expect(untitledTerms(corpus)).toBe(untitled);
  });
});

// The bundled sample week (1,755 real papers) and the default config.
const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
const parsed = parseGroupConfig(readDefaultConfigText());
if (!parsed.ok) throw new Error('digest.config.yaml does not parse');
const config = parsed.config;

test('learning never learns a word the corpus keeps out of titles, however many taught papers use it', () => {
  const ranked = createRanker(config, { background }).rank(week, { background, summaries: false }).papers;
  const byId = new Map(week.map((p) => [p.id, p]));
  const feedback: FeedbackExample[] = config.areas.flatMap((area) => ranked.filter((r) => r.section === area.id).slice(0, 12)
    .map((r): FeedbackExample => ({ paper: byId.get(r.id)!, signal: 'star', area: area.id })));
  // The taught papers use such words, many of them in three papers or more ("significantly", "excellent").
  const papersHolding = new Map<string, number>();
  for (const e of feedback) {
    const terms = new Set((`${e.paper.title} ${e.paper.abstract ?? ''}`.match(/[A-Za-z]+/g) ?? []).map(termOf));
    for (const t of terms) if (untitled.has(t)) papersHolding.set(t, (papersHolding.get(t) ?? 0) + 1);
  }
  expect([...papersHolding.values()].filter((n) => n >= 3).length).toBeGreaterThan(10);
  const learned = createRanker(config, { background, feedback }).learned.flatMap((p) => p.terms);
  expect(learned.length).toBeGreaterThan(50);
  for (const t of learned) if (!t.term.includes(' ')) expect(untitled.has(t.term), t.word).toBe(false);
});

test('init --from-bib drafts no keyword that is or ends on a word the corpus keeps out of titles', () => {
  const core = createRanker(config, { background }).rank(week, { background, summaries: false }).papers.filter((r) => r.section !== null);
  const byId = new Map(week.map((p) => [p.id, p]));
  const drafts = draftAreas(core.map((r) => byId.get(r.id)!), background);
  const keywords = drafts.flatMap((d) => d.keywords.map((k) => k.term));
  expect(keywords.length).toBeGreaterThan(20);
  for (const term of keywords) expect(untitled.has(termOf(term.split(/[\s-]/).at(-1)!)), term).toBe(false);
});
