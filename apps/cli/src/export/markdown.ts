import { learnedLine, type Digest, type DigestEntry } from '@labdigest/core';
import {
  authorLine, countsLine, isHttpUrl, moreLabel, oneLine, rowDetail, sourceParts, splitPicks,
} from './entry-parts.ts';

/**
 * The digest as Markdown, laid out as the group reads it (../shared/examples/research-digest-*.txt):
 * `# Research Digest — date`, a `##` heading per area, numbered `### n. Title` papers with their
 * source line, summary and relevance note. A section's picks come in full, then the
 * rest as one linked line each under "12 more in <section>". Text from papers is escaped, so a title
 * such as `*Li* [x](javascript:…)` renders as written and never as markup.
 */
export function digestToMarkdown(digest: Digest): string {
  const blocks: string[] = [`# ${escapeMarkdown(digest.title)}`, escapeMarkdown(countsLine(digest))];
  if (digest.sample) blocks.push('> **Sample data:** built from bundled recorded papers, not from a live fetch.');
  for (const section of digest.sections) {
    blocks.push(`## ${escapeMarkdown(section.name)}`);
    const learned = learnedLine(section.learned);
    if (learned) blocks.push(`_${escapeMarkdown(learned)}_`);
    if (section.papers.length === 0) blocks.push('_Nothing above the threshold this time._');
    const { picks, rest } = splitPicks(section.papers);
    for (const entry of picks) blocks.push(...entryBlocks(digest.group.name, entry));
    if (rest.length > 0) {
      blocks.push(`**${escapeMarkdown(moreLabel(rest.length, section.name, picks.length))}**`, rest.map(entryRow).join('\n'));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** One list item: `- 7\. [Title](url) · Venue (doi) · Naibing Wu` (the number escaped so it starts no inner list). */
function entryRow(entry: DigestEntry): string {
  const title = escapeMarkdown(oneLine(entry.title));
  const linked = isHttpUrl(entry.url) ? `[${title}](${linkDestination(entry.url)})` : title;
  const detail = rowDetail(entry);
  return `- ${entry.number}\\. ${linked}${detail ? ` · ${escapeMarkdown(detail)}` : ''}`;
}

function entryBlocks(group: string, entry: DigestEntry): string[] {
  const blocks = [`### ${entry.number}. ${escapeMarkdown(oneLine(entry.title))}`];
  const authors = authorLine(entry.authors);
  if (authors) blocks.push(`_${escapeMarkdown(authors)}_`);
  const source = sourceParts(entry).map(escapeMarkdown);
  if (isHttpUrl(entry.url)) source.push(`[Open paper](${linkDestination(entry.url)})`);
  blocks.push(source.join(' · '));
  if (entry.summary.trim()) blocks.push(escapeMarkdown(entry.summary));
  blocks.push(`**Relevance to ${escapeMarkdown(group)}**`);
  if (entry.note.trim()) blocks.push(escapeMarkdown(entry.note));
  return blocks;
}

/**
 * Text as one Markdown paragraph that renders as written. Backslash-escapes what starts inline
 * markup (CommonMark + GFM: emphasis, code, links, raw HTML, strikethrough, math) and what would
 * start a block at the beginning of the line (heading, quote, list, thematic break, table).
 * `(` and `)` stay: with `[` and `]` escaped they cannot form a link.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>#~$|]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&') // "&amp;" in a title is text, not an entity
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A link destination that cannot end early or break out: parentheses, brackets and backslashes percent-encoded. */
export function linkDestination(url: string): string {
  return url.replace(/[()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
