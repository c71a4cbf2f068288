import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { formatIssue, paperSchema, zodIssues, type Paper } from '@labdigest/core';
import { fieldSizeProblem, normalizeDoi, NOT_A_DOI, parseDate, quoteValue, repairPaperText, withoutLineBreaks } from '@labdigest/sources';
import { InputError, requireFile } from './errors.ts';
import { formatMegabytes } from './net/backoff.ts';

/** A line of a JSON-lines file that was skipped, and why. */
export interface RejectedLine {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
}

export interface ReadPapersOptions {
  /**
   * The most a file may hold, decompressed: a gzip bomb stops here instead of filling the memory.
   * 1 GB is about 500,000 papers (the shared corpus: 21,872 papers in 36 MB).
   */
  readonly maxBytes?: number;
  /** The longest line read: 2 MB, fifty times the corpus's longest record (42 KB). */
  readonly maxLineBytes?: number;
}

export const MAX_JSONL_BYTES = 1024 * 1024 * 1024;
export const MAX_LINE_BYTES = 2 * 1024 * 1024;
/** Skipped lines kept with their reason; past that they are only counted. */
const KEPT_REJECTIONS = 1000;
/** When none of this many first lines is a record, the file is not JSON lines: reading on is waste. */
const SNIFF_LINES = 100;

/**
 * Reads papers from a JSON-lines file in the corpus format (`.jsonl`, or `.jsonl.gz`).
 * A bad line is reported with its number and skipped; the rest are read. Duplicate ids keep the
 * first. A line longer than maxLineBytes is skipped without being held in memory; a file that
 * decompresses past maxBytes, or whose first lines are none of them records, is an InputError.
 * Titles and abstracts stored without their markup are repaired as the parsers repair them
 * ("Li 2 O‐Rich" -> "Li2O‐Rich"), so every path stores the same text.
 */
export async function readPapers(file: string, options: ReadPapersOptions = {}): Promise<{ papers: Paper[]; rejected: RejectedLine[]; skipped: number }> {
  const { maxBytes = MAX_JSONL_BYTES, maxLineBytes = MAX_LINE_BYTES } = options;
  const { input, close } = openLines(file);
  const papers: Paper[] = [];
  const rejected: RejectedLine[] = [];
  let skipped = 0;
  let notJson = 0;
  const seen = new Set<string>();
  let line = 0;
  const reject = (problem: string) => {
    skipped++;
    if (rejected.length < KEPT_REJECTIONS) rejected.push({ file, line, problem });
  };
  try {
    for await (const next of lines(input, { maxBytes, maxLineBytes, file })) {
      line++;
      if (typeof next === 'number') {
        notJson++;
        reject(`a line of ${next.toLocaleString('en-US')} bytes, longer than the ${formatMegabytes(maxLineBytes)} a JSON line may have`);
      } else if (next.trim() !== '') {
        const problem = parseLine(line === 1 ? next.replace(/^\ufeff/, '') : next, (paper) => {
          if (seen.has(paper.id)) return `duplicate id "${paper.id}" (first kept)`;
          seen.add(paper.id);
          papers.push(paper);
          return undefined;
        });
        if (problem?.startsWith(NOT_JSON)) notJson++;
        if (problem) reject(problem);
      }
      // A BibTeX file or a gzip bomb given as JSON lines: say so now, not after millions of lines.
      if (line === SNIFF_LINES && notJson === SNIFF_LINES) {
        throw new InputError(file, `is not JSON lines: none of its first ${SNIFF_LINES} lines is a JSON record`
          + `${rejected[0] ? ` (line ${rejected[0].line}: ${rejected[0].problem})` : ''}; rank, explain and import read one JSON object a line (.jsonl, .jsonl.gz)`);
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, `cannot be read after line ${line}: ${(error as Error).message}`, { cause: error });
  } finally {
    close();
  }
  return { papers, rejected, skipped };
}

const NOT_JSON = 'not valid JSON';

/**
 * A JSON-lines file's bytes, decompressed when it ends in `.gz`, and how to close it. An InputError
 * when it is not there, when a `.gz` file is empty or not gzip at all, and when its gzip data is cut
 * short or damaged: zlib's own words ("incorrect header check") name neither the file nor the fix.
 */
export function openLines(file: string): { input: AsyncIterable<Buffer>; close: () => void } {
  requireFile(file);
  if (!file.endsWith('.gz')) {
    const stream = createReadStream(file);
    return { input: stream, close: () => stream.destroy() };
  }
  const magic = firstBytes(file, 2);
  if (magic.length === 0) throw new InputError(file, 'is empty');
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new InputError(file, 'not gzip-compressed (is it plain JSON lines? name it .jsonl)');
  const stream = createReadStream(file);
  return { input: gunzipped(stream, file), close: () => stream.destroy() };
}

/** The first `n` bytes of a file (fewer when it is shorter). */
function firstBytes(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(n);
    return bytes.subarray(0, readSync(fd, bytes, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** A gzip stream's text; zlib's errors become InputErrors that name the file. */
async function* gunzipped(stream: NodeJS.ReadableStream, file: string): AsyncGenerator<Buffer> {
  try {
    yield* stream.pipe(createGunzip()) as AsyncIterable<Buffer>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') throw new InputError(file, 'is cut short: its gzip data ends early (an interrupted download or copy?)', { cause: error });
    if (code === 'Z_DATA_ERROR') throw new InputError(file, `is damaged: its gzip data is not valid (${(error as Error).message})`, { cause: error });
    throw error;
  }
}

/**
 * The lines of a byte stream as UTF-8 text (a final `\r` dropped), or a line's length in bytes
 * when it is longer than `maxLineBytes`: such a line is counted, never buffered. A stream longer
 * than `maxBytes` is an InputError. A UTF-16 byte order mark is an InputError too: JSON lines are UTF-8.
 */
export async function* lines(input: AsyncIterable<Buffer>, limits: { maxBytes: number; maxLineBytes: number; file: string }): AsyncGenerator<string | number> {
  let parts: Buffer[] = [];
  let length = 0;
  let total = 0;
  let first = true;
  const finish = (): string | number => {
    if (length > limits.maxLineBytes) return length;
    const text = Buffer.concat(parts, length).toString('utf8');
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  for await (const chunk of input) {
    if (first && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new InputError(limits.file, 'is UTF-16 (its byte order mark says so): JSON lines must be UTF-8; convert it, e.g. with `iconv -f UTF-16 -t UTF-8`');
    }
    first = false;
    total += chunk.length;
    if (total > limits.maxBytes) {
      throw new InputError(limits.file, `decompresses to more than ${formatMegabytes(limits.maxBytes)}, the most a JSON-lines file may hold`);
    }
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      length += piece.length;
      if (length <= limits.maxLineBytes) parts.push(piece);
      yield finish();
      parts = [];
      length = 0;
      start = newline + 1;
    }
    const rest = chunk.subarray(start);
    length += rest.length;
    if (length <= limits.maxLineBytes) parts.push(rest);
    else parts = [];
  }
  if (length > 0) yield finish();
}

function parseLine(text: string, accept: (paper: Paper) => string | undefined): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `${NOT_JSON} (${(error as Error).message})`;
  }
  const parsed = paperSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = zodIssues(parsed.error.issues, json);
    if (!issue) return 'not a paper';
    return formatIssue(issue.path.length ? issue : { ...issue, path: ['record'] });
  }
  const tooBig = fieldSizeProblem(parsed.data);
  if (tooBig !== null) return tooBig;
  if (!parsed.data.title.trim()) return 'title: empty; a paper needs a title';
  const { published, doi } = parsed.data;
  if (published !== null && !isIsoDate(published)) return `published: expected a date (2026-06-01 or an ISO 8601 time), saw ${quoteValue(published)}`;
  // arXiv's metadata may list several DOIs, space-separated: each must be one.
  if (doi !== null && normalizeDoi(doi) === null && !doi.trim().split(/\s+/).every((d) => normalizeDoi(d) !== null)) return `doi: ${NOT_A_DOI}, saw ${quoteValue(doi)}`;
  // On one line, as the feeds' records are (sources' record.ts `withoutLineBreaks`): a line break in a name would forge lines of a plain-text digest.
  const { title, authors, venue } = parsed.data;
  return accept(repairPaperText({ ...parsed.data, title: withoutLineBreaks(title), authors: authors.map(withoutLineBreaks).filter(Boolean), venue: venue === null ? null : withoutLineBreaks(venue) || null }));
}

const isoDate = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
/** The end of time for parseDate's "too far ahead" test: a corpus record's date is as it was written. */
const noFuture = new Date(8.64e15);

/** A corpus record's date: ISO 8601, a year to a time, and a real calendar date. */
function isIsoDate(text: string): boolean {
  return isoDate.test(text) && parseDate(text, noFuture).ok;
}

/** `file:line problem` lines, for stderr; `skipped` counts the lines not kept in `rejected` too. */
export function formatRejected(rejected: readonly RejectedLine[], limit = 20, skipped = rejected.length): string {
  const shown = rejected.slice(0, limit).map((r) => `${r.file}:${r.line} ${r.problem}`);
  if (skipped > shown.length) shown.push(`... and ${(skipped - shown.length).toLocaleString('en-US')} more`);
  return shown.join('\n');
}
