// Repairs for text that arrives already stripped of its markup (the shared corpus's records, JACS's RSS
// titles, JSON-lines imports): formulas whose subscripts were set apart by spaces, ion charges and unit
// powers set apart ("Li + transport", "mAh g −1"), words whose space was dropped, brackets emptied of
// their symbol. Every source's records go through it (record.ts, and the command line's JSON-lines
// reader).
import { joinSpacedFormulas, joinSpacedOrbitals } from './formula-spacing.ts';
import { splitRunTogether } from './run-together.ts';
import { joinSpacedSuperscripts } from './superscript-spacing.ts';

export interface PaperText {
  readonly title: string;
  readonly abstract: string | null;
}

/**
 * A paper's title and abstract repaired: "Li 2 O‐Rich" -> "Li2O‐Rich", "MolecularDynamics" ->
 * "Molecular Dynamics" (in titles), "Electrodepositionof" -> "Electrodeposition of", "Li + flux" ->
 * "Li+ flux", "mA cm −2" -> "mA cm−2". Each field is read with the other as context (a name used in
 * both is a name). Returns the paper itself when nothing changes, else a copy. Idempotent.
 */
export function repairPaperText<T extends PaperText>(paper: T): T {
  const joined = (text: string) => joinSpacedSuperscripts(joinSpacedOrbitals(joinSpacedFormulas(joinSpacedCells(withoutEmptyBrackets(withoutInvisible(withoutInlineTags(text)))))));
  const title = splitRunTogether(joined(paper.title), { title: true, context: paper.abstract });
  const abstract = paper.abstract === null ? null
    : splitRunTogether(joined(paper.abstract), { title: false, context: paper.title });
  return title === paper.title && abstract === paper.abstract ? paper : { ...paper, title, abstract };
}

/**
 * Text without the inline formatting tags a source left in text it otherwise gave as plain (seven
 * abstracts of the corpus: "LiNi<sub>0.8</sub>Co<sub>0.1</sub>…", "Wh kg<sup>-1</sup>"), which a note
 * quoting the formula cut at "LiNi". Only tags in pairs, so "p<i" or a title's "<think>" stay as written.
 */
function withoutInlineTags(text: string): string {
  return text.includes('</') ? text.replace(INLINE_TAG_PAIR, '$2') : text;
}
const INLINE_TAG_PAIR = /<(sub|sup|i|b|em|strong|inf)>([^<>]{0,200})<\/\1>/gi;

/**
 * A cell written with its separator set apart ("Li | |LiFePO4", "Na | |Na3V2(PO4)3": 19 corpus
 * abstracts), as the papers write it: "Li||LiFePO4".
 */
function joinSpacedCells(text: string): string {
  return text.includes('| |') ? text.replace(SPACED_CELL, '||') : text;
}
const SPACED_CELL = /(?<=[\p{L}\d)\]])\s?\| \|\s?(?=[\p{Lu}\d(])/gu;

/**
 * A bracket left empty where the source's markup held a symbol it stripped (MathML, an image): "an
 * enhanced Na+ transference number () of 0.384", "Four‐electron iodine cathodes () promise" read
 * without it. Nine abstracts of the corpus hold one; an empty bracket says nothing in a sentence.
 */
function withoutEmptyBrackets(text: string): string {
  return text.includes('(') ? text.replace(/ \(\s*\)(?=[ ,.;:]|$)/g, '') : text;
}

/**
 * Text without zero-width spaces and byte order marks, which a source's markup leaves where it had a
 * subscript ("LiCoO 2\u200b full cells"): invisible, they still keep a formula's count from joining,
 * a keyword from matching and a search from finding the word.
 */
function withoutInvisible(text: string): string {
  return text.includes('\u200b') || text.includes('\ufeff') ? text.replace(/[\u200b\ufeff]/g, '') : text;
}
