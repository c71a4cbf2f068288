import { describe, expect, test } from 'vitest';
import { firstScreenCount, foldedPaper, papersUpTo, renderableCount, renderedSections, type IsOpen } from './progressive.ts';
import { filterDigest } from './filter.ts';
import { DEFAULT_VIEW } from './url-state.ts';
import { newestBriefing, newestDigest as digest } from '../../test/sample-digests.ts';

const none = { isRead: () => false, isStarred: () => false };
const { sections } = filterDigest(digest, DEFAULT_VIEW, none);
const closed: IsOpen = () => false;
const numbers = (limit: number) =>
  renderedSections(sections, limit, false, closed).map((s): [string, number[]] => [s.section.id, s.renderedPicks.map((p) => p.number)]);

describe('renderedSections, a version 1 digest (every paper a pick)', () => {
  test('the first papers in digest order; a section only once the fill reaches it', () => {
    expect(sections.map((s) => s.picks.length)).toEqual([19, 7, 11, 1]);
    expect(numbers(6)).toEqual([['mlip-interfaces', [1, 2, 3, 4, 5, 6]]]);
    expect(numbers(21)).toEqual([
      ['mlip-interfaces', Array.from({ length: 19 }, (_, i) => i + 1)],
      ['polymer-electrolytes', [20, 21]],
    ]);
    expect(numbers(1000).flatMap(([, n]) => n)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    expect(renderableCount(sections, closed)).toBe(38);
  });

  test('an empty section shows once the fill reaches it, unless empty sections are left out', () => {
    const withEmpty = [sections[0]!, { section: { ...sections[1]!.section, id: 'empty' }, picks: [], more: [], moreTotal: 0 }, sections[2]!];
    const ids = (limit: number, skipEmpty: boolean) => renderedSections(withEmpty, limit, skipEmpty, closed).map((s) => s.section.id);
    expect(ids(18, false)).toEqual(['mlip-interfaces']);
    expect(ids(19, false)).toEqual(['mlip-interfaces', 'empty']);
    expect(ids(20, false)).toEqual(['mlip-interfaces', 'empty', 'phase-field-sei']);
    expect(ids(20, true)).toEqual(['mlip-interfaces', 'phase-field-sei']);
  });
});

describe('renderedSections, a briefing (3 picks a section, the rest folded)', () => {
  const briefing = filterDigest(newestBriefing, DEFAULT_VIEW, none).sections;
  const shown = (limit: number, isOpen: IsOpen) => renderedSections(briefing, limit, false, isOpen)
    .map((s) => [s.section.id, s.open, s.renderedPicks.map((p) => p.number), s.renderedMore.map((p) => p.number)]);

  test('closed folds cost nothing: the picks of every section fill the first passes', () => {
    expect(renderableCount(briefing, closed)).toBe(10);
    expect(shown(6, closed)).toEqual([
      ['mlip-interfaces', false, [1, 2, 3], []], ['polymer-electrolytes', false, [20, 21, 22], []],
    ]);
    expect(shown(10, closed)).toEqual([
      ['mlip-interfaces', false, [1, 2, 3], []], ['polymer-electrolytes', false, [20, 21, 22], []],
      ['phase-field-sei', false, [27, 28, 29], []], ['halide-electrolytes', false, [38], []],
    ]);
  });

  test('an open fold: its rows follow the section’s picks, before the next section', () => {
    const polymer: IsOpen = (id) => id === 'polymer-electrolytes';
    expect(renderableCount(briefing, polymer)).toBe(14);
    expect(shown(8, polymer)).toEqual([
      ['mlip-interfaces', false, [1, 2, 3], []], ['polymer-electrolytes', true, [20, 21, 22], [23, 24]],
    ]);
    expect(shown(11, polymer)).toEqual([
      ['mlip-interfaces', false, [1, 2, 3], []], ['polymer-electrolytes', true, [20, 21, 22], [23, 24, 25, 26]],
      ['phase-field-sei', false, [27], []],
    ]);
  });

  test.each([
    ['paper-3', 3], ['paper-20', 4], ['paper-27', 7], ['area-phase-field-sei', 7], ['paper-38', 10],
    // a folded paper counts its own fold as open
    ['paper-4', 4], ['paper-19', 19], ['paper-23', 7], ['paper-30', 10],
  ])('%s needs %s papers with the folds closed', (id, n) => {
    expect(papersUpTo(briefing, id, closed)).toBe(n);
  });

  test('papersUpTo counts the open folds before the target', () => {
    expect(papersUpTo(briefing, 'paper-27', (id) => id === 'mlip-interfaces')).toBe(23);
  });

  test('foldedPaper finds a folded paper and its section, and nothing else', () => {
    expect(foldedPaper(briefing, 'paper-24')).toEqual({ sectionId: 'polymer-electrolytes', entry: newestBriefing.sections[1]?.papers[4] });
    expect([foldedPaper(briefing, 'paper-20'), foldedPaper(briefing, 'area-polymer-electrolytes'), foldedPaper(briefing, 'paper-99')]).toEqual([null, null, null]);
  });
});

describe('papersUpTo', () => {
  test.each([
    ['paper-1', 1], ['paper-19', 19], ['paper-20', 20], ['paper-38', 38],
    ['area-mlip-interfaces', 1], ['area-polymer-electrolytes', 20], ['area-halide-electrolytes', 38],
    ['paper-39', null], ['main', null], ['area-nowhere', null],
  ])('%s needs %s papers', (id, n) => {
    expect(papersUpTo(sections, id, closed)).toBe(n);
  });
});

test('the first screen is at least 6 cards, more on a tall window', () => {
  expect([firstScreenCount(0), firstScreenCount(844), firstScreenCount(900), firstScreenCount(2160)]).toEqual([6, 6, 6, 9]);
});
