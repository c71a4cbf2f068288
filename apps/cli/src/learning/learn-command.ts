import { basename } from 'node:path';
import type { GroupConfig, Paper } from '@labdigest/core';
import { createRanker, shortTitle } from '@labdigest/ranker';
import { loadConfig } from '../config/load-config.ts';
import { loadCorpusBackground } from '../digest/background.ts';
import { InputError } from '../errors.ts';
import type { Io } from '../io.ts';
import { withLock } from '../store/lock.ts';
import { newStoreNote, withStore } from '../store/open-db.ts';
import { readPaperFile } from '../store/import-command.ts';
import { recordSignals } from './feedback-command.ts';
import { checkScope } from './scope.ts';
import { isOffline, lookUpAbstracts, lookupSummary, type LookupDeps } from './abstract-lookup.ts';
import { storedPaperFinder } from '../store/queries.ts';
import { existsSync } from 'node:fs';

export interface LearnOptions {
  readonly config: string;
  readonly db: string;
  readonly bib: string;
  readonly member?: string | undefined;
  readonly area?: string | undefined;
  readonly wait?: number | undefined;
  readonly now?: Date | undefined;
  /** Never look up missing abstracts online (`--offline`; LABDIGEST_OFFLINE=1 too). */
  readonly offline?: boolean | undefined;
}

/**
 * `digest learn --bib FILE`: the group's own papers (members' publications, a Zotero export) as
 * examples of what it wants, for one member, one area, or the group (each paper its best area by the
 * keywords). Their text is kept with the signal, not as papers of the store: they teach the ranking
 * and never appear in a digest.
 */
export async function learnCommand(options: LearnOptions, io: Io, deps: LookupDeps = {}): Promise<void> {
  const config = loadConfig(options.config);
  // A former name is taken as the one the config gives now.
  const scope = checkScope(config, options);
  options = { ...options, member: scope.member, area: scope.area };
  const { papers: read } = await readPaperFile(options.bib, io);
  // A paper without an abstract (a Google Scholar or ORCID export) teaches far more with it: looked up
  // in the store (read only; a store that is not there yet has none), then on OpenAlex and arXiv.
  const lookup = await withStoreIfThere(options.db, (stored) => lookUpAbstracts(read.filter((p) => p.title.trim() !== ''), {
    stored, online: !isOffline(options.offline), email: config.group.email, openAlexKey: process.env['OPENALEX_API_KEY'] || undefined, note: io.err,
  }, deps));
  const withText = lookup.papers;
  // Without --member or --area each paper teaches the area its keywords place it in; a paper of none
  // teaches nothing, so it is not stored and the message names it.
  const scoped = options.member !== undefined || options.area !== undefined;
  const areaOf = scoped ? undefined : areasByKeywords(config, withText);
  const taught = areaOf ? withText.filter((p) => areaOf.has(p.id)) : withText;
  if (areaOf && taught.length === 0 && withText.length > 0) {
    throw new InputError(options.bib, withText.length === 1
      ? 'its one paper matches no area\'s keywords: give --area ID or --member NAME to say whose work it is'
      : `none of its ${withText.length} papers matches an area's keywords: give --area ID or --member NAME to say whose work they are`);
  }
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const onCreate = newStoreNote(options.db, io);
  await withLock(options.db, () => withStore(options.db, { onCreate }, (db) => {
    recordSignals(db, taught.map((p) => ({
      paper: p.id, signal: 'star' as const, member: options.member, area: options.area ?? areaOf?.get(p.id), at, title: p.title, abstract: p.abstract,
    })), `bib:${basename(options.bib)}`, now);
  }), { command: 'digest learn', waitMs: (options.wait ?? 0) * 1000, note: io.err });
  const abstracts = taught.filter((p) => p.abstract).length;
  const whose = options.member ?? (options.area ? `the ${options.area} area` : 'the group');
  const placed = areaOf ? ` Each teaches the area its keywords place it in (${byArea(config, areaOf)}; \`--area\` or \`--member\` to choose).` : '';
  const unplaced = withText.filter((p) => areaOf && !areaOf.has(p.id));
  const left = unplaced.length === 0 ? ''
    : ` ${unplaced.length} match${unplaced.length === 1 ? 'es' : ''} no area's keywords and ${unplaced.length === 1 ? 'teaches' : 'teach'} nothing: `
      + `${unplaced.slice(0, 3).map((p) => `'${shortTitle(p.title)}'`).join(', ')}${unplaced.length > 3 ? ` and ${unplaced.length - 3} more` : ''}; give them --area.`;
  io.out(`learned from ${taught.length} paper${taught.length === 1 ? '' : 's'} of ${options.bib} as ${whose}'s own work`
    + ` (${withAbstracts(taught.length, abstracts)}).${placed}${left}${lookup.lacking > 0 ? ` ${lookupSummary(lookup)}` : ''}`
    + ' `digest feedback show` lists what each profile learned; `digest feedback reset` forgets it.\n');
}

/** `work` with the store's paper finder when the store exists, else without one (never creating it). */
async function withStoreIfThere<T>(db: string, work: (stored: ((id: string) => Paper | undefined) | undefined) => Promise<T>): Promise<T> {
  if (!existsSync(db)) return work(undefined);
  return withStore(db, { create: false }, (store) => work(storedPaperFinder(store)));
}

/** Each paper's best area by the written keywords (its highest score above 0), as the ranking would place it. */
function areasByKeywords(config: GroupConfig, papers: readonly Paper[]): Map<string, string> {
  const ranked = createRanker(config, { background: loadCorpusBackground() }).rank(papers, { summaries: false }).papers;
  const areaOf = new Map<string, string>();
  for (const r of ranked) {
    let best: string | undefined;
    let score = 0;
    for (const area of config.areas) {
      const s = r.scores[area.id] ?? 0;
      if (s > score) { best = area.id; score = s; }
    }
    if (best !== undefined) areaOf.set(r.id, best);
  }
  return areaOf;
}

/** "polymer-electrolytes 7, phase-field-sei 2", in the config's order. */
function byArea(config: GroupConfig, areaOf: ReadonlyMap<string, string>): string {
  const counts = new Map<string, number>();
  for (const area of areaOf.values()) counts.set(area, (counts.get(area) ?? 0) + 1);
  return config.areas.filter((a) => counts.has(a.id)).map((a) => `${a.id} ${counts.get(a.id)}`).join(', ');
}

/** How many of the papers have an abstract; the others teach by their titles alone. */
function withAbstracts(papers: number, abstracts: number): string {
  const others = papers - abstracts;
  if (others === 0) return `${abstracts} with an abstract`;
  if (abstracts === 0) return papers === 1 ? 'no abstract: it teaches by its title alone' : 'none with an abstract: they teach by their titles alone';
  return `${abstracts} with an abstract; ${others === 1 ? 'the other teaches by its title alone' : `the other ${others} teach by their titles alone`}`;
}
