import type { Paper } from '@labdigest/core';

/**
 * A feed's short name for a journal ("J.Am.Chem.Soc", "Chem.Sci.": a channel title) as the store's
 * other records of the same journal write it ("Journal of the American Chemical Society", as Crossref
 * and OpenAlex give it), so that one journal reads one way in a digest. The journal is told by its
 * DOI's stem (`journalOf`); a name is short when it has a dot and no space. A short name no other
 * record of its journal spells out stays as it is; so does every other name ("Small", "Nature").
 */
export function withFullVenues(papers: readonly Paper[], store: readonly Paper[]): Paper[] {
  if (!papers.some((p) => p.venue && isShort(p.venue))) return [...papers];
  // Per journal, the full names its records give, and how many give each.
  const names = new Map<string, Map<string, number>>();
  for (const p of store) {
    const journal = journalOf(p.doi);
    if (!journal || !p.venue || isShort(p.venue)) continue;
    let counts = names.get(journal);
    if (!counts) names.set(journal, counts = new Map());
    counts.set(p.venue, (counts.get(p.venue) ?? 0) + 1);
  }
  const fullName = (journal: string): string | undefined => {
    const counts = [...(names.get(journal) ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    // Two records at least, and more than any other name: one stray record names nothing.
    const [best, next] = counts;
    return best && best[1] >= 2 && (!next || best[1] > next[1]) ? best[0] : undefined;
  };
  return papers.map((p) => {
    if (!p.venue || !isShort(p.venue)) return p;
    const journal = journalOf(p.doi);
    const full = journal && fullName(journal);
    return full ? { ...p, venue: full } : p;
  });
}

/**
 * The stem of a DOI that names its journal: the registrant and the suffix's letters before its first
 * digit ("10.1021/jacs" of 10.1021/jacs.6c09551, "10.1016/j.cej" of 10.1016/j.cej.2026.180523,
 * "10.1021/acs.nanolett"), when they hold three letters or more. Springer Nature's "s41467-…" and
 * the RSC's "d6sc…" name no journal this way.
 */
export function journalOf(doi: string | null | undefined): string | undefined {
  const match = /^(10\.\d{4,9}\/[a-z]+(?:\.[a-z]+)*)\.?\d/i.exec(doi ?? '');
  if (!match) return undefined;
  const stem = match[1] as string;
  return stem.slice(stem.indexOf('/') + 1).replace(/\./g, '').length >= 3 ? stem.toLowerCase() : undefined;
}

function isShort(venue: string): boolean {
  return venue.includes('.') && !/\s/.test(venue.trim());
}
