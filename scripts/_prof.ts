import { readFileSync } from 'node:fs';
import { parseGroupConfig, paperSchema } from '@labdigest/core';
import { createRanker, type FeedbackExample } from '@labdigest/ranker';
import { loadCorpusBackground } from '@labdigest/cli/bench';
const corpus = readFileSync('../shared/data/corpus/papers.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => paperSchema.parse(JSON.parse(l)));
const cfg = parseGroupConfig(readFileSync('digest.config.yaml', 'utf8'));
if (!cfg.ok) throw new Error();
const background = loadCorpusBackground();
const areas = cfg.config.areas.map((a) => a.id);
const events: FeedbackExample[] = corpus.slice(0, 5000).map((paper, i) => ({ paper, area: areas[i % 4], signal: i % 3 ? 'star' : 'dismiss' }));
createRanker(cfg.config, { background });
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  createRanker(cfg.config, { background, feedback: events });
  console.log('with', performance.now() - t0);
}
