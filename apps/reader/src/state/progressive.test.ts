import { describe, expect, test } from 'vitest';
import { firstScreenCount, papersUpTo, renderedSections } from './progressive.ts';
import { filterDigest } from './filter.ts';
import { DEFAULT_VIEW } from './url-state.ts';
import { newestDigest as digest } from '../../test/sample-digests.ts';

const none = { isRead: () => false, isStarred: () => false };
const { sections } = filterDigest(digest, DEFAULT_VIEW, none);
const numbers = (limit: number) =>
  renderedSections(sections, limit, false).map((s): [string, number[]] => [s.section.id, s.rendered.map((p) => p.number)]);

describe('renderedSections', () => {
  test('the first papers in digest order; a section only once the fill reaches it', () => {
    expect(sections.map((s) => s.papers.length)).toEqual([19, 7, 11, 1]);
    expect(numbers(6)).toEqual([['mlip-interfaces', [1, 2, 3, 4, 5, 6]]]);
    expect(numbers(21)).toEqual([
      ['mlip-interfaces', Array.from({ length: 19 }, (_, i) => i + 1)],
      ['polymer-electrolytes', [20, 21]],
    ]);
    expect(numbers(1000).flatMap(([, n]) => n)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
  });

  test('an empty section shows once the fill reaches it, unless empty sections are left out', () => {
    const withEmpty = [sections[0]!, { section: { ...sections[1]!.section, id: 'empty' }, papers: [] }, sections[2]!];
    const ids = (limit: number, skipEmpty: boolean) => renderedSections(withEmpty, limit, skipEmpty).map((s) => s.section.id);
    expect(ids(18, false)).toEqual(['mlip-interfaces']);
    expect(ids(19, false)).toEqual(['mlip-interfaces', 'empty']);
    expect(ids(20, false)).toEqual(['mlip-interfaces', 'empty', 'phase-field-sei']);
    expect(ids(20, true)).toEqual(['mlip-interfaces', 'phase-field-sei']);
  });
});

describe('papersUpTo', () => {
  test.each([
    ['paper-1', 1], ['paper-19', 19], ['paper-20', 20], ['paper-38', 38],
    ['area-mlip-interfaces', 1], ['area-polymer-electrolytes', 20], ['area-halide-electrolytes', 38],
    ['paper-39', null], ['main', null], ['area-nowhere', null],
  ])('%s needs %s papers', (id, n) => {
    expect(papersUpTo(sections, id)).toBe(n);
  });
});

test('the first screen is at least 6 cards, more on a tall window', () => {
  expect([firstScreenCount(0), firstScreenCount(844), firstScreenCount(900), firstScreenCount(2160)]).toEqual([6, 6, 6, 9]);
});
