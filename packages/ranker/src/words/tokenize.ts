import { joinSpacedFormulasInText, normalizeFormulaNotation } from './formula.ts';
import { termOf } from './stem.ts';

/** Raw words of a text with their character spans (in the normalized text). */
export interface Words {
  readonly text: string;
  readonly words: string[];
  readonly starts: number[];
  readonly ends: number[];
}

// Letters (Latin with accents, Greek) and digits: one byte per character code below U+0400.
const WORD_CHARS = new Uint8Array(0x400);
for (let c = 0; c < 0x400; c++) {
  WORD_CHARS[c] = Number((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x3ff));
}

export function isWordChar(c: number): boolean {
  return c < 0x400 && WORD_CHARS[c] === 1;
}

/**
 * What stands between two words of a text, for the pairs learning counts (example-bags.ts): a hyphen
 * or en dash alone, which joins a compound (`GAP_JOIN`: "solid-state", "structure–property"; U+2010
 * and the non-breaking U+2011 too), the end of a sentence or clause (`GAP_BREAK`: a full stop, `;`,
 * `:`, `!` or `?`: "accumulation. Consequently"), or anything else within a sentence (`GAP_SPACE`:
 * white space, commas, brackets, quotation marks); `GAP_START` before a text's first word. WordIds
 * (word-ids.ts) tells them while it scans.
 */
export const GAP_START = 0;
export const GAP_SPACE = 1;
export const GAP_JOIN = 2;
export const GAP_BREAK = 3;

/** A hyphen or en dash (U+2010 and the non-breaking U+2011 too): alone between two words, it joins a compound. */
export function isCompoundJoiner(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/** A full stop, `;`, `:`, `!` or `?`: between two words, the end of a sentence or clause. */
export function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 59 || c === 58 || c === 33 || c === 63;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Splits text into words: letters and digits, a decimal point inside numbers and formulas
 * ("3.5", "Li2S0.72P0.14"); everything else (spaces, hyphens, brackets, slashes) separates,
 * so "phase-field" and "phase field" give the same words. A text in capitals is read in lower case,
 * or every word of a shouted title would look like an acronym.
 */
export function splitWords(input: string): Words {
  const text = rewriteText(input);
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) i++;
      else if (c === 46 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) i++;
      else break;
    }
    words.push(text.slice(start, i));
    starts.push(start);
    ends.push(i);
  }
  return { text, words, starts, ends };
}

/**
 * The text `splitWords` splits: formula notation rewritten, formulas written with spaces joined, a
 * shouted text in lower case. Spans of words refer to this text.
 */
export function rewriteText(input: string): string {
  return rewriteNormalized(normalizeFormulaNotation(input));
}

/** `rewriteText` of a text whose formula notation `normalizeFormulaNotation` has already rewritten. */
export function rewriteNormalized(normalized: string): string {
  const text = joinSpacedFormulasInText(normalized);
  return isShouting(text) ? text.toLowerCase() : text;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/**
 * Whether the word `text[start, end)`, one or two letters long, is the count of a formula written
 * with spaces, as `rewriteText` joins them: "[A-Z][a-z]? \d{1,2} [A-Z]", as in "Li 6 PS".
 */
export function spacedFormulaAt(text: string, start: number, end: number): boolean {
  if (start < 2 || end + 1 >= text.length) return false;
  if (!isDigit(text.charCodeAt(end - 1)) || text.charCodeAt(start - 1) !== 32 || text.charCodeAt(end) !== 32) return false;
  if (!isUpper(text.charCodeAt(end + 1))) return false;
  const before = text.charCodeAt(start - 2);
  return isUpper(before) || (isLower(before) && start >= 3 && isUpper(text.charCodeAt(start - 3)));
}

/** The characters of formula notation `normalizeFormulaNotation` may rewrite: LaTeX, `$`, unicode subscripts. */
export const REWRITE_MARKS = '_\\$₀₁₂₃₄₅₆₇₈₉';

export function isRewriteMark(c: number): boolean {
  return c === 95 || c === 92 || c === 36 || (c >= 0x2080 && c <= 0x2089);
}

/** Whether a text is in capitals (a shouted title), for `splitWords` to read in lower case. */
export function isShouting(text: string): boolean {
  let upper = 0;
  let lower = 0;
  // The first 120 letters tell: a shouted text is in capitals from its start. Counted without a
  // branch per letter (upper and lower case come in no predictable order); from 30 lower-case
  // letters on, upper > 3 * lower cannot hold, as upper + lower <= 120.
  for (let i = 0; i < text.length && upper + lower < 120; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? LETTER_CASE[c] as number : 0;
    upper += kind & 1;
    lower += kind >> 1;
    if (lower >= 30) return false;
  }
  return upper > 12 && upper > 3 * lower;
}

// ASCII letters by case: 1 upper, 2 lower.
const LETTER_CASE = new Uint8Array(128);
for (let c = 65; c <= 90; c++) LETTER_CASE[c] = 1;
for (let c = 97; c <= 122; c++) LETTER_CASE[c] = 2;

/** Terms of a text: its words through `termOf` (stems, formulas, `#acronyms`). */
export function tokenize(text: string): string[] {
  return splitWords(text).words.map(termOf);
}
