import type { GroupConfig } from '@labdigest/core';
import { createRanker, type RankedPaper, type RankReport } from '@labdigest/ranker';
import { loadConfig } from '../config/load-config.ts';
import { InputError, UsageError } from '../errors.ts';
import { refuseOverwritingInput, STANDARD_OUTPUT, writeFileAtomic } from '../atomic-write.ts';
import { DEFAULT_DB_PATH } from '../options.ts';
import { formatRejected, readPapers } from '../read-papers.ts';
import type { Io } from '../io.ts';
import { loadCorpusBackground, needsBackground, type IdfChoice } from './background.ts';
import { learningForFile } from '../learning/store-learning.ts';
import { storeFiles } from '../store/open-db.ts';

export interface RankCommandOptions {
  readonly config: string;
  readonly papers: string;
  readonly out?: string | undefined;
  readonly print?: boolean | undefined;
  readonly top: number;
  readonly idf: IdfChoice;
  readonly db?: string | undefined;
  readonly digests?: string | undefined;
  readonly learning?: boolean | undefined;
}

/**
 * `digest rank`: score papers against the group's areas and members, write or print the result.
 * `--out -` is standard output, as no --out is; an --out that is one of the inputs is refused.
 */
export async function rankCommand(options: RankCommandOptions, io: Io): Promise<void> {
  if (options.out === STANDARD_OUTPUT && options.print) {
    throw new UsageError('--print and --out - both write to standard output: write the ranking to a file, or leave out one of them');
  }
  const out = options.out === STANDARD_OUTPUT ? undefined : options.out;
  if (out) {
    refuseOverwritingInput(out, [
      { file: options.papers, what: 'the papers file' },
      { file: options.config, what: 'the config' },
      ...storeFiles(options.db ?? DEFAULT_DB_PATH),
    ]);
  }
  const config = loadConfig(options.config);
  const { papers, rejected, skipped } = await readPapers(options.papers);
  if (skipped > 0) io.err(`skipped ${skipped} bad line${skipped === 1 ? '' : 's'}:\n${formatRejected(rejected, 20, skipped)}\n`);
  if (papers.length === 0) throw new InputError(options.papers, 'holds no valid paper');

  // The ranker is made with the shipped statistics always (its areas' related words come from them);
  // they count for IDF by --idf.
  const shipped = loadCorpusBackground();
  const background = needsBackground(papers.length, options.idf) ? shipped : undefined;
  const feedback = learningForFile(config, options, papers, io.err);
  const { papers: ranked, report } = createRanker(config, { background: shipped, feedback })
    .rank(papers, background ? { background } : {});

  const json = `${JSON.stringify({ config: options.config, report, papers: ranked }, null, 2)}\n`;
  if (out) writeFileAtomic(out, json);
  if (options.print) io.out(formatRanking(config, ranked, report, options.top));
  else if (!out) io.out(json);
  if (out) io.err(`wrote ${ranked.length} papers (${report.included} in the digest) to ${out}\n`);
}

/** The top papers per section, as a person reads them in a terminal. */
export function formatRanking(config: GroupConfig, ranked: readonly RankedPaper[], report: RankReport, top: number): string {
  const lines: string[] = [];
  const idf = report.idf === 'batch' ? 'IDF from this batch' : 'IDF from the background corpus and this batch';
  lines.push(`${config.group.name}: ${ranked.length} papers ranked, ${report.included} in the digest (${idf})`, '');
  for (const area of config.areas) {
    const inSection = ranked.filter((r) => r.section === area.id);
    lines.push(`${area.name} (${inSection.length} paper${inSection.length === 1 ? '' : 's'}, threshold ${area.threshold})`);
    if (inSection.length === 0) lines.push('  nothing above the threshold');
    inSection.slice(0, top).forEach((r, i) => {
      lines.push(`  ${String(i + 1).padStart(2)}. ${r.score.toFixed(2)}  ${r.title}`);
      const who = r.members.map((m) => m.name).join(', ');
      const terms = r.matchedTerms.slice(0, 5).map((t) => t.keyword).join(', ');
      lines.push(`           ${r.id}${who ? ` · for ${who}` : ''}`);
      if (terms) lines.push(`           matched: ${terms}`);
    });
    if (inSection.length > top) lines.push(`      ... and ${inSection.length - top} more`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
