import type { Lexicon } from '../profiles/profiles.ts';
import { COMBINING_FORMS } from '../words/compounds.ts';
import { britishPrefixes, STEM_OVERRIDES, termOf } from '../words/stem.ts';
import { isWordChar } from '../words/tokenize.ts';

/**
 * Which words may stand for one of a lexicon's terms, decided letter by letter as the scan reads
 * them: a table-driven automaton with one lookup per character. Most words are ruled out within a
 * letter or two and are never stemmed.
 *
 * A Porter stem agrees with its lower-case word but for its last letter at most: Porter cuts
 * suffixes, and where it writes one of its own it changes only the stem's last letter ("batteri" from
 * "battery", "plate" from "plating", "stabl" from "stability"). Formulas, names and acronyms are the
 * word in lower case. So a word may stand for a term when it starts with the term less its last
 * letter (at least three letters kept), or is one of the stem overrides' words. A stem of three
 * letters or fewer is the exception: "fitting", "wetting" and "negativity" stem to "fit", "wet" and
 * "neg", so any word that starts with a short stem (or with its "y": "laying" -> "lai") may stand
 * for it. With every word of the 21,872-paper corpus a keyword, the automaton's answer equals the
 * full lookup's for all 84,459 of them (until 6 December 2026, 47 words such as "wetting",
 * "fitting", "ageing" and "drying" were ruled out: a keyword "wetting" never matched); the analyzer
 * tests check the same on the fixtures' texts.
 */
export interface WordAutomaton {
  /** state << 7 | ASCII code -> next state; 0 where the character ends the word. */
  readonly next: Uint16Array;
  /** State -> next state on a decimal point between digits ("3.5", "Li2S0.72P0.14"), which goes on a word. */
  readonly onDecimalPoint: Uint16Array;
  /** State -> next state on a letter beyond ASCII (accented, Greek). */
  readonly onWide: Uint16Array;
  /** State -> 1 when a word ending in it may stand for a term. */
  readonly mayBeTerm: Uint8Array;
}

/** The state a word beyond ASCII starts in: any such word may be a term (`wordAutomaton` leaves it to the lookup). */
export const ANY_WORD = 1;
const NOT_A_TERM = 2;
/** REMAINING + r: the word may be a term if at most r more letters follow. */
const REMAINING = 3;

export function wordAutomaton(lexicon: Lexicon): WordAutomaton {
  const trie = prefixTrie(lexicon);
  let longest = 0;
  for (const limit of trie.limit) longest = Math.max(longest, limit);
  // States: 0 before a word's first letter (and "the word ended"); ANY_WORD; NOT_A_TERM; a budget of
  // letters left, 0..longest; then one per trie node but the root.
  const firstNode = REMAINING + longest + 1;
  const states = firstNode + trie.nodes - 1;
  const stateOf = (node: number) => firstNode + node - 1;
  const budget = (letters: number) => (letters >= 0 ? REMAINING + letters : NOT_A_TERM);
  const next = new Uint16Array(states << 7);
  const onDecimalPoint = new Uint16Array(states);
  const onWide = new Uint16Array(states);
  const mayBeTerm = new Uint8Array(states);
  const wordChars: number[] = [];
  for (let c = 0; c < 128; c++) if (isWordChar(c)) wordChars.push(c);
  /** Sets `state`'s move on every word character and the decimal point. */
  const moves = (state: number, to: (letter: number) => number) => {
    for (const c of wordChars) next[(state << 7) | c] = to(c | 32);
    onDecimalPoint[state] = to(46);
  };

  moves(ANY_WORD, () => ANY_WORD);
  onWide[ANY_WORD] = ANY_WORD;
  mayBeTerm[ANY_WORD] = 1;
  moves(NOT_A_TERM, () => NOT_A_TERM);
  onWide[NOT_A_TERM] = NOT_A_TERM;
  for (let left = 0; left <= longest; left++) {
    const state = REMAINING + left;
    moves(state, () => budget(left - 1));
    onWide[state] = budget(left - 1);
    mayBeTerm[state] = 1;
  }
  // Trie nodes, from the root down: `depth` letters read, `allowed` the longest word a term met on
  // the way may be. A node from which any word may be a term is ANY_WORD itself.
  const walk = (node: number, state: number, depth: number, allowed: number) => {
    moves(state, (letter) => {
      const child = trie.child[node * 128 + letter] as number;
      if (child === 0) return budget(allowed - depth - 1);
      const limit = trie.limit[child] as number;
      return limit === -1 ? ANY_WORD : stateOf(child);
    });
    if (state !== 0) {
      onWide[state] = ANY_WORD;
      mayBeTerm[state] = allowed >= depth ? 1 : 0;
    }
    for (let letter = 0; letter < 128; letter++) {
      const child = trie.child[node * 128 + letter] as number;
      const limit = child === 0 ? 0 : trie.limit[child] as number;
      if (child !== 0 && limit !== -1) walk(child, stateOf(child), depth + 1, Math.max(allowed, limit));
    }
  };
  walk(0, 0, 0, 0);
  onDecimalPoint[0] = 0; // a word never starts with its decimal point
  return { next, onDecimalPoint, onWide, mayBeTerm };
}

/**
 * A letter trie of what a word must start with to stand for a term: each node's `limit` is 0 (no
 * term ends here), -1 (any word going on from here may stand for a term) or n > 0 (only a word of at
 * most n letters: "ion" stands for "ions" but not for "ionization").
 */
function prefixTrie(lexicon: Lexicon) {
  let child = new Int32Array(128 * 256); // node * 128 + letter -> child node (0 = none)
  let limit = new Int32Array(256);
  let nodes = 1;
  const add = (word: string, wordLimit: number) => {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c > 127) return; // non-ASCII words always take the lookup
      let next = child[node * 128 + c] as number;
      if (next === 0) {
        if (nodes === limit.length) {
          const moreChildren = new Int32Array(child.length * 2);
          moreChildren.set(child);
          child = moreChildren;
          const moreLimits = new Int32Array(limit.length * 2);
          moreLimits.set(limit);
          limit = moreLimits;
        }
        next = nodes++;
        child[node * 128 + c] = next;
      }
      node = next;
    }
    const old = limit[node] as number;
    limit[node] = old === -1 || wordLimit === -1 ? -1 : Math.max(old, wordLimit);
  };
  // Combining forms stand as words of their own only when a compound is written apart ("inter-atomic",
  // compounds.ts): only the form itself (or with an "s") stands for their term. The prefix rule would
  // send every "inte..." and "supe..." word of a text to the stemmer.
  const formOf = new Map(COMBINING_FORMS.map((form) => [termOf(form), form]));
  for (const term of lexicon.termIds.keys()) {
    const form = formOf.get(term);
    if (form !== undefined) { add(form, form.length + 1); continue; }
    const t = term.startsWith('#') ? term.slice(1) : term;
    // A term of three letters or fewer stands for words that start with it ("ions", "lies" -> "li";
    // "wetting", "negativity" -> "wet", "neg"), or with its "y" where Porter wrote an "i" ("laying" ->
    // "lai"); a longer one is a Porter stem, which may differ from its word in its last letter.
    if (t.length <= 3) {
      add(t, -1);
      if (t.endsWith('i')) add(`${t.slice(0, -1)}y`, -1);
    } else {
      add(t.slice(0, Math.max(3, t.length - 1)), -1);
      for (const prefix of britishPrefixes(t)) add(prefix, -1);
    }
  }
  // British spellings the overrides map to an American stem ("polarisation" -> "polariz").
  for (const [word, stem] of Object.entries(STEM_OVERRIDES)) if (lexicon.termIds.has(stem)) add(word, word.length);
  return { child, limit: limit.subarray(0, nodes), nodes };
}
