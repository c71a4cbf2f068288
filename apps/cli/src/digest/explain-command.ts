import { existsSync } from 'node:fs';
import { groupTimeZone, paperSourceLine, type Area, type GroupConfig, type Paper } from '@labdigest/core';
import {
  B, K1, SCALE, createRanker, followedAuthorsIn, type BackgroundStats, type FeedbackExample, type PaperTrace, type RankedPaper, type TermTrace,
} from '@labdigest/ranker';
import type { Io } from '../io.ts';
import { loadConfig } from '../config/load-config.ts';
import { InputError } from '../errors.ts';
import { formatRejected, readPapers } from '../read-papers.ts';
import { loadCorpusBackground, needsBackground, type IdfChoice } from './background.ts';
import { findPaper } from '@labdigest/sources';
import { examplesFrom, learningForFile, learningLine } from '../learning/store-learning.ts';
import { withStore } from '../store/open-db.ts';
import { DEFAULT_DB_PATH, DEFAULT_DIGESTS_DIR } from '../options.ts';
import { readArchivedEntry, readGeneratedAt, readIndex, readWindow } from './archive.ts';
import { defaultWindow } from './build-command.ts';
import { allPapers, windowBatch } from './build-digest.ts';

/** One keyword of a profile that the paper matches, and what it adds (score.ts's formula). */
export type KeywordRow = Omit<TermTrace, 'feature' | 'countedUnder'> & {
  readonly keyword: string;
  /** Longer keywords of the profile that took some of this keyword's occurrences. */
  readonly countedUnder: readonly string[];
};

/** How a paper scores against one area's or member's keywords. */
export interface ProfileScore {
  readonly rows: readonly KeywordRow[];
  readonly sum: number;
  /** Distinct positive keywords matched: coord = matched / (matched + 1). */
  readonly matched: number;
  readonly raw: number;
  readonly relevance: number;
  /** The relevance without the words learned from the group: what the keywords alone make of the paper. */
  readonly unlearned: number;
  readonly excludedBy: string | undefined;
  /** Index of the first `require` list the paper does not touch, or -1. */
  readonly unmet: number;
}

export interface PaperExplanation {
  readonly paper: Paper;
  readonly ranked: RankedPaper;
  /** The papers it was ranked with, as the header names them ("the 313 papers of the file"). */
  readonly batch: string;
  /** Where IDF came from: the batch, the shipped statistics and the batch, or the store (with the statistics while it is small). */
  readonly idf: { readonly source: 'batch' | 'background+batch' | 'store'; readonly background: boolean; readonly documents: number; readonly averageLength: number };
  readonly length: number;
  readonly areas: readonly { readonly area: Area; readonly score: ProfileScore; readonly verdict: string }[];
  readonly members: readonly { readonly name: string; readonly score: ProfileScore; readonly reported: number; readonly authors: readonly string[]; readonly reasons: readonly string[] }[];
  /** Where the archived digest that holds it put it (explain from the store), to set beside today's ranking. */
  readonly archived?: { readonly date: string; readonly sectionId: string; readonly sectionName: string; readonly score: number; readonly pick: boolean } | undefined;
  /** Ranked with keywords alone (`--no-learning`) where the digest learned from the group's signals. */
  readonly withoutLearning?: boolean | undefined;
}

export interface ExplainCommandOptions {
  /** The papers it was ranked with; absent: the store's, as the digest that holds the paper ranked them. */
  readonly papers?: string | undefined;
  readonly config: string;
  readonly idf: IdfChoice;
  readonly db?: string | undefined;
  readonly digests?: string | undefined;
  readonly learning?: boolean | undefined;
  /** The time the next build's window ends at (tests); default now. */
  readonly now?: Date | undefined;
}

/**
 * `digest explain`: ranks the file's papers as `digest rank` does and explains the one asked for; with
 * no file, the store's papers of the paper's digest, as `digest build` ranked them.
 */
export async function explainCommand(query: string, options: ExplainCommandOptions, io: Io): Promise<void> {
  const config = loadConfig(options.config);
  if (options.papers === undefined) {
    io.out(formatExplanation(config, await explainStored(config, query, options, io)));
    return;
  }
  const { papers, rejected, skipped } = await readPapers(options.papers);
  if (skipped > 0) io.err(`skipped ${skipped} bad line${skipped === 1 ? '' : 's'}:\n${formatRejected(rejected, 20, skipped)}\n`);
  const paper = theOne(papers, query, options.papers);
  const background = needsBackground(papers.length, options.idf) ? loadCorpusBackground() : undefined;
  const feedback = learningForFile(config, options, papers, io.err);
  const explanation = createExplainer(config, papers, { background, shipped: loadCorpusBackground(), feedback }).explain(paper);
  io.out(formatExplanation(config, explanation));
}

/** The paper `query` names among `papers` (read from `where`); none or several is an InputError that lists them. */
function theOne(papers: readonly Paper[], query: string, where: string): Paper {
  const search = findPaper(papers, query);
  if (search.kind === 'none') throw new InputError(where, `no paper matches "${query}" (by id, arXiv id, DOI or title)`);
  if (search.kind === 'many') {
    const shown = search.papers.slice(0, 20).map((p) => `  ${p.id}  ${p.title}${p.venue ? ` (${p.venue})` : ''}`);
    if (search.papers.length > shown.length) shown.push(`  ... and ${search.papers.length - shown.length} more`);
    throw new InputError(where, `"${query}" matches ${search.papers.length} papers; name one by its id:\n${shown.join('\n')}`);
  }
  return search.paper;
}

/**
 * A stored paper, ranked with the batch `digest build` ranked it in: the papers first seen in the window
 * of the archive's digest that holds the time it was first seen (else the window the next build takes,
 * else the seven days up to then), with IDF from the whole store and the group's signals given by the
 * time that digest was built, as the build.
 */
async function explainStored(config: GroupConfig, query: string, options: ExplainCommandOptions, io: Io): Promise<PaperExplanation> {
  const path = options.db ?? DEFAULT_DB_PATH;
  if (path !== ':memory:' && !existsSync(path)) {
    throw new InputError(path, 'no paper store here yet: run `digest start` or `digest fetch` first, or pass --db PATH or --papers FILE');
  }
  const digests = options.digests ?? DEFAULT_DIGESTS_DIR;
  return withStore(path, { create: false }, (db) => {
    const stored = allPapers(db);
    const paper = theOne(stored, query, path);
    const firstSeen = (db.prepare('SELECT first_seen FROM papers WHERE id = ?').get(paper.id) as { first_seen: string }).first_seen;
    const { window, digest, file } = windowOfPaper(digests, config.group.name, firstSeen, options.now ?? new Date(), groupTimeZone(config));
    const batch = windowBatch(db, window, loadCorpusBackground, stored);
    // As its digest ranked it: with the signals given by the time the digest was built.
    const builtAt = file === undefined ? undefined : readGeneratedAt(digests, file);
    const feedback = options.learning === false ? undefined : examplesFrom(db, config, { db: path, digests }, batch.papers, builtAt);
    io.err(learningLine(feedback));
    const span = `first seen ${window.since.slice(0, 16).replace('T', ' ')} – ${window.until.slice(0, 16).replace('T', ' ')} UTC`;
    const explanation = createExplainer(config, batch.papers, {
      background: batch.background, shipped: batch.shipped, feedback: feedback?.examples, idfFrom: batch.store,
      batch: digest ? `the digest of ${digest} (${span})` : `the store (${span}; no digest of the archive holds it yet)`,
    }).explain(paper);
    const archived = digest && file ? readArchivedEntry(digests, file, paper.id) : null;
    const withoutLearning = options.learning === false ? { withoutLearning: true } : {};
    return archived && digest ? { ...explanation, ...withoutLearning, archived: { date: digest, ...archived } } : { ...explanation, ...withoutLearning };
  });
}

/**
 * The window of the archive's digest whose window holds `firstSeen` (newest first); else the window the
 * next `digest build` takes, when it holds it; else the seven days up to `firstSeen`.
 */
export function windowOfPaper(
  dir: string, group: string, firstSeen: string, now: Date, zone = 'UTC',
): { window: { since: string; until: string }; digest?: string; file?: string } {
  const index = readIndex(dir, group);
  for (const entry of index.digests) {
    const window = readWindow(dir, entry.file);
    if (window?.since && window.until && window.since <= firstSeen && firstSeen < window.until) {
      return { window: { since: window.since, until: window.until }, digest: entry.date, file: entry.file };
    }
  }
  const next = defaultWindow({ digests: dir }, index, now, zone);
  if (next.since <= firstSeen && firstSeen < next.until) return { window: next };
  const until = new Date(new Date(firstSeen).getTime() + 1);
  return { window: { since: new Date(until.getTime() - 7 * 24 * 60 * 60 * 1000).toISOString(), until: until.toISOString() } };
}

/**
 * Ranks `papers` with the config's ranker once and explains any of them. The ranker does not
 * expose its per-keyword terms, so they are recomputed here with its public constants and lexicon
 * (packages/ranker/src/scoring/score.ts, idf.ts); the scores printed are the ranker's own, and a
 * recomputed one that differs is flagged.
 */
export function createExplainer(
  config: GroupConfig, papers: readonly Paper[],
  options: {
    /** Counted for IDF (none: the batch alone). */
    readonly background?: BackgroundStats | undefined;
    /** The ranker is made with these (its areas' related words); default `background`. */
    readonly shipped?: BackgroundStats | undefined;
    readonly feedback?: readonly FeedbackExample[] | undefined;
    /** More papers counted for IDF: the store, as `digest build` ranks. */
    readonly idfFrom?: readonly Paper[] | undefined;
    /** What the batch is, for the header (default "the N papers of the file"). */
    readonly batch?: string | undefined;
  } = {},
) {
  const { background, shipped = background, feedback, idfFrom } = options;
  // Made with the shipped statistics, as `digest build` makes it (the areas' related words); `background` is for IDF.
  const ranker = createRanker(config, { background: shipped, feedback });
  const rankedAll = ranker.rank(papers, { background, idfFrom });
  const rankedById = new Map(rankedAll.papers.map((r) => [r.id, r]));
  const keywordOf = (f: number) => ranker.lexicon.features[f]?.keyword ?? String(f);
  const rowsOf = (trace: PaperTrace['profiles'][number]): ProfileScore => ({
    rows: trace.terms.map(({ feature, countedUnder, ...t }) => ({ ...t, keyword: keywordOf(feature), countedUnder: countedUnder.map(keywordOf) })),
    sum: trace.sum, matched: trace.matched, raw: trace.raw, relevance: trace.relevance, unlearned: trace.unlearned,
    excludedBy: trace.excludedBy >= 0 ? keywordOf(trace.excludedBy) : undefined, unmet: trace.unmet,
  });

  return {
    explain(target: Paper): PaperExplanation {
      const ranked = rankedById.get(target.id);
      if (!ranked) throw new Error(`paper ${target.id} is not among the papers ranked`);
      const trace = ranker.trace(papers, target, { background, idfFrom });
      const best = config.areas.find((a) => a.id === ranked.section);
      const areas = config.areas.map((area, i) => {
        const s = rowsOf(trace.profiles[i]!);
        return { area, score: s, verdict: verdict(area, s, ranked, best, ranked.scores[area.id] ?? 0) };
      });
      const members = config.members.map((member, j) => {
        const s = rowsOf(trace.profiles[config.areas.length + j]!);
        const reported = ranked.members.find((m) => m.name === member.name);
        const interests = s.rows.filter((r) => r.weight > 0 && r.contribution > 0 && r.origin !== 'learned').slice(0, 3).map((r) => r.keyword);
        return {
          name: member.name, score: s, reported: ranked.memberScores[member.name] ?? 0,
          authors: followedAuthorsIn(member.authors, target.authors),
          reasons: reported?.reasons ?? (interests.length ? [`interests: ${interests.join(', ')}`] : []),
        };
      });
      return {
        paper: target, ranked, areas, members, length: trace.length,
        batch: options.batch ?? `the ${papers.length} papers of the file`,
        idf: { source: idfFrom?.length ? 'store' : rankedAll.report.idf, background: background !== undefined, documents: trace.documents, averageLength: trace.averageLength },
      };
    },
  };
}

function verdict(area: Area, s: ProfileScore, ranked: RankedPaper, best: Area | undefined, reported: number): string {
  if (ranked.section === area.id) return 'in: the paper\'s section';
  if (s.excludedBy !== undefined) return `out: excluded by "${s.excludedBy}"`;
  if (s.unmet >= 0) {
    const list = area.require[s.unmet] ?? [];
    return `out: require list ${s.unmet + 1} not met: mentions none of ${list.slice(0, 6).map((k) => `"${k}"`).join(', ')}${list.length > 6 ? `, ... (${list.length} keywords)` : ''}`;
  }
  if (s.rows.length === 0) return 'out: no keyword of this area matches';
  if (reported < area.threshold || reported === 0) return `out: below the threshold by ${(area.threshold - reported).toFixed(2)}`;
  if (best) {
    const there = ranked.scores[best.id] ?? 0;
    // Sections go by what the title and opening are about (docs/config.md#areas), not by the whole score.
    return there >= reported
      ? `out: clears the threshold, but the paper goes to the area it scores best in, ${best.name} (${there.toFixed(2)})`
      : `out: clears the threshold, and scores more here than in ${best.name} (${there.toFixed(2)}), but its title and opening are more about `
        + `${best.name}, where it goes (a paper's section is what it is mainly about: docs/config.md#areas)`;
  }
  return `out: clears the threshold, but the section holds only its top ${area.maxPapers} papers`;
}

const n2 = (x: number) => x.toFixed(2);

/** Where in its section a paper stands: a pick, or under "more", and why not a pick when the focus or a dismissal kept it out. */
function placeOf(ranked: PaperExplanation['ranked']): string {
  const place = `rank ${ranked.rank} in its section, ${ranked.pick ? 'a pick' : 'under "more in this section"'}`;
  if (ranked.outside) return `${place}; never a pick: its title or opening names a field the focus lists as next to the group's (focus.outside)`;
  if (ranked.dismissed) {
    const by = ranked.learnedFrom?.signal === 'dismiss' ? ranked.learnedFrom : undefined;
    return `${place}; never a pick here: ${by?.member ?? 'the group'} dismissed it ("not for us")${by?.at ? ` on ${by.at.slice(0, 10)}` : ''}, and no one starred it here`;
  }
  return place;
}

/** The explanation as a person reads it in a terminal. */
export function formatExplanation(config: GroupConfig, e: PaperExplanation): string {
  const { paper, ranked } = e;
  const source = paperSourceLine(paper);
  const where = [...(source.toLowerCase() === paper.id.toLowerCase() ? [] : [paper.id]), source, ...(paper.published ? [paper.published.slice(0, 10)] : [])];
  const lines = [paper.title, `  ${where.join(' · ')}`];
  const section = config.areas.find((a) => a.id === ranked.section);
  lines.push(section ? `  In the digest: ${section.name}, score ${n2(ranked.score)}, ${placeOf(ranked)}` : '  Not in the digest');
  // The archive says otherwise (the config was edited since: an area renamed or removed, keywords changed).
  // Or the same section at another score or pick: a signal dated before the build that arrived after it
  // (a reader's export keeps when each star was given) is learned from now, as of that date.
  const archived = e.archived;
  // Ranked with keywords alone, it differs from the digest by what the digest learned, not by an edit.
  const why = e.withoutLearning ? 'it was ranked here with keywords alone (--no-learning), the digest with what the group taught' : undefined;
  if (archived && archived.sectionId !== ranked.section) {
    const gone = config.areas.some((a) => a.id === archived.sectionId) ? '' : `, an area the config no longer has`;
    lines.push(`  The archived digest of ${archived.date} has it in ${archived.sectionName} (${archived.sectionId}${gone}), score ${n2(archived.score)}`
      + `${archived.pick ? ', a pick' : ''}: ${why ?? 'it was built with another config, other signals or a smaller store than now'}.`);
  } else if (archived && (n2(archived.score) !== n2(ranked.score) || archived.pick !== ranked.pick)) {
    lines.push(`  The archived digest of ${archived.date} has it here at score ${n2(archived.score)}, ${archived.pick ? 'a pick' : 'not a pick'}: `
      + `${why ?? 'it was built with another config, a smaller store or other signals than now (a signal dated before it that arrived since counts as of its date)'}.`);
  }
  const idf = e.idf.source === 'store' ? `the store${e.idf.background ? ' and the shipped corpus statistics' : ''}`
    : e.idf.source === 'batch' ? 'this batch' : 'the shipped corpus statistics and this batch';
  lines.push(`  Ranked with ${e.batch}; IDF from ${idf} (${e.idf.documents} documents, `
    + `average length ${e.idf.averageLength.toFixed(1)} words); this paper has ${e.length} words.`);
  lines.push(
    `  Scores: relevance = 1 − exp(−raw / ${SCALE}), raw = coord × Σ contribution, coord = m / (m + 1) for m keywords matched,`,
    `  contribution = weight × idf × tf (K1 + 1) / (tf + K1 (1 − B + B · length / average length)), K1 = ${K1}, B = ${B},`,
    `  tf = ${config.ranking.titleWeight} × title + abstract occurrences (docs/config.md#thresholds).`,
  );
  for (const { area, score, verdict } of e.areas) {
    lines.push('', `${area.name} (${area.id})`, `  score ${n2(ranked.scores[area.id] ?? 0)}, threshold ${n2(area.threshold)} → ${verdict}`);
    lines.push(...scoreLines(score, ranked.scores[area.id] ?? 0));
  }
  lines.push('', `Members (a paper concerns a member from ${n2(config.ranking.memberThreshold)}, or when they follow one of its authors)`);
  if (e.members.length === 0) lines.push('  the config names no members');
  for (const m of e.members) {
    const concerned = ranked.members.some((r) => r.name === m.name);
    const reasons = [...m.reasons, ...m.authors.filter((a) => !m.reasons.includes(`follows ${a}`)).map((a) => `follows ${a}`)];
    const status = concerned ? 'concerned' : ranked.section === null ? 'the paper is not in the digest' : `below ${n2(config.ranking.memberThreshold)}`;
    lines.push(`  ${m.name}: ${n2(m.reported)}, ${status}${reasons.length ? ` (${reasons.join('; ')})` : ''}`);
    const top = m.score.rows.filter((r) => r.contribution !== 0).slice(0, 5);
    if (top.length) lines.push(`    ${top.map((r) => `${r.keyword} ${n2(r.contribution)}`).join(', ')}`);
  }
  lines.push('', 'Relevance note', `  ${ranked.note}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A keyword's weight as the config writes one (2.5, 0.8), or to three places when it has more: a
 * learned word at 0.156 printed as 0.2, and one at 0.04 as 0.0.
 */
export function weightText(weight: number): string {
  return Math.abs(weight * 10 - Math.round(weight * 10)) < 1e-9 ? weight.toFixed(1) : String(Math.round(weight * 1000) / 1000);
}

function scoreLines(s: ProfileScore, reported: number): string[] {
  if (s.rows.length === 0) return [];
  const width = Math.min(40, Math.max(7, ...s.rows.map((r) => r.keyword.length)));
  const header = `  ${'keyword'.padEnd(width)}  weight     idf  title  abstract      tf  contribution`;
  const rows = s.rows.map((r) => `  ${r.keyword.padEnd(width)}  ${weightText(r.weight).padStart(6)}  ${r.idf.toFixed(2).padStart(6)}  ${String(r.inTitle).padStart(5)}  `
    + `${String(r.inAbstract).padStart(8)}  ${r.tf.toFixed(1).padStart(6)}  ${r.contribution.toFixed(2).padStart(12)}`
    + `${r.countedUnder.length ? `  (also inside ${r.countedUnder.map((k) => `"${k}"`).join(', ')})` : ''}`
    + `${r.origin === 'related' ? '  (related word, from the corpus)' : r.origin === 'learned' ? '  (learned from the group)' : ''}`);
  const lines = [header, ...rows];
  if (s.excludedBy !== undefined || s.unmet >= 0) lines.push('  (the score is 0 whatever the keywords add)');
  else {
    // Learned words add part of a keyword to coord's count (docs/learning.md), so it may be fractional.
    const m = Number.isInteger(s.matched) ? String(s.matched) : s.matched.toFixed(2);
    const m1 = Number.isInteger(s.matched) ? String(s.matched + 1) : (s.matched + 1).toFixed(2);
    lines.push(`  sum ${n2(s.sum)} × coord ${m}/${m1} = raw ${n2(s.raw)} → relevance ${n2(s.relevance)}`);
    // What learning did to this paper, in the score the digest shows.
    if (s.rows.some((r) => r.origin === 'learned' && r.contribution !== 0)) {
      const moved = s.relevance - s.unlearned;
      lines.push(`  without the learned words: relevance ${n2(s.unlearned)} (learning ${moved >= 0 ? 'added' : 'took'} ${n2(Math.abs(moved))})`);
    }
  }
  if (Math.abs(s.relevance - reported) > 5e-4) lines.push(`  (the ranker reports ${reported.toFixed(4)}: this table recomputes it and differs, see score.ts)`);
  return lines;
}
