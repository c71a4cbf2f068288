import { z } from 'zod';

/**
 * The group's config, as `digest.config.yaml` holds it (see docs/config.md).
 * Keywords are written as a plain string (weight 1), as `term: weight`, or as `{ term, weight }`.
 */
export interface Keyword {
  readonly term: string;
  readonly weight: number;
}

const keywordText = z.string().trim().min(1, { error: 'expected a keyword, saw an empty string' });
const weight = z.number({ error: 'expected a number for the weight' })
  .refine((w) => Number.isFinite(w) && w !== 0 && Math.abs(w) <= 10, {
    error: 'expected a weight between -10 and 10 (not 0); negative weights penalise',
  });

export const keywordSchema = z.union([
  keywordText.transform((term): Keyword => ({ term, weight: 1 })),
  z.strictObject({ term: keywordText, weight: weight.default(1) }),
  z.record(keywordText, weight)
    .refine((o) => Object.keys(o).length === 1, { error: 'expected one `term: weight` pair per list item' })
    .transform((o): Keyword => {
      const [term, w] = Object.entries(o)[0] as [string, number];
      return { term, weight: w };
    }),
], { error: 'expected a keyword: a string, `term: weight`, or { term, weight }' });

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  error: 'expected an id of lower-case letters, digits and dashes, like "polymer-electrolytes"',
});
const unit = z.number().min(0, { error: 'expected a number between 0 and 1' })
  .max(1, { error: 'expected a number between 0 and 1' });

/**
 * What kind of work a group does and wants first ("modelling and simulation": phase field, DFT, MD).
 * Papers that match lead their section and are preferred as picks; the focus never decides whether a
 * paper is in the digest. `name` is how notes speak of it; keywords are written as an area's.
 */
export const focusSchema = z.strictObject({
  name: z.string().trim().min(1).optional(),
  keywords: z.array(keywordSchema).min(1, { error: 'a focus needs at least one keyword' }),
}, { error: 'expected a focus: `name` (optional) and `keywords`, a list written as an area\'s keywords' });

const picks = z.number({ error: 'expected a number of picks' }).int({ error: 'expected a whole number of picks' })
  .min(0, { error: 'expected a number of picks from 0 to 20' }).max(20, { error: 'expected a number of picks from 0 to 20' });

export const areaSchema = z.strictObject({
  id,
  name: z.string().trim().min(1),
  description: z.string().optional(),
  keywords: z.array(keywordSchema).min(1, { error: 'an area needs at least one keyword' }),
  /**
   * Lists of keywords a paper must touch to enter this area: at least one keyword of every list.
   * They say what the area is about in any case ("polymer" and "electrolyte" for polymer electrolytes),
   * so a paper that shares only side words with the area (a chloride electrocatalyst for halide
   * electrolytes) stays out. Required keywords do not add to the score unless also listed in keywords.
   */
  require: z.array(z.array(keywordText).min(1, { error: 'a require list needs at least one keyword' })).default([]),
  /** A paper matching any of these is left out of this area (other areas still see it). */
  exclude: z.array(keywordText).default([]),
  /** Relevance in [0, 1] a paper needs to enter this section (see docs/config.md#thresholds). */
  threshold: unit.default(0.5),
  /** At most this many papers in the section (the lowest-scoring are left out); no cap when absent. */
  maxPapers: z.number().int().positive().optional(),
  /** The section's picks, the papers the group should read; `ranking.picks` when absent. */
  picks: picks.optional(),
  /** This area's focus, in place of the group's. */
  focus: focusSchema.optional(),
});

export const memberSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** What the member works on, as keywords: the same notation as an area's. */
  interests: z.array(keywordSchema).default([]),
  /** Area ids the member follows. */
  areas: z.array(id).default([]),
  /** Author names whose papers always concern this member ("Kozinsky", "Boris Kozinsky"). */
  authors: z.array(z.string().trim().min(1)).default([]),
});

const sourceBase = {
  name: id,
  /** Days back to ask for on each fetch. */
  window: z.number().int().positive().max(365).default(7),
  enabled: z.boolean().default(true),
};

export const sourceSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...sourceBase, type: z.literal('arxiv'), query: z.string().min(1), maxResults: z.number().int().positive().max(2000).default(200) }),
  z.strictObject({ ...sourceBase, type: z.literal('arxiv-listing'), category: z.string().min(1) }),
  z.strictObject({ ...sourceBase, type: z.literal('crossref'), issn: z.array(z.string()).default([]), query: z.string().optional(), rows: z.number().int().positive().max(1000).default(100) }),
  z.strictObject({ ...sourceBase, type: z.literal('openalex'), filter: z.string().optional(), search: z.string().optional(), perPage: z.number().int().positive().max(200).default(100) }),
  z.strictObject({ ...sourceBase, type: z.literal('feed'), url: z.url({ protocol: /^(https?|file)$/ }) }),
], { error: 'expected a source type: arxiv, arxiv-listing, crossref, openalex or feed' });

export const groupConfigSchema = z.strictObject({
  group: z.strictObject({
    name: z.string().trim().min(1),
    description: z.string().optional(),
    /** Contact e-mail: sent to Crossref and OpenAlex for their polite pools. */
    email: z.email().optional(),
  }),
  ranking: z.strictObject({
    /** A title occurrence counts this many abstract occurrences. */
    titleWeight: z.number().min(1).max(10).default(2.5),
    /** Relevance in [0, 1] a member's interests need for a paper to concern them. */
    memberThreshold: unit.default(0.35),
    /** Picks per section, the few papers the group should read; an area's `picks` overrides it. */
    picks: picks.default(3),
  }).default({ titleWeight: 2.5, memberThreshold: 0.35, picks: 3 }),
  /** The kind of work the group wants first, in every area that does not name its own. */
  focus: focusSchema.optional(),
  areas: z.array(areaSchema).min(1, { error: 'the group needs at least one area' }),
  members: z.array(memberSchema).default([]),
  sources: z.array(sourceSchema).default([]),
});

export type Area = z.infer<typeof areaSchema>;
export type Focus = z.infer<typeof focusSchema>;
export type Member = z.infer<typeof memberSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type SourceType = Source['type'];
export type GroupConfig = z.infer<typeof groupConfigSchema>;
export type GroupConfigInput = z.input<typeof groupConfigSchema>;
