import type { Area, MatchedTerm, MemberMatch } from '@labdigest/core';

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function strength(score: number): string {
  if (score >= 0.85) return 'Directly relevant';
  if (score >= 0.65) return 'Highly relevant';
  return 'Relevant';
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/**
 * The relevance note, in plain words from the evidence: how strongly, to whom and why (the terms
 * in the title, then in the abstract), and which other areas the paper touches.
 */
export function relevanceNote(input: {
  readonly group: string;
  readonly area: Area;
  readonly score: number;
  readonly terms: readonly MatchedTerm[];
  readonly members: readonly MemberMatch[];
  readonly others: readonly { readonly name: string; readonly score: number }[];
}): string {
  const { area, score, terms, members } = input;
  const whom = members.length > 0
    ? listWords(members.map((m) => {
      const interests = m.reasons.find((r) => r.startsWith('interests: '));
      return interests ? `${possessive(m.name)} work on ${interests.slice('interests: '.length)}` : m.name;
    }))
    : `the ${area.name} work of ${input.group}`;
  const authorReasons = members.flatMap((m) => m.reasons.filter((r) => r.startsWith('follows ')).map((r) => `${m.name} ${r}`));
  const areaTerms = terms.filter((t) => t.profiles.includes(area.id));
  const inTitle = areaTerms.filter((t) => t.inTitle).slice(0, 3).map((t) => t.keyword);
  const inAbstract = areaTerms.filter((t) => !t.inTitle).slice(0, 4).map((t) => t.keyword);
  const why: string[] = [];
  if (inTitle.length) why.push(`the title is about ${listWords(inTitle)}`);
  if (inAbstract.length) why.push(`the abstract ${inTitle.length ? 'also ' : ''}discusses ${listWords(inAbstract)}`);
  let note = `${strength(score)} to ${whom} (${area.name}, score ${score.toFixed(2)})`;
  note += why.length ? `: ${listWords(why)}.` : '.';
  if (authorReasons.length) note += ` ${authorReasons.join('; ')}.`;
  if (input.others.length) {
    note += ` Also touches ${listWords(input.others.map((o) => `${o.name} (${o.score.toFixed(2)})`))}.`;
  }
  return note;
}

/** Why a paper is not in the digest, for `digest rank` output and `digest explain`. */
export function leftOutNote(input: {
  readonly best: { readonly area: Area; readonly score: number } | undefined;
  readonly excluded: readonly { readonly area: Area; readonly keyword: string }[];
  readonly unmet: readonly { readonly area: Area; readonly keywords: readonly string[] }[];
  readonly crowdedOut: boolean;
}): string {
  const parts: string[] = [];
  if (!input.best || input.best.score === 0) parts.push(input.unmet.length || input.excluded.length ? 'Left out' : 'Left out: no keyword of any area matches');
  else if (input.crowdedOut) {
    parts.push(`Left out: ${input.best.area.name} scored ${input.best.score.toFixed(2)}, but the section holds only its top ${input.best.area.maxPapers}`);
  } else {
    parts.push(`Left out: best area ${input.best.area.name} scored ${input.best.score.toFixed(2)}, below its threshold ${input.best.area.threshold.toFixed(2)}`);
  }
  for (const e of input.excluded) parts.push(`excluded from ${e.area.name} by "${e.keyword}"`);
  for (const u of input.unmet) {
    const shown = u.keywords.slice(0, 4).map((k) => `"${k}"`);
    parts.push(`not about ${u.area.name}: mentions none of ${shown.join(', ')}${u.keywords.length > 4 ? ', ...' : ''}`);
  }
  return `${parts.join('; ')}.`;
}
