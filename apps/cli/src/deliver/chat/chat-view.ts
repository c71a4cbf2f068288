import type { Digest } from '@labdigest/core';
import { isHttpUrl, oneLine, rowDetail, splitPicks } from '../../export/entry-parts.ts';
import { readerLink } from '../member-email.ts';
import { dayLabel } from '../names.ts';

/**
 * What a chat message says, before any service's format: the digest's title and counts, then each
 * section's picks (title, link, source line and members) and how many more papers it has. Plain text
 * throughout; each service escapes it for its own markup.
 */
export interface ChatView {
  readonly date: string;
  /** `DENG.Group digest — 5 Dec 2026` */
  readonly title: string;
  /** `12 picks of 53 papers (1755 considered)` */
  readonly summary: string;
  /** The digest in the reader, when the config names one. */
  readonly readerLink: string | undefined;
  readonly sections: readonly ChatSection[];
}

export interface ChatSection {
  readonly name: string;
  readonly picks: readonly ChatPick[];
  /** Papers of the section not listed: the rest, and picks past the per-section cap. */
  readonly more: number;
  /** The section in the reader. */
  readonly moreLink: string | undefined;
}

export interface ChatPick {
  readonly title: string;
  /** http(s) only, else null. */
  readonly url: string | null;
  /** `Nature Communications (10.1038/…) · Naibing Wu` */
  readonly detail: string;
}

/** More picks than this in a section are counted in "and N more" (digests where every paper is a pick). */
export const MAX_CHAT_PICKS = 8;

/** The digest's picks for a chat; sections without papers are left out. */
export function chatView(digest: Digest, readerUrl?: string): ChatView {
  const sections = digest.sections.filter((s) => s.papers.length > 0).map((section): ChatSection => {
    const { picks } = splitPicks(section.papers);
    const listed = picks.slice(0, MAX_CHAT_PICKS);
    return {
      name: oneLine(section.name),
      picks: listed.map((p) => ({ title: quiet(oneLine(p.title)), url: isHttpUrl(p.url) ? p.url : null, detail: quiet(rowDetail(p)) })),
      more: section.papers.length - listed.length,
      moreLink: readerLink(readerUrl, { d: digest.date, area: section.id }),
    };
  });
  const picks = digest.sections.reduce((n, s) => n + s.papers.filter((p) => p.pick).length, 0);
  const papers = digest.sections.reduce((n, s) => n + s.papers.length, 0);
  return {
    date: digest.date,
    title: oneLine(`${digest.group.name} digest — ${dayLabel(digest.date)} ${digest.date.slice(0, 4)}`),
    summary: `${picks} pick${picks === 1 ? '' : 's'} of ${papers} paper${papers === 1 ? '' : 's'} (${digest.stats.considered} considered)`,
    readerLink: readerLink(readerUrl, { d: digest.date }),
    sections,
  };
}

/**
 * A paper's text with its @-mentions and template braces broken by an invisible word joiner: a title
 * or an author from a public feed that writes "@channel", "@here" or "@naibing.wu" would otherwise
 * notify the channel or the member in Mattermost (whose webhook text takes mentions as typed) and
 * Matrix, and "{{DATE(…)}}" is a function in a Teams card's text. Slack and Teams need markup for a
 * mention, which their formats escape; Discord's messages allow none.
 */
export function quiet(text: string): string {
  if (!text.includes('@') && !text.includes('{{')) return text;
  return text.replace(/@(?=[\p{L}\p{N}_])/gu, '@\u2060').replaceAll('{{', '{\u2060{');
}

/** `and 11 more in Polymer Electrolytes` (`no pick this time; 1 paper in …` under no pick), or '' when nothing more. */
export function moreText(section: ChatSection): string {
  if (section.more === 0) return '';
  return section.picks.length === 0 ? `no pick this time; ${section.more} paper${section.more === 1 ? '' : 's'} in ${section.name}` : `and ${section.more} more in ${section.name}`;
}

/** Text cut to `max` characters (code points), ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Items packed into as few groups as fit, in order: a group takes items while `fits(group)` holds;
 * an item that fits in no group alone gets a group of its own (the caller made each item fit).
 */
export function pack<T>(items: readonly T[], fits: (group: readonly T[]) => boolean): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length > 0 && !fits([...current, item])) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
