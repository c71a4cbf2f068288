// The group-meeting list: the papers members nominated in an ISO week, with their reasons and who
// has them starred, and what the store or the archive knows of each paper.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isoWeekRange, paperSourceLine, type MeetingPaper, type MeetingResponse, type Nomination } from '@labdigest/core';
import type { Db } from '../store/open-db.ts';
import { storedPaperFinder } from '../store/queries.ts';

/** What the list shows of a paper. */
export interface PaperInfo {
  readonly title: string;
  readonly url: string | null;
  readonly sourceLine: string;
}

/** Finds a paper by its digest id: `(id) => info`, or undefined when it knows none. */
export type PaperLookup = (id: string) => PaperInfo | undefined;

/**
 * The week's list: papers with at least one nomination whose time falls in the week (weeks in UTC),
 * most nominations first, then the earliest nominated. A withdrawn nomination (null) is not on it.
 */
export function meetingList(db: Db, week: string, lookup: PaperLookup): MeetingResponse {
  const range = isoWeekRange(week);
  if (range === null) throw new Error(`not an ISO week: ${week}`);
  const rows = db.prepare(`SELECT member, paper_id AS paper, value, at FROM paper_state
    WHERE field = 'nominated' AND at >= ? AND at < ? AND value <> 'null' ORDER BY at, member`)
    .all(range.start.toISOString(), range.end.toISOString()) as { member: string; paper: string; value: string; at: string }[];
  // First star first, as the cards show who starred it (room/group.ts in the reader).
  const starred = db.prepare("SELECT member FROM paper_state WHERE paper_id = ? AND field = 'starred' AND value = 'true' ORDER BY at, member").pluck();
  const papers = new Map<string, MeetingPaper>();
  const find = storedPaperFinder(db);
  const storedPaper = (id: string): PaperInfo | undefined => {
    const paper = find(id);
    return paper && { title: paper.title, url: paper.url, sourceLine: paperSourceLine(paper) };
  };
  for (const row of rows) {
    let paper = papers.get(row.paper);
    if (!paper) {
      const info = storedPaper(row.paper) ?? lookup(row.paper);
      paper = {
        paper: row.paper, title: info?.title ?? null, url: info?.url ?? null, sourceLine: info?.sourceLine ?? null,
        nominations: [], starredBy: starred.all(row.paper) as string[],
      };
      papers.set(row.paper, paper);
    }
    const nomination = JSON.parse(row.value) as NonNullable<Nomination>;
    paper.nominations.push({ member: row.member, reason: nomination.reason, at: row.at });
  }
  // Map order is first nomination order; a stable sort keeps it among papers with as many nominations.
  return { week, papers: [...papers.values()].sort((a, b) => b.nominations.length - a.nominations.length) };
}

/**
 * Looks papers up in the archive's digests, newest first (a digest shows a paper as the group saw
 * it). Each digest file is read once and again only when it changes.
 */
export function archiveLookup(dir: string | undefined): PaperLookup {
  const files = new Map<string, { mtime: number; papers: Map<string, PaperInfo> }>();
  const papersOf = (file: string): Map<string, PaperInfo> => {
    const mtime = statSync(file).mtimeMs;
    const cached = files.get(file);
    if (cached?.mtime === mtime) return cached.papers;
    const papers = new Map<string, PaperInfo>();
    const digest = JSON.parse(readFileSync(file, 'utf8')) as { sections?: { papers?: { id?: unknown; title?: unknown; url?: unknown; sourceLine?: unknown }[] }[] };
    for (const entry of (digest.sections ?? []).flatMap((s) => s.papers ?? [])) {
      if (typeof entry.id !== 'string' || typeof entry.title !== 'string' || papers.has(entry.id)) continue;
      papers.set(entry.id, {
        title: entry.title, url: typeof entry.url === 'string' ? entry.url : null,
        sourceLine: typeof entry.sourceLine === 'string' ? entry.sourceLine : entry.id,
      });
    }
    files.set(file, { mtime, papers });
    return papers;
  };
  return (id) => {
    if (dir === undefined) return undefined;
    let index: { digests?: { file?: unknown }[] };
    try {
      index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as typeof index;
    } catch {
      return undefined; // no archive yet, or one being rewritten: the store still answers
    }
    for (const { file } of index.digests ?? []) {
      if (typeof file !== 'string' || file.includes('/') || file.includes('\\')) continue;
      try {
        const hit = papersOf(join(dir, file)).get(id);
        if (hit) return hit;
      } catch {
        continue; // a digest that cannot be read is skipped, not fatal to the list
      }
    }
    return undefined;
  };
}
