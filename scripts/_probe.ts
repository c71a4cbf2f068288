import { readFileSync } from 'node:fs';
import { parseGroupConfig } from '@labdigest/core';
import { createRanker } from '@labdigest/ranker';
import { makeFolds } from './eval/cv.ts';
import { readBackgroundWithoutDev, readDevSet } from './eval/data.ts';
import { minimalConfig, simulateGroup } from './eval/feedback.ts';
const parsed = parseGroupConfig(readFileSync('digest.config.yaml', 'utf8'));
if (!parsed.ok) throw new Error();
const { papers, labels } = readDevSet();
const background = readBackgroundWithoutDev(new Set(papers.map((p) => p.id)));
const folds = makeFolds(papers, labels);
const which = process.argv[2] ?? 'minimal';
const config = which === 'full' ? parsed.config : minimalConfig(parsed.config);
const train = folds.slice(1).flat();
const examples = simulateGroup(config, train, { labels, background }, 25);
const ranker = createRanker(config, { background, feedback: examples });
for (const p of ranker.learned.filter((x) => x.kind === 'area')) {
  console.log(p.id, p.positives, p.negatives, p.terms.map((t) => `${t.word}:${t.weight}`).join(' '));
}
console.log(config.areas.map((a) => a.id + ': ' + a.keywords.map((k) => k.term).join(', ')).join('\n'));
const r = ranker.rank(folds[0]!, { background, summaries: false }).papers;
for (const x of r) {
  const g = labels.get(x.id)!;
  const core = Object.entries(g).filter(([, v]) => v === 2).map(([k]) => k.slice(0, 6));
  if (core.length || x.section) console.log(x.section?.slice(0, 6) ?? '-', 'want', core.join(','), JSON.stringify(Object.fromEntries(Object.entries(x.scores).map(([k, v]) => [k.slice(0, 6), v]))), x.title.slice(0, 70));
}
