import type { DigestEntry } from '@labdigest/core';
import { formatAuthors } from './authors.ts';
import { formatShortDay } from './dates.ts';
import { termForms } from './highlight.ts';
import { paperLink } from './safe-url.ts';

/** What a paper card shows that follows from the entry alone, worked out once per entry. */
export interface PaperView {
  readonly titleId: string;
  /** Matched-term forms to mark, longest first. */
  readonly forms: readonly string[];
  readonly authors: string;
  /** "8 Jun 2026", or '' without a date. */
  readonly published: string;
  /** The summary without a leading "Abstract": some publishers' abstracts start with it (OpenAlex passes it on). */
  readonly summary: string;
  /**
   * The abstract to offer under "Abstract", without a leading "Abstract" label; null without one, or
   * when it says no more than the summary (a short abstract is its own summary).
   */
  readonly abstract: string | null;
  /** The members it concerns, for a folded row: "Yanhao Deng · Naibing Wu". */
  readonly members: string;
  /** Where "Open paper" goes; null when no http(s) link is safe. */
  readonly link: string | null;
}

const views = new WeakMap<DigestEntry, PaperView>();

const ABSTRACT_LABEL = /^\s*abstract\s*[:.—–-]?\s+/i;

/**
 * Drops a leading "Abstract:" label when a letter follows ("Abstracts of talks…" stays). The letter is
 * checked by case mapping, as the Unicode-property RegExp it replaces (`(?=\p{Lu})` under the `i`
 * flag) matched; compiling that RegExp cost a few milliseconds of a phone's first render.
 */
export function withoutAbstractLabel(summary: string): string {
  const label = ABSTRACT_LABEL.exec(summary);
  const next = label ? summary[label[0].length] : undefined;
  return next !== undefined && next.toLowerCase() !== next.toUpperCase() ? summary.slice((label as RegExpExecArray)[0].length) : summary;
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The card's fixed parts for an entry, cached by entry: the card reads one plain object instead of a
 * chain of derived values per card, and a card that filtering takes away and brings back costs nothing.
 */
export function paperView(entry: DigestEntry): PaperView {
  let view = views.get(entry);
  if (!view) {
    const summary = withoutAbstractLabel(entry.summary);
    const abstract = entry.abstract?.trim() ? withoutAbstractLabel(entry.abstract.trim()) : null;
    view = {
      titleId: `paper-${entry.number}-title`,
      forms: termForms(entry.matchedTerms),
      authors: formatAuthors(entry.authors),
      published: entry.published ? formatShortDay(entry.published) : '',
      summary,
      abstract: abstract !== null && squeeze(abstract) !== squeeze(summary) ? abstract : null,
      members: entry.members.map((m) => m.name).join(' · '),
      link: paperLink(entry),
    };
    views.set(entry, view);
  }
  return view;
}
