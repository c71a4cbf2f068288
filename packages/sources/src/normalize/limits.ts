// How big a record's fields may be. A real paper is far inside these (the 21,872 papers of the
// shared corpus: titles up to 235 characters, abstracts up to 15,300, 2,831 authors at most, names
// up to 134, venues up to 231); a record past them is broken or hostile (a 15 MB title), and it is
// rejected by name rather than stored, indexed and printed.

export const FIELD_LIMITS = {
  title: 2_000,
  abstract: 100_000,
  authors: 10_000,
  author: 1_000,
  venue: 1_000,
  url: 8_000,
} as const;

const number = (n: number) => n.toLocaleString('en-US');

/** The fields whose size is checked, as a record has them (null or absent: nothing to check). */
export interface SizedFields {
  readonly title?: string | null | undefined;
  readonly abstract?: string | null | undefined;
  readonly authors?: readonly string[] | null | undefined;
  readonly venue?: string | null | undefined;
  readonly url?: string | null | undefined;
}

/**
 * What is too big in a record, as `field: problem` (`title: 15,728,640 characters, more than the
 * 2,000 a title may have`), or null when every field is within FIELD_LIMITS.
 */
export function fieldSizeProblem(record: SizedFields): string | null {
  const over = (field: string, length: number, limit: number, what: string) =>
    `${field}: ${number(length)} characters, more than the ${number(limit)} ${what} may have`;
  if ((record.title?.length ?? 0) > FIELD_LIMITS.title) return over('title', record.title?.length ?? 0, FIELD_LIMITS.title, 'a title');
  if ((record.abstract?.length ?? 0) > FIELD_LIMITS.abstract) return over('abstract', record.abstract?.length ?? 0, FIELD_LIMITS.abstract, 'an abstract');
  const authors = record.authors ?? [];
  if (authors.length > FIELD_LIMITS.authors) {
    return `authors: ${number(authors.length)} names, more than the ${number(FIELD_LIMITS.authors)} a paper may have`;
  }
  const long = authors.findIndex((a) => a.length > FIELD_LIMITS.author);
  if (long !== -1) return over(`authors[${long}]`, authors[long]?.length ?? 0, FIELD_LIMITS.author, 'a name');
  if ((record.venue?.length ?? 0) > FIELD_LIMITS.venue) return over('venue', record.venue?.length ?? 0, FIELD_LIMITS.venue, 'a venue');
  if ((record.url?.length ?? 0) > FIELD_LIMITS.url) return over('url', record.url?.length ?? 0, FIELD_LIMITS.url, 'a link');
  return null;
}
