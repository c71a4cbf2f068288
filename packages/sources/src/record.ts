// One place that turns a source's fields into a Paper or a rejection, so every source refuses
// the same things (no title, absurd date, nothing to identify it by) with the same messages.
import type { Paper } from '@labdigest/core';
import { RecordRejectedError } from './errors.ts';
import { parseDate, type DateResult } from './normalize/dates.ts';
import { normalizeArxivId, normalizeDoi, paperIdFor } from './normalize/ids.ts';
import { repairPaperText } from './normalize/repair.ts';
import { withoutAbstractLabel } from './normalize/text.ts';
import { fieldSizeProblem } from './normalize/limits.ts';
import { quoteValue } from './normalize/controls.ts';

/** What a DOI field must hold (normalize/ids.ts has the pattern). */
export const NOT_A_DOI = 'expected a DOI (10.NNNN/suffix, without spaces, quotes or markup)';
import type { ParseContext } from './parse-result.ts';

/** Issue furniture that journals list like articles (fixtures/rss/rss-elsevier-…, crossref-works-sample-10). */
const frontMatter = /^(?:editorial board|contents continued|graphical abstract toc|table of contents|contents|issue information|cover (?:picture|image)|masthead|front matter|back matter|front cover|back cover|inside (?:front|back) cover)$/i;

export interface RecordFields {
  /** Already clean text; '' when the item has none. */
  title: string;
  abstract?: string | null;
  authors?: string[];
  /** A raw date string (parsed here) or an already parsed result; null/absent when the item has none. */
  published?: string | DateResult | null;
  doi?: string | null;
  arxivId?: string | null;
  url?: string | null;
  venue?: string | null;
  categories?: string[];
  /** Labels from the source itself (`announce:replace` for an arXiv replacement). */
  tags?: string[];
  /** The source's own id (guid, link, OpenAlex id), used when there is no arXiv id or DOI. */
  nativeId?: string | null;
}

export interface RecordPlace {
  /** What to call the item in a rejection: its id, or `#<n>` for the n-th item. */
  recordId: string;
  line?: number | undefined;
}

/**
 * A title, a name or a venue on one line: a line break a feed wrapped a title with, or one a hostile
 * record puts in an author's name to forge lines of its own in a plain-text digest or e-mail ("A.
 * Author\n   https://evil.example"), becomes a space. Other spaces stay as they are (the text repair
 * reads a formula's double space).
 */
export function withoutLineBreaks(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029\u0085\v\f]+\s*/g, ' ').trim();
}

/** The Paper for a record, or the reason it is rejected. */
export function buildPaper(fields: RecordFields, at: ParseContext, place: RecordPlace): Paper | RecordRejectedError {
  const reject = (problem: string): RecordRejectedError =>
    new RecordRejectedError({ source: at.source, location: at.location, line: place.line, recordId: place.recordId }, problem);
  const tooBig = fieldSizeProblem(fields);
  if (tooBig !== null) return reject(tooBig);
  const title = withoutLineBreaks(fields.title);
  if (title === '') return reject('title: the item has no title');
  if (frontMatter.test(title)) return reject(`title: "${title}" is front matter, not a paper`);
  let published: string | null = null;
  if (fields.published !== undefined && fields.published !== null) {
    const raw = fields.published;
    const result = typeof raw === 'string' ? (raw.trim() === '' ? null : parseDate(raw, at.now ?? new Date())) : raw;
    if (result && !result.ok) return reject(`published: ${result.problem}`);
    published = result?.value ?? null;
  }
  const doi = fields.doi ? firstDoi(fields.doi) : null;
  if (fields.doi && fields.doi.trim() !== '' && doi === null) return reject(`doi: ${NOT_A_DOI}, saw ${quoteValue(fields.doi.trim())}`);
  // arXiv's own DOIs (10.48550/arXiv.2411.17759) name the preprint: key it as the arXiv record.
  const arxivFrom = fields.arxivId ?? (doi?.startsWith('10.48550/arxiv.') ? doi : null);
  const arxivId = arxivFrom ? (normalizeArxivId(arxivFrom)?.id ?? null) : null;
  const native = fields.nativeId?.trim() ?? '';
  if (doi === null && arxivId === null && native === '') {
    return reject('id: the item has no DOI, arXiv id, link or guid to identify it');
  }
  // Text some sources send already stripped of its markup ("Mg 2 RhH 6" in JACS's titles) is repaired here.
  const repaired = repairPaperText({ title, abstract: withoutAbstractLabel(fields.abstract?.trim() ?? '') });
  // Nature's research items repeat the title as their only description.
  const abstract = repaired.abstract?.toLowerCase() === repaired.title.toLowerCase() ? '' : repaired.abstract ?? '';
  const venue = withoutLineBreaks(fields.venue ?? '');
  return {
    id: paperIdFor({ doi, arxivId, fallback: `${at.source}:${native}` }),
    title: repaired.title,
    abstract: abstract === '' ? null : abstract,
    authors: (fields.authors ?? []).map(withoutLineBreaks).filter((a) => a !== ''),
    published,
    doi,
    arxivId,
    url: fields.url?.trim() || null,
    venue: venue === '' ? null : venue,
    categories: [...new Set(fields.categories ?? [])],
    source: at.source,
    tags: [...new Set(fields.tags ?? [])],
  };
}

/**
 * A DOI field may hold more than one: arXiv's listing of 2024-11-28 has
 * "10.3847/1538-4357/ad8659 10.3847/1538-4357/ad8659" (fixtures/arxiv/arxiv-rss-listing-all-archives-…).
 */
function firstDoi(raw: string): string | null {
  return normalizeDoi(raw) ?? raw.split(/[\s,;]+/).map(normalizeDoi).find((d) => d !== null) ?? null;
}

/**
 * Splits built records into the papers and the rejections of a ParseResult. A paper listed twice
 * (RSC lists an article again when its graphical abstract is added) is kept once, its first
 * listing completed with fields only the later one has.
 */
export function splitRecords(records: readonly (Paper | RecordRejectedError)[]): { papers: Paper[]; rejected: RecordRejectedError[] } {
  const byId = new Map<string, Paper>();
  const rejected: RecordRejectedError[] = [];
  for (const r of records) {
    if (r instanceof RecordRejectedError) {
      rejected.push(r);
      continue;
    }
    const first = byId.get(r.id);
    if (first === undefined) {
      byId.set(r.id, r);
      continue;
    }
    first.abstract ??= r.abstract;
    first.published ??= r.published;
    first.venue ??= r.venue;
    first.url ??= r.url;
    if (first.authors.length === 0) first.authors = r.authors;
  }
  return { papers: [...byId.values()], rejected };
}
