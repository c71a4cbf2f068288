import { z } from 'zod';
import { venueName } from './venue.ts';
import { paperArxivId, type Paper } from './paper.ts';

/**
 * The digest document: what `digest build` writes and the reader renders (docs/digest-format.md).
 * Bump DIGEST_SCHEMA_VERSION on any change a reader of the previous version would misread, and teach
 * `upgradeDigestJson` to read the previous version.
 */
export const DIGEST_SCHEMA_VERSION = 2;

export const matchedTermSchema = z.object({
  /** The keyword as the config writes it ("solid polymer electrolyte"). */
  keyword: z.string(),
  /** The words as the paper writes them ("solid polymer electrolytes", "SPE"): what to highlight. */
  forms: z.array(z.string()),
  inTitle: z.boolean(),
  count: z.number().int().nonnegative(),
  /** Area ids and member names whose profiles hold this keyword. */
  profiles: z.array(z.string()),
});

export const memberMatchSchema = z.object({
  name: z.string(),
  score: z.number(),
  /** Plain-words evidence: "interests: PEO, ionic conductivity", "follows Boris Kozinsky". */
  reasons: z.array(z.string()),
});

export const digestEntrySchema = z.object({
  /** 1-based, running through the whole digest as in the example. */
  number: z.number().int().positive(),
  id: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  published: z.string().nullable(),
  url: z.string().nullable(),
  doi: z.string().nullable(),
  arxivId: z.string().nullable(),
  venue: z.string().nullable(),
  /** "arXiv:2506.10944" or "Journal of Power Sources (10.1016/j.jpowsour.2026.01234)". */
  sourceLine: z.string(),
  /** Relevance to this section's area, in [0, 1]. */
  score: z.number(),
  /** Relevance to every area, by area id. */
  scores: z.record(z.string(), z.number()),
  summary: z.string(),
  /** The abstract as stored (plain text), for reading past the summary and for search; null when the source gave none. */
  abstract: z.string().nullable(),
  note: z.string(),
  matchedTerms: z.array(matchedTermSchema),
  members: z.array(memberMatchSchema),
  /** One of the section's picks: the few papers the group should read. The rest are "more in this section". */
  pick: z.boolean(),
  /** 1-based position within the section, picks first. */
  rank: z.number().int().positive(),
});

/** What the section's area learned from the group (issue 19): present only when it was taught. */
export const sectionLearnedSchema = z.object({
  /** Papers that taught it for (starred, nominated or read) and against (dismissed). */
  positives: z.number().int().nonnegative(),
  negatives: z.number().int().nonnegative(),
  /** Those papers by the signal that counted for each (older digests lack it). */
  signals: z.object({
    star: z.number().int().nonnegative(), nominate: z.number().int().nonnegative(),
    read: z.number().int().nonnegative(), dismiss: z.number().int().nonnegative(),
    /** The group's own papers (`digest learn --bib`), not counted as stars (older digests lack it). */
    own: z.number().int().nonnegative().optional(),
  }).optional(),
  /** Its strongest learned words, as the papers write them: for (weight > 0), strongest first, then against. */
  words: z.array(z.object({ word: z.string(), weight: z.number() })),
  /**
   * How new the papers that taught it for were to its keywords, in [0, 1]: the median of 1 - their
   * relevance by the keywords alone. Near 0, they confirm the keywords more than they teach them, and
   * the line says so (`learnedLine`). Absent when nothing taught it for, and in older digests.
   */
  novelty: z.number().min(0).max(1).optional(),
});

export const digestSectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  learned: sectionLearnedSchema.optional(),
  papers: z.array(digestEntrySchema),
});

/** A digest of the current version. Use `readDigestSchema` for a document that may be older. */
export const digestSchema = z.object({
  schemaVersion: z.literal(DIGEST_SCHEMA_VERSION),
  group: z.object({ name: z.string(), description: z.string().optional() }),
  title: z.string(),
  /** The digest's day, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  window: z.object({ since: z.string().nullable(), until: z.string().nullable() }),
  generatedAt: z.string(),
  /** True when built from bundled recorded data rather than a live fetch. */
  sample: z.boolean(),
  sections: z.array(digestSectionSchema),
  /** The config's members; `learned`, as a section's, when the member taught their profile (stars, dismissals). */
  members: z.array(z.object({ name: z.string(), areas: z.array(z.string()), learned: sectionLearnedSchema.optional() })),
  stats: z.object({ considered: z.number().int().nonnegative(), included: z.number().int().nonnegative() }),
});

/**
 * A digest document of any version this one reads, as the current version: version 1 had no picks,
 * so each of its papers reads as a pick (the section shows as it did), ranked in its order, and no
 * abstracts.
 */
export function upgradeDigestJson(json: unknown): unknown {
  if (!isRecord(json) || json['schemaVersion'] !== 1 || !Array.isArray(json['sections'])) return json;
  return {
    ...json,
    schemaVersion: DIGEST_SCHEMA_VERSION,
    sections: json['sections'].map((section: unknown) => {
      if (!isRecord(section) || !Array.isArray(section['papers'])) return section;
      return {
        ...section,
        papers: section['papers'].map((paper: unknown, i: number) => (isRecord(paper) ? { abstract: null, ...paper, pick: true, rank: i + 1 } : paper)),
      };
    }),
  };
}

/** A digest of this version or an earlier one this version reads, parsed as the current version. */
export const readDigestSchema = z.preprocess(upgradeDigestJson, digestSchema);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type SectionLearned = z.infer<typeof sectionLearnedSchema>;
export type MatchedTerm = z.infer<typeof matchedTermSchema>;
export type MemberMatch = z.infer<typeof memberMatchSchema>;
export type DigestEntry = z.infer<typeof digestEntrySchema>;
export type DigestSection = z.infer<typeof digestSectionSchema>;
export type Digest = z.infer<typeof digestSchema>;

/** One line of the archive index, `digests/index.json` (newest first). */
export const digestIndexEntrySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  file: z.string(),
  title: z.string(),
  papers: z.number().int().nonnegative(),
  sample: z.boolean(),
});
export const digestIndexSchema = z.object({
  // The index's shape is the same in versions 1 and 2; `digest build` writes the current version.
  schemaVersion: z.union([z.literal(1), z.literal(DIGEST_SCHEMA_VERSION)]),
  group: z.string(),
  digests: z.array(digestIndexEntrySchema),
});
export type DigestIndexEntry = z.infer<typeof digestIndexEntrySchema>;
export type DigestIndex = z.infer<typeof digestIndexSchema>;

/**
 * The source line the digest shows: `arXiv:<id>` for preprints, `Venue (doi)` for journal papers,
 * the venue or DOI alone when only one is known.
 */
export function paperSourceLine(paper: Pick<Paper, 'id' | 'arxivId' | 'url' | 'doi' | 'venue'>): string {
  const arxiv = paperArxivId(paper);
  const doi = paper.doi ?? (paper.id.startsWith('doi:') ? paper.id.slice(4) : null);
  const venue = venueName(paper.venue);
  if (doi && !(arxiv && doi.toLowerCase().startsWith('10.48550/'))) {
    return venue ? `${venue} (${doi})` : `doi:${doi}`;
  }
  if (arxiv) return `arXiv:${arxiv}`;
  return venue ?? paper.id;
}
