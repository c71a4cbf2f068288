// Sample digests for developing and testing the reader, built from real recorded papers:
//   pnpm --filter @labdigest/reader make:digests
// Reads fixtures/papers/sample-week.jsonl.gz (one arXiv day + recent battery journal papers) as
// `digest start` stores it (repairPaperText on every record, then collapseDuplicates, so Angewandte's two
// editions or a preprint and its article are one paper), ranks with the shipped corpus statistics and the
// repo's digest.config.yaml the way `digest` does, and writes one briefing (schemaVersion 2: picks as
// cards, the rest folded) per published week of the journal papers to public/digests/<date>.json, plus
// index.json and latest.json. These are what the built reader ships as samples and what the end-to-end
// test reads, deriving its expected counts from them; rerun this after a ranker change. The unit tests and
// the bench read pinned copies from an earlier ranker instead (test/fixtures/digests/README.md), so
// rebuilding these moves no unit test's numbers.
import { copyFileSync, readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { DIGEST_SCHEMA_VERSION, paperSchema, parseGroupConfig, formatIssues, type DigestIndex, type Paper } from '@labdigest/core';
import { assembleDigest, createRanker, parseBackgroundStats } from '@labdigest/ranker';
import { collapseDuplicates, repairPaperText } from '@labdigest/sources';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const outDir = join(here, '../public/digests');

const configFile = join(root, 'digest.config.yaml');
const parsed = parseGroupConfig(readFileSync(configFile, 'utf8'), 'digest.config.yaml');
if (!parsed.ok) throw new Error(`digest.config.yaml is invalid:\n${formatIssues(parsed.issues)}`);
const config = parsed.config;

const records: Paper[] = gunzipSync(readFileSync(join(root, 'fixtures/papers/sample-week.jsonl.gz')))
  .toString('utf8').split('\n').filter((line) => line.trim())
  .map((line) => repairPaperText(paperSchema.parse(JSON.parse(line))));
// One paper per work, as the store keeps them (packages/sources/src/identity/collapse-duplicates.ts).
const papers: Paper[] = collapseDuplicates(records).map((c) => c.paper);
console.log(`sample-week.jsonl.gz: ${records.length} records, ${papers.length} papers`);

const require = createRequire(import.meta.url);
const statsFile = require.resolve('@labdigest/ranker/corpus-stats.json.gz');
const background = parseBackgroundStats(gunzipSync(readFileSync(statsFile)).toString('utf8'));

/** Monday (UTC) of the ISO week holding `day` (YYYY-MM-DD). */
function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// Journal papers go by the week they were published; the digest is dated the Monday after.
// The recorded arXiv day (2024-11-28) joins the newest week, as a live digest mixes both.
const isArxiv = (p: Paper) => p.source.startsWith('arxiv');
const weeks = new Map<string, Paper[]>();
for (const paper of papers.filter((p) => !isArxiv(p) && p.published)) {
  const week = mondayOf((paper.published as string).slice(0, 10));
  weeks.set(week, [...(weeks.get(week) ?? []), paper]);
}
const weekStarts = [...weeks.keys()].sort();
const newest = weekStarts.at(-1);
if (!newest) throw new Error('sample-week.jsonl.gz holds no dated journal papers');
weeks.set(newest, [...(weeks.get(newest) ?? []), ...papers.filter(isArxiv)]);

mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(outDir)) if (name.endsWith('.json')) rmSync(join(outDir, name));

const ranker = createRanker(config, { background });
const index: DigestIndex = { schemaVersion: DIGEST_SCHEMA_VERSION, group: config.group.name, digests: [] };
for (const week of weekStarts) {
  const batch = weeks.get(week) ?? [];
  const date = addDays(week, 7);
  const { papers: ranked } = ranker.rank(batch, { background });
  const digest = assembleDigest(config, batch, ranked, {
    date, since: week, until: addDays(week, 6), generatedAt: `${date}T06:00:00.000Z`, sample: true,
  });
  const file = `${date}.json`;
  writeFileSync(join(outDir, file), `${JSON.stringify(digest)}\n`);
  index.digests.unshift({ date, file, title: digest.title, papers: digest.stats.included, sample: true });
  console.log(`${file}: ${batch.length} papers considered, ${digest.stats.included} in the digest`);
}
// The newest digest's copy that the reader asks for beside the index (as `digest build` writes it).
const newestEntry = index.digests[0];
if (newestEntry) copyFileSync(join(outDir, newestEntry.file), join(outDir, 'latest.json'));
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
console.log(`index.json: ${index.digests.length} digests`);
