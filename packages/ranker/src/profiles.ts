import type { Keyword } from '@labdigest/core';
import { expansionsOf, foldTerms } from './acronyms.ts';
import { tokenize } from './tokenize.ts';

/** A weighted keyword profile: an area's or a member's. */
export interface ProfileSpec {
  readonly id: string;
  readonly kind: 'area' | 'member';
  readonly keywords: readonly Keyword[];
  readonly exclude?: readonly string[];
  /** Keyword lists of which the paper must match at least one keyword each. */
  readonly require?: readonly (readonly string[])[];
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

export interface CompiledProfile {
  readonly id: string;
  readonly kind: 'area' | 'member';
  readonly features: readonly number[];
  readonly weights: readonly number[];
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

/** Profiles compiled once into a phrase automaton over term ids: what the index counts. */
export interface Lexicon {
  readonly features: readonly Feature[];
  readonly profiles: readonly CompiledProfile[];
  readonly termIds: ReadonlyMap<string, number>;
  /** Trie over term ids: children per node, and the features that end at each node. */
  readonly children: readonly Map<number, number>[];
  readonly ends: readonly (readonly number[])[];
}

/** Every way to write a canonical sequence: each acronym kept or replaced by one of its expansions. */
function variants(canonical: readonly string[]): string[][] {
  let out: string[][] = [[]];
  for (const term of canonical) {
    const alternatives = [[term], ...expansionsOf(term)];
    out = out.flatMap((prefix) => alternatives.map((alt) => [...prefix, ...alt])).slice(0, 32);
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

/** Compiles profiles into one lexicon; a keyword shared by several profiles is one feature. */
export function compileProfiles(specs: readonly ProfileSpec[]): Lexicon {
  const features: Feature[] = [];
  const byKey = new Map<string, number>();
  const featureOf = (keyword: string): number | undefined => {
    const canonical = foldTerms(tokenize(keyword));
    if (canonical.length === 0) return undefined;
    const key = canonical.join(' ');
    let id = byKey.get(key);
    if (id === undefined) {
      id = features.length;
      byKey.set(key, id);
      features.push({ id, keyword, key, sequences: variants(canonical) });
    }
    return id;
  };

  const profiles: CompiledProfile[] = specs.map((spec) => {
    const weights = new Map<number, number>();
    for (const { term, weight } of spec.keywords) {
      const id = featureOf(term);
      // The same feature written twice (e.g. "SEI" and its expansion) keeps the larger weight.
      if (id !== undefined) weights.set(id, Math.max(weights.get(id) ?? -Infinity, weight));
    }
    const exclude = (spec.exclude ?? []).map(featureOf).filter((id): id is number => id !== undefined);
    const require = (spec.require ?? []).map((group) => group.map(featureOf).filter((id): id is number => id !== undefined));
    const ids = [...weights.keys()];
    const containedIn = containment(ids.map((id) => features[id]?.key ?? ''));
    return {
      id: spec.id, kind: spec.kind, features: ids, weights: [...weights.values()], exclude, require, containedIn,
      slotOf: new Int32Array(0), touches: new Uint8Array(0),
    };
  });

  // Slots are filled once every feature of every profile has its id.
  const withSlots = profiles.map((profile) => {
    const slotOf = new Int32Array(features.length).fill(-1);
    profile.features.forEach((f, k) => { slotOf[f] = k; });
    const touches = new Uint8Array(features.length);
    for (const f of [...profile.features, ...profile.exclude, ...profile.require.flat()]) touches[f] = 1;
    return { ...profile, slotOf, touches };
  });

  const termIds = new Map<string, number>();
  const children: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  for (const feature of features) {
    for (const sequence of feature.sequences) {
      let node = 0;
      for (const term of sequence) {
        let termId = termIds.get(term);
        if (termId === undefined) { termId = termIds.size; termIds.set(term, termId); }
        const map = children[node] as Map<number, number>;
        let next = map.get(termId);
        if (next === undefined) {
          next = children.length;
          map.set(termId, next);
          children.push(new Map());
          ends.push([]);
        }
        node = next;
      }
      const here = ends[node] as number[];
      if (!here.includes(feature.id)) here.push(feature.id);
    }
  }
  return { features, profiles: withSlots, termIds, children, ends };
}
