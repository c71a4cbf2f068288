// BibTeX exports (Crossref content negotiation, Pure, Zotero, Google Scholar) for `digest import FILE`.
import { FeedParseError, RecordRejectedError } from './errors.ts';
import { personName } from './normalize/authors.ts';
import { cleanPlainText } from './normalize/text.ts';
import type { ParseContext, ParseResult } from './parse-result.ts';
import { checkSize, quote } from './body.ts';
import { buildPaper, splitRecords } from './record.ts';

export interface BibtexEntry {
  type: string;
  key: string;
  /** Field names lower-cased; values with their outer braces or quotes removed, macros expanded. */
  fields: Record<string, string>;
  /** 1-based line of the `@`. */
  line: number;
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A syntax problem inside one entry: the entry is rejected, the file goes on. */
class BibtexSyntaxError extends Error {}

/** The entries of a BibTeX file; entries that cannot be read are returned as problems with their line. */
export function readBibtexEntries(text: string): { entries: BibtexEntry[]; problems: { line: number; key: string; problem: string }[] } {
  const entries: BibtexEntry[] = [];
  const problems: { line: number; key: string; problem: string }[] = [];
  const macros = new Map<string, string>(monthNames.map((m, i) => [m, String(i + 1)]));
  const lineAt = lineIndex(text);
  let i = 0;
  while ((i = text.indexOf('@', i)) !== -1) {
    const start = i;
    const type = /^@\s*([A-Za-z]+)\s*[{(]/.exec(text.slice(i, i + 64));
    if (!type) {
      i++;
      continue;
    }
    const kind = (type[1] ?? '').toLowerCase();
    const open = i + type[0].length - 1;
    const close = matching(text, open);
    if (close === -1) {
      problems.push({ line: lineAt(start), key: keyGuess(text, open), problem: 'entry is not closed (unbalanced braces)' });
      i = open + 1;
      continue;
    }
    i = close + 1;
    if (kind === 'comment' || kind === 'preamble') continue;
    const cut = fieldsAfter(text, i);
    if (cut.length > 0) {
      // Text between entries is a comment in BibTeX, so an extra "}" closes the entry early and the
      // fields after it would be dropped without a word: `title = {…}},` then `author = …`.
      problems.push({
        line: lineAt(start), key: keyGuess(text, open),
        problem: `an extra "}" on line ${lineAt(close)} closes the entry early; the fields after it (${cut.join(', ')}) would be lost`,
      });
      continue;
    }
    const body = text.slice(open + 1, close);
    try {
      if (kind === 'string') {
        const [name, value] = field(body, 0, macros);
        macros.set(name, value.value);
        continue;
      }
      const comma = body.indexOf(',');
      const key = (comma === -1 ? body : body.slice(0, comma)).trim();
      const fields: Record<string, string> = {};
      let at = comma === -1 ? body.length : comma + 1;
      while (at < body.length) {
        at = skipSpace(body, at);
        if (at >= body.length) break;
        const [name, value] = field(body, at, macros);
        fields[name] = value.value;
        at = skipSpace(body, value.end);
        if (body[at] === ',') at++;
        else if (at < body.length) throw new BibtexSyntaxError(`expected "," after field ${name}, saw "${body.slice(at, at + 20)}"`);
      }
      entries.push({ type: kind, key, fields, line: lineAt(start) });
    } catch (error) {
      if (!(error instanceof BibtexSyntaxError)) throw error;
      problems.push({ line: lineAt(start), key: keyGuess(text, open), problem: error.message });
    }
  }
  return { entries, problems };
}

/**
 * Papers of a BibTeX file. Entries without a title, with a bad date or unreadable syntax are
 * rejected with their line; a file with no entries at all is a FeedParseError.
 */
export function parseBibtex(text: string, at: ParseContext): ParseResult {
  checkSize(text, at);
  const { entries, problems } = readBibtexEntries(text);
  if (entries.length === 0 && problems.length === 0) {
    throw new FeedParseError(at, `expected BibTeX entries (@article{key, …}), saw ${quote(text, at)}`);
  }
  // A key used again (two members' files merged) names another paper: the later entries get "#2", "#3"
  // on their key, so a paper without a DOI is not stored over the first (it was dropped without a word).
  const uses = new Map<string, number>();
  const records = entries.map((e) => {
    const f = e.fields;
    const use = (uses.get(e.key) ?? 0) + 1;
    uses.set(e.key, use);
    // BibTeX's text is LaTeX's: "--" an en dash ("Li--S batteries", as `digest export` and Zotero write
    // "Li–S"), "---" an em dash.
    const value = (name: string): string => cleanPlainText(dashes(f[name] ?? '')).replace(/[{}]/g, '');
    const eprint = (f['archiveprefix'] ?? f['eprinttype'] ?? '').toLowerCase() === 'arxiv' ? f['eprint'] ?? null : null;
    return buildPaper(
      {
        title: value('title'),
        abstract: value('abstract') || null,
        authors: splitNames(f['author'] ?? '').map(personName),
        published: bibDate(f),
        doi: f['doi'] ?? null,
        arxivId: eprint,
        url: f['url']?.trim() || null,
        venue: value('journal') || value('journaltitle') || value('booktitle') || null,
        nativeId: use === 1 ? e.key : `${e.key}#${use}`,
      },
      at,
      { recordId: e.key, line: e.line },
    );
  });
  const rejected = problems.map((p) => new RecordRejectedError({ ...at, line: p.line, recordId: p.key }, p.problem));
  const result = splitRecords(records);
  return { papers: result.papers, rejected: [...rejected, ...result.rejected].sort((a, b) => (a.at.line ?? 0) - (b.at.line ?? 0)) };
}

/** LaTeX's dash ligatures as the dashes they print. */
function dashes(text: string): string {
  return text.replace(/---/g, '\u2014').replace(/--/g, '\u2013');
}

function bibDate(f: Record<string, string>): string | null {
  const year = f['year']?.trim();
  if (!year) return f['date']?.trim() || null;
  const monthRaw = (f['month'] ?? '').trim().toLowerCase();
  const month = /^\d{1,2}$/.test(monthRaw) ? Number(monthRaw) : monthNames.indexOf(monthRaw.slice(0, 3)) + 1;
  const day = /^\d{1,2}$/.test(f['day']?.trim() ?? '') ? Number(f['day']) : 0;
  return [year, month > 0 ? String(month) : '', month > 0 && day > 0 ? String(day) : ''].filter((p) => p !== '').join('-');
}

/** Splits "A and B and {C and D Corp.}" on " and " outside braces. */
function splitNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as string;
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (depth === 0 && /^\sand\s/i.test(list.slice(i, i + 5))) {
      names.push(current);
      current = '';
      i += 4;
      continue;
    }
    current += c;
  }
  names.push(current);
  return names.map((n) => n.replace(/\s+/g, ' ').trim()).filter((n) => n !== '');
}

function field(body: string, from: number, macros: Map<string, string>): [string, { value: string; end: number }] {
  const name = /^\s*([A-Za-z][\w:.+-]*)\s*=\s*/.exec(body.slice(from));
  if (!name) throw new BibtexSyntaxError(`expected "name = value", saw "${body.slice(from, from + 20).trim()}"`);
  let at = from + name[0].length;
  let value = '';
  for (;;) {
    const c = body[at];
    if (c === '{') {
      const end = matching(body, at);
      if (end === -1) throw new BibtexSyntaxError(`field ${name[1]}: unbalanced braces`);
      value += body.slice(at + 1, end);
      at = end + 1;
    } else if (c === '"') {
      const end = closingQuote(body, at);
      if (end === -1) throw new BibtexSyntaxError(`field ${name[1]}: unclosed quote`);
      value += body.slice(at + 1, end);
      at = end + 1;
    } else {
      const word = /^[\w.:+-]+/.exec(body.slice(at));
      if (!word) throw new BibtexSyntaxError(`field ${name[1]}: expected a value, saw "${body.slice(at, at + 20).trim()}"`);
      value += /^\d+$/.test(word[0]) ? word[0] : (macros.get(word[0].toLowerCase()) ?? word[0]);
      at += word[0].length;
    }
    at = skipSpace(body, at);
    if (body[at] !== '#') break;
    at = skipSpace(body, at + 1);
  }
  return [(name[1] ?? '').toLowerCase(), { value, end: at }];
}

/** Index of the `}` or `)` closing the group opened at `open`, or -1. */
function matching(text: string, open: number): number {
  const paren = text[open] === '(';
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      if (depth === 0) return paren ? -1 : i;
      depth--;
    } else if (paren && c === ')' && depth === 0) {
      return i;
    }
  }
  return -1;
}

function closingQuote(body: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '"' && depth === 0) return i;
  }
  return -1;
}

function skipSpace(s: string, at: number): number {
  while (at < s.length && /\s/.test(s[at] as string)) at++;
  return at;
}

/**
 * The names of the fields written right after an entry's end, up to the next entry: what an extra
 * "}" cut off (`, author = {…}, year = …`). Empty when only white space or a comment follows.
 */
function fieldsAfter(text: string, from: number): string[] {
  const next = text.indexOf('@', from);
  const rest = text.slice(from, next === -1 ? text.length : next);
  if (!/^\s*,?\s*[A-Za-z][\w:.+-]*\s*=/.test(rest)) return [];
  return [...rest.matchAll(/(?:^|,)\s*([A-Za-z][\w:.+-]*)\s*=/g)].map((m) => (m[1] ?? '').toLowerCase());
}

function keyGuess(text: string, open: number): string {
  return /^[{(]\s*([^,\s{}()]+)/.exec(text.slice(open, open + 200))?.[1] ?? '';
}

/** 1-based line of an offset. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
