/** "Ding, Zichi and Carli": up to three family-first names, then "and N others". */
export function formatAuthors(authors: readonly string[], shown = 3): string {
  if (authors.length === 0) return 'Authors not listed';
  if (authors.length <= shown) return authors.length === 1 ? (authors[0] as string) : `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
  const rest = authors.length - shown;
  return `${authors.slice(0, shown).join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
}
