// quick: learned rows for full & minimal at n=25 with tuning overrides from argv (k=v)
import { readFileSync } from 'node:fs';
import { parseGroupConfig, type Paper } from '@labdigest/core';
import { createRanker, type RankedPaper } from '@labdigest/ranker';
import { makeFolds } from './eval/cv.ts';
import { readBackgroundWithoutDev, readDevSet } from './eval/data.ts';
import { minimalConfig, simulateGroup } from './eval/feedback.ts';
import { f3, figuresOf } from './eval/figures.ts';
const parsed = parseGroupConfig(readFileSync('digest.config.yaml', 'utf8'));
if (!parsed.ok) throw new Error();
const { papers, labels } = readDevSet();
const background = readBackgroundWithoutDev(new Set(papers.map((p) => p.id)));
const folds = makeFolds(papers, labels);
const tuning = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')).map(([k, v]) => [k, Number(v)]));
for (const [name, config] of [['full', parsed.config], ['minimal', minimalConfig(parsed.config)]] as const) {
  for (const n of [10, 25]) {
  const out: RankedPaper[] = [];
  folds.forEach((fold, k) => {
    const train = folds.filter((_, j) => j !== k).flat();
    const ex = simulateGroup(config, train, { labels, background }, n);
    out.push(...createRanker(config, { background, feedback: ex, tuning }).rank(fold as Paper[], { background, summaries: false }).papers);
  });
  const f = figuresOf(out, labels, config);
  console.log(`${name.padEnd(8)} n=${n} map=${f3(f.map)} ndcg=${f3(f.ndcg)} out=${f3(f.leftOut)} incl=${f3(f.included)} right=${f3(f.rightSection)} ap=${f.perArea.map((a) => f3(a.ap)).join('/')}`);
  }
}
