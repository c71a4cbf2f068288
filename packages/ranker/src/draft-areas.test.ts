import { paperSchema, type Paper } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { draftAreas } from './draft-areas.ts';
import { stemmedKey } from './draft-areas.test-support.ts';

// The corpus slice: 313 real records of every kind (fixtures/papers/corpus-slice.jsonl).
const papers: Paper[] = readFixtureRecords('papers/corpus-slice.jsonl').map((r) => paperSchema.parse(r));

describe('draftAreas, from a group\'s papers', () => {
  const drafts = draftAreas(papers, undefined);

  test('a handful of areas, each named by its keywords, each keyword shared by two of its papers', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeLessThanOrEqual(6);
    for (const draft of drafts) {
      expect(draft.keywords.length).toBeGreaterThan(0);
      expect(draft.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      // The name is the two best keywords, title-cased.
      const [first, second] = draft.keywords.map((k) => k.term.toLowerCase());
      expect(draft.name.toLowerCase()).toBe(second ? `${first} & ${second}` : first);
      const texts = draft.papers.map((title) => papers.find((p) => p.title === title)!).map((p) => stemmedKey(`${p.title}. ${p.abstract ?? ''}`));
      for (const { term, weight } of draft.keywords) {
        expect(texts.filter((t) => t.includes(stemmedKey(term))).length, term).toBeGreaterThanOrEqual(draft.papers.length >= 4 ? 2 : 1);
        expect(weight).toBeGreaterThanOrEqual(1);
        expect(weight).toBeLessThanOrEqual(3);
      }
    }
    expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
    expect(drafts.reduce((n, d) => n + d.papers.length, 0)).toBe(papers.filter((p) => p.title.trim()).length);
  });

  test('the same papers draft the same areas; a count asked for is kept', () => {
    expect(draftAreas(papers, undefined)).toEqual(drafts);
    expect(draftAreas(papers, undefined, { areas: 2 })).toHaveLength(2);
    expect(draftAreas([], undefined)).toEqual([]);
  });
});
