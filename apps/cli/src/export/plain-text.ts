import type { Digest, DigestEntry } from '@labdigest/core';
import { authorLine, isHttpUrl, oneLine, sourceParts, termLabels } from './entry-parts.ts';

const WIDTH = 72;
const INDENT = '   ';

/**
 * The digest as plain text, for the text/plain part of the e-mail and for terminals: the same
 * content and order as the HTML, wrapped at 72 columns, links written out in full.
 */
export function digestToPlainText(digest: Digest): string {
  const { included, considered } = digest.stats;
  const blocks: string[] = [
    `${oneLine(digest.title)}\n${oneLine(`${digest.group.name} · ${included} paper${included === 1 ? '' : 's'} of ${considered} considered`)}`,
  ];
  if (digest.sample) blocks.push('Sample data: built from bundled recorded papers, not from a live fetch.');
  for (const section of digest.sections) {
    const name = oneLine(section.name);
    blocks.push(`${name}\n${'='.repeat(Math.min(name.length, WIDTH))}`);
    if (section.papers.length === 0) blocks.push('Nothing above the threshold this time.');
    for (const entry of section.papers) blocks.push(entryText(digest.group.name, entry));
  }
  return `${blocks.join('\n\n')}\n`;
}

function entryText(group: string, entry: DigestEntry): string {
  const head = [wrap(`${entry.number}. ${oneLine(entry.title)}`, '', INDENT)];
  const authors = authorLine(entry.authors);
  if (authors) head.push(wrap(authors, INDENT));
  head.push(wrap(sourceParts(entry).join(' · '), INDENT));
  if (isHttpUrl(entry.url)) head.push(`${INDENT}${entry.url}`);
  const blocks = [head.join('\n')];
  if (entry.summary.trim()) blocks.push(wrap(oneLine(entry.summary), INDENT));
  const relevance = [wrap(`Relevance to ${oneLine(group)}`, INDENT)];
  if (entry.note.trim()) relevance.push(wrap(oneLine(entry.note), INDENT));
  const terms = termLabels(entry.matchedTerms);
  if (terms.length) relevance.push(wrap(`Matched terms: ${terms.join(' · ')}`, INDENT));
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
