import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { formatIssue, paperSchema, zodIssues, type Paper } from '@labdigest/core';
import { repairPaperText } from '@labdigest/sources';
import { InputError } from './errors.ts';

/** A line of a JSON-lines file that was skipped, and why. */
export interface RejectedLine {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
}

/**
 * Reads papers from a JSON-lines file in the corpus format (`.jsonl`, or `.jsonl.gz`).
 * A bad line is reported with its number and skipped; the rest are read. Duplicate ids keep the first.
 * Titles and abstracts stored without their markup are repaired as the parsers repair them
 * ("Li 2 O‐Rich" -> "Li2O‐Rich"), so every path stores the same text.
 */
export async function readPapers(file: string): Promise<{ papers: Paper[]; rejected: RejectedLine[] }> {
  if (!existsSync(file)) throw new InputError(file, 'no such file');
  const stream = createReadStream(file);
  const input = file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
  const papers: Paper[] = [];
  const rejected: RejectedLine[] = [];
  const seen = new Set<string>();
  let line = 0;
  try {
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      line++;
      if (!text.trim()) continue;
      const problem = parseLine(text, (paper) => {
        if (seen.has(paper.id)) return `duplicate id "${paper.id}" (first kept)`;
        seen.add(paper.id);
        papers.push(paper);
        return undefined;
      });
      if (problem) rejected.push({ file, line, problem });
    }
  } catch (error) {
    throw new InputError(file, `cannot be read after line ${line}: ${(error as Error).message}`, { cause: error });
  }
  return { papers, rejected };
}

function parseLine(text: string, accept: (paper: Paper) => string | undefined): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const parsed = paperSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = zodIssues(parsed.error.issues, json);
    if (!issue) return 'not a paper';
    return formatIssue(issue.path.length ? issue : { ...issue, path: ['record'] });
  }
  if (!parsed.data.title.trim()) return 'title: empty; a paper needs a title';
  return accept(repairPaperText(parsed.data));
}

/** `file:line problem` lines, for stderr. */
export function formatRejected(rejected: readonly RejectedLine[], limit = 20): string {
  const shown = rejected.slice(0, limit).map((r) => `${r.file}:${r.line} ${r.problem}`);
  if (rejected.length > limit) shown.push(`... and ${rejected.length - limit} more`);
  return shown.join('\n');
}
