// Words run together where a publisher's markup dropped the space between them: "MolecularDynamics",
// "Sodium-IonTransport", "theSeparator", "Pathwaysat", "Electrodepositionof" (titles of the shared
// corpus's OpenAlex records). Names look the same (SharpDepth, FreePower, MatterSim, LiTFSI), so a join is
// split only where every sign says damage, and a wrong split counts for more than a missed one:
// - both halves are common words of the word list and the joined form is no known word (word-list.ts);
// - a capital inside the word (MolecularDynamics, theSeparator) is split in titles only: in abstracts
//   such words are nearly all names of methods and data sets, cited once;
// - a name is introduced before a colon ("CityWalker: …"), used again in the paper ("We propose
//   SharpDepth …"), or joined to an acronym or number ("SparseWorld-TC", "DexHand 021"): all are left alone.
import { commonWords, joinedWords } from './word-list.ts';

const functionWords = ['of', 'at', 'the', 'in', 'on', 'for', 'via', 'and', 'with', 'by', 'to', 'as'] as const;
/** Endings that are also the ends of real words (protein, spinon, potato, whereas): a longer first half is required. */
const riskyEndings = new Set(['in', 'on', 'to', 'as']);
/**
 * First halves that names of models and methods are made of (DeepResearch, MultiMind, MetaWorld,
 * SuperPoint, OpenCat, AnyTask, FreePower, FastSwitch): a join that starts with one is taken for a name.
 */
const namePrefixes = new Set(['deep', 'multi', 'meta', 'super', 'hyper', 'auto', 'open', 'any', 'omni', 'uni', 'mega', 'mini', 'ultra',
  'smart', 'self', 'one', 'all', 'free', 'fast', 'dual', 'neural', 'graph', 'chat', 'code', 'text', 'vision']);

/** The symbols of the ions batteries are named by, a camel join's second half before a hyphen: "PrismaticNa-Ion", "WeakeningLi-Ion". */
const batteryIons = new Set(['Li', 'Na', 'Zn', 'Mg', 'Ca', 'Al']);

/** How a run-together word splits, by which rule. */
export type JoinKind = 'camel' | 'function-word-first' | 'function-word-last';

export interface Split {
  readonly left: string;
  readonly right: string;
  readonly kind: JoinKind;
}

/**
 * The place where `word` splits into two words by the rules below, or null. `isCommon` says whether a
 * lowercase word is common (the shipped word list, or the list being built by scripts/build-word-list.ts).
 *   camel:               Molecular|Dynamics, Ion|Transport: two common words of 3+ letters (splitRunTogether asks
 *                        4+ of the second, outside a compound such as Ion-SelectiveGel: Sim, Net, Hub make names),
 *                        or a common word and an ion's symbol (Prismatic|Na, before a hyphen: "PrismaticNa-Ion")
 *   function-word-first: the|Separator, of|Solid: a function word before a capitalised common word
 *   function-word-last:  Pathways|at, Electrodeposition|of: a common word of 5+ letters (7+ before in, on, to, as)
 */
export function splitPoint(word: string, isCommon: (lower: string) => boolean): Split | null {
  const camel = /^([A-Z]?[a-z]+)([A-Z][a-z]+)$/.exec(word);
  if (camel) {
    const [, left = '', right = ''] = camel;
    if ((functionWords as readonly string[]).includes(left)) {
      return right.length >= 3 && isCommon(right.toLowerCase()) ? { left, right, kind: 'function-word-first' } : null;
    }
    return left.length >= 3 && (right.length >= 3 || batteryIons.has(right)) && !namePrefixes.has(left.toLowerCase())
      && isCommon(left.toLowerCase()) && (batteryIons.has(right) || isCommon(right.toLowerCase()))
      ? { left, right, kind: 'camel' } : null;
  }
  if (!/^[A-Z]?[a-z]+$/.test(word)) return null;
  const lower = word.toLowerCase();
  for (const fw of functionWords) {
    if (!lower.endsWith(fw)) continue;
    const left = word.slice(0, -fw.length);
    if (left.length >= (riskyEndings.has(fw) ? 7 : 5) && isCommon(left.toLowerCase())) return { left, right: fw, kind: 'function-word-last' };
  }
  return null;
}

let common: ReadonlySet<string> | undefined;
let joined: ReadonlySet<string> | undefined;
const isCommon = (w: string): boolean => (common ??= new Set(commonWords.split(/\s+/))).has(w);
const isJoinedWord = (w: string): boolean => (joined ??= new Set(joinedWords.split(/\s+/))).has(w);

export interface RunTogetherOptions {
  /** Whether the text is a title: only titles get their capitalised joins split. */
  readonly title: boolean;
  /** The rest of the paper (the abstract of a title, the title of an abstract): a word used there too is a name. */
  readonly context?: string | null | undefined;
}

const hyphen = /[-‐‑–]/;
const plainWord = /^[A-Z]?[a-z]+$/;

/**
 * Whether the word at [start, end) of `text` sits where names and code do: a path, a URL, a version, a
 * compound with an acronym. On a side where `strict` says so, any compound counts (Mixture-ofExperts, stateof-the-art).
 */
function nameLike(text: string, start: number, end: number, strict: { before: boolean; after: boolean }): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  const rest = text.slice(end);
  if (/[\p{L}\p{N}_/@#\\.'’$^{}]/u.test(before) || /[\p{L}\p{N}_/@#\\'’$^{}:!+]/u.test(after)) return true;
  // A name heads a title: "CrossEarth-Gate: …", "AlignMerge - Alignment-Preserving …".
  if (/^(?:[-‐‑–][\p{L}\p{N}]+)*\s*:/u.test(rest) || (start === 0 && /^ [-–—] /.test(rest))) return true;
  if (after === '.' && /\p{L}/u.test(text[end + 1] ?? '')) return true;
  // "DexHand 021", "RobotArena ∞": a number or symbol after a name; a quantity ("FacilitatesStable 4.6 V") is no version.
  if (/^ (?:\d|[∞^])/.test(rest) && !/^ \d+(?:\.\d+)? ?(?:[kmµn]?[VAWgm]|K|°C|%|mAh|mA|h|s|nm|µm|cm|wt%)(?![\p{L}\p{N}])/u.test(rest)) return true;
  if (hyphen.test(before)) {
    const piece = /[\p{L}\p{N}]+$/u.exec(text.slice(0, start - 1))?.[0] ?? '';
    if (strict.before || !plainWord.test(piece)) return true;
  }
  if (hyphen.test(after)) {
    const piece = /^[\p{L}\p{N}]+/u.exec(text.slice(end + 1))?.[0] ?? '';
    // A suspended hyphen ("Ruthenium-InducedStrain- and Phase-Polarized") joins no piece.
    if (strict.after || (!plainWord.test(piece) && !/^\s/.test(text.slice(end + 1)))) return true;
  }
  return false;
}

function occurrences(word: string, text: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))?.length ?? 0;
}

/**
 * Splits words that a publisher's markup ran together (see the top of this file): "MolecularDynamics"
 * -> "Molecular Dynamics", "theSeparator" -> "the Separator", "Pathwaysat" -> "Pathways at". Names
 * (LiTFSI, SchNet, PyTorch, GitHub, McDonald, SharpDepth: …) are left as they are. Idempotent.
 */
export function splitRunTogether(text: string, options: RunTogetherOptions): string {
  let out = '';
  let last = 0;
  // Only words with a capital inside (in titles) or a function word's letters at their end can split;
  // testing that first keeps the common case, an abstract's hundred plain words, cheap.
  const candidate = options.title ? /[a-z][A-Z]|(?:of|at|he|in|on|or|ia|nd|th|by|to|as)$/ : /(?:of|at|he|in|on|or|ia|nd|th|by|to|as)$/;
  for (const m of text.matchAll(/[A-Za-z]{5,}/g)) {
    const word = m[0];
    if (!candidate.test(word)) continue;
    const start = m.index;
    const split = splitPoint(word, isCommon);
    if (split === null || isJoinedWord(word.toLowerCase())) continue;
    if (split.kind !== 'function-word-last' && !options.title) continue;
    // In running text a capitalised word is a name (Hinton, Rankin); in a title, case says nothing.
    if (split.kind === 'function-word-last' && !options.title && /^[A-Z]/.test(word)) continue;
    // A three-letter second word only inside a compound of plain words (Ion-SelectiveGel), never alone (MatterSim);
    // an ion's symbol only before a hyphen and a word ("PrismaticNa-Ion Coordination"), never alone (a name's end).
    if (split.kind === 'camel' && split.right.length === 2 && !/^[-‐‑–]\p{L}/u.test(text.slice(start + word.length))) continue;
    if (split.kind === 'camel' && split.right.length === 3 && !/\p{L}[-‐‑–]$/u.test(text.slice(0, start))) continue;
    const strict = { before: split.kind !== 'camel', after: split.kind === 'function-word-last' };
    if (nameLike(text, start, start + word.length, strict)) continue;
    // A function word ends a phrase only when words follow it: "Robust Positionin" at the end is a cut word.
    if (split.kind === 'function-word-last' && !/^[\s,;(]*\p{L}/u.test(text.slice(start + word.length))) continue;
    if (occurrences(word, `${text}\n${options.context ?? ''}`) > 1) continue;
    out += `${text.slice(last, start)}${split.left} ${split.right}`;
    last = start + word.length;
  }
  return last === 0 ? text : out + text.slice(last);
}
