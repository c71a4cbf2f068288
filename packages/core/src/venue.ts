// Kept apart from digest.ts (zod schemas): the reader's BibTeX export imports it, and must not pull zod in.

/** Small words a journal's name keeps in lower case ("Journal of the American Chemical Society"). */
const NAME_SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'the', 'to']);

/**
 * A journal's name as the journal writes it: OpenAlex gives some in sentence case ("Energy storage
 * materials", "Interdisciplinary materials"), which reads as a typo beside the others. A name whose
 * words after the first are all in lower case gets capitals on its words but the small ones; any
 * other name stays as given ("Nature", "JACS Au", "npj Computational Materials").
 */
export function venueName(venue: string | null | undefined): string | null {
  const name = venue?.trim();
  if (!name) return null;
  const words = name.split(/\s+/);
  if (words.length < 2 || !/^\p{Lu}/u.test(words[0] ?? '') || !words.slice(1).every((w) => /^[\p{Ll}&-]+$/u.test(w))) return name;
  return words.map((w, i) => (i > 0 && NAME_SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
}
