import type { Digest, DigestEntry } from '@labdigest/core';

/**
 * Pieces of a digest entry that every export format shows the same way (Markdown, HTML, text):
 * the author line, the source line's parts, a compact row's line. A paper's matched terms are the
 * reader's (its highlights and details) and `digest explain`'s: a briefing reads as the example
 * digest, summary and note, without a list of keywords under each pick.
 */

/** True for an absolute http(s) URL without whitespace: the only links an export writes. */
export function isHttpUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url);
}

/** "A, B, C et al." for more than `max` authors; "" when none are known. */
export function authorLine(authors: readonly string[], max = 3): string {
  const names = authors.map(oneLine).filter(Boolean); // a line break in a name would forge lines of a plain-text digest
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} et al.`;
}

/** The source line's text parts: source, then the publication date when known. */
export function sourceParts(entry: DigestEntry): string[] {
  return [`Source: ${oneLine(entry.sourceLine)}`, ...(entry.published ? [`📅 ${entry.published}`] : [])];
}

/** Whitespace runs (newlines included) as one space: paper text is one paragraph in every format. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A section's picks and the rest ("more in this section"), each in rank order. A version 1 digest
 * reads as all picks (core's upgradeDigestJson), so its sections have no rest.
 */
export function splitPicks(papers: readonly DigestEntry[]): { picks: DigestEntry[]; rest: DigestEntry[] } {
  const ranked = [...papers].sort((a, b) => a.rank - b.rank);
  return { picks: ranked.filter((p) => p.pick), rest: ranked.filter((p) => !p.pick) };
}

/**
 * "12 more in Polymer Electrolytes" under a section's picks; a section with papers and no pick says
 * so ("No pick this time; 1 paper in Halide Solid Electrolytes"), not "1 more" under nothing.
 */
export function moreLabel(n: number, sectionName: string, picks = 1): string {
  return picks === 0 ? `No pick this time; ${n} paper${n === 1 ? '' : 's'} in ${oneLine(sectionName)}` : `${n} more in ${oneLine(sectionName)}`;
}

/** The members a paper concerns, as the compact row shows them: "Naibing Wu, Yanhao Deng". */
export function memberNames(entry: DigestEntry): string {
  return entry.members.map((m) => oneLine(m.name)).filter(Boolean).join(', ');
}

/** A compact row's second line: the source line, then whom it is for ("for Naibing Wu"; a bare name read as the paper's author). */
export function rowDetail(entry: DigestEntry): string {
  const members = memberNames(entry);
  return [oneLine(entry.sourceLine), members && `for ${members}`].filter(Boolean).join(' · ');
}

/**
 * The line under the title: "DENG.Group · 53 papers of 1755 considered", then " · 12 picks" when
 * the digest has papers beyond its picks (a version 1 digest, all picks, reads as before).
 */
export function countsLine(digest: Digest): string {
  const { included, considered } = digest.stats;
  const picks = digest.sections.reduce((n, s) => n + s.papers.filter((p) => p.pick).length, 0);
  const papers = digest.sections.reduce((n, s) => n + s.papers.length, 0);
  const base = oneLine(`${digest.group.name} · ${included} paper${included === 1 ? '' : 's'} of ${considered} considered`);
  return picks < papers ? `${base} · ${picks} pick${picks === 1 ? '' : 's'}` : base;
}
