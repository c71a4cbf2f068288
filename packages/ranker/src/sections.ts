import type { Area } from '@labdigest/core';
import type { BatchScores } from './score-batch.ts';

/**
 * Each paper goes to its best area if it clears that area's threshold; a section keeps its top
 * `maxPapers` (ties by batch order), the rest are left out as crowded out. Area index per paper, or -1.
 */
export function assignSections(areas: readonly Area[], scores: BatchScores): Int32Array {
  const n = scores.relevance.length / scores.profiles;
  const sectionOf = new Int32Array(n).fill(-1);
  const bestScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * scores.profiles;
    let top = -1;
    let topScore = 0;
    for (let a = 0; a < areas.length; a++) {
      const score = scores.relevance[row + a] as number;
      if (score >= (areas[a] as Area).threshold && score > 0 && (top < 0 || score > topScore)) { top = a; topScore = score; }
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
