// Prints the bundled sample week's digest as the lab reads it, laid out like
// ../shared/examples/research-digest-2026-06-08.txt: each section's picks with summary and relevance
// note, then "more in this section" as titles. Reads only the repo: pnpm tsx scripts/sample-digest.ts [--all]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseGroupConfig, formatIssues, type Paper } from '@labdigest/core';
import { assembleDigest, createRanker, parseBackgroundStats } from '@labdigest/ranker';
import { readSampleWeek } from './eval/data.ts';
import { repoRoot } from './shared-data.ts';

const parsed = parseGroupConfig(readFileSync(`${repoRoot}/digest.config.yaml`, 'utf8'), 'digest.config.yaml');
if (!parsed.ok) { console.error(formatIssues(parsed.issues)); process.exit(1); }
const config = parsed.config;
const background = parseBackgroundStats(gunzipSync(readFileSync(`${repoRoot}/packages/ranker/background/corpus-stats.json.gz`)).toString('utf8'));
const papers: Paper[] = readSampleWeek();
const { papers: ranked } = createRanker(config, { background }).rank(papers, { background });
const digest = assembleDigest(config, papers, ranked, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z', sample: true });
const all = process.argv.includes('--all');

const out: string[] = [digest.title, ''];
for (const section of digest.sections) {
  out.push(section.name, '');
  const picks = section.papers.filter((p) => p.pick);
  const rest = section.papers.filter((p) => !p.pick);
  for (const p of all ? section.papers : picks) {
    out.push(`${p.number}. ${p.title}${p.pick ? '' : '   (more in this section)'}`, '');
    out.push(`Source: ${p.sourceLine} · ${p.published ?? 'no date'}`, '');
    out.push(p.summary, '', `Relevance to ${digest.group.name}`, '', p.note, '', '');
  }
  if (!all && rest.length > 0) {
    out.push(`More in this section (${rest.length}):`);
    for (const p of rest) out.push(`  ${p.number}. ${p.title}`);
    out.push('', '');
  }
}
console.log(out.join('\n'));
