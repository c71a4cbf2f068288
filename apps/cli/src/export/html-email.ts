import { learnedLine, type Digest, type DigestEntry, type MatchedTerm } from '@labdigest/core';
import {
  authorLine, countsLine, isHttpUrl, moreLabel, oneLine, rowDetail, sourceParts, splitPicks,
} from './entry-parts.ts';

export { digestToPlainText } from './plain-text.ts';

/*
 * Mail clients drop <style> blocks and <script>, block remote images and fonts, and Outlook on the
 * web ignores most layout CSS. So: inline styles only, no external resources, plain block elements
 * (no tables), one centred column of at most 680px. Every text from a paper or the config is
 * HTML-escaped; links are http(s) only. Colours come in pairs (text and background) so clients that
 * invert them for dark mode invert both.
 */
const FONT = "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
export const STYLE = {
  body: 'margin:0;padding:0;background-color:#f4f4f5;',
  column: `max-width:680px;margin:0 auto;padding:24px 20px;background-color:#ffffff;font-family:${FONT};font-size:16px;line-height:1.5;color:#1f2328;`,
  h1: 'margin:0 0 4px;font-size:24px;line-height:1.25;',
  meta: 'margin:0 0 16px;font-size:14px;color:#57606a;',
  sample: 'margin:0 0 16px;padding:8px 12px;border-left:4px solid #d4a72c;background-color:#fff8c5;color:#1f2328;font-size:14px;',
  h2: 'margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid #d0d7de;font-size:20px;line-height:1.3;',
  empty: 'margin:0 0 16px;font-style:italic;color:#57606a;',
  learned: 'margin:0 0 16px;font-size:14px;color:#57606a;',
  entry: 'margin:0 0 28px;',
  h3: 'margin:0 0 4px;font-size:17px;line-height:1.35;',
  authors: 'margin:0 0 4px;font-size:14px;color:#57606a;',
  source: 'margin:0 0 10px;font-size:14px;color:#57606a;',
  link: 'color:#0969da;text-decoration:underline;',
  text: 'margin:0 0 10px;',
  relevance: 'margin:0 0 2px;font-weight:bold;',
  mark: 'background-color:#fff3b0;color:inherit;padding:0 1px;',
  footer: 'margin:32px 0 0;padding-top:12px;border-top:1px solid #d0d7de;font-size:12px;color:#57606a;',
  more: 'margin:20px 0 8px;font-size:15px;color:#1f2328;',
  row: 'margin:0 0 10px;font-size:15px;line-height:1.4;',
  rowDetail: 'font-size:13px;color:#57606a;',
  kicker: 'margin:0 0 2px;font-size:13px;color:#57606a;',
  cta: 'margin:28px 0 0;font-size:16px;font-weight:bold;',
  note: 'margin:0 0 16px;padding:8px 12px;border-left:4px solid #0969da;background-color:#ddf4ff;color:#1f2328;font-size:14px;',
} as const;

/** The e-mail's subject line: group, title and how many papers. */
export function digestEmailSubject(digest: Digest): string {
  const n = digest.stats.included;
  return oneLine(`${digest.group.name}: ${digest.title} (${n} paper${n === 1 ? '' : 's'})`);
}

/**
 * What an HTML e-mail may weigh: Gmail clips a message whose HTML passes about 102 KB and hides the
 * rest behind "View entire message". Sent as quoted-printable (every `=` of a style attribute becomes
 * `=3D`, every non-ASCII character three bytes more) the HTML grows by about 9% (97 KB on the wire
 * for 89 KB of the sample week's all-picks e-mail), so the budget is 85,000 bytes before encoding.
 */
export const HTML_EMAIL_BUDGET = 85_000;

/** The size in bytes (UTF-8) of the digest's HTML e-mail: what `pnpm eval` prints for the sample week. */
export function htmlEmailBytes(digest: Digest): number {
  return new TextEncoder().encode(digestToHtmlEmail(digest)).length;
}

/**
 * The digest as a self-contained HTML e-mail: the same content and order as the Markdown digest,
 * with the paper's matched words highlighted in its summary. Each section shows its picks in full,
 * then "12 more in <section>" and the rest as one linked row each. When the picks in full would
 * take the e-mail past `budget` bytes, the lowest-ranked picks (rank 3 of every section before
 * rank 2 of any) become rows too, and a line says so. Send `digestToPlainText` as the text/plain
 * part of the same multipart message.
 */
export function digestToHtmlEmail(digest: Digest, budget = HTML_EMAIL_BUDGET): string {
  const parts: Part[] = [
    `<h1 style="${STYLE.h1}">${escapeHtml(digest.title)}</h1>`,
    `<p style="${STYLE.meta}">${escapeHtml(countsLine(digest))}</p>`,
  ];
  if (digest.sample) parts.push(SAMPLE_HTML);
  parts.push(SHORTENED);
  digest.sections.forEach((section, s) => {
    parts.push(`<h2 style="${STYLE.h2}">${escapeHtml(section.name)}</h2>`);
    const learned = learnedLine(section.learned);
    if (learned) parts.push(learnedHtml(learned));
    if (section.papers.length === 0) parts.push(`<p style="${STYLE.empty}">Nothing above the threshold this time.</p>`);
    const { picks, rest } = splitPicks(section.papers);
    for (const entry of picks) {
      parts.push({ full: entryHtml(digest.group.name, entry), row: entryRowHtml(entry), priority: entry.rank * 1000 + s });
    }
    if (rest.length > 0) parts.push(moreHeadingHtml(moreLabel(rest.length, section.name, picks.length)), ...rest.map(entryRowHtml));
  });
  parts.push(`<p style="${STYLE.footer}">${escapeHtml(`Made by labdigest at ${digest.generatedAt}.`)}</p>`);
  return htmlDocument(digest.title, fitParts(parts, budget, digest.title).html);
}

/** A learned line ("Learned from the group's 4 stars …", core's learnedLine) as the e-mails show it. */
export function learnedHtml(line: string): string {
  return `<p style="${STYLE.learned}">${escapeHtml(line)}</p>`;
}

/** A piece of an e-mail shown in full when it fits the budget, else as its one-line row. */
export interface Choice {
  readonly full: string;
  readonly row: string;
  /** Lower comes first: the choices that get their full form while the budget lasts. */
  readonly priority: number;
}
/** A fixed piece of HTML, a choice, or SHORTENED: where the note goes when some choice became a row. */
export type Part = string | Choice | typeof SHORTENED;

/** Marks where fitParts puts the "shortened" note. */
export const SHORTENED: unique symbol = Symbol('shortened');

const SHORTENED_HTML = `<p style="${STYLE.note}">Some picks are shown in one line to keep this e-mail whole in mail clients `
  + 'that cut long messages; the reader has them in full.</p>';
const SAMPLE_HTML = `<p style="${STYLE.sample}"><strong>Sample data:</strong> built from bundled recorded papers, not from a live fetch.</p>`;

/**
 * The parts as HTML lines: every choice in full when the document fits `budget` bytes that way;
 * else the choices in order of priority take their full form while the document stays within it,
 * and `note` goes where SHORTENED stands. `full[i]` says how choice i (in document order) is shown.
 */
export function fitParts(parts: readonly Part[], budget: number, title = '', note = SHORTENED_HTML): { html: string[]; full: boolean[] } {
  const bytes = (text: string) => encoder.encode(text).length + 1; // + the newline that joins the lines
  const choices = parts.filter((p): p is Choice => typeof p === 'object');
  let total = bytes(htmlDocument(title, [])) + parts.reduce((n, p) => n + (typeof p === 'string' ? bytes(p) : 0), 0);
  const allFull = total + choices.reduce((n, c) => n + bytes(c.full), 0);
  const full = choices.map(() => allFull <= budget);
  if (allFull > budget) {
    total += bytes(note) + choices.reduce((n, c) => n + bytes(c.row), 0);
    const order = choices.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || a.i - b.i);
    for (const { c, i } of order) {
      const extra = bytes(c.full) - bytes(c.row);
      if (total + extra <= budget) {
        full[i] = true;
        total += extra;
      }
    }
  }
  const shortened = full.some((f) => !f);
  let k = 0;
  const html = parts.flatMap((p) => {
    if (p === SHORTENED) return shortened ? [note] : [];
    if (typeof p === 'string') return [p];
    return [full[k++] ? p.full : p.row];
  });
  return { html, full };
}

const encoder = new TextEncoder();

/**
 * A whole HTML e-mail around body lines. `color-scheme: light` asks clients that honour it (Apple
 * Mail) not to recolour the page; those that force a dark mode (Gmail and Outlook apps) invert every
 * colour we set, which stays readable because every block sets its text and background together.
 */
export function htmlDocument(title: string, body: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="supported-color-schemes" content="light">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.column}">`,
    ...body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** "12 more in Polymer Electrolytes" above a section's rows. */
export function moreHeadingHtml(text: string): string {
  return `<h4 style="${STYLE.more}">${escapeHtml(text)}</h4>`;
}

/** A paper in full; `kicker`, when given, is a small line above the title (why it is here). */
export function entryHtml(group: string, entry: DigestEntry, kicker?: string): string {
  const lines = [`<div style="${STYLE.entry}">`];
  if (kicker) lines.push(`<p style="${STYLE.kicker}">${escapeHtml(oneLine(kicker))}</p>`);
  lines.push(`<h3 style="${STYLE.h3}">${entry.number}. ${escapeHtml(oneLine(entry.title))}</h3>`);
  const authors = authorLine(entry.authors);
  if (authors) lines.push(`<p style="${STYLE.authors}">${escapeHtml(authors)}</p>`);
  const source = sourceParts(entry).map(escapeHtml);
  if (isHttpUrl(entry.url)) source.push(`<a href="${escapeHtml(entry.url)}" style="${STYLE.link}">↗ Open paper</a>`);
  lines.push(`<p style="${STYLE.source}">${source.join(' · ')}</p>`);
  if (entry.summary.trim()) lines.push(`<p style="${STYLE.text}">${highlight(oneLine(entry.summary), entry.matchedTerms)}</p>`);
  lines.push(`<p style="${STYLE.relevance}">${escapeHtml(`Relevance to ${group}`)}</p>`);
  if (entry.note.trim()) lines.push(`<p style="${STYLE.text}">${escapeHtml(oneLine(entry.note))}</p>`);
  lines.push('</div>');
  return lines.join('\n');
}

/** A paper in one row: its number, the title linked to the paper, then source line and members. */
export function entryRowHtml(entry: DigestEntry): string {
  const title = escapeHtml(oneLine(entry.title));
  const linked = isHttpUrl(entry.url) ? `<a href="${escapeHtml(entry.url)}" style="${STYLE.link}">${title}</a>` : title;
  const detail = rowDetail(entry);
  return `<p style="${STYLE.row}">${entry.number}. ${linked}${detail ? `<br><span style="${STYLE.rowDetail}">${escapeHtml(detail)}</span>` : ''}</p>`;
}

/** Text safe in element content and in double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The text, escaped, with every occurrence of the matched terms' forms (the words as the paper
 * writes them) wrapped in <mark>. Matching works on the raw text and escapes each piece, so a
 * mark never splits an entity; longer forms win over the shorter ones they contain.
 */
export function highlight(text: string, terms: readonly MatchedTerm[]): string {
  const forms = [...new Set(terms.flatMap((t) => t.forms).filter((f) => f.trim()))].sort((a, b) => b.length - a.length);
  const taken = new Uint8Array(text.length);
  const ranges: [number, number][] = [];
  for (const form of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (!isBoundary(text, at - 1) || !isBoundary(text, end) || taken.subarray(at, end).some((x) => x === 1)) continue;
      taken.fill(1, at, end);
      ranges.push([at, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    out += `${escapeHtml(text.slice(last, start))}<mark style="${STYLE.mark}">${escapeHtml(text.slice(start, end))}</mark>`;
    last = end;
  }
  return out + escapeHtml(text.slice(last));
}

/** True when the character at `i` is not part of a word (or lies outside the text). */
function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  return c === undefined || !/[\p{L}\p{N}]/u.test(c);
}
