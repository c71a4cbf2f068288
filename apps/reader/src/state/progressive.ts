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
  /** The first papers of the section, those within the limit. */
  readonly rendered: readonly DigestEntry[];
}

/**
 * The sections and papers to render when only the first `limit` papers (in digest order) go into the
 * page. A section appears once the fill reaches it, so a heading never sits above an empty gap that
 * cards later push down. `skipEmpty` leaves out sections with no papers (as a filtered view does).
 */
export function renderedSections(sections: readonly FilteredSection[], limit: number, skipEmpty: boolean): RenderedSection[] {
  const out: RenderedSection[] = [];
  let left = limit;
  for (const s of sections) {
    if (s.papers.length === 0 && skipEmpty) continue;
    if (left <= 0 && s.papers.length > 0) break;
    const n = Math.min(left, s.papers.length);
    if (n < s.papers.length) {
      out.push({ ...s, rendered: s.papers.slice(0, n) });
      break;
    }
    out.push({ ...s, rendered: s.papers });
    left -= n;
  }
  return out;
}

/**
 * How many papers must be rendered for the element with this id (`paper-<number>` on a card,
 * `area-<section id>` on a section heading) to be in the page; null when the id is neither.
 */
export function papersUpTo(sections: readonly FilteredSection[], id: string): number | null {
  let before = 0;
  for (const s of sections) {
    if (id === `area-${s.section.id}`) return before + 1;
    const i = s.papers.findIndex((p) => id === `paper-${p.number}`);
    if (i >= 0) return before + i + 1;
    before += s.papers.length;
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
