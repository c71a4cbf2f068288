import type { DigestEntry } from '@labdigest/core';

// "Why this paper": the evidence behind a paper's place in the digest, kept out of the relevance
// note's prose (issue 15) and shown on request under the card.

/** A score in [0, 1] as a whole percentage: 0.9956 → "100%". */
export const percent = (score: number): string => `${Math.round(score * 100)}%`;

/** A form reduced so that plurals and hyphens do not count as another way of writing a term. */
const plain = (form: string) => form.toLowerCase().replace(/[\s\-‐‑–]+/g, ' ').replace(/ies$/, 'y').replace(/([^s])s$/, '$1');

export interface WhyTerm {
  readonly keyword: string;
  /** "written “SEI” · in the title · 3×": how the paper writes the term (plurals and hyphens aside), where, how often. */
  readonly detail: string;
}

export interface Why {
  /** "100% to ML Interatomic Potentials & Interface Simulations". */
  readonly relevance: string;
  /** The other areas it scores in, best first: "Polymer Electrolytes 54%". */
  readonly alsoTouches: readonly string[];
  readonly terms: readonly WhyTerm[];
  readonly members: readonly { readonly name: string; readonly score: string; readonly reasons: string }[];
}

/**
 * The evidence for an entry of the section `area` (its id and name): its score there, the other areas
 * it scores in (names from `areaNames`; an area the digest does not have is left out), its matched
 * terms as the paper writes them, and the members with their reasons.
 */
export function whyOf(entry: DigestEntry, area: { readonly id: string; readonly name: string }, areaNames: ReadonlyMap<string, string>): Why {
  const alsoTouches = Object.entries(entry.scores)
    .filter(([id, score]) => id !== area.id && score > 0 && areaNames.has(id))
    .sort((a, b) => b[1] - a[1])
    .map(([id, score]) => `${areaNames.get(id)} ${percent(score)}`);
  const terms = entry.matchedTerms.map((term) => {
    const keyword = plain(term.keyword);
    const written = [...new Set(term.forms.map((f) => f.trim()).filter((f) => f && plain(f) !== keyword))];
    const detail = [
      written.length > 0 ? `written ${written.map((f) => `“${f}”`).join(', ')}` : '',
      term.inTitle ? 'in the title' : '',
      term.count > 1 ? `${term.count}×` : '',
    ].filter(Boolean).join(' · ');
    return { keyword: term.keyword, detail };
  });
  const members = entry.members.map((m) => ({ name: m.name, score: percent(m.score), reasons: m.reasons.join('; ') }));
  return { relevance: `${percent(entry.score)} to ${area.name}`, alsoTouches, terms, members };
}
