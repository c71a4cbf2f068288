import { readFileSync } from 'node:fs';
import { parseGroupConfig, type Paper } from '@labdigest/core';
import { createRanker } from '@labdigest/ranker';
import { makeFolds } from './eval/cv.ts';
import { readBackgroundWithoutDev, readDevSet } from './eval/data.ts';
import { minimalConfig, simulateGroup } from './eval/feedback.ts';
const parsed = parseGroupConfig(readFileSync('digest.config.yaml', 'utf8'));
if (!parsed.ok) throw new Error();
const { papers, labels } = readDevSet();
const background = readBackgroundWithoutDev(new Set(papers.map((p) => p.id)));
const folds = makeFolds(papers, labels);
const tuning = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')).map(([k, v]) => [k, Number(v)]));
const config = minimalConfig(parsed.config);
folds.forEach((fold, k) => {
  const train = folds.filter((_, j) => j !== k).flat();
  const ex = simulateGroup(config, train, { labels, background }, 25);
  const ranker = createRanker(config, { background, feedback: ex, tuning });
  const r = ranker.rank(fold as Paper[], { background, summaries: false }).papers;
  for (const x of r) {
    const g = labels.get(x.id)!;
    const core = Object.entries(g).filter(([, v]) => v === 2).map(([k]) => k);
    if (core.length && (x.section === null || !core.includes(x.section))) {
      const tr = ranker.trace(fold as Paper[], (fold as Paper[]).find((p) => p.id === x.id)!, { background });
      const a = config.areas.findIndex((ar) => ar.id === core[0]);
      const t = tr.profiles[a]!;
      console.log(k, x.section?.slice(0, 6) ?? '-', 'want', core.map((c) => c.slice(0, 6)).join(','), JSON.stringify(Object.fromEntries(Object.entries(x.scores).map(([k, v]) => [k.slice(0, 6), v]))), x.title.slice(0, 60));
      console.log('    matched', t.matched.toFixed(2), 'sum', t.sum.toFixed(1), t.terms.filter((q) => q.contribution !== 0).map((q) => `${ranker.lexicon.features[q.feature]!.keyword}${q.origin[0]}:${q.contribution.toFixed(1)}`).join(' '));
    }
  }
});
