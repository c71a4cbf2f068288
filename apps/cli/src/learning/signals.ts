import { paperArxivId, type GroupConfig, type Paper, type SignalKind } from '@labdigest/core';
import type { FeedbackExample } from '@labdigest/ranker';
import { arxivIdOf, doiOf } from '@labdigest/sources';
import type { Db } from '../store/open-db.ts';
import { configNames } from '../config/config-names.ts';
import { storedPaperFinder } from '../store/queries.ts';

/**
 * What the group has taught the ranking, read from the store (docs/learning.md): the reading room's
 * state (stars, nominations, dismissals, reads per member) and the `feedback` table (imported signals,
 * the group's own papers), less what `digest feedback reset` forgot. Nothing here is kept between
 * runs: the learned weights are computed from these signals each time.
 */

/** One signal as stored, before its paper is found. */
export interface StoredSignal {
  readonly paperId: string;
  readonly signal: SignalKind;
  /** A member of the config, or undefined for the group. */
  readonly member: string | undefined;
  readonly area: string | undefined;
  readonly at: string;
  /** 'room' for the reading room's state, else the feedback row's origin ('import:<file>', 'bib:<file>'). */
  readonly origin: string;
  /** The text it came with (learn --bib), when its paper need not be in the store. */
  readonly title: string | null;
  readonly abstract: string | null;
}

/** A signal with its paper: what the ranker learns from. */
export type TaughtExample = FeedbackExample;

export interface GatheredSignals {
  readonly examples: TaughtExample[];
  /** Signals whose paper is neither in the store nor in the batch yet: they count once it arrives. */
  readonly waiting: number;
  /** Signals whose member and area the config both no longer has (nor as `formerly`): they teach nothing. */
  readonly unknown: number;
  /**
   * The member names and area ids the stored signals give that the config no longer has, with how many
   * signals give each: a signal with one of them still teaches its other, known side.
   */
  readonly missing: { readonly members: ReadonlyMap<string, number>; readonly areas: ReadonlyMap<string, number> };
  /** Signals a `digest feedback reset` forgot. */
  readonly forgotten: number;
  /** Signals given after `asOf` (explain of an archived digest): left out, as its build had not seen them. */
  readonly later?: number;
}

/** The reading room's per-member fields, as signals: a flag set, or a nomination not withdrawn. */
const ROOM_SIGNALS = `
  SELECT paper_id AS paperId, member, at,
         CASE field WHEN 'starred' THEN 'star' WHEN 'dismissed' THEN 'dismiss' WHEN 'read' THEN 'read' ELSE 'nominate' END AS signal
  FROM paper_state
  WHERE (field IN ('starred', 'dismissed', 'read') AND value = 'true') OR (field = 'nominated' AND value <> 'null')`;

/** Every stored signal, the reading room's and the feedback table's. */
export function storedSignals(db: Db): StoredSignal[] {
  const room = db.prepare(ROOM_SIGNALS).all() as { paperId: string; member: string; at: string; signal: SignalKind }[];
  const table = db.prepare('SELECT paper_id AS paperId, signal, member, area, at, origin, title, abstract FROM feedback').all() as
    { paperId: string; signal: SignalKind; member: string; area: string; at: string; origin: string; title: string | null; abstract: string | null }[];
  return [
    ...room.map((r) => ({ ...r, area: undefined, origin: 'room', title: null, abstract: null })),
    ...table.map((r) => ({ ...r, member: r.member || undefined, area: r.area || undefined })),
  ];
}

/** The latest reset's time for each scope ('all', 'member:<name>', 'area:<id>'). */
export function resetTimes(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT scope, max(at) AS at FROM learning_resets GROUP BY scope').all() as { scope: string; at: string }[];
  return new Map(rows.map((r) => [r.scope, r.at]));
}

/** Whether a reset after the signal forgot it: one of everything, of its member, or of its area. */
export function isForgotten(signal: Pick<StoredSignal, 'member' | 'area' | 'at'>, resets: ReadonlyMap<string, string>): boolean {
  const after = (scope: string) => { const at = resets.get(scope); return at !== undefined && Date.parse(signal.at) <= Date.parse(at); };
  return after('all') || (signal.member !== undefined && after(`member:${signal.member}`)) || (signal.area !== undefined && after(`area:${signal.area}`));
}

/**
 * The examples to learn from: each stored signal, not forgotten, with its paper from the signal's own
 * text, the batch being ranked, or the store (by id, DOI or arXiv id). A signal teaches its member and
 * its area as the config names them now (`formerly` maps the old names); one whose member or area the
 * config no longer has teaches the other, and one with neither teaches nothing (`unknown`).
 * `sectionOf` names the area of a reading-room signal: the section its paper was in. With `asOf`, only
 * the signals given by then count, and only the resets made by then.
 */
export function gatherSignals(
  db: Db, config: GroupConfig,
  options: { batch?: readonly Paper[]; sectionOf?: (paperId: string) => string | undefined; asOf?: string | undefined } = {},
): GatheredSignals {
  const names = configNames(config);
  const missingMembers = new Map<string, number>();
  const missingAreas = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  // As of a time (an archived digest's build): the signals and resets there were then.
  const asOf = options.asOf === undefined ? undefined : Date.parse(options.asOf);
  const after = (at: string) => asOf !== undefined && Date.parse(at) > asOf;
  const resets = new Map([...resetTimes(db)].filter(([, at]) => !after(at)));
  let later = 0;
  const inBatch = batchFinder(options.batch ?? []);
  const inStore = storedPaperFinder(db);
  const find = (id: string) => inBatch(id) ?? inStore(id);
  const examples: TaughtExample[] = [];
  let waiting = 0;
  let unknown = 0;
  let forgotten = 0;
  for (const stored of storedSignals(db)) {
    if (after(stored.at)) { later++; continue; }
    const givenArea = stored.area ?? options.sectionOf?.(stored.paperId);
    const member = stored.member === undefined ? undefined : names.member(stored.member);
    const area = givenArea === undefined ? undefined : names.area(givenArea);
    if (stored.member !== undefined && member === undefined) count(missingMembers, stored.member);
    if (givenArea !== undefined && area === undefined) count(missingAreas, givenArea);
    if (member === undefined && area === undefined && (stored.member !== undefined || givenArea !== undefined)) { unknown++; continue; }
    // A reset under the old name or the new one forgets. An area's reset forgets what the signal taught
    // the area; its member, when it has one, keeps it.
    const forgot = (scope: { member?: string | undefined; area?: string | undefined }) => isForgotten({ at: stored.at, member: scope.member, area: scope.area }, resets);
    const areaForgotten = (givenArea !== undefined && forgot({ area: givenArea })) || (area !== undefined && forgot({ area }));
    const memberForgotten = forgot({}) || (stored.member !== undefined && forgot({ member: stored.member })) || (member !== undefined && forgot({ member }));
    if (memberForgotten || (areaForgotten && member === undefined)) { forgotten++; continue; }
    // A paper given with its text (learn --bib) that the batch or the store holds is that paper, under
    // its id there: a digest's own BibTeX learned back was "Like DENG.Group's own '<its own title>'".
    const known = find(stored.paperId);
    const paper = stored.title !== null ? { ...textPaper(stored), ...(known && { id: known.id }) } : known;
    if (!paper) { waiting++; continue; }
    // The group's own papers (learn --bib) were not starred on a day: the stored time is when they were
    // given, for resets; a note says "Like Naibing Wu's own '…'", not "starred on 6 Dec".
    const at = stored.origin.startsWith('bib:') ? undefined : stored.at;
    examples.push({ paper, signal: stored.signal, member, area: areaForgotten ? undefined : area, at });
  }
  // The same order whatever order SQLite returned the rows in: learning must not depend on it.
  examples.sort((a, b) => compare(a.paper.id, b.paper.id) || compare(a.signal, b.signal)
    || compare(a.member ?? '', b.member ?? '') || compare(a.area ?? '', b.area ?? ''));
  return { examples, waiting, unknown, forgotten, missing: { members: missingMembers, areas: missingAreas }, ...(asOf !== undefined && { later }) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A paper given with its signal (learn --bib): its own text, no store row. */
/**
 * The batch's paper with this id, DOI or arXiv id (a signal may name a paper by any of them), as
 * sources' `findPaper` matches them (a paper's DOI or arXiv id from its fields, id or URL), by maps:
 * a build looks up every signal of the group in a batch of thousands.
 */
function batchFinder(batch: readonly Paper[]): (id: string) => Paper | undefined {
  const byId = new Map(batch.map((p) => [p.id, p]));
  const byDoi = new Map(batch.flatMap((p) => { const doi = doiOf(p.doi ?? '') ?? doiOf(p.id); return doi ? [[doi, p] as const] : []; }));
  const byArxiv = new Map(batch.flatMap((p) => { const arxiv = paperArxivId(p)?.toLowerCase(); return arxiv ? [[arxiv, p] as const] : []; }));
  return (id) => {
    const doi = doiOf(id);
    const arxiv = arxivIdOf(id);
    return byId.get(id) ?? (doi ? byDoi.get(doi) : undefined) ?? (arxiv ? byArxiv.get(arxiv) : undefined);
  };
}

function textPaper(s: StoredSignal): Paper {
  return {
    id: s.paperId, title: s.title ?? '', abstract: s.abstract, authors: [], published: null, doi: doiOf(s.paperId) ?? null,
    arxivId: arxivIdOf(s.paperId) ?? null, url: null, venue: null, categories: [], source: s.origin, tags: [],
  };
}
