import type { Paper } from '@labdigest/core';

/** What a member did with a paper: star and nominate (for the group meeting) teach strongly, read weakly, dismiss against. */
export type SignalKind = 'star' | 'dismiss' | 'read' | 'nominate';

/** One thing the group did with a paper, with the paper's text: what the ranking learns from. */
export interface FeedbackExample {
  /** The paper's text (title, abstract): from the store, a bib file, or the batch. */
  readonly paper: Paper;
  readonly signal: SignalKind;
  /** Who (a config member's name); undefined: the group (a bib file for an area, say). */
  readonly member?: string | undefined;
  /** The area (section) the paper was in, or is meant for; undefined: none. */
  readonly area?: string | undefined;
  /** ISO time, for the note ("which Yanhao Deng starred on 12 Nov"). */
  readonly at?: string | undefined;
}

/**
 * One learned term of a profile: the analysed term, the word it is shown as (as the papers write it;
 * a Latin phrase's tail with its first word, "in situ"; a pair with the word most of its papers write
 * before it, "density functional theory"), its weight (negative from dismissals).
 */
export interface LearnedTerm {
  readonly term: string;
  readonly word: string;
  /**
   * How the papers write `word` where a hyphen joins its pair, as the group is shown it: "non-uniform",
   * "Li2O-rich" (`word` "non uniform", "Li2O rich"). Absent when they write the words apart.
   */
  readonly written?: string;
  readonly weight: number;
  /**
   * A term for: how much the taught papers that hold it are about it, on average, in (0, 1]: 1 for a
   * word of their titles or one they name three times, a third for a passing mention.
   */
  readonly about?: number;
  /**
   * A word the taught papers write only before another word of its phrase ("molecular" of "molecular
   * dynamics", "fast" of "fast ion transport"), or a pair most of them write after the word that makes
   * it a keyword the group wrote ("electrolyte interphase" of "solid electrolyte interphase"), or a pair
   * one paper writes once and the corpus's papers never ("bulk scale" of "the anion-ordered bulk scale
   * linearly"): it weighs as any, but names no topic alone, none the group did not name, or maybe none.
   */
  readonly modifier?: true;
}

/** What one area or member learned: how many papers taught it, and its strongest terms. */
export interface LearnedProfile {
  /** Area id or member name. */
  readonly id: string;
  readonly kind: 'area' | 'member';
  /** Papers that taught it for (starred, nominated, read) and against (dismissed). */
  readonly positives: number;
  readonly negatives: number;
  /**
   * Those papers by the signal that counted for each (a star over a dismissal over a read), the group's
   * own papers (`learn --bib`) as `own`, not as stars; only when taught.
   */
  readonly signals?: Readonly<Record<SignalKind, number> & { readonly own?: number }>;
  /**
   * How new its positive examples were to its keywords, in (0, 1]: the median of 1 - their relevance
   * by the keywords alone (learning.ts `noveltyOf`). Its learned words weigh by it: stars on papers
   * the keywords already put on top (near 0) move little. Only when taught for.
   */
  readonly novelty?: number;
  /** Strongest first (by size); a weight may be below 0. */
  readonly terms: readonly LearnedTerm[];
}

/** Every area, then every member, in the config's order (a profile nobody taught has no terms). */
export type LearnedModel = readonly LearnedProfile[];

/** The taught example a paper is most like, for its note: "like '…', which Yanhao Deng starred on 12 Nov". */
export interface LearnedFrom {
  readonly id: string;
  readonly title: string;
  readonly member?: string;
  readonly at?: string;
  readonly signal: SignalKind;
  /** The paper is itself the taught example (starred from a digest, then ranked again): "Naibing Wu starred it on 5 Dec". */
  readonly self?: true;
}
