/// <reference path="./natural.d.ts" />
// pnpm eval: ranks the labelled papers of ../shared/data/eval-dev.jsonl with the default config and
// prints ranking and digest figures per area and overall, beside natural's TfIdf on the same keywords;
// then builds the bundled sample week's digest and checks it as the lab reads it.
//   pnpm eval [config.yaml] [--errors]    figures, and with --errors the papers it gets wrong
//   pnpm eval --cv [--only=a,b]           k-fold cross-validation of every tuned constant, and keyword dropout
//                                         (scripts/eval/cv.ts); --only=dropout for the dropout alone
//   pnpm eval --feedback                  learning from the group (issue 19): simulated stars and dismissals,
//                                         5-fold CV, against keywords alone and an SVM (scripts/eval/feedback.ts);
//                                         with --choose, the learning constants chosen by CV inside the training folds
//   pnpm eval --weeks [--last=N]          the picks of the corpus's last N unlabelled weeks (default 12), to read
// Labels and rubric: ../shared/data/eval-RUBRIC.md. Targets (issues 4 and 15): MAP >= 0.88, mean nDCG@10 >= 0.95,
// irrelevant left out >= 0.98, core included >= 0.93, right section >= 0.90, picks precision >= 0.95.
import { readFileSync } from 'node:fs';
import { parseGroupConfig, formatIssues, type GroupConfig, type Paper } from '@labdigest/core';
import { assembleDigest, createRanker } from '@labdigest/ranker';
import TfIdf from 'natural/lib/natural/tfidf/tfidf.js';
import { runCrossValidation, runDropout } from './eval/cv.ts';
import { htmlEmailBytes } from '@labdigest/cli';
import { readBackground, readBackgroundWithoutDev, readCorpus, readDevSet, readRecordedFeeds, readSampleWeek } from './eval/data.ts';
import { runFeedbackChoice, runFeedbackEval } from './eval/feedback.ts';
import { runWeeks } from './eval/weeks.ts';
import { brokenTitle, checkDigest } from './eval/digest-checks.ts';
import { f3, figuresOf, type Judged } from './eval/figures.ts';
import { repoRoot } from './shared-data.ts';

const args = process.argv.slice(2);
const configFile = args.find((a) => !a.startsWith('--')) ?? `${repoRoot}/digest.config.yaml`;
const parsed = parseGroupConfig(readFileSync(configFile, 'utf8'), configFile);
if (!parsed.ok) { console.error(formatIssues(parsed.issues)); process.exit(1); }
const config = parsed.config;
const { papers, labels } = readDevSet();
const background = readBackground();

if (args.includes('--cv')) {
  // The areas learn from a corpus without the labelled papers, as they would for papers never seen.
  const unseen = readBackgroundWithoutDev(new Set(papers.map((p) => p.id)));
  const only = args.filter((a) => a.startsWith('--only=')).flatMap((a) => a.slice(7).split(','));
  if (only.length === 0 || !only.includes('dropout')) runCrossValidation({ config, papers, labels, background: unseen }, only);
  if (only.length === 0 || only.includes('dropout')) runDropout({ config, papers, labels, background: unseen });
  process.exit(0);
}

if (args.includes('--weeks')) {
  // Papers of the corpus outside the dev set, with the shipped background (as `digest build` ranks).
  const devIds = new Set(papers.map((p) => p.id));
  const last = Number(args.find((a) => a.startsWith('--last='))?.slice(7) ?? 12);
  runWeeks(config, readCorpus().filter((p) => !devIds.has(p.id)), background, last);
  process.exit(0);
}

if (args.includes('--feedback')) {
  // As for --cv: the areas' related words owe nothing to the labelled papers.
  const devIds = new Set(papers.map((p) => p.id));
  const unseen = readBackgroundWithoutDev(devIds);
  const input = { config, papers, labels, background: unseen, corpus: readCorpus().filter((p) => !devIds.has(p.id)) };
  if (args.includes('--choose')) runFeedbackChoice(input);
  else runFeedbackEval(input);
  process.exit(0);
}

// Our ranker, as a daily batch would be ranked: the batch with the shipped corpus statistics.
const { papers: ranked } = createRanker(config, { background }).rank(papers, { background, summaries: false });
const b = figuresOf(naturalBaseline(papers, config, ranked.filter((r) => r.section !== null).length), labels, config);
const a = figuresOf(ranked, labels, config);

console.log(`eval: ${a.counts.papers} labelled papers (${a.counts.core} core, ${a.counts.irrelevant} irrelevant everywhere), config ${configFile.replace(`${repoRoot}/`, '')}`);
console.log('area                     nDCG@10  AP      | natural nDCG@10  AP');
a.perArea.forEach((x, i) => {
  const y = b.perArea[i]!;
  console.log(`${x.area.padEnd(24)} ${f3(x.ndcg)}    ${f3(x.ap)}   | ${f3(y.ndcg)}            ${f3(y.ap)}   (${x.relevant} core)`);
});
const rows: [string, number, number, number][] = [
  ['MAP', a.map, b.map, 0.88], ['mean nDCG@10', a.ndcg, b.ndcg, 0.95], ['irrelevant left out', a.leftOut, b.leftOut, 0.98],
  ['core included', a.included, b.included, 0.93], ['right section', a.rightSection, b.rightSection, 0.9],
];
for (const [name, ours, natural, target] of rows) {
  console.log(`eval: ${name.padEnd(20)} labdigest=${f3(ours)} natural=${f3(natural)} target>=${target} ${ours >= target ? 'ok' : 'BELOW'}`);
}
console.log(`eval: ${'picks precision'.padEnd(20)} labdigest=${f3(a.picksPrecision)} (${Math.round(a.picksPrecision * a.picks)} of ${a.picks} picks graded 2 in their section) `
  + `target>=0.95 ${a.picksPrecision >= 0.95 ? 'ok' : 'BELOW'}`);

if (args.includes('--errors')) {
  for (const r of ranked) {
    const g = labels.get(r.id)!;
    const core = Object.entries(g).filter(([, v]) => v === 2).map(([k]) => k);
    const wrong = (r.section === null && core.length) || (r.section !== null && g[r.section] !== 2 && (core.length || Object.values(g).every((v) => v === 0)));
    if (wrong || (r.pick && g[r.section!] !== 2)) {
      console.log(`${r.pick ? 'PICK ' : ''}${r.section ?? '-'} want=[${core}] g=${JSON.stringify(g)} s=${JSON.stringify(r.scores)} ${r.title.slice(0, 90)}`);
    }
  }
}

// The sample week's digest, as `digest build` would make it from the bundled papers.
const week = readSampleWeek();
const weekRanking = createRanker(config, { background }).rank(week, { background });
const digest = assembleDigest(config, week, weekRanking.papers, { date: '2026-06-08', generatedAt: '2026-06-08T06:00:00Z', sample: true });
const checks = checkDigest(digest, config);
const perSection = (pick: (s: (typeof checks.sections)[number]) => number) => checks.sections.map(pick).join(' / ');
console.log(`digest: sample week ${week.length} papers, ${checks.summaries} in the digest (${perSection((s) => s.papers)})`);
console.log(`digest: picks per section ${perSection((s) => s.picks)}; folded under "more in this section" ${perSection((s) => s.folded)}`);
console.log(`digest: summaries empty ${checks.emptySummaries.length}, opening on a dangling connective ${checks.danglingSummaries.length} (target 0); `
  + `over 70 words ${checks.longSummaries}; with a hole where the feed dropped math ${checks.holedSummaries.length}`);
console.log(`digest: notes naming a member below the member threshold ${checks.membersBelowThreshold.length} (target 0); `
  + `showing a score ${checks.scoresInNotes.length}; over 70 words ${checks.longNotes}`);
console.log(`digest: sample week HTML e-mail ${(htmlEmailBytes(digest) / 1024).toFixed(1)} KB`);
// Titles with a broken formula or run-together words (issue 15): what the parsers make of the recorded
// feeds, and the titles the sample week's digest shows.
const feedTitles = readRecordedFeeds().map(({ file, paper }) => ({ where: `${file} ${paper.id}`, broken: brokenTitle(paper.title, paper.abstract) }));
const digestTitles = digest.sections.flatMap((s) => s.papers).map((p) => ({ where: p.id, broken: brokenTitle(p.title, p.abstract) }));
const brokenFeeds = feedTitles.filter((t) => t.broken !== null);
const brokenDigest = digestTitles.filter((t) => t.broken !== null);
console.log(`text: titles with a broken formula or run-together words: recorded feeds ${brokenFeeds.length} of ${feedTitles.length} (target 0); `
  + `sample week digest ${brokenDigest.length} of ${digestTitles.length}`);
for (const t of [...brokenFeeds, ...brokenDigest]) console.log(`  ${t.where}: ${t.broken}`);
for (const line of [...checks.emptySummaries.map((id) => `empty summary: ${id}`), ...checks.danglingSummaries, ...checks.holedSummaries.map((id) => `summary with a hole: ${id}`), ...checks.membersBelowThreshold,
  ...checks.scoresInNotes.map((id) => `score-like number in the note: ${id} ${digest.sections.flatMap((s) => s.papers).find((p) => p.id === id)?.note ?? ''}`)]) {
  console.log(`  ${line}`);
}

/**
 * natural's TfIdf given the same keywords: one document per paper (title + abstract), an area's score
 * the sum of its weighted keywords' tf-idf; a paper goes to its best area, and as many papers are
 * included as our ranker includes (same budget), so the digest figures compare like for like.
 */
function naturalBaseline(batch: readonly Paper[], cfg: GroupConfig, budget: number): Judged[] {
  const tfidf = new TfIdf();
  for (const p of batch) tfidf.addDocument(`${p.title} ${p.abstract ?? ''}`);
  const scores = batch.map((_, i) => Object.fromEntries(cfg.areas.map((area) => [area.id,
    area.keywords.reduce((s, k) => s + Math.max(0, k.weight) * tfidf.tfidf(k.term.toLowerCase(), i), 0)])));
  const best = scores.map((s) => Object.entries(s).sort((x, y) => y[1] - x[1])[0] as [string, number]);
  const cutoff = [...best.map((x) => x[1])].sort((x, y) => y - x)[budget - 1] ?? Infinity;
  return batch.map((p, i) => ({
    id: p.id, scores: scores[i] as Record<string, number>,
    section: (best[i]?.[1] ?? 0) >= cutoff && (best[i]?.[1] ?? 0) > 0 ? (best[i]?.[0] ?? null) : null,
  }));
}
