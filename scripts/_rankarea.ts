import { readFileSync } from 'node:fs';
import { parseGroupConfig, type Paper } from '@labdigest/core';
import { createRanker, type RankedPaper } from '@labdigest/ranker';
import { makeFolds } from './eval/cv.ts';
import { readBackgroundWithoutDev, readDevSet } from './eval/data.ts';
import { minimalConfig, simulateGroup } from './eval/feedback.ts';
const parsed = parseGroupConfig(readFileSync('digest.config.yaml', 'utf8'));
if (!parsed.ok) throw new Error();
const { papers, labels } = readDevSet();
const background = readBackgroundWithoutDev(new Set(papers.map((p) => p.id)));
const folds = makeFolds(papers, labels);
const area = process.argv[2]!;
const tuning = Object.fromEntries(process.argv.slice(3).map((a) => a.split('=')).map(([k, v]) => [k, Number(v)]));
const config = minimalConfig(parsed.config);
const out: RankedPaper[] = [];
folds.forEach((fold, k) => {
  const train = folds.filter((_, j) => j !== k).flat();
  const ex = simulateGroup(config, train, { labels, background }, 25);
  const ranker = createRanker(config, { background, feedback: ex, tuning });
  if (k === 0) { const p = ranker.learned.find((x) => x.id === area)!; console.log(p.positives, p.negatives, p.terms.map((t) => `${t.word}:${t.weight}`).join(' ')); }
  out.push(...ranker.rank(fold as Paper[], { background, summaries: false }).papers);
});
out.sort((a, b) => (b.scores[area] ?? 0) - (a.scores[area] ?? 0));
for (const x of out.slice(0, 40)) console.log(labels.get(x.id)![area], (x.scores[area] ?? 0).toFixed(3), x.section?.slice(0, 6) ?? '-', x.title.slice(0, 90));
