import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import type { Paper } from '@labdigest/core';
import type { Io } from '../io.ts';
import { newStoreNote, withStore } from './open-db.ts';
import { withLock } from './lock.ts';
import { upsertPapers } from './queries.ts';
import { InputError, unreadable } from '../errors.ts';
import { MAX_RESPONSE_BYTES, parseBibtex } from '@labdigest/sources';
import { formatMegabytes } from '../net/backoff.ts';
import { parseRis } from '@labdigest/sources';
import { readPapers } from '../read-papers.ts';
import { decodeBody } from '../net/decode.ts';

export interface ImportCommandOptions {
  readonly db: string;
  /** Seconds to wait for another run that holds the store. */
  readonly wait?: number | undefined;
}

export type ImportFormat = 'jsonl' | 'bibtex' | 'ris';

/**
 * The format of a file to import: by extension (`.jsonl`, `.jsonl.gz`, `.ndjson`, `.bib`, `.ris`),
 * else by its first characters (`{`, `@`, `TY  -`). Null when neither tells.
 */
export function importFormat(file: string, head: string): ImportFormat | null {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (/\.(jsonl|ndjson|json)$/.test(name)) return 'jsonl';
  if (name.endsWith('.bib') || name.endsWith('.bibtex')) return 'bibtex';
  if (name.endsWith('.ris')) return 'ris';
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'jsonl';
  if (/^(%[^\n]*\n\s*)*@\w+\s*[{(]/.test(start)) return 'bibtex';
  if (/^TY {2}- /.test(start)) return 'ris';
  return null;
}

/**
 * `digest import FILE`: papers from a JSON-lines corpus file, a BibTeX or a RIS export into the store,
 * de-duplicated like fetched ones. Skipped records are listed with file and line.
 */
export async function importCommand(file: string, options: ImportCommandOptions, io: Io): Promise<void> {
  const { papers, source, skipped } = await readPaperFile(file, io);

  const onCreate = newStoreNote(options.db, io);
  await withLock(options.db, () => withStore(options.db, { onCreate }, (db) => {
    const counts = upsertPapers(db, papers, { source, now: new Date() });
    // Records of one paper within the file (a preprint and its article, two editions) are not "already stored".
    const repeated = counts.withinBatch > 0 ? `, ${counts.withinBatch} ${counts.withinBatch === 1 ? 'repeats' : 'repeat'} a paper of the file` : '';
    io.out(`imported ${papers.length} paper${papers.length === 1 ? '' : 's'} from ${file}: ${counts.new} new, `
      + `${counts.duplicates - counts.withinBatch} already stored (${counts.updated} enriched)${repeated}${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  }), { command: 'digest import', waitMs: (options.wait ?? 0) * 1000, note: io.err });
}

/**
 * The papers of a JSON-lines, BibTeX or RIS file (by extension, else by its first characters), as
 * `digest import` and `digest learn --bib` read them; skipped records are listed on `io.err` with
 * file and line. A file with no valid paper is an InputError.
 */
export async function readPaperFile(file: string, io: Io): Promise<{ papers: Paper[]; source: string; skipped: number }> {
  const head = readHead(file);
  const format = importFormat(file, head);
  if (format === null) throw new InputError(file, 'is not a file this tool imports: expected JSON lines (.jsonl, .jsonl.gz), BibTeX (.bib) or RIS (.ris)');

  const source = `import:${basename(file).replace(/(\.gz)?$/, '').replace(/\.[^.]+$/, '')}`;
  let papers: Paper[];
  let problems: string[];
  let skipped: number;
  if (format === 'jsonl') {
    const result = await readPapers(file);
    papers = result.papers;
    problems = result.rejected.map((r) => `${r.file}:${r.line} ${r.problem}`);
    skipped = result.skipped;
  } else {
    const parse = format === 'bibtex' ? parseBibtex : parseRis;
    const result = parse(readText(file, (line) => io.err(`${line}\n`)), { source, location: file });
    papers = result.papers;
    problems = result.rejected.map((r) => r.message);
    skipped = problems.length;
  }
  if (skipped > 0) {
    const more = skipped - Math.min(20, problems.length);
    io.err(`skipped ${skipped} record${skipped === 1 ? '' : 's'}:\n${problems.slice(0, 20).join('\n')}${more > 0 ? `\n... and ${more} more` : ''}\n`);
  }
  if (papers.length === 0) throw new InputError(file, 'holds no valid paper');
  return { papers, source, skipped };
}

/** The first few KB of a file as text (decompressed when gzipped), to recognise its format. */
function readHead(file: string): string {
  let bytes: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      bytes = Buffer.alloc(64 * 1024);
      bytes = bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new InputError(file, unreadable(error), { cause: error });
  }
  if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) return decodeFile(file, bytes.subarray(0, 4096));
  try {
    // A prefix of a gzip stream: Z_SYNC_FLUSH returns what it holds instead of failing on the cut end.
    // 4 KB of a gzip stream make at most a few MB: a bomb's head is read, not the bomb.
    return decodeFile(file, gunzipSync(bytes.subarray(0, 4096), { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, 4096));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, `is not a readable gzip file: ${(error as Error).message}`, { cause: error });
  }
}

/** A BibTeX or RIS file's text, decompressed when gzipped: at most what the parsers read (20 MB). */
function readText(file: string, note: (line: string) => void): string {
  const bytes = readFileSync(file);
  if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) return decodeFile(file, bytes, note);
  let text: Buffer;
  try {
    // A gzip bomb stops at the cap, after decompressing no more than it: maxOutputLength.
    text = gunzipSync(bytes, { maxOutputLength: MAX_RESPONSE_BYTES });
  } catch (error) {
    const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new InputError(file, tooBig ? `decompresses to more than ${formatMegabytes(MAX_RESPONSE_BYTES)}, the most a BibTeX or RIS file may hold`
      : `is not a readable gzip file: ${(error as Error).message}`, { cause: error });
  }
  return decodeFile(file, text, note);
}

/**
 * A file's text: UTF-8 unless a byte order mark says UTF-16 or UTF-32 (reference managers on Windows
 * write those). Bytes that are not UTF-8 at all are read as Windows-1252, as reference managers and
 * editors on Windows save BibTeX and RIS, and `note` says so: read as UTF-8, "José Müller" was stored
 * as "Jos� M�ller" without a word.
 */
function decodeFile(file: string, bytes: Uint8Array, note?: (line: string) => void): string {
  let text: string;
  try {
    text = decodeBody(bytes, null);
  } catch (error) {
    throw new InputError(file, (error as Error).message, { cause: error });
  }
  if (!text.includes('\ufffd') || isUtf8(bytes)) return text;
  note?.(`${file}: not UTF-8; read as Windows-1252 (Western European). If names or symbols look wrong, save the file as UTF-8 and import it again`);
  return new TextDecoder('windows-1252').decode(bytes);
}
