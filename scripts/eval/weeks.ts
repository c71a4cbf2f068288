// pnpm eval --weeks [--last=N]: the picks the default config makes on weeks of the corpus no one has
// labelled or tuned against (the dev set's papers taken out), week by week as a daily job would rank
// them, for reading: the figures of the dev set say how the ranking does on 200 papers; these say
// whether what it picks on papers never seen is what the group would read. No grades, so no figure.
import { isoWeek, type GroupConfig, type Paper } from '@labdigest/core';
import { createRanker, type BackgroundStats } from '@labdigest/ranker';

/** Weeks with fewer papers than this are a source's stragglers, not a week's intake. */
const MIN_PAPERS = 150;

export function runWeeks(config: GroupConfig, corpus: readonly Paper[], background: BackgroundStats, last: number): void {
  const byWeek = new Map<string, Paper[]>();
  for (const paper of corpus) {
    if (!paper.published) continue;
    const week = isoWeek(paper.published);
    const papers = byWeek.get(week);
    if (papers) papers.push(paper);
    else byWeek.set(week, [paper]);
  }
  const weeks = [...byWeek.entries()].filter(([, papers]) => papers.length >= MIN_PAPERS).sort(([a], [b]) => (a < b ? -1 : 1)).slice(-last);
  const ranker = createRanker(config, { background });
  const picksPer = config.areas.map(() => 0);
  for (const [week, papers] of weeks) {
    const ranked = ranker.rank(papers, { background, summaries: false }).papers;
    console.log(`weeks: ${week} papers=${papers.length} in_digest=${ranked.filter((r) => r.section !== null).length}`);
    for (const r of ranked.filter((x) => x.pick)) {
      picksPer[config.areas.findIndex((a) => a.id === r.section)]! += 1;
      console.log(`weeks:   ${(r.section as string).padEnd(22)} ${(r.scores[r.section as string] ?? 0).toFixed(2)}${r.focus ? ' focus' : '      '} ${r.id} ${r.title.slice(0, 100)}`);
    }
  }
  console.log(`weeks: ${weeks.length} weeks of at least ${MIN_PAPERS} unlabelled papers; picks per section `
    + `${config.areas.map((a, i) => `${a.id} ${picksPer[i]}`).join(', ')}`);
}
