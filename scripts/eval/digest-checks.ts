// Checks on a digest as the lab reads it (issue 15): picks per section, papers folded under "more in
// this section", summaries that are empty or open on a connective whose sentence was cut, notes that
// name a member whose fit is below the member threshold, and prose that shows scores.
import type { Digest, GroupConfig } from '@labdigest/core';

// Openings that need the sentence before them. Written apart from the summarizer's own list, so the
// check does not only repeat what the code believes.
const DANGLING = new RegExp(String.raw`^(?:however|consequently|therefore|thus|hence|moreover|furthermore|additionally|in addition|besides|`
  + String.raw`meanwhile|nevertheless|nonetheless|similarly|likewise|also|accordingly|in contrast|by contrast|on the other hand|as a result|`
  + String.raw`finally|then|second(?:ly)?|third(?:ly)?|next|instead|otherwise|still|yet|and|but|or|so|in turn|in particular|specifically|`
  + String.raw`these|those|such|it|its|they|their|them|he|she|this (?!(?:work|study|paper|article|review|letter|perspective|report|thesis|communication|manuscript|research|minireview)\b)|`
  + String.raw`that (?!(?:is)\b)|(?:among|of|in|for|from|with) (?:them|it|these|those|which))\b`, 'i');

export function isDangling(summary: string): boolean {
  return DANGLING.test(summary.trim());
}

export interface DigestChecks {
  readonly sections: readonly { readonly id: string; readonly papers: number; readonly picks: number; readonly folded: number }[];
  readonly summaries: number;
  readonly emptySummaries: readonly string[];
  readonly danglingSummaries: readonly string[];
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
    // Compared without spaces: summaries come from the analyzer's text, which joins "V 6 O 13" into V6O13.
    const squeeze = (t: string) => t.replace(/\s+/g, '');
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
    longSummaries: entries.filter((e) => words(e.summary) > 70).length,
    longNotes: entries.filter((e) => words(e.note) > 70).length,
    membersBelowThreshold,
    // A relevance score reads "score" or a bare 0.xx; 0.75 mS cm−1 is the paper's own number.
    scoresInNotes: entries.filter((e) => /\b(?:score|scored)\b|\b0\.\d\d\b(?!\s*(?:m?S|µS|%|m?eV|V|mA|mAh|Wh|h|nm|µm|°C|GPa|MPa))/.test(e.note)).map((e) => e.id),
  };
}
