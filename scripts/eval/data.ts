// What the evaluation reads: the labelled dev set and its papers (../shared/data), the sample week and
// the ranker's shipped background statistics (in the repo).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { paperSchema, type Paper } from '@labdigest/core';
import { buildCorpusBags, parseBackgroundStats, type BackgroundStats, type CorpusBags } from '@labdigest/ranker';
import { collapseDuplicates, parseAny, parseBibtex, parseRis, repairPaperText } from '@labdigest/sources';
import { repoRoot, requireShared } from '../shared-data.ts';

/** Dev-set label keys -> the default config's area ids (../shared/data/MANIFEST.md). */
export const AREA_OF_LABEL: Record<string, string> = {
  mlip: 'mlip-interfaces', polymer: 'polymer-electrolytes', phasefield: 'phase-field-sei', halide: 'halide-electrolytes',
};

/** Area id -> grade: 2 core, 1 adjacent, 0 not relevant. */
export type Grades = Record<string, number>;

export interface DevSet {
  readonly papers: readonly Paper[];
  readonly labels: ReadonlyMap<string, Grades>;
}

export function readDevSet(): DevSet {
  const labels = new Map<string, Grades>();
  for (const line of readFileSync(requireShared('eval-dev.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Record<string, string | number>;
    const grades: Grades = {};
    for (const [key, area] of Object.entries(AREA_OF_LABEL)) grades[area] = Number(row[key] ?? 0);
    labels.set(String(row.id), grades);
  }
  // As `digest import` would store them: with their text repaired.
  const papers = readCorpus().filter((p) => labels.has(p.id)).map(repairPaperText);
  if (papers.length !== labels.size) console.error(`warning: ${labels.size - papers.length} labelled ids are not in the corpus`);
  return { papers, labels };
}

let corpus: Paper[] | undefined;

/** The 21,872-paper corpus of ../shared/data, as recorded (text not repaired). */
export function readCorpus(): Paper[] {
  corpus ??= readFileSync(requireShared('corpus/papers.jsonl'), 'utf8').split('\n')
    .filter((l) => l.trim()).map((l) => paperSchema.parse(JSON.parse(l)));
  return corpus;
}

/** The bundled sample week (fixtures/papers/sample-week.jsonl.gz), as `pnpm sample` reads and ranks it. */
export function readSampleWeek(): Paper[] {
  const text = gunzipSync(readFileSync(`${repoRoot}/fixtures/papers/sample-week.jsonl.gz`)).toString('utf8');
  const papers: Paper[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const parsed = paperSchema.safeParse(JSON.parse(line));
    if (parsed.success) papers.push(repairPaperText(parsed.data));
  }
  // As `digest start` stores them: one paper per work (Angewandte's two editions, a preprint and its article).
  return collapseDuplicates(papers).map((c) => c.paper);
}

/** The papers our parsers make of every recorded response in ../shared/data/feeds, with the file each came from. */
export function readRecordedFeeds(): { file: string; paper: Paper }[] {
  const dir = requireShared('feeds');
  const now = new Date('2026-11-25T00:00:00Z');
  return readdirSync(dir).sort().flatMap((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const at = { source: 'feed', location: `shared/data/feeds/${file}`, now };
    try {
      const parse = file.endsWith('.bib') ? parseBibtex : file.endsWith('.ris') ? parseRis : parseAny;
      return parse(text, at).papers.map((paper) => ({ file, paper }));
    } catch {
      return []; // the recorded error responses (arXiv's bad-archive listing, a malformed id) hold no papers
    }
  });
}

let background: BackgroundStats | undefined;

/** The ranker's shipped corpus statistics, as the command line loads them. */
export function readBackground(): BackgroundStats {
  background ??= parseBackgroundStats(gunzipSync(readFileSync(fileURLToPath(import.meta.resolve('@labdigest/ranker/corpus-stats.json.gz'))))
    .toString('utf8'));
  return background;
}

/**
 * The shipped background with a feedback corpus built without the labelled papers: what the areas
 * learn from then owes nothing to the papers they are judged on, as for papers never seen. Built once
 * (about a minute) and kept in the system's temporary directory.
 */
export function readBackgroundWithoutDev(devIds: ReadonlySet<string>): BackgroundStats {
  const shipped = readBackground();
  const corpus = readCorpus();
  // Keyed by the shipped file, which build-background.ts rewrites whenever the analysis changes.
  const shippedFile = fileURLToPath(import.meta.resolve('@labdigest/ranker/corpus-stats.json.gz'));
  const { size, mtimeMs } = statSync(shippedFile);
  const cache = join(tmpdir(), `labdigest-feedback-without-dev-${corpus.length}-${devIds.size}-${size}-${Math.round(mtimeMs)}.json.gz`);
  let feedback: CorpusBags;
  if (existsSync(cache)) feedback = JSON.parse(gunzipSync(readFileSync(cache)).toString('utf8')) as CorpusBags;
  else {
    console.error(`eval: building the feedback corpus without the ${devIds.size} labelled papers (once; kept in ${cache})`);
    feedback = buildCorpusBags(corpus.filter((p) => !devIds.has(p.id)), { minDf: 3 });
    writeFileSync(cache, gzipSync(JSON.stringify(feedback)));
  }
  return { ...shipped, feedback };
}
