import type { Keyword } from '@labdigest/core';
import { expansionsOf, foldTerms, type FoldTable } from '../words/acronyms.ts';
import { compoundSpellings, GEL_KINDS } from '../words/compounds.ts';
import { PhraseTrie } from './phrase-trie.ts';
import { termOf } from '../words/stem.ts';
import { splitWords } from '../words/tokenize.ts';

/** A weighted keyword profile: an area's, a member's, a focus (the kind of work a group wants first) or its outside list. */
export interface ProfileSpec {
  readonly id: string;
  readonly kind: ProfileKind;
  readonly keywords: readonly Keyword[];
  readonly exclude?: readonly string[];
  /** Keyword lists of which the paper must match at least one keyword each. */
  readonly require?: readonly (readonly string[])[];
  /** Keywords found in the background corpus (related-terms.ts): they add to the score, not to coord. */
  readonly related?: readonly Keyword[];
  /**
   * Keywords learned from the group's examples (learning.ts), each with what a match adds to coord. A
   * written keyword keeps its own weight; a learned one takes the place of a related one.
   */
  readonly learned?: readonly { readonly term: string; readonly weight: number; readonly coord: number }[];
}

/** One thing the index counts: a keyword phrase with every way of writing it. */
export interface Feature {
  readonly id: number;
  /** The keyword as first written in the config. */
  readonly keyword: string;
  /** Canonical terms, acronyms folded (`#sei format`): the key two keywords share if they mean the same. */
  readonly key: string;
  /** Term sequences that count as an occurrence (the phrase, its acronym, its expansions). */
  readonly sequences: readonly (readonly string[])[];
}

/** `outside`: applications outside the group's field (`focus.outside`), matched only to keep papers from the picks. */
export type ProfileKind = 'area' | 'member' | 'focus' | 'outside';

export interface CompiledProfile {
  readonly id: string;
  readonly kind: ProfileKind;
  readonly features: readonly number[];
  readonly weights: readonly number[];
  /** Per keyword, 1 when it was found in the corpus (related-terms.ts) rather than written: it does not count for coord. */
  readonly related: Uint8Array;
  /** Per keyword, 1 when it was learned from the group's examples (learning.ts). */
  readonly learned: Uint8Array;
  /** Per keyword, what a match adds to coord's count: 1 for a positive written keyword, 0 for a related or negative one, a learned one's credit. */
  readonly coord: Float64Array;
  readonly exclude: readonly number[];
  readonly require: readonly (readonly number[])[];
  /**
   * For each keyword, the positions (in `features`) of this profile's longer keywords that contain it:
   * "lithium dendrite growth" holds "dendrite", and one occurrence must not count three times.
   */
  readonly containedIn: readonly (readonly number[])[];
  /** Feature id -> its position in `features`, or -1: scoring walks the paper's few features, not the profile's many. */
  readonly slotOf: Int32Array;
  /** Feature id -> 1 when the profile uses it at all (keyword, exclusion or require list). */
  readonly touches: Uint8Array;
}

/**
 * Whether a profile has a written keyword with a positive weight: one without (an area taught only by
 * the group's own papers, `digest learn --bib`) ranks by its learned words alone.
 */
export function hasWrittenKeywords(profile: CompiledProfile | undefined): boolean {
  return (profile?.weights ?? []).some((w) => w > 0);
}

/** Profiles compiled once into a phrase automaton over term ids: what the index counts. */
export interface Lexicon {
  readonly features: readonly Feature[];
  readonly profiles: readonly CompiledProfile[];
  readonly termIds: ReadonlyMap<string, number>;
  /** The features' phrases as a trie over term ids (phrase-trie.ts). */
  readonly trie: PhraseTrie;
}

/** A gel term and its kinds, as term sequences: "gel", "hydrogel", "hydro gel", ... (compounds.ts). */
const GEL_TERM = termOf('gel');
const GEL_ALTERNATIVES: readonly (readonly string[])[] = [
  [GEL_TERM], ...GEL_KINDS.flatMap((kind) => [[termOf(kind)], splitWords(kind.replace(/gel$/, ' gel')).words.map(termOf)]),
];
const MAX_SEQUENCES = 64;

/**
 * Every way to write a canonical sequence: each acronym kept or replaced by one of its expansions, and
 * each "gel" kept or replaced by one of its kinds.
 */
function variants(canonical: readonly string[], acronyms: FoldTable | undefined): string[][] {
  let out: string[][] = [[]];
  for (const term of canonical) {
    const alternatives = [[term], ...expansionsOf(term, acronyms)]
      .flatMap((alt) => alt.reduce<string[][]>((seqs, t) => seqs.flatMap((seq) =>
        (t === GEL_TERM ? GEL_ALTERNATIVES : [[t]]).map((g) => [...seq, ...g])), [[]]));
    out = out.flatMap((prefix) => alternatives.map((alt) => [...prefix, ...alt])).slice(0, MAX_SEQUENCES);
  }
  return out;
}

/**
 * For each key (terms joined by spaces), the positions of the other keys that contain it as a run of
 * whole terms, in ascending order. Linear in the keys: each key looks up its own shorter runs (a
 * keyword has a handful of terms), instead of every key being compared with every other (30,000
 * keywords took 38 s that way).
 */
export function containment(keys: readonly string[]): number[][] {
  const position = new Map<string, number>();
  keys.forEach((key, k) => position.set(key, k));
  const containedIn: number[][] = keys.map(() => []);
  keys.forEach((key, j) => {
    const terms = key.split(' ');
    for (let from = 0; from < terms.length; from++) {
      for (let to = from + 1; to <= terms.length; to++) {
        if (to - from === terms.length) continue; // the key itself
        const k = position.get(terms.slice(from, to).join(' '));
        const list = k === undefined ? undefined : containedIn[k];
        // A run found twice in one key ("ion … ion") counts once; j only grows, so the lists stay sorted.
        if (list && list.at(-1) !== j) list.push(j);
      }
    }
  });
  return containedIn;
}

const NOT_CONTAINED: readonly number[] = Object.freeze([]);

/**
 * Feature id -> the features whose keys are runs of whole terms of its key, shorter than it, in the
 * order `containment` meets them (from each start, shortest first; a run found twice, twice): what
 * `containment` looks up for each key, worked out once per feature. A feature's key is its own (two
 * keywords of one key are one feature), so a profile's key at a run is the feature of that key.
 */
function featureRuns(features: readonly { readonly key: string }[], byKey: ReadonlyMap<string, number>): (f: number) => readonly number[] {
  const known: (number[] | undefined)[] = [];
  return (f) => {
    let runs = known[f];
    if (runs) return runs;
    runs = [];
    const terms = (features[f] as { readonly key: string }).key.split(' ');
    for (let from = 0; from < terms.length; from++) {
      for (let to = from + 1; to <= terms.length; to++) {
        if (to - from === terms.length) continue; // the key itself
        const run = byKey.get(terms.slice(from, to).join(' '));
        if (run !== undefined) runs.push(run);
      }
    }
    known[f] = runs;
    return runs;
  };
}

/** A keyword's canonical key and every way of writing it, as term sequences (by their text). */
interface Spellings {
  readonly key: string;
  readonly sequences: ReadonlyMap<string, string[]>;
}

export interface CompileOptions {
  readonly isWord?: (word: string) => boolean;
  /**
   * Keywords' spellings from an earlier compile, for the next (a ranker compiles its written keywords,
   * then again with the learned and related ones: a department's 2,000 profiles' keywords were worked
   * out twice). Used only while the compiles' written words, which spellings depend on, are the same.
   */
  readonly spellings?: { written: ReadonlySet<string> | undefined; readonly byKeyword: Map<string, Spellings | undefined> };
  /** The acronyms keywords are read with: the field's and the config's own (`acronymTable`); the field's when absent. */
  readonly acronyms?: FoldTable | undefined;
}

/**
 * Compiles profiles into one lexicon; a keyword shared by several profiles is one feature. `isWord`
 * tells words beyond the keywords' own, for splitting a joined keyword word ("phasefield") in two.
 */
export function compileProfiles(specs: readonly ProfileSpec[], options: CompileOptions = {}): Lexicon {
  const features: { id: number; keyword: string; key: string; sequences: string[][] }[] = [];
  const byKey = new Map<string, number>();
  const bySequence = new Map<string, number>();
  // Words the keywords use, for splitting a joined keyword word into two of them ("phasefield").
  // Each distinct keyword is split once: a department's profiles write many of the same.
  const keywordStrings = new Set<string>();
  for (const spec of specs) {
    for (const k of spec.keywords) keywordStrings.add(k.term);
    for (const k of spec.exclude ?? []) keywordStrings.add(k);
    for (const group of spec.require ?? []) for (const k of group) keywordStrings.add(k);
  }
  const written = new Set([...keywordStrings].flatMap((k) => splitWords(k).words.filter((w) => w === w.toLowerCase())));
  const known = options.isWord ? { has: (w: string) => written.has(w) || (options.isWord as (w: string) => boolean)(w) } : written;
  // A keyword's spellings depend on it and on the words known: kept for the next compile of the same written words.
  const cache = options.spellings;
  if (cache && !(cache.written && cache.written.size === written.size && [...written].every((w) => cache.written?.has(w)))) {
    cache.written = written;
    cache.byKeyword.clear();
  }
  // Members' interests repeat areas' keywords, focus keywords repeat both: each string is worked out once.
  const seen = new Map<string, number | undefined>();
  const featureOf = (keyword: string): number | undefined => {
    if (seen.has(keyword)) return seen.get(keyword);
    const id = newFeatureOf(keyword);
    seen.set(keyword, id);
    return id;
  };
  const spellingsOf = (keyword: string): Spellings | undefined => {
    if (cache?.byKeyword.has(keyword)) return cache.byKeyword.get(keyword);
    const words = splitWords(keyword).words;
    let found: Spellings | undefined;
    if (words.length > 0) {
      const canonical = foldTerms(words.map(termOf), options.acronyms);
      // Each spelling of the keyword (joined, hyphenated, apart), with its acronyms' and gels' variants.
      const sequences = new Map<string, string[]>();
      for (const spelling of compoundSpellings(words, known)) {
        for (const sequence of variants(foldTerms(spelling.map(termOf), options.acronyms), options.acronyms)) {
          if (sequences.size < MAX_SEQUENCES) sequences.set(sequence.join(' '), sequence);
        }
      }
      found = { key: canonical.join(' '), sequences };
    }
    cache?.byKeyword.set(keyword, found);
    return found;
  };
  const newFeatureOf = (keyword: string): number | undefined => {
    const spellings = spellingsOf(keyword);
    if (!spellings) return undefined;
    const { key, sequences } = spellings;
    // Two keywords that share a way of being written are one feature ("phase field", "phasefield").
    let id = byKey.get(key);
    for (const written of sequences.keys()) id ??= bySequence.get(written);
    if (id === undefined) {
      id = features.length;
      byKey.set(key, id);
      features.push({ id, keyword, key, sequences: [] });
    }
    const feature = features[id] as (typeof features)[number];
    for (const [written, sequence] of sequences) {
      if (bySequence.has(written)) continue;
      bySequence.set(written, id);
      feature.sequences.push(sequence);
    }
    return id;
  };

  // Every profile's written keywords first. A learned keyword then never changes how one is written:
  // it weighs the feature of its key as that feature is, and takes only the spellings no feature has.
  // Joined into a written feature by a shared spelling, a member's learned "cross linker" (joined,
  // "crosslinker": the term of the area's "crosslinked") once made the area's keyword match "cross-
  // linker" too, and a member's stars moved the area's scores.
  for (const spec of specs) for (const { term } of spec.keywords) featureOf(term);
  const learnedSeen = new Map<string, number | undefined>();
  const learnedFeatureOf = (keyword: string): number | undefined => {
    if (seen.has(keyword)) return seen.get(keyword);
    if (learnedSeen.has(keyword)) return learnedSeen.get(keyword);
    const spellings = spellingsOf(keyword);
    let id: number | undefined;
    if (spellings) {
      const { key, sequences } = spellings;
      const unowned = [...sequences].filter(([written]) => !bySequence.has(written));
      // Its key's feature, or the one that has its spellings all (its own as written, `key`, among them).
      id = byKey.get(key) ?? (unowned.length === 0 ? bySequence.get(key) : undefined);
      if (id === undefined) {
        id = features.length;
        byKey.set(key, id);
        features.push({ id, keyword, key, sequences: [] });
        for (const [written, sequence] of unowned) {
          bySequence.set(written, id);
          (features[id] as (typeof features)[number]).sequences.push(sequence);
        }
      }
    }
    learnedSeen.set(keyword, id);
    return id;
  };

  const compiled = specs.map((spec) => {
    const weights = new Map<number, number>();
    for (const { term, weight } of spec.keywords) {
      const id = featureOf(term);
      // The same feature written twice (e.g. "SEI" and its expansion) keeps the larger weight.
      if (id !== undefined) weights.set(id, Math.max(weights.get(id) ?? -Infinity, weight));
    }
    const learnedCoord = new Map<number, number>();
    for (const { term, weight, coord } of spec.learned ?? []) {
      const id = learnedFeatureOf(term);
      if (id !== undefined && !weights.has(id)) { weights.set(id, weight); learnedCoord.set(id, coord); }
    }
    const relatedIds = new Set<number>();
    for (const { term, weight } of spec.related ?? []) {
      const id = featureOf(term);
      // A written keyword keeps its own weight.
      if (id !== undefined && !weights.has(id)) { weights.set(id, weight); relatedIds.add(id); }
    }
    const exclude = (spec.exclude ?? []).map(featureOf).filter((id): id is number => id !== undefined);
    const require = (spec.require ?? []).map((group) => group.map(featureOf).filter((id): id is number => id !== undefined));
    const ids = [...weights.keys()];
    const values = [...weights.values()];
    const related = new Uint8Array(ids.length);
    const learned = new Uint8Array(ids.length);
    const coord = new Float64Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      const isRelated = relatedIds.has(id);
      const credit = learnedCoord.get(id);
      related[k] = isRelated ? 1 : 0;
      learned[k] = credit !== undefined ? 1 : 0;
      coord[k] = credit ?? (isRelated || (values[k] as number) <= 0 ? 0 : 1);
    }
    return { id: spec.id, kind: spec.kind, features: ids, weights: values, related, learned, coord, exclude, require };
  });
  // Each profile's keywords inside its longer ones (`containment`), from each feature's shorter runs,
  // found once per feature: a department's 2,000 profiles share their keywords.
  const runs = featureRuns(features, byKey);
  const at = new Int32Array(features.length).fill(-1);
  const profiles: Omit<CompiledProfile, 'slotOf' | 'touches'>[] = compiled.map((profile) => {
    const ids = profile.features;
    const { learned } = profile;
    for (let k = 0; k < ids.length; k++) at[ids[k] as number] = k;
    // Most keywords are inside no other: they share one empty list.
    const containedIn: (readonly number[])[] = new Array<readonly number[]>(ids.length).fill(NOT_CONTAINED);
    for (let j = 0; j < ids.length; j++) {
      // A learned phrase counts beside the written keywords, never instead of them: a written "interphase"
      // keeps its occurrences inside a learned "electrolyte interphase" (one star had taken them, at a
      // fifth of the weight, and pushed SEI papers out of their section). Learned words inside a written
      // keyword, and keywords inside one another, are counted once, by the longer.
      const besideWritten = learned[j] === 1;
      for (const run of runs(ids[j] as number)) {
        const k = at[run] as number;
        if (k < 0 || (besideWritten && learned[k] === 0)) continue;
        const list = containedIn[k] as readonly number[];
        // A run found twice in one key counts once; j only grows, so the lists stay sorted.
        if (list === NOT_CONTAINED) containedIn[k] = [j];
        else if (list.at(-1) !== j) (list as number[]).push(j);
      }
    }
    for (const id of ids) at[id] = -1;
    return { ...profile, containedIn };
  });

  // Slots are filled once every feature of every profile has its id.
  const withSlots = profiles.map((profile) => new Profile(profile, features.length));

  const termIds = new Map<string, number>();
  const idOf = (term: string) => {
    let termId = termIds.get(term);
    if (termId === undefined) { termId = termIds.size; termIds.set(term, termId); }
    return termId;
  };
  const trie = PhraseTrie.build((add) => {
    for (const feature of features) for (const sequence of feature.sequences) add(sequence.map(idOf), feature.id);
  });
  return { features, profiles: withSlots, termIds, trie };
}

/**
 * A profile with its lookups by feature id (`slotOf`, `touches`), each made the first time it is read.
 * They are as long as the lexicon: a department's 2,000 profiles over 18,000 features took 180 MB,
 * twice over, and a batch is scored through its features' postings (score-batch.ts); only the
 * profiles a paper's section, note or trace asks about need them. A class, so that every profile has
 * one shape and its fields are read as fast as a plain object's.
 */
class Profile implements CompiledProfile {
  readonly id: string;
  readonly kind: ProfileKind;
  readonly features: readonly number[];
  readonly weights: readonly number[];
  readonly related: Uint8Array;
  readonly learned: Uint8Array;
  readonly coord: Float64Array;
  readonly exclude: readonly number[];
  readonly require: readonly (readonly number[])[];
  readonly containedIn: readonly (readonly number[])[];
  #featureCount: number;
  #slotOf: Int32Array | undefined = undefined;
  #touches: Uint8Array | undefined = undefined;

  constructor(profile: Omit<CompiledProfile, 'slotOf' | 'touches'>, featureCount: number) {
    this.id = profile.id;
    this.kind = profile.kind;
    this.features = profile.features;
    this.weights = profile.weights;
    this.related = profile.related;
    this.learned = profile.learned;
    this.coord = profile.coord;
    this.exclude = profile.exclude;
    this.require = profile.require;
    this.containedIn = profile.containedIn;
    this.#featureCount = featureCount;
  }

  get slotOf(): Int32Array {
    if (!this.#slotOf) {
      const slotOf = new Int32Array(this.#featureCount).fill(-1);
      for (let k = 0; k < this.features.length; k++) slotOf[this.features[k] as number] = k;
      this.#slotOf = slotOf;
    }
    return this.#slotOf;
  }

  get touches(): Uint8Array {
    if (!this.#touches) {
      const touches = new Uint8Array(this.#featureCount);
      for (const f of this.features) touches[f] = 1;
      for (const f of this.exclude) touches[f] = 1;
      for (const group of this.require) for (const f of group) touches[f] = 1;
      this.#touches = touches;
    }
    return this.#touches;
  }
}
