// k-fold cross-validation of the ranker's tuned constants on the dev set: filled in below.
import type { GroupConfig, Paper } from '@labdigest/core';
import type { BackgroundStats } from '@labdigest/ranker';
import type { Grades } from './data.ts';

export function runCrossValidation(input: {
  config: GroupConfig; papers: readonly Paper[]; labels: ReadonlyMap<string, Grades>; background: BackgroundStats;
}): void {
  console.log(`cv: ${input.papers.length} papers, ${input.labels.size} labels, config ${input.config.group.name}: not written yet`);
}
