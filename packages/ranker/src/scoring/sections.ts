import type { Area } from '@labdigest/core';
import type { BatchScores } from './score-batch.ts';
import { cosine, type TermVector } from '../corpus/term-vectors.ts';
import type { RankerTuning } from '../profiles/tuning.ts';

/**
 * Each paper goes to the area it is mainly about among those whose threshold it clears: its best area,
 * or, when it clears two or more, the best by `(1 - sectionLead) * relevance + sectionLead * lead`, where
 * `lead(i, a)` is the relevance of its title and opening alone (a paper on polymer electrolytes that
 * mentions the SEI throughout goes to polymer electrolytes). A section keeps its top `maxPapers` (ties by
 * batch order), the rest are left out as crowded out. Area index per paper, or -1.
 */
export function assignSections(areas: readonly Area[], scores: BatchScores, lead: (paper: number, area: number) => number, sectionLead: number): Int32Array {
  const n = scores.start.length - 1;
  const sectionOf = new Int32Array(n).fill(-1);
  const bestScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // The paper's areas with a score above 0, ascending (scores are sparse: score-batch.ts).
    const from = scores.start[i] as number;
    let to = from;
    while (to < (scores.start[i + 1] as number) && (scores.profile[to] as number) < areas.length) to++;
    let top = -1;
    let topScore = 0;
    let cleared = 0;
    for (let e = from; e < to; e++) {
      const a = scores.profile[e] as number;
      const score = scores.relevance[e] as number;
      if (score < (areas[a] as Area).threshold || score <= 0) continue;
      cleared++;
      if (top < 0 || score > topScore) { top = a; topScore = score; }
    }
    if (cleared > 1 && sectionLead > 0) {
      let mainly = -Infinity;
      for (let e = from; e < to; e++) {
        const a = scores.profile[e] as number;
        const score = scores.relevance[e] as number;
        if (score < (areas[a] as Area).threshold || score <= 0) continue;
        const mix = (1 - sectionLead) * score + sectionLead * lead(i, a);
        if (mix > mainly) { mainly = mix; top = a; topScore = score; }
      }
    }
    sectionOf[i] = top;
    bestScore[i] = topScore;
  }
  areas.forEach((area, a) => {
    if (area.maxPapers === undefined) return;
    const inSection: number[] = [];
    for (let i = 0; i < n; i++) if (sectionOf[i] === a) inSection.push(i);
    inSection.sort((x, y) => ((bestScore[y] as number) - (bestScore[x] as number)) || 0);
    for (const i of inSection.slice(area.maxPapers)) sectionOf[i] = -1;
  });
  return sectionOf;
}

/** A section's papers for choosing picks: batch index, relevance to the area, relevance to its focus. */
export interface SectionPaper {
  readonly index: number;
  readonly id: string;
  readonly relevance: number;
  readonly focus: number;
  /** Whether its title or opening names an application outside the group's field (`focus.outside`): never a pick. */
  readonly outside?: boolean;
  /**
   * Whether its source gave no abstract: never a pick either. A pick is read for what the paper found,
   * which its title alone does not say; it stays in its section, with the rest.
   */
  readonly untold?: boolean;
  /** Whether the group dismissed it in this area ("not for us") and no one starred it there: never a pick. */
  readonly dismissed?: boolean;
}

/** Where a paper stands in its section. */
export interface Placement {
  readonly pick: boolean;
  /** 1-based, picks first. */
  readonly rank: number;
  /** Whether the paper matches the section's focus. */
  readonly focus: boolean;
  /** Whether its title or opening names a field next to the group's (`focus.outside`), which kept it from the picks. */
  readonly outside: boolean;
  /** Whether the group dismissed it in this area, which kept it from the picks. */
  readonly dismissed: boolean;
}

/**
 * A section's picks and order. Picks: at most `count` papers, chosen greedily by maximal marginal
 * relevance among those whose value clears `tuning.pickFloor` (the best paper `tuning.pickFloorBest`):
 * relevance first, then no two about the same thing (term vectors closer than `tuning.sameTopic` never
 * both picks, and closeness to the picks before lowers a paper's value), then the focus (matching it
 * adds `tuning.focusBoost` to the value). A paper about an application outside the group's field,
 * one whose source gave no abstract, or one the group dismissed here, is never a pick. Picks come first; the rest follow, those matching the focus first, each part
 * by relevance. Ties break by id, so the batch's order never matters. `vectorsOf` is asked only for
 * the few candidates.
 */
export function placeSection(
  papers: readonly SectionPaper[],
  count: number,
  vectorsOf: (papers: readonly SectionPaper[]) => readonly TermVector[],
  tuning: RankerTuning,
): Map<number, Placement> {
  const matches = (p: SectionPaper) => p.focus >= tuning.focusThreshold;
  const value = (p: SectionPaper) => p.relevance + (matches(p) ? tuning.focusBoost : 0);
  const byValue = papers.filter((p) => !p.outside && !p.untold && !p.dismissed).sort((a, b) => value(b) - value(a) || b.relevance - a.relevance || compareIds(a.id, b.id));
  // The floor is on the value: the focus lowers the bar by its boost.
  const candidates = byValue.filter((p, i) => value(p) >= (i === 0 ? tuning.pickFloorBest : tuning.pickFloor)).slice(0, count * 3 + 2);
  const picks: { paper: SectionPaper; vector: TermVector }[] = [];
  if (count > 0 && candidates.length > 0) {
    const vectors = vectorsOf(candidates);
    const left = candidates.map((paper, i) => ({ paper, vector: vectors[i] as TermVector, similarity: 0 }));
    while (picks.length < count && left.length > 0) {
      let best = -1;
      let bestValue = -Infinity;
      left.forEach((c, i) => {
        if (c.similarity >= tuning.sameTopic) return;
        const v = tuning.mmrLambda * value(c.paper) - (1 - tuning.mmrLambda) * c.similarity;
        if (v > bestValue) { best = i; bestValue = v; }
      });
      if (best < 0) break;
      const [chosen] = left.splice(best, 1) as [(typeof left)[number]];
      picks.push(chosen);
      for (const c of left) c.similarity = Math.max(c.similarity, cosine(c.vector, chosen.vector));
    }
  }
  const picked = new Set(picks.map((p) => p.paper.index));
  const order = (a: SectionPaper, b: SectionPaper) =>
    Number(matches(b)) - Number(matches(a)) || b.relevance - a.relevance || compareIds(a.id, b.id);
  const placements = new Map<number, Placement>();
  [...picks.map((p) => p.paper).sort(order), ...papers.filter((p) => !picked.has(p.index)).sort(order)]
    .forEach((p, i) => placements.set(p.index, { pick: picked.has(p.index), rank: i + 1, focus: matches(p), outside: p.outside === true, dismissed: p.dismissed === true }));
  return placements;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
