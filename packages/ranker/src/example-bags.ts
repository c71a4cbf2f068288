import type { Paper } from '@labdigest/core';
import { expansionsStartingWith } from './acronyms.ts';
import { ABSTRACT_HEADING } from './corpus-bags.ts';
import { isFunctionTerm } from './function-words.ts';
import { PairTable } from './pair-table.ts';
import { termOf } from './stem.ts';
import { WordIds } from './word-ids.ts';

/**
 * Taught papers as sets of the ranker's analysed terms (stems, formulas, `#acronyms`) and of pairs of
 * them written next to each other ("interatomic potential", "ionic liquid"), for learning.ts: only
 * the terms learning could keep (three letters or more, not a number, not a function word, not one
 * `neverLearned` rules out; a pair, both its words three letters or more, not numbers nor function
 * words) and, of those, only the ones two papers share or that a paper `lone` marks holds (a word of
 * one paper is learned only by a profile taught by fewer than three: learning.ts).
 */
export interface ExampleBags {
  /** Terms, pairs included. */
  readonly size: number;
  /** Term id -> term; a pair is its two terms joined by a space (made when asked for). */
  readonly term: (t: number) => string;
  /** Papers. */
  readonly papers: number;
  /**
   * Paper d's distinct term ids are `terms[start[d]..start[d + 1])`, in the order it first writes them
   * (acronyms folded too: "solid electrolyte interphase" also holds `#sei`).
   */
  readonly start: Int32Array;
  readonly terms: Int32Array;
  /**
   * Beside `terms`: how much the paper is about each term, in (0, 1]: 1 for a term of the title or
   * named three times, a third for one passing mention (a title occurrence counts as `TITLE_WEIGHT`).
   */
  readonly about: Float32Array;
  /**
   * How the papers most often write a term ("dendrites", "MLIPs"; a pair, each of its words so): the
   * words a learned keyword is shown and compiled as.
   */
  readonly wordOf: (term: number) => string;
}

function grownIds(ids: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(ids.length * 2);
  more.set(ids);
  return more;
}

/** A title occurrence counts as this many in the abstract, as the default config's `titleWeight`. */
const TITLE_WEIGHT = 2.5;
/** Pairs are numbered apart while the papers are read, from here; single terms stay below. */
const PAIR = 1 << 24;

/**
 * Reads each paper's title and abstract once. Each distinct word is mapped to its term once (termOf's
 * cache keeps stems between calls); a word's occurrences are counted for `wordOf`. No string is made
 * for a pair until it is asked for: most pairs are in one paper and never looked at. A term
 * `neverLearned` rules out (learning's corpus share limit) is not noted; its pairs are.
 */
export function exampleBags(
  papers: readonly Pick<Paper, 'title' | 'abstract'>[], lone: Uint8Array, neverLearned?: (term: string) => boolean,
): ExampleBags {
  const scanner = new WordIds();
  const rawWords = scanner.words;
  const rawTerm: number[] = [];
  const rawCount: number[] = [];
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const isWord: number[] = [];
  // Per term: whether the bags note it (a word worth learning that `neverLearned` does not rule out).
  const noted: number[] = [];
  // Per term: the acronym expansions it starts ("solid" starts "solid electrolyte interphase").
  const expansions: (readonly { readonly acronym: string; readonly terms: readonly string[] }[])[] = [];
  const termId = (term: string) => {
    let t = termIds.get(term);
    if (t === undefined) {
      t = terms.length;
      termIds.set(term, t);
      terms.push(term);
      const word = term.replace(/^#/, '').length >= 3 && !/^\d/.test(term) && !isFunctionTerm(term);
      isWord.push(word ? 1 : 0);
      noted.push(word && !neverLearned?.(term) ? 1 : 0);
      expansions.push(expansionsStartingWith(term));
    }
    return t;
  };
  // Sized from the texts' length, so that the tables seldom grow (the 5,000 papers of `pnpm bench
  // learn`, 6 million characters, hold 144,000 pairs, 20,000 terms and 650,000 paper-term entries).
  let characters = 0;
  for (const p of papers) characters += p.title.length + (p.abstract?.length ?? 0);
  const pairs = new PairTable(characters >> 5);
  let firsts = new Int32Array(Math.max(1024, characters >> 5));
  let seconds = new Int32Array(firsts.length);
  let pairCount = 0;
  // Per term, and per pair, side by side: the paper that last wrote it, and how often that paper did,
  // doubled (a title occurrence counts `TITLE_WEIGHT`, 2.5: 5 here), so that both fit an Int32Array.
  // Apart, so that the terms' stay small.
  let termSeen = new Int32Array(1 << 16).fill(-1);
  let pairSeen = new Int32Array(Math.max(1 << 16, (characters >> 5) * 2)).fill(-1);
  let paper = 0;
  // The paper's terms and pairs so far (pairs from `PAIR` on), reused from paper to paper.
  let out = new Int32Array(4096);
  let count = 0;
  let weight = 2;
  const grown = (seen: Int32Array, at: number) => {
    const more = new Int32Array(Math.max(at + 2, seen.length * 2)).fill(-1);
    more.set(seen);
    return more;
  };
  /** Counts `id` (a term, or `PAIR` + a pair) at `at` of `seen`; true when the paper first writes it. */
  const note = (seen: Int32Array, at: number, id: number) => {
    if (seen[at] !== paper) {
      seen[at] = paper;
      seen[at + 1] = 0;
      if (count === out.length) { const more = new Int32Array(out.length * 2); more.set(out); out = more; }
      out[count++] = id;
    }
    seen[at + 1] = (seen[at + 1] as number) + weight;
  };
  const noteTerm = (t: number) => {
    if (t * 2 >= termSeen.length) termSeen = grown(termSeen, t * 2);
    note(termSeen, t * 2, t);
  };
  const notePair = (p: number) => {
    if (p * 2 >= pairSeen.length) pairSeen = grown(pairSeen, p * 2);
    note(pairSeen, p * 2, PAIR + p);
  };
  const read = (text: string, inTitle: boolean) => {
    weight = inTitle ? TITLE_WEIGHT * 2 : 2;
    const words = scanner.read(text);
    // A word first seen: its term, once.
    while (rawTerm.length < rawWords.length) { rawTerm.push(termId(termOf(rawWords[rawTerm.length] as string))); rawCount.push(0); }
    let previous = -1;
    for (let i = 0; i < words.length; i++) {
      const r = words[i] as number;
      // How a word is shown: as abstracts write it ("solid polymer"), titles ("Solid Polymer") only when they alone do.
      rawCount[r] = (rawCount[r] as number) + (inTitle ? 0.001 : 1);
      const t = rawTerm[r] as number;
      // Words never learned ("of", "Li", numbers, words of too many corpus papers) are left out of the
      // bags: not counted. Half a text's words are in more than 5% of the corpus's papers.
      if (noted[t] === 1) noteTerm(t);
      // A phrase with an acronym also holds the acronym's term ("solid electrolyte interphase": `#sei`), as foldTerms folds it.
      const starting = expansions[t] as (typeof expansions)[number];
      for (let e = 0; e < starting.length; e++) {
        const expansion = (starting[e] as (typeof starting)[number]).terms;
        let k = 1;
        while (k < expansion.length && i + k < words.length && terms[rawTerm[words[i + k] as number] as number] === expansion[k]) k++;
        if (k === expansion.length) {
          const acronym = termId((starting[e] as (typeof starting)[number]).acronym);
          if (noted[acronym] === 1) noteTerm(acronym);
          break;
        }
      }
      // Pairs of two words each worth learning, however common: "of the" and "Li metal" are not;
      // "solid electrolyte" is.
      if (isWord[t] === 1) {
        if (previous >= 0) {
          const p = pairs.idOf(previous, t, pairCount);
          if (p === pairCount) {
            if (pairCount === firsts.length) { firsts = grownIds(firsts); seconds = grownIds(seconds); }
            firsts[pairCount] = previous;
            seconds[pairCount++] = t;
          }
          notePair(p);
        }
        previous = t;
      } else previous = -1;
    }
  };
  // Every paper's terms and pairs (pairs from `PAIR` on) and how much it is about each, one after another.
  const start = new Int32Array(papers.length + 1);
  let all = new Int32Array(Math.max(1 << 16, characters >> 3));
  let allAbout = new Float32Array(all.length);
  for (let d = 0; d < papers.length; d++) {
    const p = papers[d] as Pick<Paper, 'title' | 'abstract'>;
    paper = d;
    count = 0;
    read(p.title, true);
    read((p.abstract ?? '').replace(ABSTRACT_HEADING, ''), false);
    const from = start[d] as number;
    if (from + count > all.length) {
      const size = Math.max(from + count, all.length * 2);
      const more = new Int32Array(size);
      more.set(all);
      all = more;
      const moreAbout = new Float32Array(size);
      moreAbout.set(allAbout);
      allAbout = moreAbout;
    }
    for (let k = 0; k < count; k++) {
      const id = out[k] as number;
      all[from + k] = id;
      // The doubled count over 6: the count over 3, the same number as when it was counted in halves.
      allAbout[from + k] = Math.min(1, ((id >= PAIR ? pairSeen[(id - PAIR) * 2 + 1] : termSeen[id * 2 + 1]) as number) / 2 / 3);
    }
    start[d + 1] = from + count;
  }
  // Pairs are numbered after the terms, now that the terms are all known.
  const single = terms.length;
  const total = start[papers.length] as number;
  for (let e = 0; e < total; e++) if ((all[e] as number) >= PAIR) all[e] = single + (all[e] as number) - PAIR;
  // What learning could keep: a learnable term two papers share, or one of a `lone` paper.
  const df = new Int32Array(single + pairCount);
  for (let e = 0; e < total; e++) df[all[e] as number] = (df[all[e] as number] as number) + 1;
  const renumbered = new Int32Array(df.length).fill(-1);
  const original: number[] = [];
  let kept = 0;
  for (let d = 0; d < papers.length; d++) {
    const from = start[d] as number;
    const to = start[d + 1] as number;
    start[d] = kept;
    for (let e = from; e < to; e++) {
      const t = all[e] as number;
      if ((t < single && isWord[t] !== 1) || ((df[t] as number) < 2 && lone[d] !== 1)) continue;
      let u = renumbered[t] as number;
      if (u < 0) { u = original.length; renumbered[t] = u; original.push(t); }
      all[kept] = u;
      allAbout[kept++] = allAbout[e] as number;
    }
  }
  start[papers.length] = kept;
  const pairNames = new Map<number, string>();
  const termOfOriginal = (t: number): string => {
    if (t < single) return terms[t] as string;
    let name = pairNames.get(t);
    if (name === undefined) pairNames.set(t, name = `${terms[firsts[t - single] as number] as string} ${terms[seconds[t - single] as number] as string}`);
    return name;
  };
  let spelling: Int32Array | undefined;
  const wordOfOriginal = (t: number): string => {
    if (t >= single) return `${wordOfOriginal(firsts[t - single] as number)} ${wordOfOriginal(seconds[t - single] as number)}`;
    // Worked out on first use: only the few learned terms are ever shown.
    if (!spelling) {
      spelling = new Int32Array(single).fill(-1);
      for (let r = 0; r < rawWords.length; r++) {
        const u = rawTerm[r] as number;
        const best = spelling[u] as number;
        if (best < 0 || (rawCount[r] as number) > (rawCount[best] as number)
          || (rawCount[r] === rawCount[best] && (rawWords[r] as string) < (rawWords[best] as string))) spelling[u] = r;
      }
    }
    const r = spelling[t] ?? -1;
    // A folded acronym the papers only spelt out ("solid electrolyte interphase") is shown as the acronym.
    return r >= 0 ? rawWords[r] as string : (terms[t] as string).replace(/^#/, '').toUpperCase();
  };
  return {
    size: original.length, papers: papers.length, start, terms: all.subarray(0, kept), about: allAbout.subarray(0, kept),
    term: (t) => termOfOriginal(original[t] as number), wordOf: (t) => wordOfOriginal(original[t] as number),
  };
}
