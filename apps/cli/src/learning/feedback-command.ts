import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  API_LIMITS, feedbackLineSchema, formatIssue, groupTimeZone, LIGHT_NOVELTY, suggest, zodIssues, type FeedbackLine, type GroupConfig, type SignalKind,
} from '@labdigest/core';
import { createRanker, dayOf, shortTitle, shownLearnedWords, type LearnedModel, type LearnedProfile } from '@labdigest/ranker';
import { loadConfig } from '../config/load-config.ts';
import { loadCorpusBackground } from '../digest/background.ts';
import { InputError } from '../errors.ts';
import type { Io } from '../io.ts';
import { lines, openLines, MAX_LINE_BYTES } from '../read-papers.ts';
import { withLock } from '../store/lock.ts';
import { newStoreNote, withStore, type Db } from '../store/open-db.ts';
import { archiveSections } from './archive-sections.ts';
import { configNames } from '../config/config-names.ts';
import { gatherSignals, isForgotten, resetTimes, storedSignals, type TaughtExample } from './signals.ts';
import { checkScope } from './scope.ts';
import { missingNames } from './store-learning.ts';
import { storedPaperFinder } from '../store/queries.ts';

export interface FeedbackOptions {
  readonly config: string;
  readonly db: string;
  readonly digests?: string | undefined;
  readonly wait?: number | undefined;
  readonly now?: Date | undefined;
}

/** A signals file holds at most this much: about a million signals. */
const MAX_FEEDBACK_BYTES = 100 * 1024 * 1024;
/** Skipped lines listed by number; past these they are counted. */
const LISTED = 20;

/** The first `LISTED` lines, and how many more there are. */
function listed(lines: readonly string[]): string {
  return `${lines.slice(0, LISTED).join('\n')}${lines.length > LISTED ? `\n... and ${lines.length - LISTED} more` : ''}`;
}

const NOUNS: Record<SignalKind, [string, string]> = {
  star: ['star', 'stars'], nominate: ['nomination', 'nominations'], dismiss: ['dismissal', 'dismissals'], read: ['read', 'reads'],
};

/** "3 stars, 1 nomination": the kinds in a fixed order, those with none left out. */
export function countSignals(signals: readonly { signal: SignalKind }[]): string {
  const counts: Partial<Record<SignalKind, number>> = {};
  for (const { signal } of signals) counts[signal] = (counts[signal] ?? 0) + 1;
  return countsText(counts);
}

/** "5 own papers, 3 stars": the group's own papers (learn --bib) first, then the signals; "no signals" when none. */
function countsText(counts: Partial<Record<SignalKind | 'own', number>>): string {
  const own = counts.own ?? 0;
  const parts = [
    ...(own > 0 ? [`${own} own paper${own === 1 ? '' : 's'}`] : []),
    ...(['star', 'nominate', 'dismiss', 'read'] as const).filter((k) => (counts[k] ?? 0) > 0)
      .map((k) => { const n = counts[k] as number; return `${n} ${NOUNS[k][n === 1 ? 0 : 1]}`; }),
  ];
  return parts.length ? parts.join(', ') : 'no signals';
}

/**
 * A profile's papers by the signal that counted for each, as the digest's learned line counts them
 * ("6 stars, 1 dismissal"); when some paper had more than one signal (starred and read), how many
 * signals that was.
 */
function taughtBy(signals: readonly { signal: SignalKind }[], profile: LearnedProfile | undefined): string {
  if (!profile?.signals) return countSignals(signals);
  const papers = profile.positives + profile.negatives;
  return `${countsText(profile.signals)}${signals.length > papers ? ` (${signals.length} signals: a paper counts once, by its strongest)` : ''}`;
}

/** A line's member or area as the config names it now: undefined when the line gives none, null when the config has no such name. */
function nowNamed(given: string | undefined, now: (name: string) => string | undefined): string | undefined | null {
  return given === undefined ? undefined : now(given) ?? null;
}

/**
 * Reads a signals file (JSON lines, feedbackLineSchema): each line checked, its member and area
 * against the config. Bad lines are returned with their number and skipped; a time in the future is
 * dropped, as if the line gave none (recordSignals takes it as now), and said (`adjusted`).
 */
export async function readFeedbackFile(
  file: string, config: GroupConfig, configFile: string, now: Date,
): Promise<{ signals: FeedbackLine[]; skipped: string[]; adjusted: string[] }> {
  const members = config.members.map((m) => m.name);
  const areas = config.areas.map((a) => a.id);
  // A file exported before a rename names the member or area as they were: stored as named now.
  const names = configNames(config);
  const signals: FeedbackLine[] = [];
  const skipped: string[] = [];
  const adjusted: string[] = [];
  let number = 0;
  const { input, close } = openLines(file);
  try {
    for await (const next of lines(input, { maxBytes: MAX_FEEDBACK_BYTES, maxLineBytes: MAX_LINE_BYTES, file })) {
      number++;
      const where = `${file}:${number}`;
      if (typeof next === 'number') { skipped.push(`${where}: a line of ${next} bytes, too long for a signal`); continue; }
      const text = number === 1 ? next.replace(/^\ufeff/, '') : next;
      if (text.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        skipped.push(`${where}: not JSON (${(error as Error).message})`);
        continue;
      }
      const parsed = feedbackLineSchema.safeParse(json);
      if (!parsed.success) {
        const [issue] = zodIssues(parsed.error.issues, json);
        skipped.push(`${where}: ${issue ? formatIssue(issue) : 'not a signal'}`);
        continue;
      }
      const member = nowNamed(parsed.data.member, names.member);
      const area = nowNamed(parsed.data.area, names.area);
      // Both said when both are wrong: a line fixed for its member should not fail again on its area.
      const wrong = [
        ...(member === null ? [`member: no member "${parsed.data.member}" in ${configFile}${suggest(parsed.data.member ?? '', members)}`] : []),
        ...(area === null ? [`area: no area "${parsed.data.area}" in ${configFile}${suggest(parsed.data.area ?? '', areas)}; its areas are ${areas.join(', ')}`] : []),
      ];
      if (member === null || area === null) {
        skipped.push(`${where}: ${wrong.join('; ')}`);
        continue;
      }
      const line = { ...parsed.data, member, area };
      // A signal dated ahead (a mistyped year, a phone's clock) would outlive every reset until then and
      // win over every later signal of its paper: taken as now, as the reading room takes it.
      if (line.at !== undefined && Date.parse(line.at) > now.getTime() + API_LIMITS.futureSkewMs) {
        adjusted.push(`${where}: at: "${line.at}" is in the future (it is ${now.toISOString().slice(0, 16)}Z now): taken as now`);
        // As a line without a time: now when first stored, its first time when stored already.
        signals.push({ paper: line.paper, signal: line.signal, ...(line.member !== undefined && { member: line.member }), ...(line.area !== undefined && { area: line.area }) });
        continue;
      }
      signals.push(line);
    }
  } finally {
    close();
  }
  return { signals, skipped, adjusted };
}

/**
 * Stores signals in the feedback table: one row per paper, signal, member and area, the latest kept.
 * A signal without a time is given now, unless it is stored already: then it keeps the time it was
 * first given, so that a file imported again after a `feedback reset` does not date its undated lines
 * after the reset and teach again what was forgotten. Returns how many were stored already, as given
 * or later (a file imported again): nothing new; and each signal's time as stored.
 */
export function recordSignals(
  db: Db, signals: readonly (FeedbackLine & { title?: string | null; abstract?: string | null })[], origin: string, now: Date,
): { known: number; times: string[] } {
  const stored = db.prepare('SELECT at FROM feedback WHERE paper_id = ? AND signal = ? AND member = ? AND area = ?').pluck();
  const upsert = db.prepare(`
    INSERT INTO feedback (paper_id, signal, member, area, at, origin, title, abstract)
    VALUES (@paper, @signal, @member, @area, @at, @origin, @title, @abstract)
    ON CONFLICT (paper_id, signal, member, area) DO UPDATE SET
      at = excluded.at, origin = excluded.origin, title = coalesce(excluded.title, feedback.title), abstract = coalesce(excluded.abstract, feedback.abstract)
    WHERE excluded.at >= feedback.at`);
  let known = 0;
  // Each signal's time as stored: its own, the one it was first given at, or now.
  const times: string[] = [];
  // Rows this call wrote: a line repeated in the file is a repeat, not a signal stored before.
  const written = new Set<string>();
  db.transaction(() => {
    for (const s of signals) {
      const [member, area] = [s.member ?? '', s.area ?? ''];
      const key = JSON.stringify([s.paper, s.signal, member, area]);
      const storedAt = stored.get(s.paper, s.signal, member, area) as string | undefined;
      const row = { paper: s.paper, signal: s.signal, member, area, at: s.at ?? storedAt ?? now.toISOString() };
      const before = written.has(key) ? undefined : storedAt;
      written.add(key);
      times.push(row.at);
      if (before !== undefined && before >= row.at) known++;
      upsert.run({ ...row, origin, title: s.title ?? null, abstract: s.abstract ?? null });
    }
  }).immediate();
  return { known, times };
}

/** `digest feedback import FILE`: the reader's export (or any tool's signals) into the store. */
export async function feedbackImportCommand(file: string, options: FeedbackOptions, io: Io): Promise<void> {
  const config = loadConfig(options.config);
  const now = options.now ?? new Date();
  const { signals, skipped, adjusted } = await readFeedbackFile(file, config, options.config, now);
  if (adjusted.length > 0) io.err(`${listed(adjusted)}\n`);
  if (skipped.length > 0) io.err(`skipped ${skipped.length} line${skipped.length === 1 ? '' : 's'}:\n${listed(skipped)}\n`);
  if (signals.length === 0) throw new InputError(file, 'holds no valid signal (one JSON object a line: {"paper": "<id>", "signal": "star"})');
  const onCreate = newStoreNote(options.db, io);
  await withLock(options.db, () => withStore(options.db, { onCreate }, (db) => {
    const { known, times } = recordSignals(db, signals, `import:${basename(file)}`, now);
    const find = storedPaperFinder(db);
    const missing = [...new Set(signals.filter((s) => !find(s.paper)).map((s) => s.paper))];
    const absent = missing.length;
    // Named, so that a mistyped id is seen rather than waited for.
    const named = ` (${missing.slice(0, 5).join(', ')}${absent > 5 ? `, … ${absent - 5} more` : ''})`;
    // A reset goes by when a signal was given: one dated before it is stored but teaches nothing.
    const resets = resetTimes(db);
    const stale = signals.filter((s, k) => isForgotten({ at: times[k] as string, member: s.member, area: s.area }, resets)).length;
    // The store keeps one row per paper, signal, member and area: a repeated line updates it.
    const repeats = signals.length - new Set(signals.map((s) => JSON.stringify([s.paper, s.signal, s.member ?? '', s.area ?? '']))).size;
    io.out(`imported ${signals.length} signal${signals.length === 1 ? '' : 's'} from ${file}: ${countSignals(signals)}`
      + `${absent ? `; ${absent} of their papers ${absent === 1 ? 'is' : 'are'} not in the store yet${named} and count${absent === 1 ? 's' : ''} once fetched` : ''}`
      + `${stale ? `; ${stale} ${stale === 1 ? 'was' : 'were'} given before a \`feedback reset\` of ${stale === 1 ? 'its' : 'their'} member or area and teach${stale === 1 ? 'es' : ''} nothing` : ''}`
      + `${repeats ? `; ${repeats} ${repeats === 1 ? 'repeats a signal' : 'repeat signals'} of the same paper, member and area (the latest is kept)` : ''}`
      // A file imported again teaches nothing new: said, so that "imported 17 signals" is not read as 17 more.
      + `${known ? `; ${known === signals.length ? (known === 1 ? 'it was' : 'all were') : `${known} ${known === 1 ? 'was' : 'were'}`} stored already` : ''}`
      + `${skipped.length ? `; ${skipped.length} line${skipped.length === 1 ? '' : 's'} skipped` : ''}\n`);
  }), { command: 'digest feedback import', waitMs: (options.wait ?? 0) * 1000, note: io.err });
}

/** `digest feedback reset [--member NAME | --area ID]`: forget what was learned, for everyone or one scope. */
export async function feedbackResetCommand(options: FeedbackOptions & { member?: string; area?: string }, io: Io): Promise<void> {
  const config = loadConfig(options.config);
  const now = options.now ?? new Date();
  await withLock(options.db, () => withStore(options.db, {}, (db) => {
    // A member or area the config no longer has may be named too: what its stored signals still teach goes.
    const stored = storedSignals(db);
    const { member, area } = checkScope(config, options, {
      members: new Set(stored.flatMap((s) => (s.member === undefined ? [] : [s.member]))),
      areas: new Set(stored.flatMap((s) => (s.area === undefined ? [] : [s.area]))),
    });
    let scope = 'all';
    let what = 'everything the group taught the ranking';
    if (member !== undefined) {
      scope = `member:${member}`;
      what = `what ${member}'s signals taught`;
    } else if (area !== undefined) {
      scope = `area:${area}`;
      what = `what the signals on ${area} taught the area (the members who gave them keep it)`;
    }
    db.prepare('INSERT INTO learning_resets (scope, at) VALUES (?, ?)').run(scope, now.toISOString());
    // What the digest stops saying goes with it (found by an audit): a dismissal no longer keeps its
    // paper out of the picks, and notes no longer name who starred, put forward or dismissed it.
    io.out(`forgot ${what} up to ${now.toISOString()}: the ranking learns again from signals given after it. `
      + 'Stars and reads in the reading room stay as they are, but the digest stops using them: a paper dismissed before now '
      + 'may be a pick again, and notes no longer say who starred, put forward or dismissed it.\n');
  }), { command: 'digest feedback reset', waitMs: (options.wait ?? 0) * 1000, note: io.err });
}

/** `digest feedback show`: per area and member, the signals that teach it; what waits for its paper. */
export async function feedbackShowCommand(options: FeedbackOptions, io: Io): Promise<void> {
  const config = loadConfig(options.config);
  await withStore(options.db, { create: false }, (db) => {
    const sectionOf = options.digests ? archiveSections(options.digests) : undefined;
    const gathered = gatherSignals(db, config, sectionOf ? { sectionOf } : {});
    // A reading-room star teaches the section its paper was in, which only the archive knows.
    if (options.digests && !existsSync(join(options.digests, 'index.json')) && storedSignals(db).some((s) => s.origin === 'room')) {
      io.err(`(no digest archive at ${options.digests}: the reading room's stars teach their members only, not the sections their papers were in; pass --digests DIR)\n`);
    }
    const learned = gathered.examples.length
      ? createRanker(config, { background: loadCorpusBackground(), feedback: gathered.examples }).learned
      : [];
    io.out(formatFeedback(config, gathered, learned));
  });
}

/** Signals by what they teach for a profile: a meeting nomination and a star before a read. */
const STRENGTH: Readonly<Record<SignalKind, number>> = { nominate: 3, star: 2, read: 1, dismiss: 0 };
/** Papers named under a profile; the rest are counted. */
const FROM_PAPERS = 3;

/**
 * The papers that taught a profile for, strongest signal and newest first, each once: "'Hierarchical
 * Primary‐Secondary Coordination Synchronizes Ion Flux…' (Naibing Wu, 6 Dec)", three at most and how many more:
 * what its learned words come from. A paper several members marked alike is credited to the first
 * who did, as its note credits them; the day is the group's (`zone`). Under a member's own line
 * (`member`) their name is not repeated.
 */
function taughtPapers(taught: readonly TaughtExample[], member: string | undefined, zone: string): string {
  const best = new Map<string, TaughtExample>();
  for (const e of taught) {
    if (e.signal === 'dismiss') continue;
    const known = best.get(e.paper.id);
    if (!known || STRENGTH[e.signal] > STRENGTH[known.signal]
      || (STRENGTH[e.signal] === STRENGTH[known.signal] && (e.at ?? '') < (known.at ?? ''))) best.set(e.paper.id, e);
  }
  const papers = [...best.values()].sort((a, b) => STRENGTH[b.signal] - STRENGTH[a.signal]
    || (b.at ?? '').localeCompare(a.at ?? '') || (a.paper.id < b.paper.id ? -1 : 1));
  const named = papers.slice(0, FROM_PAPERS).map((e) => {
    // As a note names the paper it learned from: "'Coupled Reaction and Diffusion Governing Interface…' (Yanhao Deng, 12 Nov)".
    // The group's own papers (learn --bib) carry no day: "(own paper)".
    const who = [e.member === member ? undefined : e.member, e.at === undefined ? 'own paper' : dayOf(e.at, zone)].filter((x) => x !== undefined).join(', ');
    return `'${shortTitle(e.paper.title)}'${who ? ` (${who})` : ''}`;
  });
  const more = papers.length - named.length;
  return `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/**
 * Words a profile learned, as a section's line shows them (the words its papers are about first):
 * "+lithiophilic, +current collector, −graphene".
 */
function learnedWords(profile: LearnedProfile | undefined): string {
  if (!profile) return '';
  return shownLearnedWords(profile, 8, 4).map((t) => `${t.weight < 0 ? '−' : '+'}${t.word}`).join(', ');
}

/**
 * When a profile's examples were little news to its keywords (learning.ts `noveltyOf`): a group that
 * stars its picks, which the keywords scored 0.9, sees why its learned words weigh little, and what
 * would teach more. Said when half of them scored 0.75 or more (core's `LIGHT_NOVELTY`, as a section's
 * line says it): papers of a section's "more" list score 0.55 and up, and stars on them teach more.
 */
function lightly(profile: LearnedProfile | undefined): string {
  if (profile?.novelty === undefined || profile.novelty >= LIGHT_NOVELTY) return '';
  const one = profile.positives === 1;
  const score = (1 - profile.novelty).toFixed(2);
  return `counts lightly: ${one ? `the keywords already scored this paper ${score}` : `the keywords already scored half of these papers ${score} or more`}, `
    + `so ${one ? 'it confirms' : 'they confirm'} the keywords more than ${one ? 'it teaches' : 'they teach'} them; `
    + 'stars on papers they score lower (a section\'s "more" list, or found with `digest search`) teach more';
}

export function formatFeedback(config: GroupConfig, gathered: ReturnType<typeof gatherSignals>, learned: LearnedModel = []): string {
  const out: string[] = [`${config.group.name}: ${gathered.examples.length} signal${gathered.examples.length === 1 ? '' : 's'} to learn from`
    + `${gathered.waiting ? `, ${gathered.waiting} waiting for ${gathered.waiting === 1 ? 'its paper' : 'their papers'}` : ''}`
    + `${gathered.forgotten ? `, ${gathered.forgotten} forgotten by a reset` : ''}`
    + `${gathered.unknown ? `, ${gathered.unknown} of members and areas no longer in the config` : ''}`, ''];
  const line = (kind: 'area' | 'member', id: string, taught: readonly TaughtExample[]) => {
    const profile = learned.find((p) => p.kind === kind && p.id === id);
    const list = learnedWords(profile);
    const from = taughtPapers(taught, kind === 'member' ? id : undefined, groupTimeZone(config));
    const light = list ? lightly(profile) : '';
    return `${taughtBy(taught, profile)}${from ? `\n  from: ${from}` : ''}${list ? `\n  learned: ${list}` : ''}${light ? `\n  ${light}` : ''}`;
  };
  for (const area of config.areas) {
    out.push(`${area.name} (${area.id}): ${line('area', area.id, gathered.examples.filter((e) => e.area === area.id))}`);
  }
  for (const member of config.members) {
    out.push(`${member.name}: ${line('member', member.name, gathered.examples.filter((e) => e.member === member.name))}`);
  }
  const missing = missingNames(gathered);
  return `${out.join('\n')}\n${missing ? `\n${missing}` : ''}`;
}
