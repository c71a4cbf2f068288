/**
 * Compound words, written joined, hyphenated or apart: "interatomic", "inter-atomic" and "inter atomic";
 * "phasefield", "phase-field" and "phase field"; "electrochemomechanical" and "electro-chemo-mechanical".
 * The tokenizer already reads a hyphen as a space, so a keyword needs two more spellings: its words
 * joined, and its words split where one is a combining form and a word.
 */

/**
 * Combining forms the field writes joined, hyphenated or apart ("inter-atomic", "electro-chemo-
 * mechanical", "super-ionic", "cross-linked", "co-polymer"). A keyword's word that starts with one of
 * these and goes on with a word also matches as two words. Ambiguous forms ("re", "de", "bi") are left
 * out: "reaction" is never written "re-action".
 */
export const COMBINING_FORMS: readonly string[] = [
  'inter', 'intra', 'electro', 'chemo', 'mechano', 'thermo', 'hydro', 'iono', 'organo', 'multi', 'micro', 'nano', 'meso', 'macro',
  'poly', 'co', 'non', 'semi', 'super', 'ultra', 'quasi', 'pseudo', 'anti', 'sub', 'over', 'under', 'cross', 'post', 'pre', 'self',
];

/**
 * Kinds of gel a materials scientist files as gel (polymer) electrolytes: a keyword's "gel" also matches
 * each of them, joined or not ("hydrogel", "hydro-gel"). One direction only: "hydrogel" as a keyword
 * does not match every gel.
 */
export const GEL_KINDS: readonly string[] = ['hydrogel', 'ionogel', 'organogel', 'eutectogel'];

/** Words known to stand alone: only `has` is asked. */
export type WordSet = Pick<ReadonlySet<string>, 'has'>;

const MAX_SPELLINGS = 32;
const isPlainWord = (w: string) => /^[a-z]{2,}$/.test(w);

/**
 * The raw word sequences a keyword's words may be written as: the words themselves, each word split
 * at a combining form (or into two words the keywords use elsewhere, `known`), and every choice of
 * neighbouring plain words joined. The keyword as written comes first.
 */
export function compoundSpellings(words: readonly string[], known: WordSet = new Set()): string[][] {
  // Each word fully split first: "electrochemomechanical" -> electro chemo mechanical.
  const split = words.flatMap((w) => splitCompound(w, known));
  const out = new Map<string, string[]>();
  const add = (seq: string[]) => { if (out.size < MAX_SPELLINGS) out.set(seq.join(' '), seq); };
  add([...words]);
  // Every choice of joined gaps between plain words, fewest joins first. A gap joins after a combining
  // form ("electro chemical") or between two short words ("phase field"): nobody writes "lithiummetal".
  const gaps: number[] = [];
  for (let i = 0; i + 1 < split.length; i++) {
    const [left, right] = [split[i] as string, split[i + 1] as string];
    if (isPlainWord(left) && isPlainWord(right) && (COMBINING_FORMS.includes(left) || (left.length <= 6 && right.length <= 6))) gaps.push(i);
  }
  const choices = [...Array(2 ** Math.min(gaps.length, 5)).keys()].sort((a, b) => popCount(a) - popCount(b) || a - b);
  for (const choice of choices) {
    const joined: string[] = [];
    split.forEach((w, i) => {
      const g = gaps.indexOf(i - 1);
      if (g >= 0 && g < 5 && (choice >> g) & 1) joined[joined.length - 1] += w;
      else joined.push(w);
    });
    add(joined);
  }
  return [...out.values()];
}

/** A word split at its combining forms, recursively: "interatomic" -> inter atomic. Other words stay whole. */
export function splitCompound(word: string, known: WordSet = new Set()): string[] {
  const lower = word.toLowerCase();
  if (lower !== word || !isPlainWord(word)) return [word];
  if (GEL_KINDS.includes(word)) return [word.slice(0, -3), 'gel']; // "hydro-gel"; "gel" is too short for the rule below
  for (const form of COMBINING_FORMS) {
    if (!word.startsWith(form)) continue;
    const rest = word.slice(form.length);
    // A long form goes before any word of five letters or more; a short one ("co", "non") only before a
    // word the keywords use, or "coordination" would read as "co ordination".
    if (form.length >= 4 ? rest.length >= 5 : known.has(rest)) return [form, ...splitCompound(rest, known)];
  }
  for (let at = 4; at <= word.length - 4; at++) {
    if (known.has(word.slice(0, at)) && known.has(word.slice(at))) return [word.slice(0, at), ...splitCompound(word.slice(at), known)];
  }
  return [word];
}

function popCount(x: number): number {
  let n = 0;
  for (let v = x; v; v >>= 1) n += v & 1;
  return n;
}
