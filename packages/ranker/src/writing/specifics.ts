import { isFormula } from '../words/formula.ts';
import { expansionBefore } from '../words/acronym-definitions.ts';
import { plainQuantity, withoutPraise } from './plain-words.ts';

/**
 * What is specific in a paper, for its relevance note: the materials it names by formula and the
 * numbers it reports (scale, energies, conductivities, cycling), in the abstract's own words.
 */
export interface Specifics {
  /** Formulas, title first, then the longest (most specific): "Li2S0.72P0.14Cl0.14", "Li6PS5Cl". */
  readonly formulas: readonly string[];
  /** Quantities with what they measure: "up to 3 million atoms", "band gap of ~1.2 eV". */
  readonly quantities: readonly string[];
}

// Small molecules every field mentions: not what a paper is specifically about.
const COMMON_MOLECULES = new Set(['H2O', 'CO2', 'CO', 'O2', 'N2', 'H2', 'NH3', 'CH4', 'SO2', 'NO2', 'H2O2', 'HF', 'HCl']);
// Metals of the field's materials: a formula without a count names a material only with one of them ("LiF", "NaCl").
const METAL = /^(?:Li|Na|K|Mg|Ca|Zn|Al|Fe|Co|Ni|Mn|Cu|Ti|Zr|Y|In|Sc|Ta|Nb|La|Ag|Sn|Bi|V|Cr|Mo|W|Ga|Ge|Hf|Ce|Er|Ho|Yb|Gd|Sr|Ba|Cs|Rb|Pb|Sb)$/;

/**
 * Formulas worth naming: two elements or more, with a count ("Li3InCl6") or led by a metal ("LiF");
 * not acronyms that happen to spell elements ("HSEs", "SEs"), not standards ("ISO13314"), not water or CO2.
 */
function isNamedFormula(word: string): boolean {
  if (word.length < 3 || !isFormula(word) || COMMON_MOLECULES.has(word) || /^[A-Z]+s$/.test(word)) return false;
  // A count of three digits or more is a number, not a subscript: "ISO13314" is a standard.
  if (/(?<![\d.])\d{3,}/.test(word)) return false;
  const elements = new Set(word.match(/[A-Z][a-z]?/g) ?? []);
  // Without a metal, a formula is an anion or a fragment ("PO4", "PF6"), unless it is a compound of three elements or more.
  const metal = [...elements].some((e) => METAL.test(e));
  if (!metal && elements.size < 3) return false;
  if (!/\d/.test(word) && !(metal && /[a-z]/.test(word))) return false;
  return elements.size >= 2;
}

/**
 * The words of a text that may be formulas or their counts: runs of letters, digits and decimal
 * points that start with a capital or a digit. A cheap split, for texts the analyzer has normalized.
 */
function candidateWords(text: string): { words: string[]; starts: number[]; ends: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const word = match[0].replace(/\.$/, '');
    words.push(word);
    starts.push(match.index);
    ends.push(match.index + word.length);
  }
  return { words, starts, ends };
}

const CANDIDATE = /(?<![A-Za-z0-9.])[A-Z0-9][A-Za-z0-9.]*/g;
/**
 * A formula's group in parentheses right after it, and its count: "(PO4)3", "(PO 4 ) 3", "(OH)2". Two
 * elements or more, with counts of one or two digits, and a count inside or after it: "(P3221)" is a
 * space group, "(CBN)" and "(Ni82)" are the material's abbreviations.
 */
const GROUP = /^ ?\( ?((?:[A-Z][a-z]? ?(?:\d{1,2}(?:\.\d+)?)? ?)+)\)(?: ?(\d{1,2}(?:\.\d+)?)(?![\d.]))?/;

/** Elements and their counts written straight after a group and its count: the "O2F" of "(PO4)2O2F". */
const AFTER_GROUP = /^(?:[A-Z][a-z]?(?:\d{1,2}(?:\.\d+)?)?)+(?![\p{L}\d])/u;

/**
 * A formula written as what a layer is made of or an unwanted phase, not a material of the paper:
 * "LiF‐rich SEI", "LiF-dominant", "Li3N‐enriched", "InCl3 impurity" (the corpus's notes said "It works
 * with LiF" of electrolytes whose interphase is rich in it); "enriched with LiF/Li 3 N", "enriched with
 * inorganic species such as Li2CO3", "SEI
 * composition of Li 3 N/Li 2 CO 3 /LiF" before it; "LiF/Li3N/B–O-containing SEI". A formula the title names, or the abstract names
 * otherwise once, is kept.
 */
const PRODUCT_AFTER = /^(?:\/[A-Z][A-Za-z0-9.–‐-]*)*\s?[‐‑-]?\s?(?:rich|dominant|dominated|enriched|derived|impurit(?:y|ies)|by-?products?|side products?|containing\s+(?:[\w‐-]+\s+){0,2}(?:SEI|CEI|interphases?|layers?|films?))\b/;
const PRODUCT_BEFORE = /\b(?:(?:enriched with|rich in)(?:\s+[\w‐-]+){0,3}?\s+(?:such as|like|including)|enriched with|rich in|(?:SEI|CEI|interphase) (?:composition )?of|impurit(?:y|ies) (?:of|such as)|formation of)\s*(?:[A-Z][A-Za-z0-9.]*\s?\/\s?)*$/;
// What an interphase is said to contain, listed after it: "an SEI containing Li–Mg alloy, LiF, and Li3N",
// "a dual‐layer SEI enriched with N‐containing and LiF components".
const LAYER_HOLDS = /\b(?:SEI|CEI|interphases?)\)?\s+(?:containing|composed of|consisting of|comprising|enriched with|rich in)\s+[^.;()]{0,50}$/;

/**
 * A formula written as an electrode of the cell a paper tests in, not as what it studies: "Li||LiFePO4
 * cells", "Li//LiMn2O4", "LiNi0.9Co0.05Mn0.05O2 (NCM9)|Li full cells", "lithium-LiFePO4 pouch cells",
 * "uncoated NaNi0.4Fe0.2Mn0.4O2 cathode", "LiFePO4 (LFP) cathodes". An electrolyte or SEI paper's notes
 * said "It works with LiFePO4" of the cathode its full cell was shown with. Kept when the title names
 * the formula, or names that kind of electrode: a paper on cathodes keeps its cathode, one on anodes
 * its anode (not the VO2 its zinc anodes were cycled against: in a cell, a formula of a transition
 * metal's oxide or phosphate is taken for the cathode).
 */
const ELECTRODE_AFTER = /^(?:\s?\([A-Za-z0-9]+\))?\s?(?:[‐‑-]based\s)?(cathode|anode)s?\b/;
const CELL_AFTER = /^(?:\s?\([A-Za-z0-9]+\))?\s?(?:\|\|?|\/\/)/;
const CELL_BEFORE = /(?:\|\|?|\/\/)\s?$|\b(?:lithium|sodium|zinc|graphite|Li|Na|Zn)\s?[‐‑–-]$/;
/** After a formula a dash put next to its counter-electrode ("lithium-LiFePO4"): a cell only if cells follow. */
const CELLS_AFTER = /^\s?(?:(?:pouch|coin|full)\s)?cells?\b/;
const DASHED_BEFORE = /[‐‑–-]$/;
const CATHODE_LIKE = /(?:Fe|Mn|Co|Ni|V|Cr)(?![a-z])[^]*O(?![a-z])|O(?![a-z])[^]*(?:Fe|Mn|Co|Ni|V|Cr)(?![a-z])/;

/**
 * Whether a formula occurrence (with the text just before and after it) is an electrode of a test
 * cell that the title does not make its subject (see ELECTRODE_AFTER).
 */
function testCellElectrode(word: string, before: string, after: string, title: { cathodes: boolean; anodes: boolean }): boolean {
  const named = ELECTRODE_AFTER.exec(after)?.[1];
  if (named) return named === 'cathode' ? !title.cathodes : !title.anodes;
  const dashed = DASHED_BEFORE.test(before);
  if (!(CELL_AFTER.test(after) || (CELL_BEFORE.test(before) && (!dashed || CELLS_AFTER.test(after))))) return false;
  return CATHODE_LIKE.test(word) ? !title.cathodes : !title.anodes;
}

/** Formulas of a paper (texts as the analyzer normalized them), at most `limit`. */
export function formulasIn(title: string, abstract: string, limit = 3): string[] {
  const seen = new Map<string, { inTitle: boolean; count: number; order: number; material: boolean }>();
  const electrodes = { cathodes: /\bcathodes?\b/i.test(title), anodes: /\banodes?\b/i.test(title) };
  let order = 0;
  for (const [text, inTitle] of [[title, true], [abstract, false]] as const) {
    const { words: all, ends, starts } = candidateWords(text);
    for (let i = 0; i < all.length; i++) {
      let word = all[i] as string;
      // Where the formula starts: `i` moves on over the pieces and groups it joins.
      const from = starts[i] as number;
      // Subscripts some feeds print apart: "LiFePO 4" is LiFePO4, "LiNi 0.8 Co 0.1 Mn 0.1 O 2" is
      // LiNi0.8Co0.1Mn0.1O2 (the tokenizer joins whole-number counts only).
      const apart = (k: number) => starts[k] === (ends[k - 1] as number) + 1 && text.charCodeAt(ends[k - 1] as number) === 32;
      // A formula of two elements or more has a count or a second capital: "The", "Here" are passed over;
      // "Li" is kept when a count printed apart follows ("Li 1.3 Al 0.3 Ti 1.7").
      const countFollows = i + 1 < all.length && /^\d+(?:\.\d+)?$/.test(all[i + 1] as string) && apart(i + 1);
      if (!/\d|^.[^]*[A-Z]/.test(word) && !countFollows) continue;
      if (/[A-Za-z]$/.test(word) && isFormula(word)) {
        // Once a count printed apart has joined, so do the elements after it, with their counts or not:
        // "Li 6.4 La3 Zr 1.4 Ta 0.6 O12" (the analyzer joins whole-number counts only) is Li6.4La3Zr1.4Ta0.6O12.
        let spaced = false;
        for (let next = all[i + 1]; next !== undefined && apart(i + 1); next = all[i + 1]) {
          if (/^\d+(?:\.\d+)?$/.test(next) && /[A-Za-z]$/.test(word)) spaced = true;
          else if (!spaced || !/^[A-Z][A-Za-z0-9.]*$/.test(next) || !isFormula(next)) break;
          word += next;
          i++;
        }
      }
      if (!isNamedFormula(word)) continue;
      // A group in parentheses goes on the formula, printed apart or not: "Li1.3Al0.3Ti1.7(PO4)3".
      const group = GROUP.exec(text.slice(ends[i] as number));
      if (group && isFormula((group[1] as string).replace(/\s/g, '')) && /[A-Z][^]*[A-Z]/.test(group[1] as string)
        && (/\d/.test(group[1] as string) || group[2] !== undefined)) {
        word += `(${(group[1] as string).replace(/\s/g, '')})${group[2] ?? ''}`;
        let end = (ends[i] as number) + group[0].length;
        // Elements written on after the group: "Na3V2(PO4)2O2F", "Na3V2(PO4)2F3".
        const rest = group[2] !== undefined ? AFTER_GROUP.exec(text.slice(end))?.[0] : undefined;
        if (rest && isFormula(rest)) { word += rest; end += rest.length; }
        while (i + 1 < all.length && (starts[i + 1] as number) < end) i++;
      }
      // What an interphase is rich in, an impurity, or the electrode of a test cell is no material the paper works with.
      const after = text.slice(ends[i] as number, (ends[i] as number) + 24);
      const before = text.slice(Math.max(0, from - 60), from);
      const product = !inTitle && (PRODUCT_AFTER.test(after) || PRODUCT_BEFORE.test(before) || LAYER_HOLDS.test(before)
        || testCellElectrode(word, before, after, electrodes));
      const known = seen.get(word);
      if (known) { known.count++; known.inTitle ||= inTitle; known.material ||= !product; } else seen.set(word, { inTitle, count: 1, order: order++, material: !product });
    }
  }
  // A formula that another goes on from with an element ("Li6PS5" of "Li6PS5Cl") is that material cut
  // short; "Li2S" beside "Li2S0.72P0.14Cl0.14" is a material of its own.
  const cutShort = (word: string) => /\d$/.test(word) && [...seen.keys()].some((other) => other.startsWith(word) && /[A-Z]/.test(other.charAt(word.length)));
  // A name in brackets whose capitals spell the words before it ("tangent-space Krylov (TaSK)") is an
  // acronym, though its letters spell elements: a formula without a count is checked for it.
  const text = `${title} ${abstract}`;
  const formulas = [...seen].filter(([word, { material }]) => material && !cutShort(word) && (/\d/.test(word) || !definedAsAcronym(word, text)));
  return formulas.sort(([a, x], [b, y]) => Number(y.inTitle) - Number(x.inTitle) || y.count - x.count || b.length - a.length || x.order - y.order)
    .slice(0, limit).map(([word]) => word);
}

/**
 * Whether `word` stands in brackets after words whose initials its capitals spell and that name no
 * chemical ("(TaSK)" after "tangent-space Krylov"; "zinc oxide (ZnO)" is the formula of its name).
 */
function definedAsAcronym(word: string, text: string): boolean {
  const at = text.indexOf(`(${word})`);
  if (at < 0) return false;
  const before = text.slice(Math.max(0, at - 120), at).trim().split(/\s+/);
  const phrase = expansionBefore(before, word.replace(/[^A-Z]/g, ''));
  return phrase !== undefined && !phrase.split(/[\s\u2010\u2011-]+/).some((w) => CHEMICAL_WORD.test(w));
}

/** Words of a chemical's name: elements ("zinc", "lithium", "molybdenum") and anions ("oxide", "nitride", "phosphate"). */
const CHEMICAL_WORD = /(?:ium|um|ides?|ates?|ites?)$|^(?:zinc|iron|copper|nickel|cobalt|gold|silver|tin|lead|carbon|oxygen|nitrogen|sulfur|sulphur|boron|silicon|phosphorus|manganese|tungsten|bismuth|antimony|arsenic|hydrogen|fluorine|chlorine|bromine|iodine)$/i;

// A number with its thousands set apart by a space ("10 000 cycles", "4 000 h", as SI style writes
// them: 130 abstracts of the corpus do), a mantissa with its power of ten ("1.2 × 10−4"), or a power of
// ten alone ("10 −4", "10^-4"). Qualifiers before it ("up to", "~") are read back from the text: a
// pattern that could start anywhere is slow.
const NUMBER = String.raw`(?:(?<![A-Za-z\d.,])\d{1,3}(?:[ \u2009\u202f]\d{3})+(?![\d.,])|\d[\d,]*(?:\.\d+)?(?:\s*[×x]\s*10\s*[−–^-]+\s*\d+)?(?!\s*[−–^-]+\s*\d)|10\s*[−–^-]+\s*\d+)`;
const QUALIFIER = /(?:up to|over|beyond|about|nearly|approximately|above|below|more than|less than|~|≈|∼|>|<|≥|≤)\s*$/;
// Between a unit's parts: a space, a minus, a slash or a middle dot ("mS·cm−1", "Wh·kg−1").
const PER = String.raw`\s*(?:[−–-]\s*|\^-?\s*|/\s*|[·⋅]\s*)?`;

/**
 * Kinds of quantity, most telling first: a number with its unit (`pattern`), or one that has no unit,
 * found by the words that name it (`find`).
 */
type Found = { start: number; end: number; shown: string };
const KIND_PATTERNS: readonly ({ readonly kind: string; readonly pattern: string } | { readonly kind: string; readonly find: (abstract: string) => Found | undefined })[] = [
  { kind: 'scale', pattern: String.raw`${NUMBER}\s*(?:million|billion|thousand)?\s*atoms\b` },
  { kind: 'energy', pattern: String.raw`${NUMBER}\s*m?eV\b(?:\s+(?:band gap|barrier|activation energy|energy barrier))?` },
  { kind: 'conductivity', pattern: String.raw`${NUMBER}\s*(?:m|µ|μ)?S${PER}cm(?:${PER}1|−1|-1|⁻¹)?` },
  { kind: 'transference number', find: (abstract) => transferenceIn(abstract) },
  { kind: 'capacity', pattern: String.raw`${NUMBER}\s*mA\s?h${PER}(?:g|cm)${PER}[12⁻¹²−-]*` },
  { kind: 'energy density', pattern: String.raw`${NUMBER}\s*Wh${PER}(?:kg|L)${PER}[1⁻¹−-]*` },
  // "retain 99.4% capacity after 1200 cycles" is a retention too, said with its cycles.
  { kind: 'retention', pattern: String.raw`${NUMBER}\s*%\s*(?:[Cc]apacity retention|retention|[Cc]oulombic efficiency|CE|(?:of\s+(?:its|their|the)\s+)?(?:initial\s+)?capacity(?=\s+after\s+\d))(?:\s+after\s+\d[\d,]*\s*cycles)?` },
  // Electrocatalysis: an overpotential with the current density it is read at, a Tafel slope, a
  // Faradaic efficiency or selectivity (a percentage quoted only with such a name: `namedAs`).
  { kind: 'overpotential', pattern: String.raw`${NUMBER}\s*mV(?!${PER}dec)(?:\s+at\s+${NUMBER}\s*mA${PER}cm${PER}[2²⁻−-]*)?` },
  { kind: 'Tafel slope', pattern: String.raw`${NUMBER}\s*mV${PER}dec${PER}[1⁻¹−-]*` },
  { kind: 'efficiency', pattern: String.raw`${NUMBER}\s*%(?:\s+(?:[Ff]aradaic efficiency|FE|selectivity))?` },
  { kind: 'cycling', pattern: String.raw`${NUMBER}\s*(?:cycles|h\b|hours)` },
  { kind: 'current', pattern: String.raw`${NUMBER}\s*mA${PER}cm${PER}[2²⁻−-]*` },
  { kind: 'voltage', pattern: String.raw`${NUMBER}\s*V\b(?!\s*vs)` },
];

// Compiled once. Case matters: "meV" is not "MeV", "S cm−1" is not "s".
const KINDS = KIND_PATTERNS.map((k) => ('pattern' in k ? { kind: k.kind, pattern: new RegExp(k.pattern, 'g') } : k));
// A sentence about earlier work or what limits it ("previously reported systems typically exhibit limited
// conductivity (<1 mS cm−1)"): its numbers are not what the paper found.
const ELSEWHERE = /\b(?:previous(?:ly)?|prior|typically|conventional(?:ly)?|traditional(?:ly)?|existing|limited|remains?|suffers?|however|commercial)\b/i;
// Nor is a sentence that says what a kind of battery or material is hoped to be ("Lithium metal batteries
// are promising candidates for achieving energy densities beyond 500 Wh kg−1", "Li-rich oxides are
// regarded as promising cathodes … (>250 mAh g−1)"): the field's case, before the paper's work.
const HOPED_FOR = /\b(?:are|is|as|remain)\s+(?:[\w‐-]+\s+){0,3}candidates?\b|\bregarded as\b|\bconsidered (?:as|to be)\b/i;
/** Whether the sentence at `at` is about other work, or what the field hopes for: its numbers are not the paper's. */
function notThePapers(abstract: string, at: number): boolean {
  const sentence = sentenceAt(abstract, at);
  return ELSEWHERE.test(sentence) || HOPED_FOR.test(sentence);
}
// A current density or capacity that is a test condition, not a result: "cycling … at 5 mA cm−2 and
// 5 mAh cm−2", "at ultrahigh current densities (50 and 100 mA cm−2)" (an "at" or "under" earlier in the
// same clause, whose decimal points do not end it: "at 0.5 mA cm−2 and 4 mA h cm−2"). "A critical
// current density of 1.25 mA cm−2" and "a capacity of 172.7 mAh g−1 at 1 A g−1" are results; a
// retention or a cycle count after "at 0.5 C" is one too, so only these two kinds are read so.
const CONDITION = /\b(?:at|under)\s+(?:[^,;.]|\.(?=\d)){0,40}$/;
const CONDITION_KINDS = new Set(['current', 'capacity']);
// A number that ends a sample's name ("OMGC‐O‐3 h", "NCM‐811 h"): a letter or hyphen right before it.
const IN_A_NAME = /[\p{L}‐‑-]$/u;
// A number printed right after another and a space: an exponent whose superscript the feed stripped
// ("10 4 –10 6 atoms" is 10⁴–10⁶, not "6 atoms"). Thousands set apart ("4 000 h") match from their first digits.
const AFTER_A_NUMBER = /\d[ \u2009\u202f]$/;
// A material's theoretical capacity or energy density ("lithium's ultrahigh theoretical specific capacity
// (3860 mAh g−1)"): a property from the background, not what the paper measured.
const THEORETICAL = /\btheoretical(?:ly)?\b[^,;.]{0,40}$/i;
const THEORETICAL_KINDS = new Set(['capacity', 'energy density']);
// Every kind's unit ends in one of these: a text without any holds no quantity (most titles, many abstracts).
const ANY_UNIT = /atoms|eV|S|mA|Wh|%|cycles|h\b|hours|V\b|transference/;

// Words that end a measure's name before its number ("conductivity on the order of 10−4 S cm−1").
const CONNECTORS = 'on the order of|as high as|as low as|up to|of|reaching|exceeding|above|below';
const CONNECTOR = new RegExp(String.raw`\s(${CONNECTORS})\s*$`);
// A duration or cycle count says what lasted that long with "for" too: "stable cycling for over 2000 h".
const CONNECTOR_CYCLING = new RegExp(String.raw`\s(${CONNECTORS}|for|over|more than|beyond)\s*$`);
// Words a measure's name does not cross: articles, verbs of reporting ("demonstrate" and "sustain" too,
// as "show", and their -ing forms: "maintaining consistent performance over 230 h"), prepositions.
const STOP = /^(?:a|an|the|and|or|with|of|on|in|at|to|by|for|from|its|their|this|that|which|was|were|is|are|be|been|as|deliver|delivers|delivered|achieve|achieves|achieved|show|shows|showed|exhibit|exhibits|exhibited|reach|reaches|reached|tolerate|tolerates|enable|enables|enabled|maintain|maintains|retain|retains|yield|yields|provide|provides|offer|offers|display|displays|attain|attains|realize|realizes|reveal|reveals|demonstrate|demonstrates|demonstrated|sustain|sustains|sustained|undergo|undergoes|present|presents|presented|include|includes|including|support|supports|supported|maintaining|achieving|delivering|showing|exhibiting|enabling|reaching|providing|offering|displaying|demonstrating|sustaining|retaining)$/;

/**
 * The words just before a number that say what it measures ("ionic conductivity on the order of"), or
 * ''. `paired`: another number follows the one named ("A and B of x and y"), so the first of the two
 * names before the connector is this number's ("specific energy" of "specific energy and energy
 * density of 456.7 Wh kg−1 and 911.1 Wh L−1"), when there are two.
 */
function leadIn(before: string, kind: string, paired = false): string {
  const connector = (kind === 'cycling' ? CONNECTOR_CYCLING : CONNECTOR).exec(` ${before}`);
  if (!connector) return '';
  const words = ` ${before}`.slice(0, connector.index).trim().split(/\s+/);
  const nameEndingAt = (last: number): string[] => {
    const name: string[] = [];
    for (let k = last; k >= 0 && name.length < 4; k--) {
      const word = words[k] as string;
      // Words, and an ion that says what moves ("Na+ conductivity").
      // Any hyphen joins a compound: "half‐wave potential" is written with U+2010 as often as with "-";
      // a name's capital stays ("Tafel slope", "Faradaic efficiency", "Coulombic efficiency").
      if (!/^(?:[a-z][a-z\u2010\u2011-]*|[A-Z][a-z]{2,}|[A-Z][a-z]?\d?\+)$/.test(word) || STOP.test(word.toLowerCase())) break;
      name.unshift(word);
    }
    return name;
  };
  let name = nameEndingAt(words.length - 1);
  if (paired && name.length > 0 && words[words.length - 1 - name.length] === 'and') {
    const first = nameEndingAt(words.length - 2 - name.length);
    if (first.length > 0) name = first;
  }
  return name.length > 0 ? `${name.join(' ')} ${connector[1]} ` : '';
}

// A second number right after the first, as in "of x and y" or "of x, y and z".
const PAIRED_AFTER = /^\s*(?:and|,)\s*[~≈∼]?\s*\d/;

// What a cycle count measured, written before it ("a Coulombic efficiency (CE) of 99.0% over", "a high
// coulombic efficiency of >98% for"): its name and percentage, without the abbreviation.
const HELD_FOR = /\b((?:average\s+)?(?:[Cc]oulombic efficiency|CE|capacity retention))(?:\s*\([A-Za-z]+\))?\s+of\s+((?:[>~≈∼≥]\s?)?\d+(?:\.\d+)?\s?%)\s+(for|over|after|during)\s+$/;

/** "Coulombic efficiency of 99.0% over " before a cycle count, or ''. */
function heldFor(before: string): string {
  const held = HELD_FOR.exec(before);
  return held ? `${held[1]} of ${held[2]} ${held[3]} ` : '';
}

// The condition a result was measured at, right after it: a temperature ("at −40 °C", "at room
// temperature"), for cycling, capacities and retention also a rate or a current ("at 1 C", "at
// 1 mA cm−2", "at 1 A g−1") and the cells cycled ("in symmetric cells"). "0.76 at −40 °C" is the
// point of a paper on cold cells; "over 4220 cycles" alone says less than "over 4220 cycles at 2 mA cm−2".
const TEMPERATURE = String.raw`(?:[−–-]\s?)?\d+(?:\.\d+)?\s?°\s?C|room temperature|ambient temperature|\d{2,3}\s?K\b`;
const RATE = String.raw`\d+(?:\.\d+)?\s?C\b|${NUMBER}\s*mA${PER}cm${PER}[2²⁻−-]*|${NUMBER}\s*m?A${PER}g${PER}[1⁻¹−-]*`;
const AT_TEMPERATURE = new RegExp(String.raw`^\s*\(?\s*(?:at|under)\s+(?:an?\s+)?(?:(?:elevated|high|low|temperature of)\s+)*(?:${TEMPERATURE})(?!\d|\.\d)`);
const AT_RATE = new RegExp(String.raw`^\s*\(?\s*(?:at|under)\s+(?:an?\s+)?(?:(?:high|low|ultrahigh|ultra[‐-]high|extended|current density of|rate of)\s+)*(?:${RATE}|${TEMPERATURE})(?!\d|\.\d)`);
const IN_CELLS = /^\s+in\s+(?:(?:Li|Na|K|Zn|Mg)\s?(?:\|\||\/\/?)\s?(?:Li|Na|K|Zn|Mg|Cu)\s+)?(?:symmetric|full|pouch|coin|half)(?:[‐-]|\s)cells?\b/;
const RATED_KINDS = new Set(['cycling', 'capacity', 'retention']);
const UNTIMED_KINDS = new Set(['scale', 'energy', 'overpotential', 'Tafel slope']);

/** The condition written right after a quantity that ends at `end` (as the abstract writes it, with its leading space), or ''. */
function conditionAfter(abstract: string, end: number, kind: string): string {
  if (UNTIMED_KINDS.has(kind)) return '';
  let rest = abstract.slice(end, end + 90);
  let condition = '';
  if (kind === 'cycling') {
    const cells = IN_CELLS.exec(rest);
    if (cells) { condition = cells[0]; rest = rest.slice(cells[0].length); }
  }
  const at = (RATED_KINDS.has(kind) ? AT_RATE : AT_TEMPERATURE).exec(rest);
  // The bracket the condition opened with is not shown ("(1.30 mS cm−1 at 25 °C)" is "… at 25 °C").
  if (at) condition += at[0].replace(/^\s*\(\s*/, ' ');
  return condition;
}

/** A quantity as a note shows it: one space apart, a power's minus joined ("cm −1" is cm−1, "10 −4" is 10−4). */
function tidy(quantity: string): string {
  return quantity.replace(/\s+/g, ' ').replace(/(\d|cm|g|kg|L|dec) ?([−–-]) ?(\d)/g, '$1$2$3').trim();
}

/**
 * A transference number, which has no unit: "Li + transference number of 0.61", "Zn 2+ transference
 * number (0.71)", "( t Zn 2+ = 0.95)", "lithium‐ion transference number (∼0.8)", "… increases to 0.82"
 * (145 abstracts of the corpus name one, most with its value). The ion, the name, then the value
 * within a few characters: in brackets, after "of", "to", "=" or a symbol such as "(tLi+)".
 */
const TRANSFERENCE = /(?:\b(Li|Na|K|Zn|Mg|Ca|Al) ?(\d?) ?[+⁺] ?(?:ion )?[‐-]?|\b(lithium|sodium|potassium|zinc|magnesium|cation|Li|Na|K)[‐‑-]?(?: ?ion)? )?transference numbers? \(? ?(?:t ?[A-Z][a-z]? ?\d?[+⁺]? ?\)? ?)?(?:of |to |= ?|is |reaching |as high as |up to )?\(? ?(?:t ?[A-Z][a-z]? ?\d?[+⁺]? ?= ?)?(~|≈|∼|> ?|≥ ?)?(0?\.\d{1,3}|1\.0)\b/g;

/** "Li+ transference number of 0.61", "transference number above 0.73": as `quantitiesIn` quotes it, or undefined. */
function transferenceIn(abstract: string): Found | undefined {
  TRANSFERENCE.lastIndex = 0;
  for (let match = TRANSFERENCE.exec(abstract); match !== null; match = TRANSFERENCE.exec(abstract)) {
    if (notThePapers(abstract, match.index)) continue;
    const [, symbol, charge, word, qualifier, value] = match;
    const ion = symbol ? `${symbol}${charge ?? ''}+ ` : word ? `${word === 'cation' ? 'cation' : /^[A-Z]/.test(word) ? `${word}+` : `${word}-ion`} ` : '';
    // "transference numbers (0.76 at room temperature and 0.89 at 60 °C)": the first, as one number.
    const how = qualifier === undefined ? 'of ' : /[>≥]/.test(qualifier) ? 'above ' : `of ${qualifier.trim()}`;
    return { start: match.index, end: match.index + match[0].length, shown: `${ion}transference number ${how}${value}` };
  }
  return undefined;
}

/** The abstract's quantities, one per kind, most telling first, at most `limit`. */
export function quantitiesIn(abstract: string, limit = 2): string[] {
  const found: string[] = [];
  if (!/\d/.test(abstract) || !ANY_UNIT.test(abstract)) return found;
  const taken: [number, number][] = [];
  for (const entry of KINDS) {
    if (found.length >= limit) break;
    if ('find' in entry) {
      const quantity = entry.find(abstract);
      if (quantity) {
        const condition = conditionAfter(abstract, quantity.end, entry.kind);
        taken.push([quantity.start, quantity.end + condition.length]);
        found.push(tidy(`${quantity.shown}${condition}`));
      }
      continue;
    }
    const { kind, pattern } = entry;
    pattern.lastIndex = 0;
    // The kind's first number in a sentence of the paper's own results, said with what it measures.
    for (let match = pattern.exec(abstract); match !== null; match = pattern.exec(abstract)) {
      const before = (n: number) => abstract.slice(Math.max(0, match.index - n), match.index);
      if (notThePapers(abstract, match.index) || IN_A_NAME.test(before(1)) || AFTER_A_NUMBER.test(before(2))
        || (THEORETICAL_KINDS.has(kind) && THEORETICAL.test(before(60))) || (CONDITION_KINDS.has(kind) && CONDITION.test(before(50)))) continue;
      const qualifier = QUALIFIER.exec(before(16))?.[0] ?? '';
      const [start, end] = [match.index - qualifier.length, match.index + match[0].length];
      // "specific energy and energy density of 456.7 Wh kg−1 and 911.1 Wh L−1": each name goes with its number.
      const pairedAfter = PAIRED_AFTER.test(abstract.slice(end, end + 12));
      let lead = leadIn(abstract.slice(Math.max(0, start - 60), start), kind, pairedAfter);
      // "a Coulombic efficiency of 99.0% over 500 cycles": what lasted that many cycles (the "over" with it).
      let shownQualifier = qualifier;
      if (lead === '' && kind === 'cycling') {
        lead = heldFor(abstract.slice(Math.max(0, match.index - 80), match.index));
        if (lead !== '') shownQualifier = '';
      }
      // "stable cycling over 1900 h": the qualifier is what joins the name to the number.
      if (lead === '' && qualifier !== '' && needsName(kind, match[0])) {
        const joined = leadIn(abstract.slice(Math.max(0, match.index - 60), match.index), kind);
        if (joined !== '') [lead, shownQualifier] = [joined, ''];
      }
      if (lead === '' && needsName(kind, match[0])) continue;
      // A number whose unit says what it measures is named by it: "1.30 mS cm−1" alone read as a bare number.
      if (lead === '' && shownQualifier === '' && UNIT_NAMES[kind] && /^\d/.test(match[0])) lead = `${UNIT_NAMES[kind]} of `;
      if (NAMED_AS[kind] && !NAMED_AS[kind].test(`${lead} ${match[0]}`)) continue;
      // "82% capacity retention after 350 cycles" holds the cycles already.
      if (!taken.some(([a, b]) => start < b && a < end)) {
        const condition = conditionAfter(abstract, end, kind);
        taken.push([start, end + condition.length]);
        found.push(tidy(`${lead}${shownQualifier}${match[0]}${condition}`));
      }
      break;
    }
  }
  return found;
}

/** What a kind's unit alone says it measures, for a number the abstract gives without a name ("(1.30 mS cm−1)"). */
const UNIT_NAMES: Partial<Record<string, string>> = { conductivity: 'conductivity', 'energy density': 'energy density' };

/** Kinds quoted only when the words that name them say so: a percentage that is an efficiency or a selectivity, an mV that is an overpotential. */
const NAMED_AS: Partial<Record<string, RegExp>> = {
  efficiency: /\b(?:[Ff]aradaic efficiency|FE|selectivity|[Ff]aradaic efficiencies)\b/,
  overpotential: /\boverpotential\b/i,
};

/**
 * Whether a quantity says nothing without the words that name it: an energy ("0.127 eV" alone: a
 * barrier, a gap, a binding energy?), a duration ("over 100 h": of cycling, of electrolysis?), a current density or an areal capacity, which alone are most
 * often the test's condition ("(1.0 mAh cm−2, 0.5 mA cm−2)"), quoted with their names ("critical current
 * density of", "areal capacity of").
 */
function needsName(kind: string, quantity: string): boolean {
  // A voltage alone ("reports 4.5 V"): a cut-off, a window, a cell's? Quoted with its name ("an oxidation potential of 4.8 V").
  return (kind === 'energy' && !/eV\s+\S/.test(quantity)) || kind === 'current' || (kind === 'capacity' && /cm/.test(quantity)) || kind === 'voltage'
    // A duration alone ("It reports over 100 h."): of what? "1000 cycles" says what it counts.
    || (kind === 'cycling' && !/cycles/.test(quantity));
}

/**
 * Whether a paper is a review or perspective, by its title ("Progress on Halide Solid State
 * Electrolytes", "…: A Review") or its abstract's own words ("In this review, we …", "Here we review …").
 */
export function isReview(title: string, abstract: string): boolean {
  return /\b(?:reviews?|perspectives?|overview|roadmap|outlook|progress (?:on|in)|advances in|recent advances|tutorial)\b/i.test(title)
    || /\b(?:this|the present|our) (?:review|perspective|mini-?review|overview)\b|\bwe (?:systematically |comprehensively |critically |briefly )?(?:review|summari[sz]e)\b/i.test(abstract);
}

/** The sentence of `text` that holds position `at`. */
function sentenceAt(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('; ', at)) + 1;
  const end = text.indexOf('. ', at);
  return text.slice(start, end < 0 ? text.length : end);
}

/**
 * Both, from the texts the analyzer normalized (formulas joined: "Li 6 PS 5 Cl" is Li6PS5Cl): more
 * than a note names (five formulas, four quantities), so that it can pass over what the summary says.
 */
export function specificsOf(title: string, abstract: string): Specifics {
  // Without the abstract's praise, as the summary: "outstanding ionic conductivity of 1.11 mS cm−1" is "ionic conductivity of …".
  return { formulas: formulasIn(title, abstract, 5), quantities: quantitiesIn(abstract, 4).map((q) => plainQuantity(withoutPraise(q))) };
}

/**
 * What a summary has not said already, at most three formulas and two quantities: a formula it
 * writes, a quantity whose number it writes ("766 mAh g−1" in both read twice).
 */
export function notSaidIn(summary: string | null | undefined, specifics: Specifics): Specifics {
  const said = (pattern: string) => summary !== null && summary !== undefined
    && new RegExp(`(?<![\\p{L}\\d.])${pattern}(?![\\p{L}\\d]|\\.\\d)`, 'u').test(summary.replace(/\s+/g, ' '));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    formulas: specifics.formulas.filter((f) => !said(escape(f))).slice(0, 3),
    quantities: specifics.quantities.filter((q) => {
      // The first number, with its power when it is one ("10−4 S cm−1").
      const value = /\d[\d,]*(?:\.\d+)?(?:[−–-]\d+)?/.exec(q)?.[0];
      return value === undefined || !said(escape(value));
    }).slice(0, 2),
  };
}
