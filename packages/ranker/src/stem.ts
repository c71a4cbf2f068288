/// <reference path="./natural.d.ts" />
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { isFormula } from './formula.ts';

/**
 * Porter merges some words a materials scientist keeps apart ("oxide"/"oxidation",
 * "active"/"activation", "mechanism"/"mechanical", "universal"/"university",
 * "composite"/"composition"), and splits some that belong together ("polymer"/"polymeric",
 * "interface"/"interfacial"), and gives a few words a stem that is another word's ("aging" and
 * silver's "Ag" are both "ag"). These words get the stem written here instead.
 */
export const STEM_OVERRIDES: Readonly<Record<string, string>> = {
  oxidation: 'oxidat', oxidations: 'oxidat', oxidative: 'oxidat', oxidized: 'oxidat', oxidised: 'oxidat',
  activation: 'activat', activated: 'activat', activating: 'activat', activate: 'activat', activates: 'activat',
  mechanism: 'mechanism', mechanisms: 'mechanism', mechanistic: 'mechanism',
  mechanical: 'mechanic', mechanically: 'mechanic', mechanics: 'mechanic',
  universal: 'universal', universality: 'universal',
  composition: 'composition', compositions: 'composition', compositional: 'composition',
  polymeric: 'polym', polymerized: 'polymeriz', polymerization: 'polymeriz', polymerisation: 'polymeriz',
  interfacial: 'interfac',
  transference: 'transferenc',
  polarization: 'polariz', polarisation: 'polariz', polarized: 'polariz',
  generation: 'generat', generations: 'generat', generate: 'generat', generated: 'generat', generating: 'generat',
  organization: 'organiz', organizations: 'organiz', organic: 'organic',
  potentials: 'potenti', potential: 'potenti', potentially: 'potentially',
  computer: 'computer', computers: 'computer',
  news: 'news',
  // Porter's "ag" is silver's symbol ("Ag"), and its "is" the function word.
  aging: 'aging', ageing: 'aging', aged: 'aging',
  ising: 'ising',
};

const cache = new Map<string, string>();

/**
 * The term a raw word stands for. Lower-case words are stemmed (Porter, with the overrides above);
 * formulas and names with inner capitals or digits stay whole (`li6ps5cl`, `nequip`, `m3gnet`);
 * acronyms written in capitals get a `#` so they never collide with a word (`#sei`, `#mace`
 * vs. "mace"); a plural acronym is its singular (`MLIPs` -> `#mlip`).
 */
export function termOf(raw: string): string {
  let term = cache.get(raw);
  if (term === undefined) {
    term = computeTerm(raw);
    cache.set(raw, term);
  }
  return term;
}

/** `termOf` without its cache, for callers that keep their own (the analyzer's word cache). */
export function computeTerm(raw: string): string {
  const lower = raw.toLowerCase();
  if (/[0-9]/.test(raw)) return isFormula(raw) ? lower : lower;
  const body = raw.length > 2 && raw.endsWith('s') ? raw.slice(0, -1) : raw;
  if (body.length >= 2 && /^[A-Z]+$/.test(body)) return `#${body.toLowerCase()}`;
  if (/[A-Z]/.test(raw.slice(1))) return lower;
  // Own keys only: "constructor" or "toString" in an abstract must not find Object.prototype's.
  const override = Object.hasOwn(STEM_OVERRIDES, lower) ? STEM_OVERRIDES[lower] : undefined;
  if (override !== undefined) return override;
  if (lower.length <= 3) return lower;
  return PorterStemmer.stem(lower);
}
