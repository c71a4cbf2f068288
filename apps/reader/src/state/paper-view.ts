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
  /** Where "Open paper" goes; null when no http(s) link is safe. */
  readonly link: string | null;
  /** Whether "Why this paper" has anything to say. */
  readonly hasWhy: boolean;
}

const views = new WeakMap<DigestEntry, PaperView>();

/** Drops a leading "Abstract:" label; the quick prefix test spares most summaries the Unicode RegExp. */
function withoutAbstractLabel(summary: string): string {
  if (!/^\s*abstract/i.test(summary)) return summary;
  return summary.replace(/^\s*abstract\s*[:.—–-]?\s+(?=\p{Lu})/iu, '');
}

/**
 * The card's fixed parts for an entry, cached by entry: the card reads one plain object instead of a
 * chain of derived values per card, and a card that filtering takes away and brings back costs nothing.
 */
export function paperView(entry: DigestEntry): PaperView {
  let view = views.get(entry);
  if (!view) {
    view = {
      titleId: `paper-${entry.number}-title`,
      forms: termForms(entry.matchedTerms),
      authors: formatAuthors(entry.authors),
      published: entry.published ? formatShortDay(entry.published) : '',
      summary: withoutAbstractLabel(entry.summary),
      link: paperLink(entry),
      hasWhy: entry.matchedTerms.length > 0 || entry.members.some((m) => m.reasons.length > 0),
    };
    views.set(entry, view);
  }
  return view;
}
