// Rebuilds the ranker's shipped background statistics from the 21,872-paper corpus: n-gram document
// frequencies (IDF for small daily batches) and the papers as bags of terms (the feedback corpus each
// area learns related words from, packages/ranker/src/corpus/related-terms.ts): pnpm tsx scripts/build-background.ts
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { paperSchema, type Paper } from '@labdigest/core';
import { buildBackgroundStats, buildCorpusBags, serializeBackgroundStats } from '@labdigest/ranker';
import { repoRoot, requireShared } from './shared-data.ts';

const corpus = requireShared('corpus/papers.jsonl');
const papers: Paper[] = [];
for await (const line of createInterface({ input: createReadStream(corpus) })) {
  if (line.trim()) papers.push(paperSchema.parse(JSON.parse(line)));
}
const started = performance.now();
const stats = buildBackgroundStats(papers, { source: 'shared/data/corpus/papers.jsonl', maxN: 3, minDf: 3 });
const feedback = buildCorpusBags(papers, { minDf: 3 });
const json = serializeBackgroundStats({ ...stats, feedback });
const out = `${repoRoot}/packages/ranker/background/corpus-stats.json.gz`;
const gz = gzipSync(json, { level: 9 });
writeFileSync(out, gz);
console.log(`background: papers=${stats.documents} ngrams=${stats.df.size} feedback_terms=${feedback.terms.length} `
  + `json_kb=${Math.round(json.length / 1024)} gz_kb=${Math.round(gz.length / 1024)} ms=${Math.round(performance.now() - started)} -> ${out}`);
