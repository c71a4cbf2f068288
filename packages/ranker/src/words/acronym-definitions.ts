import { ACRONYMS } from './acronyms.ts';

/** Small words a phrase may hold without giving its acronym a letter ("state of charge": SOC, "density of states": DOS). */
const SMALL = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'with', 'by', 'at']);

/** "… density matrix renormalization group (DMRG)": the words before an acronym in brackets. */
const DEFINITION = /((?:[A-Za-z][A-Za-z\u2010\u2011-]*\s+){1,10})\(([A-Z]{2,12})s?\)/g;

/**
 * The phrase an acronym in brackets stands for, from the words just before it: the last words whose
 * initials (a hyphenated word's parts each give one) spell it, small words passed over; undefined when
 * they do not ("the group (MLIP)").
 */
export function expansionBefore(words: readonly string[], acronym: string): string | undefined {
  let letter = acronym.length - 1;
  let from = words.length;
  for (let w = words.length - 1; w >= 0 && letter >= 0; w--) {
    const word = words[w] as string;
    const parts = word.split(/[\u2010\u2011-]/).filter(Boolean);
    const initials = parts.map((p) => p.charAt(0).toUpperCase());
    const fits = initials.length <= letter + 1 && initials.every((c, k) => c === acronym.charAt(letter - initials.length + 1 + k));
    if (fits) {
      letter -= initials.length;
      from = w;
    } else if (SMALL.has(word.toLowerCase()) && from < words.length) {
      continue;
    } else {
      return undefined;
    }
  }
  return letter < 0 ? words.slice(from).join(' ').toLowerCase() : undefined;
}

/** A phrase with its hyphens as spaces and its words' plural s taken off: how two spellings are told to be one. */
function sameness(phrase: string): string {
  return phrase.split(/[\s\u2010\u2011-]+/).map((w) => w.replace(/s$/, '')).join(' ');
}

/**
 * The acronyms a group's own papers define ("oxygen reduction reaction (ORR)"), those labdigest does
 * not know already, each with the phrase most of its definitions write: those at least `minPapers`
 * papers define, for `digest init --from-bib` to write into the config.
 */
export function acronymsDefined(papers: readonly { readonly title: string; readonly abstract?: string | null }[], minPapers = 2): Record<string, string[]> {
  const found = new Map<string, Map<string, number>>();
  for (const paper of papers) {
    const seen = new Set<string>();
    for (const match of `${paper.title}. ${paper.abstract ?? ''}`.matchAll(DEFINITION)) {
      const acronym = match[2] as string;
      if (acronym in ACRONYMS || seen.has(acronym)) continue;
      const phrase = expansionBefore((match[1] as string).trim().split(/\s+/), acronym);
      if (!phrase) continue;
      seen.add(acronym);
      let phrases = found.get(acronym);
      if (!phrases) found.set(acronym, phrases = new Map());
      phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
    }
  }
  const out: Record<string, string[]> = {};
  for (const [acronym, phrases] of [...found].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const total = [...phrases.values()].reduce((n, c) => n + c, 0);
    // One meaning: spellings that differ only in plurals and hyphens are one phrase ("matrix product
    // states"); papers that spell it two ways ("BN": boron nitride, biological neurons) define nothing.
    if (total < minPapers || new Set([...phrases.keys()].map(sameness)).size > 1) continue;
    out[acronym] = [[...phrases].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] as string];
  }
  return out;
}
