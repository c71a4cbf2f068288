// @labdigest/sources: the text of a feed, an API response or an export file in, Paper[] out. Pure:
// no HTTP, no files, no database (the compiler sees no Node globals here; lint forbids node:*).
export { IngestError, FeedParseError, RecordRejectedError, type SourceLocation } from './errors.ts';
export type { ParseContext, ParseResult, SourceParser } from './parse-result.ts';
export { MAX_RESPONSE_BYTES } from './body.ts';
export { deepWithoutControls, escapeControls, quoteValue, withoutControls } from './normalize/controls.ts';
export { normalizeDoi } from './normalize/ids.ts';
export { parseDate, type DateResult } from './normalize/dates.ts';
export { NOT_A_DOI, withoutLineBreaks } from './record.ts';
export { FIELD_LIMITS, fieldSizeProblem } from './normalize/limits.ts';
export { ARXIV_API_URL, buildArxivQueryUrl, parseArxivAtom, type ArxivQuery } from './arxiv-api.ts';
export { ARXIV_RSS_URL, buildArxivListingUrl, parseArxivListing } from './arxiv-listing.ts';
export { CROSSREF_WORKS_URL, buildCrossrefWorksUrl, parseCrossrefWorks, type CrossrefWorksQuery } from './crossref.ts';
export { parseCrossrefUnixref } from './crossref-unixref.ts';
export { OPENALEX_WORKS_URL, buildOpenAlexWorksUrl, parseOpenAlexWorks, type OpenAlexWorksQuery } from './openalex.ts';
export { parseFeed } from './feed.ts';
export { detectFormat, parseAny, type FeedFormat } from './detect.ts';
export { parseBibtex } from './bibtex.ts';
export { repairPaperText, type PaperText } from './normalize/repair.ts';
export { parseRis } from './ris.ts';
export { collapseDuplicates, type CollapsedPaper } from './identity/collapse-duplicates.ts';
export { idsConflict, matchKeys, type MatchKeys } from './identity/match-keys.ts';
export { mergePaper, samePaper } from './identity/merge-paper.ts';
export { arxivIdOf, doiOf, findPaper, type PaperRef, type PaperSearch } from './identity/find-paper.ts';
