import { readFileSync } from 'node:fs';
import {
  badIsoWeek, DIGEST_SCHEMA_VERSION, describeValue, formatIssue, isoWeek, isoWeekSchema, papersToBibtex, readDigestSchema, zodIssues, type Digest,
} from '@labdigest/core';
import type { Io } from '../io.ts';
import { DEFAULT_DB_PATH, DEFAULT_DIGESTS_DIR, type ExportFormat } from '../options.ts';
import { InputError, requireFile, unreadable, UsageError } from '../errors.ts';
import { refuseOverwritingInput, STANDARD_OUTPUT, writeFileAtomic } from '../atomic-write.ts';
import { archiveLookup, meetingList } from '../room/meeting.ts';
import { openDb, storeFiles } from '../store/open-db.ts';
import { meetingToMarkdown } from './meeting-markdown.ts';
import { digestToAtom } from './atom.ts';
import { digestToHtmlEmail } from './html-email.ts';
import { digestToMarkdown } from './markdown.ts';
import { digestToPlainText } from './plain-text.ts';
import { arxivIdOf, deepWithoutControls, doiOf } from '@labdigest/sources';


export interface ExportCommandOptions {
  /** The digest to export; every format but `meeting` needs one. */
  readonly digest?: string | undefined;
  readonly format: ExportFormat;
  readonly out?: string | undefined;
  readonly starredOnly?: readonly string[] | undefined;
  readonly selfUrl?: string | undefined;
  readonly readerUrl?: string | undefined;
  /** meeting: the ISO week (default: this week), the store and the archive. */
  readonly week?: string | undefined;
  readonly db?: string | undefined;
  readonly digests?: string | undefined;
  readonly now?: Date | undefined;
}

/**
 * `digest export`: reads and validates the digest, writes it in the format asked for, to standard
 * output (no --out, or `--out -`) or a file that is none of its inputs.
 */
export function exportCommand(options: ExportCommandOptions, io: Io): void {
  const out = options.out === STANDARD_OUTPUT ? undefined : options.out;
  if (out) {
    refuseOverwritingInput(out, [
      { file: options.digest, what: 'the digest' },
      ...storeFiles(options.db ?? DEFAULT_DB_PATH),
    ]);
  }
  if (options.format === 'meeting') {
    write(meetingMarkdown(options), out, 'the group-meeting list', io);
    return;
  }
  if (options.digest === undefined) throw new UsageError(`--format ${options.format} exports a digest: pass --digest FILE`);
  let digest = readDigest(options.digest);
  if (options.starredOnly?.length) digest = starredOnly(digest, options.starredOnly, options.digest);
  const n = digest.stats.included;
  write(exportDigest(digest, options.format, options), out, `${options.format} of ${n} paper${n === 1 ? '' : 's'}`, io);
}

function write(text: string, out: string | undefined, what: string, io: Io): void {
  if (!out) {
    io.out(text);
    return;
  }
  writeFileAtomic(out, text);
  io.err(`wrote ${what} to ${out}\n`);
}

/** The week's group-meeting list, from the store's reading room (and the archive for papers the store lacks). */
function meetingMarkdown(options: ExportCommandOptions): string {
  const week = options.week ?? isoWeek(options.now ?? new Date());
  if (!isoWeekSchema.safeParse(week).success) throw new UsageError(`--week: ${badIsoWeek(week)}`);
  const db = openDb(options.db ?? DEFAULT_DB_PATH, { create: false });
  try {
    return meetingToMarkdown(meetingList(db, week, archiveLookup(options.digests ?? DEFAULT_DIGESTS_DIR)));
  } finally {
    db.close();
  }
}

/** The digest in one of the export formats. */
export function exportDigest(written: Digest, format: Exclude<ExportFormat, 'meeting'>, atom: { selfUrl?: string | undefined; readerUrl?: string | undefined } = {}): string {
  // A digest file may come from elsewhere: no export carries a control character, an escape
  // sequence or a bidi override, whatever its fields hold (XML 1.0 cannot even hold most of them).
  const digest = deepWithoutControls(written);
  switch (format) {
    case 'markdown': return digestToMarkdown(digest);
    case 'html': return digestToHtmlEmail(digest);
    case 'text': return digestToPlainText(digest);
    case 'atom': return digestToAtom(digest, { selfUrl: atom.selfUrl, readerUrl: atom.readerUrl });
    case 'bibtex': return papersToBibtex(digest.sections.flatMap((s) => s.papers));
  }
}

/**
 * Reads a digest JSON file and checks it against core's schema. Each problem reads
 * `file: field: problem, saw value`, one a line.
 */
export function readDigest(file: string): Digest {
  requireFile(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(file, unreadable(error), { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = readDigestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = zodIssues(parsed.error.issues, json).map((issue) => {
    if (issue.path.length === 1 && issue.path[0] === 'schemaVersion') {
      const version = (json as { schemaVersion?: unknown }).schemaVersion;
      return `schemaVersion: this labdigest reads digests of versions 1 to ${DIGEST_SCHEMA_VERSION}, saw ${describeValue(version)}`;
    }
    return formatIssue(issue.path.length ? issue : { ...issue, path: ['digest'] });
  });
  const shown = problems.slice(0, 10);
  if (problems.length > shown.length) shown.push(`... and ${problems.length - shown.length} more problems`);
  throw new InputError(file, shown.join(`\n${file}: `));
}

/**
 * The digest with only the starred papers, in their sections and with their numbers; sections left
 * empty are dropped. An id the digest does not hold is an error naming it.
 */
export function starredOnly(digest: Digest, ids: readonly string[], file: string): Digest {
  const papers = digest.sections.flatMap((s) => s.papers);
  const wanted = new Set<string>();
  for (const query of ids) {
    const arxiv = arxivIdOf(query);
    const doi = doiOf(query);
    const hit = papers.find((p) => p.id === query || (arxiv !== undefined && p.arxivId?.toLowerCase() === arxiv)
      || (doi !== undefined && p.doi?.toLowerCase() === doi));
    if (!hit) {
      const examples = papers.slice(0, 2).map((p) => p.id).join(', ');
      throw new InputError(file, `has no paper "${query}" (--starred-only)${examples ? `; its ids look like ${examples}` : ''}`);
    }
    wanted.add(hit.id);
  }
  const sections = digest.sections
    .map((s) => ({ ...s, papers: s.papers.filter((p) => wanted.has(p.id)) }))
    .filter((s) => s.papers.length > 0);
  return { ...digest, sections, stats: { ...digest.stats, included: wanted.size } };
}
