// Rebuilds fixtures/papers/ from ../shared/data/corpus/papers.jsonl (run: pnpm tsx scripts/build-fixtures.ts).
// The records are copied unchanged; only the selection is ours.
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { requireShared } from './shared-data.ts';

const corpus = requireShared('corpus/papers.jsonl');
const lines: { line: string; source: string; published: string }[] = [];
for await (const line of createInterface({ input: createReadStream(corpus) })) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { source: string; published: string | null };
  lines.push({ line, source: r.source, published: r.published ?? '' });
}

// A week of reading: one full arXiv day across all archives (mostly noise for a battery lab),
// and the battery journal papers of the corpus's last two weeks.
const arxivDay = lines.filter((r) => r.source === 'arxiv-rss-2024-11-28');
const journals = lines.filter((r) => r.source === 'battery-paper-daily-openalex' && r.published >= '2026-08-08');
const sample = [...arxivDay, ...journals].map((r) => r.line).join('\n') + '\n';
writeFileSync('fixtures/papers/sample-week.jsonl.gz', gzipSync(sample, { level: 9 }));
console.log(`sample-week: ${arxivDay.length} arXiv + ${journals.length} journal papers`);

// A small plain-text slice for command-line tests: every 70th record of the corpus.
const slice = lines.filter((_, i) => i % 70 === 0).map((r) => r.line).join('\n') + '\n';
writeFileSync('fixtures/papers/corpus-slice.jsonl', slice);
console.log(`corpus-slice: ${slice.trim().split('\n').length} papers`);
