// Checks on a digest as the lab reads it (issue 15): picks per section, papers folded under "more in
// this section", summaries that are empty or open on a connective whose sentence was cut, notes that
// name a member whose fit is below the member threshold, and prose that shows scores.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import type { Digest, GroupConfig } from '@labdigest/core';

// Openings that need the sentence before them. Written apart from the summarizer's own list, so the
// check does not only repeat what the code believes.
const DANGLING = new RegExp(String.raw`^(?:however|consequently|therefore|thus|hence|moreover|furthermore|additionally|in addition|besides|`
  + String.raw`meanwhile|nevertheless|nonetheless|similarly|likewise|also|accordingly|in contrast|by contrast|on the other hand|as a result|`
  + String.raw`finally|then|second(?:ly)?|third(?:ly)?|next|instead|otherwise|still|yet|and|but|or|so|in turn|in particular|specifically|`
  + String.raw`these|those|such|it|its|they|their|them|he|she|this (?!(?:work|study|paper|article|review|letter|perspective|report|thesis|communication|manuscript|research|minireview)\b)|`
  + String.raw`that (?!(?:is)\b)|(?:among|of|in|for|from|with) (?:them|it|these|those|which))\b`, 'i');

// "Concurrently, ...", "Subsequently, ...": an opening adverb and comma, except those that set the scene
// and those that say from where a result is seen ("Electrochemically, the modified anode cycles ...",
// "Theoretically, ..."), which need nothing before them.
const ADVERB_LINK = /^(?!(?:recently|currently|previously|traditionally|historically|conventionally|generally|typically|usually|commonly|presently|nowadays|electrochemically|experimentally|theoretically|computationally|numerically|mechanistically|structurally|chemically|physically|mechanically|thermally|kinetically|spectroscopically|statistically)\b)[a-z]+ly,/i;

export function isDangling(summary: string): boolean {
  return DANGLING.test(summary.trim()) || ADVERB_LINK.test(summary.trim());
}

export interface DigestChecks {
  readonly sections: readonly { readonly id: string; readonly papers: number; readonly picks: number; readonly folded: number }[];
  readonly summaries: number;
  readonly emptySummaries: readonly string[];
  readonly danglingSummaries: readonly string[];
  /** Summaries that show where the feed dropped inline math: "with nucleophilic , decreasing", "by 100 K ()". */
  readonly holedSummaries: readonly string[];
  readonly longSummaries: number;
  readonly longNotes: number;
  readonly membersBelowThreshold: readonly string[];
  readonly scoresInNotes: readonly string[];
}

/**
 * The first sentence of a summary that opens on a dangling connective without the sentence it leans
 * on: the summary's first sentence, or a later one whose predecessor in the abstract was left out.
 */
function cutContext(summary: string, abstract: string | null): string | undefined {
  const sentences = summary.trim().split(/(?<=[.!?])\s+(?=[A-Z(])/);
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i] as string;
    if (!isDangling(sentence)) continue;
    if (i === 0 || !abstract) return sentence.slice(0, 70);
    // "Zhang et al. use ... They find ...": "they" are the authors the summary named before.
    if (/^(?:They|Their)\b/.test(sentence) && /\p{Lu}[\p{L}'’-]*(?: et al\.| and \p{Lu}[\p{L}'’-]*)/u.test(sentences.slice(0, i).join(' '))) continue;
    // Compared without spaces (summaries come from the analyzer's text, which joins "V 6 O 13" into
    // V6O13) and without the persons: the digest says "Zhang et al. find" and "They find" where the
    // abstract says "Here, we find" and "We find".
    const squeeze = (t: string) => t
      .replace(/\b(?:Here(?:in)?|In this (?:work|study|paper|article|letter|communication|review|contribution)|In the present (?:work|study)),?\s+(?=we\b)/gi, '')
      .replace(/\b\p{Lu}[\p{L}'’-]*(?: et al\.| and \p{Lu}[\p{L}'’-]*)(?:'s)?/gu, '')
      .replace(/\b(?:we|they|our|their|us|them|ourselves|themselves)\b/gi, '')
      .replace(/\s+/g, '');
    const text = squeeze(abstract);
    const at = text.indexOf(squeeze(sentence).slice(0, 30));
    if (at < 0 || !text.slice(0, at).endsWith(squeeze(sentences[i - 1] as string))) return sentence.slice(0, 70);
  }
  return undefined;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function checkDigest(digest: Digest, config: GroupConfig): DigestChecks {
  const entries = digest.sections.flatMap((s) => s.papers);
  const threshold = config.ranking.memberThreshold;
  const membersBelowThreshold = entries.flatMap((e) => config.members.flatMap((m) => {
    const named = e.note.includes(m.name);
    const fit = e.members.find((x) => x.name === m.name)?.score ?? 0;
    return named && fit < threshold ? [`${e.id}: names ${m.name} (fit ${fit.toFixed(2)})`] : [];
  }));
  return {
    sections: digest.sections.map((s) => ({
      id: s.id, papers: s.papers.length, picks: s.papers.filter((p) => p.pick).length, folded: s.papers.filter((p) => !p.pick).length,
    })),
    summaries: entries.length,
    emptySummaries: entries.filter((e) => e.summary.trim() === '').map((e) => e.id),
    danglingSummaries: entries.filter((e) => cutContext(e.summary, e.abstract)).map((e) => `${e.id}: ${cutContext(e.summary, e.abstract)}`),
    // Written apart from summary.ts's MISSING_MATH: a lower-case word, a space and a comma or semicolon; empty brackets.
    holedSummaries: entries.filter((e) => /[a-z]{3} [,;] |\(\s*\)|\[\s*\]/.test(e.summary)).map((e) => e.id),
    longSummaries: entries.filter((e) => words(e.summary) > 70).length,
    longNotes: entries.filter((e) => words(e.note) > 70).length,
    membersBelowThreshold,
    // A relevance score reads "score" or a bare 0.xx; 0.75 mS cm−1 is the paper's own number.
    // A transference number has no unit: "Li+ transference number of 0.56" is the paper's, not a score.
    scoresInNotes: entries.filter((e) => /\b(?:score|scored)\b|(?<!transference number (?:of|above) [~≈∼]?)\b0\.\d\d\b(?!\s*(?:m?S|µS|%|m?eV|V|mA|mAh|Wh|h|nm|µm|°C|GPa|MPa))/.test(e.note)).map((e) => e.id),
  };
}

// Titles whose text is broken (issue 15, "Titles and text"): a formula with its counts set apart
// ("Li 2 O"), or two words run together ("MolecularDynamics", "theSeparator", "Pathwaysat"). Written apart
// from the repair in packages/sources/src/normalize/ (its own element table, the `word-list` package's
// English dictionary instead of the corpus's word list, plain patterns instead of its rules), so the
// count does not only repeat what the repair believes. Names are told apart only as a reader would: a
// name is introduced before a colon or used again in the abstract.
const ELEMENTS = new Set(('H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr '
  + 'Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At '
  + 'Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og').split(' '));
const FUNCTION_WORDS = 'of|at|the|in|on|for|via|and|with|by|to';

let dictionary: ReadonlySet<string> | undefined;
function english(): ReadonlySet<string> {
  dictionary ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return dictionary;
}

const isSymbols = (s: string) => (s.match(/[A-Z][a-z]?/g) ?? []).join('') === s && (s.match(/[A-Z][a-z]?/g) ?? []).every((x) => ELEMENTS.has(x));

/** What is broken in a title, or null: `spaced formula "Li 2 O"`, `run together "MolecularDynamics"`. */
export function brokenTitle(title: string, abstract: string | null): string | null {
  // Symbols, a spaced count, then symbols or a formula's "/" or ")": "Li 2 O", "Mg 1‐x Li", "F 2 /PEO".
  for (const m of title.matchAll(/(?<![\p{L}\p{N}])([A-Z][A-Za-z]*) \d+(?:\.\d+)?(?:[‐-][xyzδ])? ([A-Z][A-Za-z]*(?![\p{Ll}])|[/)])/gu)) {
    if (isSymbols(m[1] ?? '') && (/^[/)]$/.test(m[2] ?? '') || isSymbols(m[2] ?? ''))) return `spaced formula "${m[0]}"`;
  }
  const words = english();
  const usedElsewhere = (w: string) => (abstract ?? '').toLowerCase().includes(w.toLowerCase());
  const runTogether = [
    // Two capitalised dictionary words, the join no word: MolecularDynamics, Sodium-IonTransport.
    /(?<![\p{L}\p{N}/_.@])([A-Z][a-z]{2,})([A-Z][a-z]{2,})(?![\p{L}\p{N}_:])/gu,
    // A lowercase function word before a capitalised word: theSeparator, ofSolid.
    new RegExp(`(?<![\\p{L}\\p{N}/_.@-])(${FUNCTION_WORDS})([A-Z][a-z]{2,})(?![\\p{L}\\p{N}_:-])`, 'gu'),
    // A function word after a word of four letters or more: Pathwaysat, Electrodepositionof.
    new RegExp(`(?<![\\p{L}\\p{N}/_.@-])([A-Za-z][a-z]{3,})(${FUNCTION_WORDS})(?=[ ,;(][\\p{L}(])`, 'gu'),
  ];
  for (const pattern of runTogether) {
    for (const m of title.matchAll(pattern)) {
      const [token, left = '', right = ''] = m;
      if (words.has(token.toLowerCase()) || !words.has(left.toLowerCase()) || !words.has(right.toLowerCase())) continue;
      if (usedElsewhere(token)) continue;
      return `run together "${token}"`;
    }
  }
  return null;
}
