import type { Digest, DigestEntry, MatchedTerm } from '@labdigest/core';
import { authorLine, isHttpUrl, oneLine, sourceParts, termLabels } from './entry-parts.ts';

export { digestToPlainText } from './plain-text.ts';

/*
 * Mail clients drop <style> blocks and <script>, block remote images and fonts, and Outlook on the
 * web ignores most layout CSS. So: inline styles only, no external resources, plain block elements
 * (no tables), one centred column of at most 680px. Every text from a paper or the config is
 * HTML-escaped; links are http(s) only.
 */
const FONT = "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const STYLE = {
  body: 'margin:0;padding:0;background-color:#f4f4f5;',
  column: `max-width:680px;margin:0 auto;padding:24px 20px;background-color:#ffffff;font-family:${FONT};font-size:16px;line-height:1.5;color:#1f2328;`,
  h1: 'margin:0 0 4px;font-size:24px;line-height:1.25;',
  meta: 'margin:0 0 16px;font-size:14px;color:#57606a;',
  sample: 'margin:0 0 16px;padding:8px 12px;border-left:4px solid #d4a72c;background-color:#fff8c5;font-size:14px;',
  h2: 'margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid #d0d7de;font-size:20px;line-height:1.3;',
  empty: 'margin:0 0 16px;font-style:italic;color:#57606a;',
  entry: 'margin:0 0 28px;',
  h3: 'margin:0 0 4px;font-size:17px;line-height:1.35;',
  authors: 'margin:0 0 4px;font-size:14px;color:#57606a;',
  source: 'margin:0 0 10px;font-size:14px;color:#57606a;',
  link: 'color:#0969da;text-decoration:underline;',
  text: 'margin:0 0 10px;',
  relevance: 'margin:0 0 2px;font-weight:bold;',
  terms: 'margin:0;font-size:13px;color:#57606a;',
  mark: 'background-color:#fff3b0;color:inherit;padding:0 1px;',
  footer: 'margin:32px 0 0;padding-top:12px;border-top:1px solid #d0d7de;font-size:12px;color:#57606a;',
} as const;

/** The e-mail's subject line: group, title and how many papers. */
export function digestEmailSubject(digest: Digest): string {
  const n = digest.stats.included;
  return oneLine(`${digest.group.name}: ${digest.title} (${n} paper${n === 1 ? '' : 's'})`);
}

/**
 * The digest as a self-contained HTML e-mail: the same content and order as the Markdown digest,
 * with the paper's matched words highlighted in its summary. Send `digestToPlainText` as the
 * text/plain part of the same multipart message.
 */
export function digestToHtmlEmail(digest: Digest): string {
  const { included, considered } = digest.stats;
  const parts: string[] = [
    `<h1 style="${STYLE.h1}">${escapeHtml(digest.title)}</h1>`,
    `<p style="${STYLE.meta}">${escapeHtml(`${digest.group.name} · ${included} paper${included === 1 ? '' : 's'} of ${considered} considered`)}</p>`,
  ];
  if (digest.sample) {
    parts.push(`<p style="${STYLE.sample}"><strong>Sample data:</strong> built from bundled recorded papers, not from a live fetch.</p>`);
  }
  for (const section of digest.sections) {
    parts.push(`<h2 style="${STYLE.h2}">${escapeHtml(section.name)}</h2>`);
    if (section.papers.length === 0) parts.push(`<p style="${STYLE.empty}">Nothing above the threshold this time.</p>`);
    for (const entry of section.papers) parts.push(entryHtml(digest.group.name, entry));
  }
  parts.push(`<p style="${STYLE.footer}">${escapeHtml(`Made by labdigest at ${digest.generatedAt}.`)}</p>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(digest.title)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.column}">`,
    ...parts,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function entryHtml(group: string, entry: DigestEntry): string {
  const lines = [`<div style="${STYLE.entry}">`, `<h3 style="${STYLE.h3}">${entry.number}. ${escapeHtml(oneLine(entry.title))}</h3>`];
  const authors = authorLine(entry.authors);
  if (authors) lines.push(`<p style="${STYLE.authors}">${escapeHtml(authors)}</p>`);
  const source = sourceParts(entry).map(escapeHtml);
  if (isHttpUrl(entry.url)) source.push(`<a href="${escapeHtml(entry.url)}" style="${STYLE.link}">↗ Open paper</a>`);
  lines.push(`<p style="${STYLE.source}">${source.join(' · ')}</p>`);
  if (entry.summary.trim()) lines.push(`<p style="${STYLE.text}">${highlight(oneLine(entry.summary), entry.matchedTerms)}</p>`);
  lines.push(`<p style="${STYLE.relevance}">${escapeHtml(`Relevance to ${group}`)}</p>`);
  if (entry.note.trim()) lines.push(`<p style="${STYLE.text}">${escapeHtml(oneLine(entry.note))}</p>`);
  const terms = termLabels(entry.matchedTerms);
  if (terms.length) lines.push(`<p style="${STYLE.terms}">Matched terms: ${terms.map(escapeHtml).join(' · ')}</p>`);
  lines.push('</div>');
  return lines.join('\n');
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
