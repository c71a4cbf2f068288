// RIS exports (https://en.wikipedia.org/wiki/RIS_(file_format)): "TY  - JOUR" … "ER  -" records,
// one "XX  - value" tag a line, for `digest import FILE`.
import { FeedParseError, RecordRejectedError } from './errors.ts';
import { personName } from './normalize/authors.ts';
import { cleanPlainText } from './normalize/text.ts';
import { checkSize, quote } from './body.ts';
import type { ParseContext, ParseResult } from './parse-result.ts';
import { buildPaper, splitRecords } from './record.ts';

export interface RisRecord {
  /** Tag -> values in file order (AU repeats). */
  tags: Map<string, string[]>;
  /** 1-based line of its TY tag. */
  line: number;
  closed: boolean;
}

const tagLine = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;
/** Types whose T2 is a subtitle, not the journal or book the work appeared in. */
const ownTitleTypes = new Set(['THES', 'BOOK', 'RPRT', 'GEN', 'UNPB', 'MANSCPT']);

/** The records of an RIS file, tags collected; lines that continue a value are joined to it. */
export function readRisRecords(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  let last: { tag: string; index: number } | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  lines.forEach((raw, n) => {
    const m = tagLine.exec(raw.trimEnd());
    if (m) {
      const tag = m[1] ?? '';
      const value = (m[2] ?? '').trim();
      if (tag === 'TY') {
        current = { tags: new Map([['TY', [value]]]), line: n + 1, closed: false };
        records.push(current);
      } else if (tag === 'ER') {
        if (current) current.closed = true;
        current = null;
      } else if (current) {
        const values: string[] = current.tags.get(tag) ?? [];
        values.push(value);
        current.tags.set(tag, values);
        last = { tag, index: values.length - 1 };
      }
    } else if (current && last && raw.trim() !== '') {
      const values = (current as RisRecord).tags.get(last.tag);
      if (values) values[last.index] = `${values[last.index] ?? ''} ${raw.trim()}`;
    }
  });
  return records;
}

/**
 * Papers of an RIS file. Records without a title or not closed by `ER  -` (a truncated file) are
 * rejected with the line of their TY; a file without any TY record is a FeedParseError.
 */
export function parseRis(text: string, at: ParseContext): ParseResult {
  checkSize(text, at);
  const records = readRisRecords(text);
  if (records.length === 0) throw new FeedParseError(at, `expected RIS records (TY  - …), saw ${quote(text, at)}`);
  const built = records.map((r, index) => {
    const first = (...tags: string[]): string => {
      for (const t of tags) {
        const v = r.tags.get(t)?.find((x) => x.trim() !== '');
        if (v !== undefined) return v.trim();
      }
      return '';
    };
    const doi = first('DO');
    const recordId = doi || first('ID') || `#${index + 1}`;
    if (!r.closed) {
      return new RecordRejectedError({ ...at, line: r.line, recordId }, 'record is not closed by "ER  -" (truncated file?)');
    }
    const type = first('TY').toUpperCase();
    const subtitle = ownTitleTypes.has(type) ? first('T2') : '';
    const title = cleanPlainText(first('TI', 'T1', 'CT', 'BT'));
    return buildPaper(
      {
        title: title && subtitle ? `${title}: ${cleanPlainText(subtitle)}` : title,
        abstract: cleanPlainText(first('AB', 'N2')) || null,
        authors: [...(r.tags.get('AU') ?? []), ...(r.tags.get('A1') ?? [])].filter((a) => a.trim() !== '').map(personName),
        published: risDate(first('PY', 'Y1', 'DA')),
        doi: doi || null,
        url: first('UR', 'L2') || null,
        venue: cleanPlainText(first('JO', 'JF', 'JA', 'J2', ...(ownTitleTypes.has(type) ? [] : ['T2']))) || null,
        // Exports of theses and books often carry no DOI or URL: the ISBN, else title and year, name them.
        nativeId: first('ID') || doi || first('UR') || first('SN') || titleKey(title, first('PY', 'Y1')),
      },
      at,
      { recordId, line: r.line },
    );
  });
  return splitRecords(built);
}

/** RIS dates are "YYYY/MM/DD/other" with any part empty ("2014///"); "2014" alone is common. */
function risDate(raw: string): string | null {
  if (raw === '') return null;
  const m = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/.exec(raw);
  if (!m) return raw;
  return [m[1], m[2], m[2] ? m[3] : undefined].filter((p) => p !== undefined && p !== '').join('-');
}

function titleKey(title: string, year: string): string {
  const words = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9\s]/g, '').split(/\s+/).filter((w) => w !== '');
  return words.length === 0 ? '' : `${words.join('-').slice(0, 60)}-${year.slice(0, 4)}`.replace(/-$/, '');
}
