import { describe, expect, test } from 'vitest';
import { filterDigest, type FilteredSection, type Filters, type PaperFlags } from './filter.ts';
import { newestBriefing as briefing, newestDigest as digest } from '../../test/sample-digests.ts';

const none: Filters = { member: null, area: null, q: '', show: 'all' };
const noFlags: PaperFlags = { isRead: () => false, isStarred: () => false };
const all = digest.sections.flatMap((s) => s.papers);
const papersOf = (s: FilteredSection) => [...s.picks, ...s.more];
const ids = (f: ReturnType<typeof filterDigest>) => f.sections.flatMap((s) => papersOf(s).map((p) => p.id));

describe('filterDigest on the 2026-08-24 sample', () => {
  test('the sample has papers for both members and in several areas', () => {
    expect(all.length).toBe(digest.stats.included);
    expect(digest.members.map((m) => m.name)).toEqual(['Yanhao Deng', 'Naibing Wu']);
  });

  test('without filters everything shows, and counts add up', () => {
    const f = filterDigest(digest, none, noFlags);
    expect(f.shown).toBe(all.length);
    expect(f.total).toBe(all.length);
    expect([...f.areaCounts.values()].reduce((a, b) => a + b, 0)).toBe(all.length);
    for (const section of digest.sections) expect(f.areaCounts.get(section.id)).toBe(section.papers.length);
    for (const member of digest.members) {
      expect(f.memberCounts.get(member.name)).toBe(all.filter((p) => p.members.some((m) => m.name === member.name)).length);
    }
  });

  test('by member: only papers that name the member', () => {
    const f = filterDigest(digest, { ...none, member: 'Naibing Wu' }, noFlags);
    const expected = all.filter((p) => p.members.some((m) => m.name === 'Naibing Wu')).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(f)).toEqual(expected);
    // area counts follow the member filter; member counts ignore it
    expect(f.areaCounts.get('polymer-electrolytes')).toBe(
      digest.sections.find((s) => s.id === 'polymer-electrolytes')?.papers.filter((p) => p.members.some((m) => m.name === 'Naibing Wu')).length,
    );
    expect(f.memberCounts.get('Yanhao Deng')).toBe(all.filter((p) => p.members.some((m) => m.name === 'Yanhao Deng')).length);
  });

  test('by area: one section', () => {
    const f = filterDigest(digest, { ...none, area: 'phase-field-sei' }, noFlags);
    expect(ids(f)).toEqual(digest.sections.find((s) => s.id === 'phase-field-sei')?.papers.map((p) => p.id));
  });

  test('a version 1 digest has no folded papers: every paper is a pick, in the stored order', () => {
    const f = filterDigest(digest, none, noFlags);
    expect(f.sections.map((s) => [s.more.length, s.moreTotal])).toEqual(digest.sections.map(() => [0, 0]));
    expect(f.sections.map((s) => s.picks)).toEqual(digest.sections.map((s) => s.papers));
  });

  test('search: every word must occur, in any field, ignoring case', () => {
    const f = filterDigest(digest, { ...none, q: 'GRAIN boundaries' }, noFlags);
    expect(f.shown).toBeGreaterThan(0);
    for (const p of f.sections.flatMap(papersOf)) {
      const text = `${p.title} ${p.authors.join(' ')} ${p.sourceLine} ${p.summary}`.toLowerCase();
      expect(text).toContain('grain');
      expect(text).toContain('boundaries');
    }
    expect(filterDigest(digest, { ...none, q: 'grain zzzunlikely' }, noFlags).shown).toBe(0);
  });

  test('search finds authors and the source line', () => {
    const paper = all[0];
    expect(paper).toBeDefined();
    const f = filterDigest(digest, { ...none, q: paper?.authors[0] ?? '' }, noFlags);
    expect(ids(f)).toContain(paper?.id);
  });

  test('search does not read the notes the ranker writes for every paper', () => {
    // Every note says "score 1.00", most say "Directly relevant to …" and "the abstract also discusses".
    expect(all.every((p) => p.note.includes('score'))).toBe(true);
    expect(filterDigest(digest, { ...none, q: 'score' }, noFlags).shown).toBe(0);
    expect(filterDigest(digest, { ...none, q: 'directly' }, noFlags).shown).toBe(0);
    expect(filterDigest(digest, { ...none, q: 'discusses' }, noFlags).shown).toBe(0);
    // "relevant" is in three papers' own abstracts ("filter relevant information", "physiologically relevant range", "channels relevant to").
    const relevant = filterDigest(briefing, { ...none, q: 'relevant' }, noFlags);
    expect(relevant.sections.flatMap((s) => papersOf(s).map((p) => p.number))).toEqual([9, 24, 30]);
  });

  test('search reads the members’ names', () => {
    const member = filterDigest(digest, { ...none, q: 'naibing' }, noFlags);
    expect(ids(member)).toEqual(all.filter((p) => p.members.some((m) => m.name === 'Naibing Wu')).map((p) => p.id));
  });

  test('starred and unread use the device flags', () => {
    const starred = new Set([all[1]?.id, all[5]?.id]);
    const flags: PaperFlags = { isRead: (id) => id === all[0]?.id, isStarred: (id) => starred.has(id) };
    expect(ids(filterDigest(digest, { ...none, show: 'starred' }, flags))).toEqual([all[1]?.id, all[5]?.id]);
    expect(filterDigest(digest, { ...none, show: 'unread' }, flags).shown).toBe(all.length - 1);
  });
});

describe('filterDigest on the 2026-08-24 briefing (3 picks a section, the rest folded)', () => {
  const numbers = (f: ReturnType<typeof filterDigest>) => f.sections.map((s) => [s.picks.map((p) => p.number), s.more.map((p) => p.number)]);
  const search = (q: string) => filterDigest(briefing, { ...none, q }, noFlags);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  test('each section: its picks, then the rest, by rank; counts include both', () => {
    const f = filterDigest(briefing, none, noFlags);
    expect(numbers(f)).toEqual([[[1, 2, 3], range(4, 19)], [[20, 21, 22], range(23, 26)], [[27, 28, 29], range(30, 37)], [[38], []]]);
    expect(f.sections.map((s) => s.moreTotal)).toEqual([16, 4, 8, 0]);
    expect([f.shown, f.total]).toEqual([38, 38]);
    expect([...f.areaCounts]).toEqual([['mlip-interfaces', 19], ['polymer-electrolytes', 7], ['phase-field-sei', 11], ['halide-electrolytes', 1]]);
  });

  test('sections are ordered by rank, whatever the order stored', () => {
    const reversed = { ...briefing, sections: briefing.sections.map((s) => ({ ...s, papers: [...s.papers].reverse() })) };
    expect(numbers(filterDigest(reversed, none, noFlags))).toEqual(numbers(filterDigest(briefing, none, noFlags)));
  });

  test('filters count folded papers: a member, and the member and area counts', () => {
    const f = filterDigest(briefing, { ...none, member: 'Naibing Wu' }, noFlags);
    expect(numbers(f)).toEqual([[[1], []], [[20, 21, 22], [23, 24, 25, 26]], [[], []], [[], []]]);
    expect(f.shown).toBe(8);
    expect([...f.memberCounts]).toEqual([['Yanhao Deng', 30], ['Naibing Wu', 8]]);
    expect([...f.areaCounts]).toEqual([['mlip-interfaces', 1], ['polymer-electrolytes', 7], ['phase-field-sei', 0], ['halide-electrolytes', 0]]);
  });

  test('unread and starred reach folded papers', () => {
    const starred = new Set(['arxiv:2406.11814']);
    const flags: PaperFlags = { isRead: (id) => id !== briefing.sections[0]?.papers[3]?.id, isStarred: (id) => starred.has(id) };
    expect(numbers(filterDigest(briefing, { ...none, show: 'starred' }, flags))).toEqual([[[], [4]], [[], []], [[], []], [[], []]]);
    expect(numbers(filterDigest(briefing, { ...none, show: 'unread' }, flags))).toEqual([[[], [4]], [[], []], [[], []], [[], []]]);
  });

  test('search reads the abstract: a word only there finds the folded paper', () => {
    // Paper 4's abstract: "Our approach recovers existing canonicalisation and averaging techniques…"
    expect(numbers(search('canonicalisation'))).toEqual([[[], [4]], [[], []], [[], []], [[], []]]);
  });

  test('search reads member names, authors, the venue and the title', () => {
    expect(numbers(search('naibing'))).toEqual([[[1], []], [[20, 21, 22], [23, 24, 25, 26]], [[], []], [[], []]]);
    expect(numbers(search('Rob Cornish'))).toEqual([[[], [4]], [[], []], [[], []], [[], []]]);
    expect(numbers(search('Woohyeon'))).toEqual([[[], []], [[], [26]], [[], []], [[], []]]);
    expect(numbers(search('nature communications'))).toEqual([[[1], []], [[], []], [[], []], [[], []]]);
    expect(numbers(search('Markov categories'))).toEqual([[[], [4]], [[], []], [[], []], [[], []]]);
  });
});

describe('"Not for us" and the group\'s stars', () => {
  const [first, second, third] = all as [typeof all[number], typeof all[number], typeof all[number]];
  const flags: PaperFlags = {
    isRead: (id) => id === second.id, isStarred: () => false,
    isDismissed: (id) => id === first.id, isGroupStarred: (id) => id === second.id || id === third.id,
  };

  test('a paper marked "Not for us" is hidden everywhere, and counted', () => {
    const f = filterDigest(digest, none, flags);
    expect(ids(f)).toEqual(all.filter((p) => p.id !== first.id).map((p) => p.id));
    expect([f.shown, f.total, f.dismissed]).toEqual([all.length - 1, all.length, 1]);
  });

  test('show=dismissed shows only those', () => {
    expect(ids(filterDigest(digest, { ...none, show: 'dismissed' }, flags))).toEqual([first.id]);
  });

  test('show=group: starred by anyone in the group; unread: not read by me', () => {
    expect(ids(filterDigest(digest, { ...none, show: 'group' }, flags))).toEqual([second.id, third.id]);
    expect(ids(filterDigest(digest, { ...none, show: 'unread' }, flags))).toEqual(all.filter((p) => p.id !== first.id && p.id !== second.id).map((p) => p.id));
  });
});

