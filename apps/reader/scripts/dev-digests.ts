// The reader's sample digests, built from real recorded papers: what `make:digests` writes to
// public/digests/ and what test/dev-digests.test.ts checks the committed copies against.
// Reads fixtures/papers/sample-week.jsonl.gz (one arXiv day + recent battery journal papers) as
// `digest start` stores it (repairPaperText on every record, then collapseDuplicates, so Angewandte's two
// editions or a preprint and its article are one paper), ranks with the shipped corpus statistics and the
// repo's digest.config.yaml the way `digest` does, and makes one briefing (schemaVersion 2: picks as
// cards, the rest folded) per published week of the journal papers, plus index.json and latest.json.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { DIGEST_SCHEMA_VERSION, paperSchema, parseGroupConfig, formatIssues, type DigestIndex, type Paper } from '@labdigest/core';
import { assembleDigest, createRanker, parseBackgroundStats } from '@labdigest/ranker';
import { collapseDuplicates, repairPaperText } from '@labdigest/sources';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
/** Where the samples live: Vite copies them into the built reader. */
export const devDigestsDir = join(here, '../public/digests');

/** One sample digest file: its name in public/digests/ and its text. */
export interface DevDigestFile {
  readonly file: string;
  readonly text: string;
  /** For the log: how many papers the week's ranking considered and how many are in the digest. */
  readonly considered?: number;
  readonly included?: number;
}

/** The sample digests today's ranker makes, oldest week first, then latest.json and index.json. */
export function buildDevDigests(): DevDigestFile[] {
  const parsed = parseGroupConfig(readFileSync(join(root, 'digest.config.yaml'), 'utf8'), 'digest.config.yaml');
  if (!parsed.ok) throw new Error(`digest.config.yaml is invalid:\n${formatIssues(parsed.issues)}`);
  const config = parsed.config;
  const records: Paper[] = gunzipSync(readFileSync(join(root, 'fixtures/papers/sample-week.jsonl.gz')))
    .toString('utf8').split('\n').filter((line) => line.trim())
    .map((line) => repairPaperText(paperSchema.parse(JSON.parse(line))));
  // One paper per work, as the store keeps them (packages/sources/src/identity/collapse-duplicates.ts).
  const papers: Paper[] = collapseDuplicates(records).map((c) => c.paper);
  const require = createRequire(import.meta.url);
  const statsFile = require.resolve('@labdigest/ranker/corpus-stats.json.gz');
  const background = parseBackgroundStats(gunzipSync(readFileSync(statsFile)).toString('utf8'));

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

  const ranker = createRanker(config, { background });
  const index: DigestIndex = { schemaVersion: DIGEST_SCHEMA_VERSION, group: config.group.name, digests: [] };
  const files: DevDigestFile[] = [];
  for (const week of weekStarts) {
    const batch = weeks.get(week) ?? [];
    const date = addDays(week, 7);
    const { papers: ranked } = ranker.rank(batch, { background });
    const digest = assembleDigest(config, batch, ranked, {
      date, since: week, until: addDays(week, 6), generatedAt: `${date}T06:00:00.000Z`, sample: true,
    });
    const file = `${date}.json`;
    files.push({ file, text: `${JSON.stringify(digest)}\n`, considered: batch.length, included: digest.stats.included });
    index.digests.unshift({ date, file, title: digest.title, papers: digest.stats.included, sample: true });
  }
  // The newest digest's copy that the reader asks for beside the index (as `digest build` writes it).
  const newestFile = files.at(-1);
  if (newestFile) files.push({ file: 'latest.json', text: newestFile.text });
  files.push({ file: 'index.json', text: `${JSON.stringify(index, null, 2)}\n` });
  return files;
}

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
