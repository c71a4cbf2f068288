import { describe, expect, test } from 'vitest';
import { filterDigest, type Filters, type PaperFlags } from './filter.ts';
import { newestBriefing, newestDigest as digest } from '../../test/sample-digests.ts';

const none: Filters = { member: null, area: null, q: '', show: 'all' };
const noFlags: PaperFlags = { isRead: () => false, isStarred: () => false };
const all = digest.sections.flatMap((s) => s.papers);
const ids = (f: ReturnType<typeof filterDigest>) => f.sections.flatMap((s) => s.papers.map((p) => p.id));

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

  test('search: every word must occur, in any field, ignoring case', () => {
    const f = filterDigest(digest, { ...none, q: 'GRAIN boundaries' }, noFlags);
    expect(f.shown).toBeGreaterThan(0);
    for (const p of f.sections.flatMap((s) => s.papers)) {
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
    const relevant = filterDigest(newestBriefing, { ...none, q: 'relevant' }, noFlags);
    expect(relevant.sections.flatMap((s) => s.papers.map((p) => p.number))).toEqual([9, 24, 30]);
  });

  test('search reads the abstract and the members’ names', () => {
    // Paper 4's abstract: "Our approach recovers existing canonicalisation and averaging techniques…"
    const abstract = filterDigest(newestBriefing, { ...none, q: 'canonicalisation' }, noFlags);
    expect(abstract.sections.flatMap((s) => s.papers.map((p) => p.number))).toEqual([4]);
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
