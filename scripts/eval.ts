/// <reference path="../packages/ranker/src/natural.d.ts" />
// pnpm eval: ranks the labelled papers of ../shared/data/eval-dev.jsonl with the default config and
// prints ranking and digest figures per area and overall, beside natural's TfIdf on the same keywords.
// Labels and rubric: ../shared/data/eval-RUBRIC.md. Targets (issue 4): MAP >= 0.80, mean nDCG@10 >= 0.93,
// irrelevant left out >= 0.97, core included >= 0.90, right section >= 0.85.
import { readFileSync } from 'node:fs';
import { parseGroupConfig, paperSchema, formatIssues, type GroupConfig, type Paper } from '@labdigest/core';
import { createRanker } from '@labdigest/ranker';
import TfIdf from 'natural/lib/natural/tfidf/tfidf.js';
import { loadCorpusBackground } from '@labdigest/cli';
import { repoRoot, requireShared } from './shared-data.ts';

const AREA_OF_LABEL: Record<string, string> = {
  mlip: 'mlip-interfaces', polymer: 'polymer-electrolytes', phasefield: 'phase-field-sei', halide: 'halide-electrolytes',
};

type Grades = Record<string, number>; // area id -> 0 | 1 | 2

const configFile = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? `${repoRoot}/digest.config.yaml`;
const parsed = parseGroupConfig(readFileSync(configFile, 'utf8'), configFile);
if (!parsed.ok) { console.error(formatIssues(parsed.issues)); process.exit(1); }
const config = parsed.config;

const labels = new Map<string, Grades>();
for (const line of readFileSync(requireShared('eval-dev.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const row = JSON.parse(line) as Record<string, string | number>;
  const grades: Grades = {};
  for (const [key, area] of Object.entries(AREA_OF_LABEL)) grades[area] = Number(row[key] ?? 0);
  labels.set(String(row.id), grades);
}
const papers: Paper[] = [];
for (const line of readFileSync(requireShared('corpus/papers.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const raw = JSON.parse(line) as { id: string };
  if (labels.has(raw.id)) papers.push(paperSchema.parse(raw));
}
if (papers.length !== labels.size) console.error(`warning: ${labels.size - papers.length} labelled ids are not in the corpus`);

// Our ranker, as a daily batch would be ranked: the batch with the shipped corpus statistics.
const { papers: ranked } = createRanker(config).rank(papers, { background: loadCorpusBackground() });
const ours = new Map(ranked.map((r) => [r.id, { scores: r.scores, section: r.section }]));

// natural's TfIdf given the same keywords: one document per paper (title + abstract), an area's score
// the sum of its weighted keywords' tf-idf; a paper goes to its best area, and as many papers are
// included as our ranker includes (same budget), so the digest figures compare like for like.
const tfidf = new TfIdf();
for (const p of papers) tfidf.addDocument(`${p.title} ${p.abstract ?? ''}`);
const naturalScores = papers.map((_, i) => Object.fromEntries(config.areas.map((a) => [a.id,
  a.keywords.reduce((s, k) => s + Math.max(0, k.weight) * tfidf.tfidf(k.term.toLowerCase(), i), 0)])));
const best = naturalScores.map((s) => Object.entries(s).sort((x, y) => y[1] - x[1])[0] as [string, number]);
const budget = ranked.filter((r) => r.section !== null).length;
const cutoff = [...best.map((b) => b[1])].sort((x, y) => y - x)[budget - 1] ?? Infinity;
const baseline = new Map(papers.map((p, i) => [p.id, {
  scores: naturalScores[i] as Record<string, number>,
  section: (best[i]?.[1] ?? 0) >= cutoff && (best[i]?.[1] ?? 0) > 0 ? (best[i]?.[0] ?? null) : null,
}]));

function figures(system: Map<string, { scores: Record<string, number>; section: string | null }>, cfg: GroupConfig) {
  const perArea = cfg.areas.map((area) => {
    const list = papers.map((p) => ({ id: p.id, score: system.get(p.id)?.scores[area.id] ?? 0, grade: labels.get(p.id)?.[area.id] ?? 0 }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const dcg = (gs: number[]) => gs.slice(0, 10).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
    const ideal = dcg(list.map((x) => x.grade).sort((a, b) => b - a));
    const ndcg = ideal > 0 ? dcg(list.map((x) => x.grade)) / ideal : 1;
    let hits = 0;
    let sum = 0;
    list.forEach((x, i) => { if (x.grade === 2) { hits++; sum += hits / (i + 1); } });
    const relevant = list.filter((x) => x.grade === 2).length;
    return { area: area.id, ndcg, ap: relevant ? sum / relevant : 1, relevant };
  });
  const all = papers.map((p) => ({ grades: labels.get(p.id) as Grades, section: system.get(p.id)?.section ?? null }));
  const irrelevant = all.filter((x) => Object.values(x.grades).every((g) => g === 0));
  const core = all.filter((x) => Object.values(x.grades).some((g) => g === 2));
  return {
    perArea,
    map: perArea.reduce((s, a) => s + a.ap, 0) / perArea.length,
    ndcg: perArea.reduce((s, a) => s + a.ndcg, 0) / perArea.length,
    leftOut: irrelevant.filter((x) => x.section === null).length / irrelevant.length,
    included: core.filter((x) => x.section !== null).length / core.length,
    rightSection: core.filter((x) => x.section !== null && x.grades[x.section] === 2).length / core.length,
    counts: { papers: all.length, irrelevant: irrelevant.length, core: core.length },
  };
}

const a = figures(ours, config);
const b = figures(baseline, config);
const f = (x: number) => x.toFixed(3);
console.log(`eval: ${a.counts.papers} labelled papers (${a.counts.core} core, ${a.counts.irrelevant} irrelevant everywhere), config ${configFile.replace(`${repoRoot}/`, '')}`);
console.log('area                     nDCG@10  AP      | natural nDCG@10  AP');
a.perArea.forEach((x, i) => {
  const y = b.perArea[i]!;
  console.log(`${x.area.padEnd(24)} ${f(x.ndcg)}    ${f(x.ap)}   | ${f(y.ndcg)}            ${f(y.ap)}   (${x.relevant} core)`);
});
const rows: [string, number, number, number][] = [
  ['MAP', a.map, b.map, 0.8], ['mean nDCG@10', a.ndcg, b.ndcg, 0.93], ['irrelevant left out', a.leftOut, b.leftOut, 0.97],
  ['core included', a.included, b.included, 0.9], ['right section', a.rightSection, b.rightSection, 0.85],
];
for (const [name, ours_, natural, target] of rows) {
  console.log(`eval: ${name.padEnd(20)} labdigest=${f(ours_)} natural=${f(natural)} target>=${target} ${ours_ >= target ? 'ok' : 'BELOW'}`);
}
if (process.argv.includes('--errors')) {
  for (const r of ranked) {
    const g = labels.get(r.id)!;
    const core = Object.entries(g).filter(([, v]) => v === 2).map(([k]) => k);
    const wrong = (r.section === null && core.length) || (r.section !== null && g[r.section] !== 2 && (core.length || Object.values(g).every((v) => v === 0)));
    if (wrong) console.log(`${r.section ?? '-'} want=[${core}] g=${JSON.stringify(g)} s=${JSON.stringify(r.scores)} ${r.title.slice(0, 90)}`);
  }
}
