import { stemmer } from 'stemmer';
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

/** Words written "-our" in British English and "-or" in American ("behaviour", "colour", "neighbour"). */
const OUR_BASES = 'behavi|col|vap|neighb|fav|lab';

/**
 * British spellings read as American ones before stemming, so that "stabilisation", "optimised",
 * "sulphide", "behaviour", "aluminium" and "fibre" are the terms of "stabilization", "optimized",
 * "sulfide", "behavior", "aluminum" and "fiber": 4% of the corpus's papers write one so. Every word
 * goes through it, in keywords and texts alike, so a word it rewrites that has no American twin
 * ("comprise") stays one term of its own. The word automaton lets the spellings whose prefix differs
 * through (`britishPrefixes`, below: change one, change the other).
 */
export const BRITISH: readonly (readonly [RegExp, string])[] = [
  [/sulph/g, 'sulf'],
  [/aluminium/g, 'aluminum'],
  [/^(fib|cent|lit|met|micromet|nanomet|millimet|centimet|kilomet)re(s?)$/, '$1er$2'],
  [new RegExp(`(${OUR_BASES})our`), '$1or'],
  [/isation(s?)$/, 'ization$1'],
  // "optimise", "-ised", "-ises", "-ising": four letters or more before, so "raise", "noise" and
  // "revised" stay as they are.
  [/^([a-z]{4,})is(e|ed|es|ing)$/, '$1iz$2'],
  // "analyse", "catalysed", "hydrolysing"; not "analyses", the plural of "analysis".
  [/^([a-z]{3,})ys(e|ed|ing)$/, '$1yz$2'],
];

/** Whether any of `BRITISH` may apply: one test for the many words none does. */
const MAY_BE_BRITISH = /sulph|aluminium|res?$|our|is(?:e|ed|es|ing|ations?)$|ys(?:e|ed|ing)$/;

/** A lower-case word in American spelling (`BRITISH`). */
export function americanSpelling(lower: string): string {
  if (!MAY_BE_BRITISH.test(lower)) return lower;
  let word = lower;
  for (const [pattern, replacement] of BRITISH) word = word.replace(pattern, replacement);
  return word;
}

const AMERICAN_OR = new RegExp(`(${OUR_BASES})or`);

/**
 * What a British spelling of a word standing for the term `t` may start with, where that differs from
 * the term less its last letter (`BRITISH` read backwards, for word-automaton.ts): "sulph…" for
 * "sulfid", "aluminium…" for "aluminum", "fibr…" for "fiber", "neighbourhoo…" for "neighborhood",
 * "lisa…" for "lizat". A rewrite after the term's last letter ("stabilisation" for "stabil") needs none.
 */
export function britishPrefixes(t: string): string[] {
  const out: string[] = [];
  if (t.includes('sulf')) out.push(t.replaceAll('sulf', 'sulph').slice(0, -1));
  if (t.includes('aluminum')) out.push(t.replaceAll('aluminum', 'aluminium').slice(0, -1));
  if (/(?:fib|cent|lit|met)er$/.test(t)) out.push(`${t.slice(0, -2)}r`);
  if (AMERICAN_OR.test(t)) out.push(t.replace(AMERICAN_OR, '$1our').slice(0, -1));
  if (/[iy]z/.test(t)) out.push(t.replace(/([iy])z/g, '$1s').slice(0, -1));
  return out;
}

const cache = new Map<string, string>();

/**
 * The term a raw word stands for. Lower-case words are stemmed (Porter's algorithm, by the `stemmer`
 * package, with the overrides above); formulas and names with inner capitals or digits stay whole
 * (`li6ps5cl`, `nequip`, `m3gnet`); acronyms written in capitals get a `#` so they never collide with
 * a word (`#sei`, `#mace` vs. "mace"); a plural acronym is its singular (`MLIPs` -> `#mlip`).
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
  if (lower.length <= 3) return lower;
  const word = americanSpelling(lower);
  // Own keys only: "constructor" or "toString" in an abstract must not find Object.prototype's.
  const override = Object.hasOwn(STEM_OVERRIDES, word) ? STEM_OVERRIDES[word] : undefined;
  if (override !== undefined) return override;
  return stemmer(word);
}
