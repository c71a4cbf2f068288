import nlp from 'compromise/two';
import { acronymTable, foldTerms } from './acronyms.ts';
import { tokenize } from './tokenize.ts';

/**
 * The little grammar the relevance notes need: plurals and whether a keyword names a thing (compromise's
 * noun inflection and tagger, with its irregulars and uncountables), lists, and "a" or "an" (compromise
 * 14 has no article or list function: both are written out here); and, for learning, whether a word
 * it found may name a topic at all. Each phrase is worked out once per process: notes name the same
 * few keywords again and again.
 */

const world = nlp.world() as unknown as {
  methods: { two: { transform: { noun: { toPlural: (word: string, model: unknown) => string } } } };
  model: { two: { uncountable: Record<string, unknown> } };
};

// What a materials scientist uses as a mass noun even where general English counts it:
// "ionic conductivity", "ion transport", "dendrite growth", "segmental motion", "active learning".
const MASS = /(?:ity|ion|ing|ics|ance|ence|ism|ure|sis|ogy|try|ness|th|port|ment|ics|ware|ss|us)$/;

const ELEMENT_NAMES = /^(?:lithium|sodium|potassium|zinc|magnesium|calcium|aluminium|aluminum)$/;

const plurals = new Map<string, string>();
const nouns = new Map<string, boolean>();

/**
 * Whether a keyword reads as a topic, a thing one works on ("dendrites", "ion transport"), rather than
 * a modifier ("anode-free", "crosslinked"): compromise tags its last word in a carrier sentence.
 * Acronyms, names and formulas count as things.
 */
export function isTopic(phrase: string): boolean {
  let known = nouns.get(phrase);
  if (known === undefined) {
    const head = phrase.split(/[\s]/).at(-1) ?? '';
    if (/[A-Z0-9]/.test(head)) known = true;
    // Hyphenated modifiers ("anode-free", "LiF-rich", "PEO-based") are adjectives however the tagger reads them.
    else if (/-(?:free|rich|based|like|derived|enabled|induced|type|resistant|tolerant)$/.test(head)) known = false;
    else {
      const doc = nlp(`we study the ${phrase} here`);
      const last = doc.match(head.split('-').at(-1) ?? head);
      known = !(last.has('#Adjective') || last.has('#PastTense') || last.has('#Participle'));
    }
    nouns.set(phrase, known);
  }
  return known;
}

const manners = new Map<string, boolean>();
/**
 * The second halves of the compound adjectives papers write ("PEO-based", "field-induced",
 * "data-driven"): a phrase that opens on one lost the word before it.
 */
const COMPOUND_TAILS = new Set(['based', 'driven', 'induced', 'assisted', 'enabled', 'mediated', 'derived', 'dominated', 'dependent', 'oriented']);
/** A chemical name's multiplying prefix, read as a word of its own ("bis" of "bis(oxalato)borate"): it heads no topic. */
const MULTIPLIERS = new Set(['bis', 'tris', 'tetrakis']);
const heads = new Map<string, boolean>();

/**
 * Words that praise what they lead rather than name it ("Enhanced Sodium-Ion Transport" taught the
 * phrase "enhanced sodium ion"): never the word before a learned pair ("enhanced sampling", a pair of
 * its own, names a method).
 */
const PRAISE = new Set(['enhanced', 'improved', 'boosted', 'accelerated', 'superior', 'excellent', 'outstanding', 'remarkable',
  'novel', 'efficient', 'effective', 'robust', 'promising', 'facile']);

/** Whether a word praises rather than names ("enhanced", "superior"): never a learned phrase's first word. */
export function praises(word: string): boolean {
  return PRAISE.has(word.toLowerCase());
}

/**
 * Whether a learned word or pair may name a topic, for the line that says what a section learned:
 * none of its words is an adverb ("stably", "oppositely", "poorly understood"), its head (last word)
 * is no past participle ("fabricated", "severely limited"), and a pair's head is no adjective
 * ("batteries operable", "conduction desirable": a phrase cut before its noun). A keyphrase is
 * nominal; these tell how or that something was done. A participle before a noun still names one
 * ("crosslinked polymer", "enhanced sampling"), and an adjective alone may stand for its class
 * ("aqueous"). An irregular participle is a head too ("learning driven", "films grown"), and a
 * pair that opens on the second half of a compound adjective written apart ("driven paradigms", of
 * "Machine Learning Driven Paradigms"; "based electrolytes") is cut after its start, as one that ends
 * on a chemical name's multiplying prefix is before its end ("bis", "lithium bis"). Words ending in
 * -ly, -ed or -en and the like are tagged alone, a pair in a carrier sentence ("the ion transport
 * is"), by compromise; each once per process. Verbs cannot be told this way: alone or in a carrier,
 * compromise reads "transport" and "oxalate" as verbs; only a pair opening on a verb's third person
 * ("integrates crown", `opensOnVerb`) is told. Nor is a word with the acronym defined after it
 * ("batteries SSLMBs", "borate LiBOB") a topic: the pair spans the definition's bracket.
 */
export function mayNameTopic(phrase: string): boolean {
  // A formula's rest after its "1−x" ("xLixF2" of "Mg1‐xLixF2", alone or after "Mg1") is a piece of a name.
  if (/(?:^| )[xyzδ]\p{Lu}/u.test(phrase)) return false;
  const words = phrase.toLowerCase().split(' ');
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as string;
    const adverb = word.endsWith('ly') && tagged(word, '#Adverb');
    const head = k === words.length - 1;
    if (adverb || (head && (MULTIPLIERS.has(word) || (word.endsWith('ed') ? tagged(word, '#PastTense') : tagged(word, '#Participle'))))) return false;
  }
  // A verb's third person alone ("imparts") says what a paper's thing does, as does a verb in -ize
  // ("synchronize", "stabilize"; British -ise is read as American before this).
  if (words.length < 2) return !(/^[a-z]+$/.test(phrase) && (isPresentVerb(phrase) || /^[a-z]{4,}ize$/.test(phrase) || BARE_VERBS.has(phrase)));
  if (COMPOUND_TAILS.has(words[0] as string) || opensOnVerb(words.join(' '))) return false;
  // Praise before a pair ("enhanced sodium ion"); a pair of its own may be a method ("enhanced sampling").
  if (words.length > 2 && praises(words[0] as string)) return false;
  // A pair shown with the word before it keeps the pair's own faults: "framework integrates crown"
  // opens its pair on a verb, "learning driven paradigms" on a compound adjective's second half.
  for (const inner of words.slice(1, -1)) if (COMPOUND_TAILS.has(inner) || isPresentVerb(inner)) return false;
  // A phrase's last word and the acronym it is defined as ("batteries SSLMBs", of "solid-state lithium
  // metal batteries (SSLMBs)"; "borate LiBOB", of "lithium bis(oxalato)borate (LiBOB)"): the acronym's
  // last capital is the word's initial.
  const [word, acronym] = phrase.split(' ').slice(-2) as [string, string];
  const initials = acronym.replace(/s$/, '');
  if (/^[A-Z][A-Za-z]*[A-Z]$/.test(initials) && initials.at(-1) === word.charAt(0).toUpperCase() && /^[a-z]/.test(word)) return false;
  // A pair's head ending in -ed is a participle, whatever compromise calls it alone ("creep regulated":
  // "regulated" an adjective), unless the pair in a carrier sentence reads it as a noun ("packed bed",
  // "charging speed").
  const headWord = words.at(-1) as string;
  if (headWord.endsWith('ed') && !tagged(`the ${phrase.toLowerCase()} is`, '#Noun', headWord)) return false;
  // A plural noun and a participle are a clause cut short ("batteries operating at −20 °C", "cells
  // retaining"), not a compound, whose first noun is singular ("ion hopping", "lithium plating");
  // "materials" is the plural compounds keep ("materials modeling").
  const [before, last] = words.slice(-2) as [string, string];
  const pluralBefore = /(?:[^aeiosu]s|es)$/.test(before) && before !== 'materials';
  if (last.endsWith('ing') && pluralBefore) return false;
  // So are a plural noun and a verb ("ion collisions dominate", "ions migrate"): a subject and its verb.
  const carrier = `the ${phrase.toLowerCase()} is`;
  if (pluralBefore && tagged(carrier, '#Verb', last) && !tagged(carrier, '#Noun', last)) return false;
  let nominal = heads.get(phrase);
  if (nominal === undefined) {
    const head = phrase.split(' ').at(-1) as string;
    heads.set(phrase, nominal = !nlp(`the ${phrase} is`).match(head).has('#Adjective'));
  }
  return nominal;
}

/**
 * Whether a phrase of two words or more opens on a verb in the present, as compromise reads the word
 * alone ("mitigates stress", "enables fast"; not "batteries", a noun): it says what something does,
 * not what a paper is about.
 */
export function opensOnVerb(phrase: string): boolean {
  const first = phrase.split(' ')[0] as string;
  return first !== phrase && isPresentVerb(first);
}

/**
 * Verbs a paper says what its thing does with, never a topic's name, which compromise cannot tell
 * from nouns alone ("transport" and "oxalate" read as verbs too): a member's line read "more weight on
 * reactivity, decomposition and govern" (found by an audit). Each is a verb only in the sciences' use.
 */
const BARE_VERBS = new Set([
  'govern', 'dominate', 'dictate', 'elucidate', 'unravel', 'underpin', 'hinder', 'impede', 'mitigate', 'facilitate',
  'necessitate', 'enable', 'induce', 'promote', 'regulate', 'suppress', 'enhance', 'boost', 'accelerate', 'alleviate',
  'inhibit', 'achieve', 'deliver', 'demonstrate', 'reveal', 'determine', 'affect',
]);

/** Whether a word is a verb's third person as compromise reads it alone ("mitigates", "imparts"; not "batteries", a noun). */
function isPresentVerb(word: string): boolean {
  // Not a noun that ends in s as a verb does ("gas", "mass", "plus"): five letters or more, no -ss or -us.
  return /^[a-z]{3,}[a-rt-z]s$/.test(word) && tagged(word, '#PresentTense') && !tagged(word, '#Noun');
}

/**
 * Whether compromise tags `text` (a word alone: an -ly or -ed word, `mayNameTopic`), or its word
 * `match` in it, with `tag`.
 */
function tagged(text: string, tag: string, match?: string): boolean {
  const key = `${tag} ${text} ${match ?? ''}`;
  let known = manners.get(key);
  if (known === undefined) {
    const doc = nlp(text);
    manners.set(key, known = (match === undefined ? doc : doc.match(match)).has(tag));
  }
  return known;
}

/**
 * The plural of a noun phrase, for "works on dendrites and grain boundaries": the head (last) word
 * inflected when it is a countable noun. Acronyms, names and formulas ("SEI", "NequIP", "Li3InCl6")
 * and mass nouns stay as they are.
 */
export function pluralOf(phrase: string): string {
  let plural = plurals.get(phrase);
  if (plural === undefined) plurals.set(phrase, plural = computePlural(phrase));
  return plural;
}

function computePlural(phrase: string): string {
  const words = phrase.split(' ');
  const head = words.at(-1) ?? '';
  // Polymers by name ("polyacrylonitrile") and metals by element ("lithium metal") are materials, not things to count.
  const material = (head.startsWith('poly') && head.length > 'polymer'.length) || (words.length > 1 && ELEMENT_NAMES.test(words[0] as string) && head === 'metal');
  if (!/^[a-z]+$/.test(head) || MASS.test(head) || material || Object.hasOwn(world.model.two.uncountable, head)) return phrase;
  // Tagged in a carrier sentence: alone, "interface" reads as a verb.
  const doc = nlp(`the ${phrase} is here`);
  if (!doc.has(`${head} (is|are)`) || !doc.match(head).has('#Noun')) return phrase;
  // Already plural, as a keyword drafted from the papers' own words often is ("batteries", "gauge theories").
  if (doc.match(head).has('#Plural') || head === 'data') return phrase;
  return [...words.slice(0, -1), world.methods.two.transform.noun.toPlural(head, world.model)].join(' ');
}

/** The digest's list and possessive (core's english.ts, shared with the learned lines). */
export { listOf, possessive } from '@labdigest/core';

// Letters whose names start with a vowel sound: "an MLIP", "an SEI", "a DFT study".
const VOWEL_LETTERS = new Set('AEFHILMNORSX');

/** The phrase with "a" or "an" before it, by how its first word is said. */
export function withArticle(phrase: string): string {
  const first = phrase.split(/[\s-]/)[0] ?? '';
  let an: boolean;
  if (/^[A-Z]{2,}/.test(first)) an = VOWEL_LETTERS.has(first[0] as string);
  else if (/^\d/.test(first)) an = /^(?:8|11|18)(?!\d)|^8\d/.test(first);
  else {
    const lower = first.toLowerCase();
    an = /^[aeiou]/.test(lower) && !/^(?:uni|use|usu|eu|one|ur[aeiou])/.test(lower) || /^(?:hour|honest|honou?r)/.test(lower);
  }
  return `${an ? 'an' : 'a'} ${phrase}`;
}

// Acronyms colleagues say rather than spell out; the others ("SPE", "ASSB") read better written out.
const SPOKEN = new Set(['MLIP', 'MLFF', 'NNP', 'GNN', 'SEI', 'CEI', 'DFT', 'MD', 'AIMD', 'PEO', 'PVDF', 'LiTFSI']);

/**
 * How a note names a keyword: by its acronym when colleagues say it that way ("machine learning
 * interatomic potential" is an MLIP), else as the config writes it.
 */
export function displayKeyword(
  keyword: string, acronyms: Readonly<Record<string, readonly string[]>>, own?: Readonly<Record<string, readonly string[]>>,
): string {
  // A group's own acronyms (the config's) are its words: a keyword written either way is said as the acronym.
  const folded = foldTerms(tokenize(keyword), own ? acronymTable(own) : undefined);
  if (folded.length === 1 && folded[0]?.startsWith('#')) {
    const acronym = Object.keys({ ...acronyms, ...own }).find((a) => `#${a.toLowerCase()}` === folded[0]);
    if (acronym && (SPOKEN.has(acronym) || (own !== undefined && Object.hasOwn(own, acronym)))) return acronym;
    // Written as an acronym colleagues spell out: its first expansion.
    if (acronym && keyword === acronym) return acronyms[acronym]?.[0] ?? keyword;
  }
  return keyword;
}
