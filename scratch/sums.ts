import { readFileSync } from 'node:fs';
import { isoWeek, parseGroupConfig } from '@labdigest/core';
import { createRanker } from '@labdigest/ranker';
import { repairPaperText } from '@labdigest/sources';
import { readCorpus, readBackground } from '../scripts/eval/data.ts';
const parsed = parseGroupConfig(readFileSync('digest.config.yaml', 'utf8'));
if (!parsed.ok) throw new Error('config');
const corpus = readCorpus().map(repairPaperText);
const background = readBackground();
const byWeek = new Map<string, typeof corpus>();
for (const p of corpus) { if (!p.published) continue; const w = isoWeek(p.published); (byWeek.get(w) ?? byWeek.set(w, []).get(w)!).push(p); }
const [from, to] = process.argv.slice(2).map(Number);
const weeks = [...byWeek.entries()].filter(([, ps]) => ps.length >= 150).sort(([a], [b]) => (a < b ? -1 : 1)).slice(from, to);
const ranker = createRanker(parsed.config, { background });
for (const [week, papers] of weeks) {
  const ranked = ranker.rank(papers, { background }).papers;
  for (const r of ranked.filter((x) => x.pick)) console.log(`\n[${week} ${r.section}] ${r.title}\n  S: ${r.summary}\n  N: ${r.note}`);
}
