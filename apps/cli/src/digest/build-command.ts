import { join, resolve } from 'node:path';
import { groupTimeZone, type DigestIndex } from '@labdigest/core';
import { InputError } from '../errors.ts';
import type { Io } from '../io.ts';
import { loadConfig } from '../config/load-config.ts';
import { withStore, type Db } from '../store/open-db.ts';
import { deliveriesOf, type DeliveryRow } from '../deliver/deliveries.ts';
import { readIndex, readWindow, writeDigest } from './archive.ts';
import { buildDigest } from './build-digest.ts';
import { withLock } from '../store/lock.ts';
import { digestDay, digestWindow, type DigestWindow } from './window.ts';
import { loadCorpusBackground } from './background.ts';
import { examplesFrom, learningLine } from '../learning/store-learning.ts';

export interface BuildOptions {
  readonly config: string;
  readonly db: string;
  readonly digests: string;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly sample?: boolean | undefined;
  readonly now?: Date | undefined;
  /** Seconds to wait for another run that holds the store. */
  readonly wait?: number | undefined;
  /** False (`--no-learning`): rank by the keywords alone, whatever the group taught. */
  readonly learning?: boolean | undefined;
  /** Write an empty digest over a day's digest that holds papers (`--force`). */
  readonly force?: boolean | undefined;
}

/**
 * `digest build`: rank the papers first seen in a window and write that day's digest into the archive;
 * a window no paper was first seen in writes none (`file` undefined), unless `force`.
 */
export async function buildCommand(options: BuildOptions, io: Io): Promise<{ file: string | undefined; papers: number }> {
  const config = loadConfig(options.config);
  const now = options.now ?? new Date();
  return withLock(options.db, () => withStore(options.db, {}, (db) => {
    const index = readIndex(options.digests, config.group.name);
    // Today's digest that went out (e-mail, chat) is not widened with papers no one would be sent:
    // they wait for the next digest, whose window starts where this one stopped.
    const zone = groupTimeZone(config);
    const sent = options.since ? [] : sentToday(db, index, options, now, zone);
    if (sent.length > 0 && !options.force) {
      const last = index.digests[0] as DigestIndex['digests'][number];
      io.err(`digest ${last.date}: already sent (${sentSummary(sent)}), so it is kept as sent; papers first seen since it was built `
        + 'go into the next digest, and every member gets them. `digest build --force` rebuilds it anyway, and e-mail and chat '
        + 'do not carry what that adds.\n');
      return { file: undefined, papers: 0 };
    }
    if (sent.length > 0) io.err(`note: the ${sent[0]?.digestDate} digest was already sent (${sentSummary(sent)}): e-mail and chat do not carry what this rebuild adds\n`);
    const window = defaultWindow(options, index, now, zone);
    let line = '';
    const { digest, report, considered } = buildDigest({
      db, config, window, now, sample: options.sample ?? false, background: loadCorpusBackground,
      feedback: (batch) => {
        const gathered = examplesFrom(db, config, { db: options.db, digests: options.digests, learning: options.learning }, batch);
        line = learningLine(gathered);
        return gathered?.examples;
      },
    });
    // A window with no papers (a mistyped date, a time copied to the minute) must not blank the day's
    // digest the group reads: it is kept unless asked.
    const kept = index.digests.find((d) => d.date === digest.date);
    if (digest.stats.included === 0 && kept && kept.papers > 0 && !options.force) {
      throw new InputError(join(resolve(options.digests), kept.file), `holds ${kept.papers} paper${kept.papers === 1 ? '' : 's'}, and no paper `
        + `first seen ${window.since} – ${window.until} (${considered} considered) would go into its place: the digest is kept. `
        + '`digest build --force` writes the empty digest over it.');
    }
    // No paper arrived since the last digest (a weekend, a second run after midnight): a day's digest
    // with nothing in it would become the reader's latest and bury the last one with papers.
    const latest = index.digests[0];
    if (considered === 0 && !options.force) {
      // Papers imported today of a past week: a window goes by when papers arrived, which surprises.
      const published = options.since || options.until ? publishedIn(db, window) : 0;
      const why = published > 0
        ? ` The store holds ${published} paper${published === 1 ? '' : 's'} published in that window: a digest takes the papers that arrived in it `
          + '(were fetched or imported), whenever they were published, so papers imported today go into the digest of today (`digest build` alone).'
        : '';
      io.err(`digest ${digest.date}: no paper first seen ${window.since.slice(0, 19)}Z – ${window.until.slice(0, 19)}Z, so no digest for `
        + `${digest.date}${latest ? `; the latest stays ${latest.date} (${join(resolve(options.digests), latest.file)})` : ''}. `
        + `The next build starts where the last digest stopped; \`digest build --force\` writes the empty digest.${why}\n`);
      return { file: undefined, papers: 0 };
    }
    // What the ranking learned from, said only of a digest that was ranked and written.
    if (line) io.err(line);
    const { file } = writeDigest(options.digests, digest);
    const counts = digest.sections.map((s) => `${s.name} ${s.papers.length}`).join(', ');
    io.err(`digest ${digest.date}: ${considered} papers first seen ${window.since.slice(0, 19)}Z – ${window.until.slice(0, 19)}Z, `
      + `${digest.stats.included} in the digest (${counts}); IDF over ${report.documents} papers\n`);
    io.out(`${resolve(file)}\n`);
    return { file, papers: digest.stats.included };
  }), { command: 'digest build', waitMs: (options.wait ?? 0) * 1000, note: io.err });
}

/** How many stored papers were published in a window (by their publication date, not when they arrived). */
function publishedIn(db: Db, window: DigestWindow): number {
  return db.prepare('SELECT count(*) FROM papers WHERE published >= ? AND published < ?').pluck().get(window.since.slice(0, 10), window.until.slice(0, 10)) as number;
}

/** The deliveries sent of today's digest, when the newest digest is today's (the day `defaultWindow` would rebuild). */
function sentToday(db: Db, index: DigestIndex, options: Pick<BuildOptions, 'until'>, now: Date, zone: string): DeliveryRow[] {
  const last = index.digests[0];
  if (!last || last.date !== digestDay(options.until, now, zone)) return [];
  return deliveriesOf(db, last.date).filter((d) => d.status === 'sent');
}

/** `3 e-mails and slack at 05:33 UTC`: what went out, and when the first did. */
function sentSummary(rows: readonly DeliveryRow[]): string {
  const emails = rows.filter((r) => r.channel === 'email').length;
  const chats = [...new Set(rows.filter((r) => r.channel !== 'email').map((r) => r.recipient))];
  const what = [...(emails ? [`${emails} e-mail${emails === 1 ? '' : 's'}`] : []), ...chats];
  const first = rows.map((r) => r.updated).sort()[0] ?? '';
  return `${what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1)}` : what[0]} from ${first.slice(11, 16)} UTC`;
}

/**
 * The window to build: the options' dates; else from where the newest digest stopped; but when the
 * newest digest is today's, today's digest is rebuilt from its own start (running twice a day
 * adds the new papers to today's digest instead of replacing it with only them).
 */
export function defaultWindow(options: Pick<BuildOptions, 'since' | 'until' | 'digests'>, index: DigestIndex, now: Date, zone = 'UTC'): DigestWindow {
  const last = index.digests[0];
  const lastWindow = last && !options.since ? readWindow(options.digests, last.file) : null;
  const today = digestDay(options.until, now, zone);
  const rebuild = lastWindow !== null && last?.date === today;
  const lastUntil = rebuild ? lastWindow.since : lastWindow?.until;
  const lastUntilIs = rebuild ? `the start of the ${today} digest this build replaces` : undefined;
  return digestWindow({ since: options.since, until: options.until, now, index, lastUntil, lastUntilIs, zone });
}
