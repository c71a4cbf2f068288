import { basename } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import type { Io } from '../io.ts';
import { withLock } from '../store/lock.ts';
import { newStoreNote, withStore } from '../store/open-db.ts';
import { readPaperFile } from '../store/import-command.ts';
import { recordSignals } from './feedback-command.ts';
import { checkScope } from './scope.ts';

export interface LearnOptions {
  readonly config: string;
  readonly db: string;
  readonly bib: string;
  readonly member?: string | undefined;
  readonly area?: string | undefined;
  readonly wait?: number | undefined;
  readonly now?: Date | undefined;
}

/**
 * `digest learn --bib FILE`: the group's own papers (members' publications, a Zotero export) as
 * examples of what it wants, for one member, one area, or the group. Their text is kept with the
 * signal, not as papers of the store: they teach the ranking and never appear in a digest.
 */
export async function learnCommand(options: LearnOptions, io: Io): Promise<void> {
  const config = loadConfig(options.config);
  checkScope(config, options);
  const { papers } = await readPaperFile(options.bib, io);
  const withText = papers.filter((p) => p.title.trim() !== '');
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const onCreate = newStoreNote(options.db, io);
  await withLock(options.db, () => withStore(options.db, { onCreate }, (db) => {
    recordSignals(db, withText.map((p) => ({
      paper: p.id, signal: 'star' as const, member: options.member, area: options.area, at, title: p.title, abstract: p.abstract,
    })), `bib:${basename(options.bib)}`, now);
  }), { command: 'digest learn', waitMs: (options.wait ?? 0) * 1000, note: io.err });
  const abstracts = withText.filter((p) => p.abstract).length;
  const whose = options.member ?? (options.area ? `the ${options.area} area` : 'the group');
  io.out(`learned from ${withText.length} paper${withText.length === 1 ? '' : 's'} of ${options.bib} as ${whose}'s own work`
    + ` (${withAbstracts(withText.length, abstracts)}).`
    + ' `digest feedback show` lists what each profile learned; `digest feedback reset` forgets it.\n');
}

/** How many of the papers have an abstract; the others teach by their titles alone. */
function withAbstracts(papers: number, abstracts: number): string {
  const others = papers - abstracts;
  if (others === 0) return `${abstracts} with an abstract`;
  if (abstracts === 0) return papers === 1 ? 'no abstract: it teaches by its title alone' : 'none with an abstract: they teach by their titles alone';
  return `${abstracts} with an abstract; ${others === 1 ? 'the other teaches by its title alone' : `the other ${others} teach by their titles alone`}`;
}
