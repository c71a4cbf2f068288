// Chemical formulas whose sub- and superscripts were stripped by the source with a space on either
// side: "Li 2 O‐Rich", "Mg 1‐x Li x F 2 /PEO", "LiNi 0.8 Co 0.1 Mn 0.1 O 2". The shared corpus
// (OpenAlex journal records) and JACS's RSS titles (fixtures/rss/rss-acs-jacs-mirrored-2026-08-22.xml:
// "Mg 2 RhH 6 Experimentally") arrive like this; markup, where there is some, is joined by cleanText.

const SYMBOLS = [
  'H', 'He', 'Li', 'Be', 'B', 'C', 'N', 'O', 'F', 'Ne', 'Na', 'Mg', 'Al', 'Si', 'P', 'S', 'Cl', 'Ar', 'K', 'Ca', 'Sc', 'Ti', 'V',
  'Cr', 'Mn', 'Fe', 'Co', 'Ni', 'Cu', 'Zn', 'Ga', 'Ge', 'As', 'Se', 'Br', 'Kr', 'Rb', 'Sr', 'Y', 'Zr', 'Nb', 'Mo', 'Tc', 'Ru',
  'Rh', 'Pd', 'Ag', 'Cd', 'In', 'Sn', 'Sb', 'Te', 'I', 'Xe', 'Cs', 'Ba', 'La', 'Ce', 'Pr', 'Nd', 'Pm', 'Sm', 'Eu', 'Gd', 'Tb',
  'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu', 'Hf', 'Ta', 'W', 'Re', 'Os', 'Ir', 'Pt', 'Au', 'Hg', 'Tl', 'Pb', 'Bi', 'Po', 'At', 'Rn',
  'Fr', 'Ra', 'Ac', 'Th', 'Pa', 'U', 'Np', 'Pu', 'Am', 'Cm', 'Bk', 'Cf', 'Es', 'Fm', 'Md', 'No', 'Lr', 'Rf', 'Db', 'Sg', 'Bh',
  'Hs', 'Mt', 'Ds', 'Rg', 'Cn', 'Nh', 'Fl', 'Mc', 'Lv', 'Ts', 'Og',
] as const;

/** The element symbols of the periodic table. */
export const elementSymbols: ReadonlySet<string> = new Set(SYMBOLS);

const symbol = `(?:${[...SYMBOLS].sort((a, b) => b.length - a.length).join('|')})`;
/** The symbols that end a chunk after punctuation or at its start: "Li/Al" -> Al, "(PO" -> PO, "·6H" -> H. */
const symbolTail = new RegExp(`(?:^|[^\\p{L}])(${symbol}+)$`, 'u');
/** The symbols that start a chunk, not followed by a lowercase letter: "O‐Rich" -> O, "S)" -> S, "Li" -> Li. */
const symbolLead = new RegExp(`^(${symbol}+)(?![\\p{Ll}])`, 'u');
/** A subscript count: 2, 0.8, 12, x, δ, 0.5x, 1‐x, 3‐2x, 4‐x‐y, 2+x. */
const count = /^(?:\d{1,2}(?:\.\d{1,3})?|(?:\d{1,2}(?:\.\d{1,3})?)?[xyzδ])(?:[‐\-–−+](?:\d{1,2}(?:\.\d{1,3})?|(?:\d{1,2}(?:\.\d{1,3})?)?[xyzδ])){0,2}$/;
/** Punctuation that follows a formula without a space: "F 2 /PEO", "(PO 4 )", "O 3 ,", "MoS 2 ‐catalyzed", "Cl 2 @UiO". */
const closing = /^[/)\]·,.;:‐\-–@]/;
/** Units after a number: "CO 6 cm line" is a quantity, not CO6. */
const unit = /^(?:[kmµnp]?m|[kmµ]?[gL]|m?Ah|m?A|[km]?V|m?eV|[kmM]?Hz|h|s|min|wt%?|mol|mM|°C|%|ppm)[.,;:)]?$/;
/**
 * Capitalised words of titles that are also element symbols ("At 5 K", "In 3 D", "No 2 …"): a formula does
 * not start with one on a single count. Co, La, Ga and the like are left out: in a title they are the element.
 */
const wordLike = new Set(['In', 'As', 'At', 'Be', 'He', 'No', 'I', 'Am', 'Re', 'Pa']);
/** Two different nonmetal symbols in capitals: molecules (CO, NO, SO, NH, OH, CH, PF, BF, CS), not acronyms or HH 46. */
const smallMolecule = /^([HBCNOFPS])(?!\1)[HBCNOFPS]$/;
/**
 * A metal whose symbol is one capital (K, V, W, Y, U) and a nonmetal's: binary compounds written in
 * capitals only, "YF 3 ‐improved", "WO 3 nanosheets", "WS 2", "UO 2" (the sentence's acronyms are two
 * capitals too, but none of these pairs reads as one).
 */
const capitalBinary = /^[KVWYU][BCFINOPS]$/;
/** The elements that are diatomic gases: alone with a count of 2 before a word they are the molecule ("H 2 evolution"). */
const diatomic = new Set(['H', 'N', 'O', 'F', 'Cl', 'Br']);
/** Symbols and a dash before the last symbol: a battery chemistry or a bond ("Zn–I 2 batteries", "Li–O 2", "Zn─I"). */
const chemistryBefore = new RegExp(`^${symbol}+[–\\-‐─]$`);
/** An orbital's letter after its shell's number: "O 2 s", "N 2 p" are the O 2s and N 2p levels, not O2 and N2. */
const orbital = /^[spdf][.,;:)]?$/;
/** Words before a figure or table number: "Figure S 2 B" is a panel, not a formula. */
const figureWord = /^(?:Fig(?:ure)?s?\.?|Tables?|Schemes?|Eqs?\.?|Equations?|Notes?|Movies?|Videos?|Sections?|Steps?|Panels?|Samples?)$/i;

function symbolCount(symbols: string): number {
  return symbols.match(new RegExp(symbol, 'g'))?.length ?? 0;
}

/** The symbols a formula chunk ends with, or null. */
function tailOf(chunk: string): string | null {
  return symbolTail.exec(chunk)?.[1] ?? null;
}

/**
 * The symbols a chunk starts with when they read as elements there: not an acronym plural (NCs, CNTs),
 * not a capitalised word (In, As, No) that starts the next words of a sentence.
 */
function leadOf(chunk: string, next: string | undefined): string | null {
  const lead = symbolLead.exec(chunk)?.[1];
  if (lead === undefined || /^[A-Z]{2,}s$/.test(lead)) return null;
  if (lead === chunk && wordLike.has(lead) && next !== undefined && /^\p{Ll}/u.test(next) && !count.test(next)) return null;
  return lead;
}

/** A chunk whose symbols alone say formula: more than one symbol, with a lowercase letter, a small molecule or a capital binary. */
function isCompound(symbols: string): boolean {
  return symbolCount(symbols) >= 2 && (/\p{Ll}/u.test(symbols) || smallMolecule.test(symbols) || capitalBinary.test(symbols));
}

/**
 * A chunk that says formula: a compound, or symbols after formula punctuation ("Li/Al", "HCCH–H",
 * "Si@Fe"). `afterFormula`: the chunk goes on from a formula just joined ("F 2 /H 2" -> the "/H" of
 * "F2/H"), which stands for the capital the punctuation follows, as it will once the spaces are gone.
 */
function isFormulaChunk(chunk: string, tail: string, afterFormula: boolean): boolean {
  if (isCompound(tail)) return true;
  const before = chunk.slice(0, chunk.length - tail.length);
  return (afterFormula || /\p{Lu}/u.test(before)) && /[/@·–\-‐:]$/.test(before);
}

interface Run {
  /** Indexes of the separators (in the split text) to remove. */
  joins: number[];
  counts: number;
  /** Whether a number counts an element (Li x F alone is not enough to go on). */
  digits: boolean;
  /** What follows the first count: another element, punctuation, a word, or nothing. */
  after: 'element' | 'closing' | 'word' | 'end';
  /** Index of the last chunk the run covers. */
  last: number;
  /** Whether a unit follows a count ("6 cm"). */
  unit: boolean;
  /** The chunk after the first count, when it is punctuation. */
  closer: string;
}

/** A count after an element (or a bracket) whose decimal point stands between spaces: "Ni 0 . 8", "] 0 . 9". */
const spacedPoint = new RegExp(`(?<=(?:^|[^\\p{L}])${symbol}+[)\\]]? )(\\d{1,2}) \\. (\\d{1,3})(?!\\d)`, 'gu');

/** Symbols in or after brackets, which a count may follow: "(PO", "N)", "(OH)", "]O". */
const group = new RegExp(`^[([)\\]]*${symbol}+[)\\]]*$`);
/** A closing chunk that goes on with another formula: "/LiCoO", "·6H". */
const closingFormula = new RegExp(`^[/·‐\\-–@]${symbol}+(?![\\p{Ll}])`, 'u');

/** Whether the group opened in chunk `k` closes within a few chunks and a count follows it: "(PO 4 ) 3". */
function groupTakesCount(parts: readonly string[], k: number): boolean {
  let depth = 0;
  for (let i = k; i < parts.length && i <= k + 16; i += 2) {
    const chunk = parts[i] as string;
    for (const c of chunk) {
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
    }
    if (depth <= 0) return /[)\]]\d/.test(chunk) || count.test(parts[i + 2] ?? '');
  }
  return false;
}

/**
 * The run of element–count pairs that starts at chunk `i` of `parts` (the text split on spaces:
 * chunks at even indexes, the spaces between them at odd ones).
 */
function runAt(parts: readonly string[], i: number): Run | null {
  const run: Run = { joins: [], counts: 0, digits: false, after: 'end', last: i, unit: false, closer: '' };
  let j = i;
  for (;;) {
    const c = parts[j + 2];
    if (c === undefined || !count.test(c)) break;
    run.joins.push(j + 1);
    run.counts++;
    run.digits ||= /\d/.test(c) && tailOf(parts[j] as string) !== null;
    j += 2;
    run.last = j;
    const next = parts[j + 2];
    if (next === undefined) break;
    // After a count, "I" is iodine ("Li 6 PS 5 I exhibits"): abstracts do not say "I" after a number.
    const lead = leadOf(next, parts[j + 4]) ?? (next === 'I' ? 'I' : null);
    // A bracketed group joins the formula only when a count follows its closing bracket: "(PO 4 ) 3",
    // "(OH) 6"; "(NFPP)" or "(Na 3 VP)" after a formula is its abbreviation.
    const opens = group.test(next) && /[([]/.test(next) && groupTakesCount(parts, j + 2);
    const element = lead !== null || opens;
    // A dash alone between spaces may be a charge (ClO 4 –) or a dash in the sentence: left alone.
    const kind = element ? 'element' : closing.test(next) && !/^[‐\-–]$/.test(next) ? 'closing' : 'word';
    if (kind === 'word' && unit.test(next)) {
      run.unit = true;
      break;
    }
    if (run.counts === 1) {
      run.after = kind;
      if (kind === 'closing') run.closer = next;
    }
    if (kind === 'word') break;
    run.joins.push(j + 1);
    j += 2;
    run.last = j;
    // A count may follow symbols, an opened or closed group: "Li 2 Li 9", "(PO 4 ) 3", "(C 4 H 8 N) 2", "]O 2".
    if (next !== lead && !group.test(next) && !/^[)\]]+$/.test(next)) break;
  }
  return run.counts === 0 ? null : run;
}

/**
 * Joins formulas whose counts were set apart by spaces when their subscripts were stripped:
 * "Li 2 O‐Rich" -> "Li2O‐Rich", "Mg 1‐x Li x F 2 /PEO" -> "Mg1‐xLixF2/PEO", "Li/Al 4 Li 9" -> "Li/Al4Li9".
 * Only what looks like a formula, with a number among its counts: two counts or more, an
 * element–count–element, or one count after a compound ("MoS 2 nanosheets", "CO 2 reduction").
 * Ordinary text ("Figure 2 A", "Li 2 electrodes", "V 2 and", "C 1 s") is left as it is. Only spaces
 * are removed.
 */
export function joinSpacedFormulas(input: string): string {
  if (!/\p{Lu}\p{Ll}?[)\]]? [\dxyzδ]/u.test(input)) return input;
  // A decimal count whose point was set apart too ("LiNi 0 . 8 Co 0 . 1 Mn 0 . 1 O 2": 26 in the corpus).
  const text = input.includes(' . ') ? input.replace(spacedPoint, '$1.$2') : input;
  const parts = text.split(/( +)/);
  const remove = new Set<number>();
  // The chunk a joined formula ran into, which goes on from it.
  let continued = -1;
  for (let i = 0; i < parts.length; i += 2) {
    // Counts are rare: test the cheap pattern on the next chunk before the symbols of this one.
    if (!count.test(parts[i + 2] ?? '')) continue;
    const chunk = parts[i] as string;
    const tail = tailOf(chunk);
    if (tail === null) continue;
    const run = runAt(parts, i);
    if (run === null || !run.digits || (i >= 2 && figureWord.test(parts[i - 2] as string))) continue;
    const startsLikeWord = tail === chunk && wordLike.has(chunk);
    const formula = !run.unit && (run.counts >= 2 || (!startsLikeWord && (
      run.after === 'element'
      || (run.after === 'closing' && (isFormulaChunk(chunk, tail, i === continued) || closingFormula.test(run.closer)))
      // One count before a word: a compound in mixed case (MoS 2 nanosheets), or a molecule (CO 2 reduction).
      // A molecule in capitals only alone or after lowercase (CO 2, -to-CH 4), not in a chain of acronyms (CC-BY-NC 4.0).
      || (run.after !== 'closing' && isCompound(tail) && (/\p{Ll}/u.test(tail) || !/\p{Lu}/u.test(chunk.slice(0, -tail.length))))
      // One count of 2 after a lone diatomic element (H 2 evolution, O 2 and, H 2 .), or before a word
      // after the second element of a chemistry (Zn–I 2 batteries, Li–O 2 cells).
      || (run.counts === 1 && parts[i + 2] === '2' && !orbital.test(parts[i + 4] ?? '') && (tail === chunk
        // Not the last element of a formula whose other counts were not joined ("Mn 1/3 O 2", "y O 2").
        ? diatomic.has(tail) && !/[\dxyzδ]$/.test(parts[i - 2] ?? '')
        : run.after === 'word' && chemistryBefore.test(chunk.slice(0, -tail.length))))
      // Symbols and one count alone in brackets: a formula named after its name ("oxygen (O 2 )",
      // "hexafluorophosphate (KPF 6 )"); nothing else is written "(O 2 )".
      || (run.counts === 1 && run.after === 'closing' && /^\)[.,;:]?$/.test(run.closer) && chunk === `(${tail}`))));
    if (!formula) continue;
    for (const k of run.joins) remove.add(k);
    if (remove.has(run.last - 1)) continued = run.last;
    // The run's last chunk may start the next formula: "Li 2 O/Li 2 O 2".
    i = run.last - 2;
  }
  if (remove.size === 0) return text;
  return parts.map((p, k) => (remove.has(k) ? '' : p)).join('');
}

/** A hybrid orbital's count set apart, and the spaces a bracket or a hyphen kept around it: "C( sp 3 )–H", "sp 2 ‐carbon". */
const spacedHybrid = /(?:\( )?(?<![\p{L}\d])sp ([23])(?!\d|[.,]\d)(?: (?=[)\]‐-]))?/gu;

/**
 * Joins hybrid orbitals whose superscript count was stripped with spaces, as formulas' are:
 * "C( sp 3 )–H" -> "C(sp3)–H", "sp 2 hybridized" -> "sp2 hybridized" (30 in the corpus). Nothing
 * else is written "sp" and a lone 2 or 3.
 */
export function joinSpacedOrbitals(text: string): string {
  return text.includes('sp ') ? text.replace(spacedHybrid, (match, n: string) => `${match.startsWith('(') ? '(' : ''}sp${n}`) : text;
}
