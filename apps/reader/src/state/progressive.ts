// A digest's cards go into the page in passes: the first screen, painted at once, then the rest in
// chunks on later frames. Rendering all fifty before the first paint cost ~450 ms on a throttled phone.
import type { DigestEntry } from '@labdigest/core';
import type { FilteredSection } from './filter.ts';

/** Cards rendered in each later pass: small enough that a pass fits between two frames on a phone. */
export const CHUNK = 10;

/**
 * Less than any card is tall (one-line title, no summary, widest column). The sample digests' cards
 * measure 370-1130 px, and the first starts 375 px (laptop) to 720 px (phone) down the page.
 */
const SHORTEST_CARD_PX = 250;

/**
 * How many cards fill the first screen: at least 6 (one or two show on a phone, three on a laptop),
 * more on a tall window, so the cards added later always land below the fold.
 */
export function firstScreenCount(windowHeight: number): number {
  return Math.max(6, Math.ceil(windowHeight / SHORTEST_CARD_PX));
}

export interface RenderedSection extends FilteredSection {
  /** Whether its "more in this section" is open: its rows count as papers to render. */
  readonly open: boolean;
  /** The first picks, and then the first rows of an open fold, those within the limit. */
  readonly renderedPicks: readonly DigestEntry[];
  readonly renderedMore: readonly DigestEntry[];
}

/** Which sections have their "more in this section" open. */
export type IsOpen = (sectionId: string) => boolean;

/** How many papers the page renders for these sections: every pick, and the rows of the open folds. */
export function renderableCount(sections: readonly FilteredSection[], isOpen: IsOpen): number {
  let n = 0;
  for (const s of sections) n += s.picks.length + (isOpen(s.section.id) ? s.more.length : 0);
  return n;
}

/**
 * The sections and papers to render when only the first `limit` papers (in digest order: a section's
 * picks, then the rows of its fold if open) go into the page. A section appears once the fill reaches
 * it, so a heading never sits above an empty gap that cards later push down. `skipEmpty` leaves out
 * sections with no papers (as a filtered view does).
 */
export function renderedSections(sections: readonly FilteredSection[], limit: number, skipEmpty: boolean, isOpen: IsOpen): RenderedSection[] {
  const out: RenderedSection[] = [];
  let left = limit;
  for (const s of sections) {
    if (s.picks.length + s.more.length === 0 && skipEmpty) continue;
    const open = isOpen(s.section.id);
    const more = open ? s.more : [];
    if (left <= 0 && s.picks.length + more.length > 0) break;
    const renderedPicks = s.picks.slice(0, Math.max(left, 0));
    left -= renderedPicks.length;
    const renderedMore = more.slice(0, Math.max(left, 0));
    left -= renderedMore.length;
    out.push({ ...s, open, renderedPicks, renderedMore });
    if (renderedPicks.length < s.picks.length || renderedMore.length < more.length) break;
  }
  return out;
}

/**
 * How many papers must be rendered for the element with this id (`paper-<number>` on a card or row,
 * `area-<section id>` on a section heading) to be in the page, counting a folded paper's fold as open;
 * null when the id is neither.
 */
export function papersUpTo(sections: readonly FilteredSection[], id: string, isOpen: IsOpen): number | null {
  let before = 0;
  for (const s of sections) {
    if (id === `area-${s.section.id}`) return before + 1;
    const pick = s.picks.findIndex((p) => id === `paper-${p.number}`);
    if (pick >= 0) return before + pick + 1;
    const more = s.more.findIndex((p) => id === `paper-${p.number}`);
    if (more >= 0) return before + s.picks.length + more + 1;
    before += s.picks.length + (isOpen(s.section.id) ? s.more.length : 0);
  }
  return null;
}

/** The folded paper with this element id (`paper-<number>`) and its section's id, or null. */
export function foldedPaper(sections: readonly FilteredSection[], id: string): { readonly sectionId: string; readonly entry: DigestEntry } | null {
  for (const s of sections) {
    const entry = s.more.find((p) => id === `paper-${p.number}`);
    if (entry) return { sectionId: s.section.id, entry };
  }
  return null;
}

/**
 * Runs `task` after the next paint (a frame, then a task), so each pass reaches the screen before the
 * next one starts and input is handled in between. A hidden page gets no frames: a task alone then.
 * Returns a function that cancels it.
 */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  if (document.hidden || typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(task, 0);
  } else {
    frame = requestAnimationFrame(() => {
      frame = undefined;
      timer = setTimeout(task, 0);
    });
  }
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
