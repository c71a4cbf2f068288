import { learnedLine, type Digest, type DigestEntry } from '@labdigest/core';
import {
  authorLine, countsLine, isHttpUrl, moreLabel, oneLine, rowDetail, sourceParts, splitPicks,
} from './entry-parts.ts';

const WIDTH = 72;

/** An entry's lines under its title start where the title's text does: three columns for "9. ", four for "10. ". */
function indentOf(entry: DigestEntry): string {
  return ' '.repeat(String(entry.number).length + 2);
}

/** The source line's parts, the date kept with its mark: a line never ends on "📅" with the date on the next. */
function sourceText(entry: DigestEntry): string {
  return sourceParts(entry).map((part) => part.replace('📅 ', '📅\u00a0')).join(' · ');
}

/**
 * The digest as plain text, for the text/plain part of the e-mail and for terminals: the same
 * content and order as the HTML, wrapped at 72 columns, links written out in full. A section's
 * picks come in full, then the rest in three lines each (title, source and members, link) under
 * "12 more in <section>".
 */
export function digestToPlainText(digest: Digest): string {
  const blocks: string[] = [`${oneLine(digest.title)}\n${countsLine(digest)}`];
  if (digest.sample) blocks.push('Sample data: built from bundled recorded papers, not from a live fetch.');
  for (const section of digest.sections) {
    blocks.push(underline(section.name, '='));
    const learned = learnedLine(section.learned);
    if (learned) blocks.push(wrap(learned, ''));
    if (section.papers.length === 0) blocks.push('Nothing above the threshold this time.');
    const { picks, rest } = splitPicks(section.papers);
    for (const entry of picks) blocks.push(entryText(digest.group.name, entry));
    if (rest.length > 0) blocks.push(underline(moreLabel(rest.length, section.name, picks.length), '-'), ...rest.map(entryRowText));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** A heading: the text, then a line of `char` as long (at most WIDTH). */
export function underline(text: string, char: '=' | '-'): string {
  const line = oneLine(text);
  return `${line}\n${char.repeat(Math.min(line.length, WIDTH))}`;
}

/** A paper in brief: numbered title, then source line and members, then the link. */
export function entryRowText(entry: DigestEntry): string {
  const indent = indentOf(entry);
  const lines = [wrap(`${entry.number}. ${oneLine(entry.title)}`, '', indent)];
  const detail = rowDetail(entry);
  if (detail) lines.push(wrap(detail, indent));
  if (isHttpUrl(entry.url)) lines.push(`${indent}${entry.url}`);
  return lines.join('\n');
}

/** A paper in full: title, authors, source, link, summary and relevance note, as the example digest has them. */
export function entryText(group: string, entry: DigestEntry): string {
  const indent = indentOf(entry);
  const head = [wrap(`${entry.number}. ${oneLine(entry.title)}`, '', indent)];
  const authors = authorLine(entry.authors);
  if (authors) head.push(wrap(authors, indent));
  head.push(wrap(sourceText(entry), indent));
  if (isHttpUrl(entry.url)) head.push(`${indent}${entry.url}`);
  const blocks = [head.join('\n')];
  if (entry.summary.trim()) blocks.push(wrap(oneLine(entry.summary), indent));
  const relevance = [wrap(`Relevance to ${oneLine(group)}`, indent)];
  if (entry.note.trim()) relevance.push(wrap(oneLine(entry.note), indent));
  blocks.push(relevance.join('\n'));
  return blocks.join('\n\n');
}

/** Words wrapped at WIDTH columns; the first line starts with `first`, the others with `rest`. A longer word keeps its own line. */
export function wrap(text: string, first: string, rest = first): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ').filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}
