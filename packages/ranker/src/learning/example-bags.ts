import type { Paper } from '@labdigest/core';
import { expansionsStartingWith } from '../words/acronyms.ts';
import { ABSTRACT_HEADING } from '../corpus/corpus-bags.ts';
import { fnv1a } from '../util/fnv.ts';
import { isFunctionTerm } from './function-words.ts';
import { PairCounts } from './pair-table.ts';
import { termOf } from '../words/stem.ts';
import { GAP_JOIN, GAP_SPACE } from '../words/tokenize.ts';
import { WordIds } from '../scan/word-ids.ts';
import { grown } from '../util/typed-arrays.ts';

/**
 * Taught papers as sets of the ranker's analysed terms (stems, formulas, `#acronyms`) and of pairs of
 * them written next to each other ("interatomic potential", "ionic liquid"; in one sentence, and both
 * or neither inside one hyphenated compound: "solid-state lithium" holds "solid state", not "state
 * lithium"), for learning.ts: only
 * the terms learning could keep (three letters or more, not a number, not a function word, not one
 * `neverLearned` rules out; a pair, both its words three letters or more, not numbers nor function
 * words) and, of those, only the ones two papers share or that a paper `taught` marks holds (a word of
 * one paper is kept only for a paper some profile was taught by: learning.ts).
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
   * How the papers most often write a term ("dendrites", "MLIPs"; a pair as most of the papers holding
   * it write it, "reaction pathways"): the words a learned keyword is shown and compiled as.
   */
  readonly wordOf: (term: number) => string;
  /**
   * How a learned term is shown: `wordOf`, and a Latin phrase's tail with the word the papers always
   * write before it ("ab initio", "in situ polymerization"; "situ" when they write both "in situ"
   * and "ex situ"; a pair by the word written before the pair itself, so "in situ polymerization"
   * beside "ex situ imaging"). The first word is too short to be a term of its own, and "situ" or
   * "initio" alone reads as a typo.
   */
  readonly shownOf: (term: number) => string;
  /**
   * Whether every paper holding the term writes it as one hyphenated compound ("Non‐Uniform Passivation",
   * "the non‐uniform distribution"), by how each writes it first (abstract, else title): a pair
   * `shownOf` shows as two words ("non uniform"), for the words the group reads to show with their
   * hyphen. False for a single word, and for a pair one paper writes apart ("energy density", which
   * others write "high energy-density").
   */
  readonly joined: (term: number) => boolean;
  /**
   * Whether the papers write the term (a word or pair) only before another word of its phrase, twice
   * or more (in abstracts; once in a title counts as twice): "molecular" of "molecular dynamics",
   * "nonadiabatic molecular" of "nonadiabatic molecular dynamics". It names no topic alone. A
   * hyphenated pair is a whole ("excited state" of "excited-state dynamics"), as is a Latin phrase.
   */
  readonly modifier: (term: number) => boolean;
  /**
   * For a pair: the word most papers holding it (more than half) write just before it, as its term and
   * as the papers spell it ("solid" before "electrolyte interphase", where one paper writes "cathode–
   * electrolyte interphase"; "density" before "functional theory"), and how many papers write it so;
   * else undefined. A paper that writes the pair after different words counts for none.
   */
  readonly pairLead: (term: number) => { readonly term: string; readonly word: string; readonly papers: number } | undefined;
  /**
   * For a word: the pair most papers holding it (more than half, two at least) write it in, as its
   * terms and as it is shown (`shownOf`: "volume expansion" for "volume" and for "expansion", "in situ
   * polymerization" for "polymerization"), and how many papers write it; else undefined.
   */
  readonly commonPair: (term: number) => { readonly term: string; readonly word: string; readonly papers: number } | undefined;
}

/** Latin phrases of the sciences whose second word is learned alone: their first has two letters. */
const LATIN = new Set(['ab initio', 'in situ', 'ex situ', 'in operando', 'ex operando', 'in vivo', 'ex vivo', 'in vitro', 'in silico', 'de novo']);
const LATIN_TAILS = new Set([...LATIN].map((phrase) => phrase.split(' ')[1] as string));
/** Their terms, which BagReader flags `TAIL`. */
const LATIN_TAIL_TERMS = new Set([...LATIN_TAILS].map(termOf));

/** A title occurrence counts as this many in the abstract, as the default config's `titleWeight`. */
const TITLE_WEIGHT = 2.5;
/** In a paper's list of terms while it is read, a pair (its index in PairCounts) is `PAIR` + the index; single terms stay below. */
const PAIR = 1 << 24;
/** A raw word's entry (`WordTerms.info`): its term id below `PAIR`, and what the bags do with it in the bits above. */
const NOTED = 1 << 24;
const WORD = 1 << 25;
const EXPANDS = 1 << 26;
/** A Latin phrase's tail ("situ"): the term before it is tracked, for `shownOf`. */
const TAIL = 1 << 27;
const TERM = PAIR - 1;

/**
 * Reads each paper's title and abstract once. Each distinct word is mapped to its term once (termOf's
 * cache keeps stems between calls); a word's occurrences are counted for `wordOf`. No string is made
 * for a pair until it is asked for: most pairs are in one paper and never looked at. A term
 * `neverLearned` rules out (learning's corpus share limit) is not noted; its pairs are.
 */
export function exampleBags(
  papers: readonly Pick<Paper, 'title' | 'abstract'>[], taught: Uint8Array, neverLearned?: (term: string) => boolean,
): ExampleBags {
  let characters = 0;
  for (const p of papers) characters += p.title.length + (p.abstract?.length ?? 0);
  const reader = new BagReader(characters, neverLearned);
  // Every paper's terms and pairs (pairs from `PAIR` on) and how much it is about each, one after another.
  const start = new Int32Array(papers.length + 1);
  for (let d = 0; d < papers.length; d++) {
    const p = papers[d] as Pick<Paper, 'title' | 'abstract'>;
    start[d + 1] = reader.readPaper(p.title, (p.abstract ?? '').replace(ABSTRACT_HEADING, ''));
  }
  const { words, terms } = reader;
  const single = terms.length;
  const all = reader.all;
  const allAbout = reader.allAbout;
  // What learning could keep: a learnable term two papers share, or one of a `taught` paper; the same of
  // pairs, numbered after the terms.
  const pairs = reader.pairs.group(single);
  const termDf = reader.termDf;
  const renumbered = new Int32Array(single + pairs.count).fill(-1);
  // Bag term id -> the reader's term or pair: at most one for each of them.
  const original = new Int32Array(single + pairs.count);
  let size = 0;
  let kept = 0;
  for (let d = 0; d < papers.length; d++) {
    const from = start[d] as number;
    const to = start[d + 1] as number;
    start[d] = kept;
    const isTaught = taught[d] === 1;
    for (let e = from; e < to; e++) {
      const id = all[e] as number;
      let t: number;
      if (id >= PAIR) {
        const group = pairs.of[id - PAIR] as number;
        if (group >= 0) t = single + group;
        else if (isTaught) t = single - 2 - group;
        else continue;
      } else {
        if ((termDf[id] as number) < 2 && !isTaught) continue;
        t = id;
      }
      let u = renumbered[t] as number;
      if (u < 0) { u = size++; renumbered[t] = u; original[u] = t; }
      all[kept] = u;
      allAbout[kept++] = allAbout[e] as number;
    }
  }
  start[papers.length] = kept;
  const pairNames = new Map<number, string>();
  const termOfOriginal = (t: number): string => {
    if (t < single) return terms[t] as string;
    let name = pairNames.get(t);
    if (name === undefined) pairNames.set(t, name = `${terms[pairs.firsts[t - single] as number] as string} ${terms[pairs.seconds[t - single] as number] as string}`);
    return name;
  };
  let spelling: Int32Array | undefined;
  let commonPairs: { readonly group: Int32Array; readonly papers: Int32Array } | undefined;
  // The papers' pairs by group, sorted out when a learned pair is first shown.
  let byGroup: EntriesByGroup | undefined;
  const entriesOf = () => (byGroup ??= entriesByGroup(pairs.of, reader.pairs.size, pairs.count));
  const pairSpelling = pairSpeller(reader, entriesOf);
  const wordOfOriginal = (t: number): string => {
    if (t >= single) return pairSpelling(t - single).words.join(' ');
    // Worked out on first use: only the few learned terms are ever shown.
    if (!spelling) {
      spelling = new Int32Array(single).fill(-1);
      const { info, counts } = reader;
      // A spelling in title case ("Aqueous", opening a sentence) only when the papers write the term no other way.
      const titleCase = (r: number) => TITLE_CASE.test(words[r] as string);
      for (let r = 0; r < words.length; r++) {
        const u = (info[r] as number) & TERM;
        const best = spelling[u] as number;
        if (best < 0) { spelling[u] = r; continue; }
        const byCase = Number(titleCase(best)) - Number(titleCase(r));
        if (byCase > 0 || (byCase === 0 && ((counts[r] as number) > (counts[best] as number)
          || (counts[r] === counts[best] && (words[r] as string) < (words[best] as string))))) spelling[u] = r;
      }
    }
    const r = spelling[t] ?? -1;
    // A folded acronym the papers only spelt out ("solid electrolyte interphase") is shown as the acronym.
    if (r < 0) return (terms[t] as string).replace(/^#/, '').toUpperCase();
    return shownAs(words[r] as string, (reader.counts[r] as number) < 1);
  };
  const shownOfOriginal = (t: number): string => {
    if (t >= single) {
      const [first, second] = pairSpelling(t - single).words;
      // The pair's first word with the word the papers write before the pair, not before the word
      // anywhere: "in situ polymerization" where they also write "ex situ imaging".
      return `${withLatinLead(pairs.firsts[t - single] as number, first, pairLead(t - single))} ${withLatinLead(pairs.seconds[t - single] as number, second)}`;
    }
    return withLatinLead(t, wordOfOriginal(t));
  };
  /**
   * The word (+ 1) most papers holding pair group u write before it (the one Boyer and Moore's vote
   * ends on, then counted), how many do, and how many hold the pair; lead -1 when no word is most's.
   */
  const leadOf = (u: number): { lead: number; count: number; papers: number } => {
    const { start, entries } = entriesOf();
    const from = start[u] as number;
    const to = start[u + 1] as number;
    const { leads } = reader.pairs;
    let lead = 0;
    let votes = 0;
    for (let k = from; k < to; k++) {
      const l = leads[entries[k] as number] as number;
      if (votes === 0) { lead = l; votes = 1; } else votes += l === lead ? 1 : -1;
    }
    let count = 0;
    for (let k = from; k < to; k++) if (leads[entries[k] as number] === lead) count++;
    return { lead: count * 2 > to - from ? lead : -1, count, papers: to - from };
  };
  /**
   * How the papers that write `lead` (a term + 1) before pair group u spell it there, as pairSpeller
   * chooses a pair's spelling: the spelling most of them use, one in title case only when they write it
   * no other way. Not the lead term's commonest spelling anywhere: "regulated lithium plating", where
   * the papers write "regulation" more often, elsewhere.
   */
  const leadSpelling = (u: number, lead: number): string => {
    const { leads, spelledLead } = reader.pairs;
    const votes = votesOf(entriesOf(), u, reader.pairs, (e) => (leads[e] === lead && (spelledLead[e] as number) >= 0 ? spelledLead[e] as number : -1));
    const best = mostWritten(votes, (raw) => [words[raw] as string]);
    if (!best) return wordOfOriginal(lead - 1);
    const word = words[best.key] as string;
    // A capital that only opens a sentence: the papers also write the word in lower case.
    return TITLE_CASE.test(word) && reader.wrote(word.toLowerCase()) ? word.toLowerCase() : shownAs(word, best.vote.abstracts === 0);
  };
  /** The word (+ 1) every paper writes before pair group u, else -1 (a Latin phrase's lead). */
  const pairLead = (u: number): number => {
    const { lead, count, papers } = leadOf(u);
    return count === papers ? lead : -1;
  };
  /** A Latin phrase's tail (term t, shown as `word`) with the word the papers always write before it (or before its pair: `lead`). */
  const withLatinLead = (t: number, word: string, lead = reader.leadOf[t] as number): string => {
    if (lead <= 0 || !LATIN_TAILS.has(word.toLowerCase())) return word;
    const phrase = `${terms[lead - 1] as string} ${word.toLowerCase()}`;
    return LATIN.has(phrase) ? `${terms[lead - 1] as string} ${word}` : word;
  };
  return {
    size, papers: papers.length, start, terms: all.slice(0, kept), about: allAbout.slice(0, kept),
    term: (t) => termOfOriginal(original[t] as number), wordOf: (t) => wordOfOriginal(original[t] as number),
    shownOf: (t) => shownOfOriginal(original[t] as number),
    joined: (t) => {
      const u = original[t] as number;
      return u >= single && pairSpelling(u - single).joined;
    },
    pairLead: (t) => {
      const u = original[t] as number;
      if (u < single) return undefined;
      const { lead, count } = leadOf(u - single);
      return lead > 0 ? { term: terms[lead - 1] as string, word: leadSpelling(u - single, lead), papers: count } : undefined;
    },
    commonPair: (t) => {
      const u = original[t] as number;
      if (u >= single) return undefined;
      // Per word, the pair written by the most papers that holds it (first or second), found in one
      // pass over the pairs when a word's pair is first asked for.
      if (!commonPairs) {
        const { start } = entriesOf();
        const group = new Int32Array(single).fill(-1);
        const papers = new Int32Array(single);
        for (let g = 0; g < pairs.count; g++) {
          const n = (start[g + 1] as number) - (start[g] as number);
          if (n < 2) continue;
          const first = pairs.firsts[g] as number;
          const second = pairs.seconds[g] as number;
          if (n > (papers[first] as number)) { papers[first] = n; group[first] = g; }
          if (n > (papers[second] as number)) { papers[second] = n; group[second] = g; }
        }
        commonPairs = { group, papers };
      }
      const g = commonPairs.group[u] as number;
      const most = commonPairs.papers[u] as number;
      if (g < 0 || most < 2 || most * 2 <= (termDf[u] as number)) return undefined;
      return { term: termOfOriginal(single + g), word: shownOfOriginal(single + g), papers: most };
    },
    modifier: (t) => {
      const u = original[t] as number;
      // A Latin phrase names its method, before its noun too: "ab initio" (molecular dynamics).
      if (shownOfOriginal(u) !== wordOfOriginal(u)) return false;
      // Twice or more: written in abstracts twice, or in a title.
      if (u < single) return (reader.written[u] as number) >= 4 && reader.finals[u] === 0;
      const { start, entries } = entriesOf();
      let weight = 0;
      for (let k = start[u - single] as number; k < (start[u - single + 1] as number); k++) {
        const e = entries[k] as number;
        if (reader.pairs.endsPhrase[e] === 1) return false;
        weight += reader.pairs.weights[e] as number;
      }
      return weight >= 4;
    },
  };
}

/**
 * How each pair group (`PairCounts.group`) is written, made when first asked: of the papers that write
 * the pair, the spelling most of them use (each paper's is its first occurrence in the abstract, or in
 * the title when its abstract has none), one in title case only when they write it no other way, as
 * for a word; written in titles only, each word as `shownAs` shows it ("Reaction Pathways": "reaction
 * pathways"). Only the few pairs learned are asked for.
 */
function pairSpeller(reader: BagReader, entriesOf: () => EntriesByGroup): (group: number) => PairSpelling {
  const table = reader.pairs;
  const known = new Map<number, PairSpelling>();
  return (group) => {
    const spelt = known.get(group);
    if (spelt) return spelt;
    // Per spelling (its two raw word ids in one number), the papers that write the pair so.
    const votes = votesOf(entriesOf(), group, table, (e) => (table.spelledFirst[e] as number) * RAW_IDS + (table.spelledSecond[e] as number));
    const wordsOf = (key: number) => [reader.words[Math.floor(key / RAW_IDS)] as string, reader.words[key % RAW_IDS] as string] as const;
    const best = mostWritten(votes, wordsOf) as { key: number; vote: Votes };
    // With a hyphen only when none of the papers writes it apart: a compound written before its noun
    // ("high energy-density cells") is the noun phrase where another paper writes it so ("the energy
    // density"), and the noun names the topic; "non-uniform" is never written apart.
    const apart = votesOf(entriesOf(), group, table, (e) => (table.spelledJoined[e] === 1 ? -1 : 0)).size > 0;
    const [first, second] = wordsOf(best.key);
    const titlesOnly = best.vote.abstracts === 0;
    // A capital that only opens a sentence ("Sodium ion batteries are …"): the papers also write the
    // word in lower case, so it is no name ("Coulombic efficiency", "Tafel slope" keep theirs).
    const opensSentence = TITLE_CASE.test(first) && !TITLE_CASE.test(second) && reader.wrote(first.toLowerCase());
    const spelling: PairSpelling = {
      words: [opensSentence ? first.toLowerCase() : shownAs(first, titlesOnly), shownAs(second, titlesOnly)],
      joined: !apart,
    };
    known.set(group, spelling);
    return spelling;
  };
}

/** How a pair is written: its two words, and whether a hyphen joins them ("non-uniform"). */
interface PairSpelling { readonly words: readonly [string, string]; readonly joined: boolean }

/** How many papers write a spelling so: in their abstracts, in their titles (where the abstract does not). */
interface Votes { abstracts: number; titles: number }

/**
 * Per spelling of pair group `group` (`keyOf` an entry, -1 for one that does not count), how many of its
 * papers write it so: in their abstracts, in their titles.
 */
function votesOf(byGroup: EntriesByGroup, group: number, table: PairCounts, keyOf: (entry: number) => number): Map<number, Votes> {
  const votes = new Map<number, Votes>();
  for (let k = byGroup.start[group] as number; k < (byGroup.start[group + 1] as number); k++) {
    const e = byGroup.entries[k] as number;
    const key = keyOf(e);
    if (key < 0) continue;
    let vote = votes.get(key);
    if (!vote) votes.set(key, vote = { abstracts: 0, titles: 0 });
    if (table.spelledInTitle[e] === 1) vote.titles++;
    else vote.abstracts++;
  }
  return votes;
}

/**
 * The spelling most papers write (abstracts first, then titles), one with a word in title case only
 * when they write it no other way, then the first in code-unit order; undefined for none.
 */
function mostWritten<K>(votes: ReadonlyMap<K, Votes>, wordsOf: (key: K) => readonly string[]): { key: K; vote: Votes } | undefined {
  const titleCase = (key: K) => wordsOf(key).filter((w) => TITLE_CASE.test(w)).length;
  let best: { key: K; vote: Votes } | undefined;
  for (const [key, vote] of votes) {
    const byCase = best ? titleCase(key) - titleCase(best.key) : -1;
    const byVotes = best ? (best.vote.abstracts + 0.001 * best.vote.titles) - (vote.abstracts + 0.001 * vote.titles) : 0;
    if (!best || byCase < 0 || (byCase === 0 && (byVotes < 0 || (byVotes === 0 && wordsOf(key).join(' ') < wordsOf(best.key).join(' '))))) {
      best = { key, vote };
    }
  }
  return best;
}

/** Raw word ids are below this: two of them make one number, a pair's spelling. */
const RAW_IDS = 2 ** 26;

/** Group g's pair entries (papers' pairs) are `entries[start[g]..start[g + 1])`. */
interface EntriesByGroup { readonly start: Int32Array; readonly entries: Int32Array }

/** Per group, the pair entries in it: a counting sort of the entries by group. */
function entriesByGroup(of: Int32Array, size: number, groups: number): EntriesByGroup {
  const start = new Int32Array(groups + 1);
  for (let e = 0; e < size; e++) {
    const g = of[e] as number;
    const at = (g >= 0 ? g : -2 - g) + 1;
    start[at] = (start[at] as number) + 1;
  }
  for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const cursor = start.slice(0, groups);
  const entries = new Int32Array(size);
  for (let e = 0; e < size; e++) {
    const g = of[e] as number;
    const at = g >= 0 ? g : -2 - g;
    entries[cursor[at] as number] = e;
    cursor[at] = (cursor[at] as number) + 1;
  }
  return { start, entries };
}

/**
 * How a word is shown: as the papers write it (their commonest spelling, one in title case only when
 * they write it no other way), except a word only titles hold in title case ("Probing the Thermal
 * Stability of ..."), which is shown as a sentence would write it ("probing", "thermal"); "DFT",
 * "LiPF6" and "MXene" are not title case and stay.
 */
export function shownAs(word: string, titlesOnly: boolean): string {
  return titlesOnly && TITLE_CASE.test(word) ? word.toLowerCase() : word;
}

const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;

type Expansions = ReturnType<typeof expansionsStartingWith>;

/**
 * The papers' words, terms and pairs as they are read, paper after paper: per distinct word its term
 * and what the bags do with it in one number (`info`), per term how often the paper being read writes
 * it and how many papers do, per pair a PairCounts entry. A class of typed arrays, so that V8 keeps
 * the loop of `readPaper` optimized from one ranker to the next.
 */
class BagReader {
  private readonly scanner = new WordIds();

  /** Whether the papers write this word, as written (a look-up in the scanner's table, no set of them). */
  wrote(word: string): boolean {
    return this.scanner.has(word);
  }
  /** Raw word id -> the word (WordIds's). */
  readonly words: string[];
  /** Per raw word: its term id, and NOTED, WORD and EXPANDS (`TERM` masks the term). */
  info = new Int32Array(1 << 14);
  /** Per raw word: its occurrences, a title's as 0.001 (how a word is shown: as abstracts write it). */
  counts = new Float64Array(1 << 14);
  private known = 0;
  readonly terms: string[] = [];
  // Term -> id: open addressing over the term's FNV-1a hash, per slot side by side the hash and the id
  // (-1: empty). Cheaper than a Map of 20,000 strings, numbered afresh at every call.
  private termSlots = new Int32Array(2 << 14).fill(-1);
  private termMask = (1 << 14) - 1;
  /** Per term: NOTED, WORD, EXPANDS. */
  private termFlags = new Int32Array(1 << 14);
  /** Per term: the acronym expansions it starts ("solid" starts "solid electrolyte interphase"). */
  private readonly expansions: Expansions[] = [];
  /** Per term, side by side: the paper that last wrote it (its number + 1), and how often that paper did, doubled. */
  private termSeen = new Int32Array(1 << 15);
  /** Per term: how many papers note it. */
  termDf = new Int32Array(1 << 14);
  /**
   * Per noted word's term: how much the papers write it (doubled weights: 2 an occurrence in an
   * abstract, 5 in a title), and how many of its occurrences end a phrase (no word worth learning
   * follows in its clause: `modifier`).
   */
  written = new Int32Array(1 << 14);
  finals = new Int32Array(1 << 14);
  /**
   * Per Latin tail term: the term of the word written before every one of its occurrences, + 1 (0:
   * not seen yet; -1: not always the same one, or a text's first word), for `shownOf`.
   */
  leadOf = new Int32Array(1 << 14);
  readonly pairs: PairCounts;
  /** Every paper's terms and pairs, one after another, and how much it is about each. */
  all: Int32Array;
  allAbout: Float32Array;
  private size = 0;
  private paper = 0;
  private readonly neverLearned: ((term: string) => boolean) | undefined;

  /** Sized from the texts' length, so that the arrays seldom grow (6 million characters: 650,000 paper-term entries). */
  constructor(characters: number, neverLearned: ((term: string) => boolean) | undefined) {
    this.words = this.scanner.words;
    this.neverLearned = neverLearned;
    this.pairs = new PairCounts(characters >> 4);
    this.all = new Int32Array(Math.max(1 << 12, characters >> 3));
    this.allAbout = new Float32Array(this.all.length);
  }

  /**
   * Reads a paper's title and abstract: its distinct terms and pairs, in the order it first writes them,
   * after the papers before it in `all`, with how much it is about each. The end of its entries.
   */
  readPaper(title: string, abstract: string): number {
    this.paper++;
    this.pairs.begin();
    const from = this.size;
    this.readText(title, TITLE_WEIGHT * 2, 0.001);
    this.readText(abstract, 2, 1);
    const { all, allAbout, termSeen } = this;
    const weights = this.pairs.weights;
    for (let e = from; e < this.size; e++) {
      const id = all[e] as number;
      // The doubled count over 6: the count over 3, the same number as when it was counted in halves.
      allAbout[e] = Math.min(1, ((id >= PAIR ? weights[id - PAIR] : termSeen[id * 2 + 1]) as number) / 2 / 3);
    }
    return this.size;
  }

  /** Notes a text's terms and pairs, each occurrence by `weight` (doubled), each word's by `shown` for its spelling. */
  private readText(text: string, weight: number, shown: number): void {
    const words = this.scanner.read(text);
    const { gaps } = this.scanner;
    if (this.words.length > this.known) this.learnWords();
    // Room for every word to add a term, an acronym and a pair.
    if (this.size + words.length * 3 > this.all.length) this.grow(this.size + words.length * 3);
    const { info, counts, all, pairs } = this;
    // Reloaded after an acronym, whose term may be new (and these arrays grown).
    let { termSeen, termDf, leadOf } = this;
    let { written, finals } = this;
    // The noted word and the pair before this one, until it is known whether another word of their phrase follows them.
    let open = -1;
    let openPair = -1;
    const stamp = this.paper;
    let size = this.size;
    let previous = -1;
    let previousRaw = -1;
    let previousLead = -1;
    let previousLeadRaw = -1;
    let before = -1;
    let beforeRaw = -1;
    const inTitle = shown < 1;
    for (let i = 0; i < words.length; i++) {
      const r = words[i] as number;
      counts[r] = (counts[r] as number) + shown;
      const x = info[r] as number;
      const t = x & TERM;
      const lead = before >= 0 ? before + 1 : -1;
      const leadRaw = before >= 0 ? beforeRaw : -1;
      if ((x & TAIL) !== 0) {
        if (leadOf[t] === 0) leadOf[t] = lead;
        else if (leadOf[t] !== lead) leadOf[t] = -1;
      }
      before = t;
      beforeRaw = r;
      if (open >= 0 || openPair >= 0) {
        const gap = gaps[i] as number;
        if ((x & WORD) === 0 || (gap !== GAP_SPACE && gap !== GAP_JOIN)) {
          if (open >= 0) finals[open] = (finals[open] as number) + 1;
          if (openPair >= 0) pairs.ended(openPair);
        }
        open = -1;
        openPair = -1;
      }
      // Words never learned ("of", "Li", numbers, words of too many corpus papers) are left out of the
      // bags: not counted. Half a text's words are in more than 5% of the corpus's papers.
      if ((x & NOTED) !== 0) {
        if (termSeen[t * 2] !== stamp) {
          termSeen[t * 2] = stamp;
          termSeen[t * 2 + 1] = 0;
          termDf[t] = (termDf[t] as number) + 1;
          all[size++] = t;
        }
        termSeen[t * 2 + 1] = (termSeen[t * 2 + 1] as number) + weight;
        written[t] = (written[t] as number) + weight;
        open = t;
      }
      // A phrase with an acronym also holds the acronym's term ("solid electrolyte interphase": `#sei`), as foldTerms folds it.
      if ((x & EXPANDS) !== 0) {
        this.size = size;
        this.noteAcronym(words, i, weight);
        size = this.size;
        termSeen = this.termSeen;
        termDf = this.termDf;
        leadOf = this.leadOf;
        written = this.written;
        finals = this.finals;
      }
      // Pairs of two words each worth learning, however common: "of the" and "Li metal" are not;
      // "solid electrolyte" is. Not across the end of a sentence or clause ("accumulation.
      // Consequently"), nor across a hyphenated compound's edge: "solid-state lithium" holds "solid
      // state", not "state lithium"; "stable solid-state", not "stable solid".
      if ((x & WORD) !== 0) {
        const gap = gaps[i] as number;
        if (previous >= 0 && (gap === GAP_JOIN || (gap === GAP_SPACE && gaps[i - 1] !== GAP_JOIN && gaps[i + 1] !== GAP_JOIN))) {
          const p = pairs.add(previous, t, weight, previousRaw, r, inTitle, previousLead, previousLeadRaw, gap === GAP_JOIN);
          if (p >= 0) all[size++] = PAIR + p;
          // A hyphenated compound is a whole, written before a noun too: "excited-state reactions" names excited states.
          if (gap === GAP_JOIN) pairs.ended(pairs.last);
          else openPair = pairs.last;
        }
        previous = t;
        previousRaw = r;
        previousLead = lead;
        previousLeadRaw = leadRaw;
      } else previous = -1;
    }
    if (open >= 0) finals[open] = (finals[open] as number) + 1;
    if (openPair >= 0) pairs.ended(openPair);
    this.size = size;
  }

  /** Notes the acronym of the expansion (the longest) that starts at word i, if one does. */
  private noteAcronym(words: Int32Array, i: number, weight: number): void {
    const { info, terms } = this;
    const starting = this.expansions[(info[words[i] as number] as number) & TERM] as Expansions;
    for (const { acronym, terms: expansion } of starting) {
      let k = 1;
      while (k < expansion.length && i + k < words.length && terms[(info[words[i + k] as number] as number) & TERM] === expansion[k]) k++;
      if (k < expansion.length) continue;
      const a = this.termId(acronym);
      if (((this.termFlags[a] as number) & NOTED) !== 0) {
        const { termSeen } = this;
        if (termSeen[a * 2] !== this.paper) {
          termSeen[a * 2] = this.paper;
          termSeen[a * 2 + 1] = 0;
          this.termDf[a] = (this.termDf[a] as number) + 1;
          this.all[this.size++] = a;
        }
        termSeen[a * 2 + 1] = (termSeen[a * 2 + 1] as number) + weight;
      }
      return;
    }
  }

  /** The words the scanner found since the last text: their terms, once. */
  private learnWords(): void {
    const { words } = this;
    if (words.length > this.info.length) {
      const size = Math.max(words.length, this.info.length * 2);
      this.info = grown(this.info, size);
      this.counts = grown(this.counts, size);
    }
    for (let r = this.known; r < words.length; r++) {
      const t = this.termId(termOf(words[r] as string));
      this.info[r] = t | (this.termFlags[t] as number);
    }
    this.known = words.length;
  }

  /** The term's id, numbered when first seen, with its flags. */
  private termId(term: string): number {
    const hash = fnv1a(term);
    const { termSlots, termMask, terms } = this;
    let slot = hash & termMask;
    for (;;) {
      const id = termSlots[slot * 2 + 1] as number;
      if (id < 0) break;
      if (termSlots[slot * 2] === hash && terms[id] === term) return id;
      slot = (slot + 1) & termMask;
    }
    const t = terms.length;
    terms.push(term);
    termSlots[slot * 2] = hash;
    termSlots[slot * 2 + 1] = t;
    if (terms.length * 2 > termMask) this.widenTerms();
    if (t >= this.termFlags.length) {
      this.termFlags = grown(this.termFlags, this.termFlags.length * 2);
      this.termDf = grown(this.termDf, this.termFlags.length);
      this.termSeen = grown(this.termSeen, this.termFlags.length * 2);
      this.leadOf = grown(this.leadOf, this.termFlags.length);
      this.written = grown(this.written, this.termFlags.length);
      this.finals = grown(this.finals, this.termFlags.length);
    }
    // Three letters or more (an acronym's `#` apart), not a number, not a function word.
    const first = term.charCodeAt(0);
    const word = term.length - (first === 35 ? 1 : 0) >= 3 && !(first >= 48 && first <= 57) && !isFunctionTerm(term);
    const expansions = expansionsStartingWith(term);
    this.expansions.push(expansions);
    this.termFlags[t] = (word ? WORD : 0) | (word && !this.neverLearned?.(term) ? NOTED : 0) | (expansions.length > 0 ? EXPANDS : 0)
      | (LATIN_TAIL_TERMS.has(term) ? TAIL : 0);
    return t;
  }

  /** Doubles the terms' table (past half full). */
  private widenTerms(): void {
    const old = this.termSlots;
    this.termMask = this.termMask * 2 + 1;
    const slots = new Int32Array((this.termMask + 1) * 2).fill(-1);
    for (let s = 0; s < old.length; s += 2) {
      if ((old[s + 1] as number) < 0) continue;
      let slot = (old[s] as number) & this.termMask;
      while ((slots[slot * 2 + 1] as number) >= 0) slot = (slot + 1) & this.termMask;
      slots[slot * 2] = old[s] as number;
      slots[slot * 2 + 1] = old[s + 1] as number;
    }
    this.termSlots = slots;
  }

  private grow(size: number): void {
    const length = Math.max(size, this.all.length * 2);
    this.all = grown(this.all, length);
    this.allAbout = grown(this.allAbout, length);
  }
}

/** One instance kept for good, for its hidden classes: see WORDIDS_SHAPE (word-ids.ts). */
export const BAGREADER_SHAPE = new BagReader(0, undefined);
