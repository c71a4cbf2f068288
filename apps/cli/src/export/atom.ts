import type { Digest, DigestEntry, DigestSection } from '@labdigest/core';
import { isHttpUrl, oneLine, rowDetail, splitPicks } from './entry-parts.ts';

export interface AtomOptions {
  /** Where this feed is published: becomes `<link rel="self">` (http(s) only). */
  readonly selfUrl?: string | undefined;
  /** The reader app or web page of the digest: becomes the feed's `<link rel="alternate">`. */
  readonly readerUrl?: string | undefined;
}

/**
 * The digest as an Atom 1.0 feed (RFC 4287): one entry per paper, section by section, each
 * section's picks first. A pick's summary is the paper's summary and relevance note; the rest are
 * "more in this section", summed up in one line (section, source line, members).
 * Entry ids are tag: URIs (RFC 4151) built from the group and the paper id, so a paper keeps its
 * id from one digest to the next and feed readers show it once; a URL would change with http/https
 * or a version suffix. `updated` is the digest's generatedAt for the feed and every entry.
 */
export function digestToAtom(digest: Digest, options: AtomOptions = {}): string {
  const updated = timestamp(digest.generatedAt) ?? `${digest.date}T00:00:00Z`;
  const group = oneLine(digest.group.name);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(tagUri(group, 'digest'))}</id>`,
    `  <title type="text">${xml(oneLine(`${group}: ${digest.title}`))}</title>`,
  ];
  if (digest.group.description?.trim()) lines.push(`  <subtitle type="text">${xml(oneLine(digest.group.description))}</subtitle>`);
  lines.push(`  <updated>${updated}</updated>`);
  if (isHttpUrl(options.selfUrl)) lines.push(`  <link rel="self" type="application/atom+xml" href="${xml(options.selfUrl)}"/>`);
  if (isHttpUrl(options.readerUrl)) lines.push(`  <link rel="alternate" type="text/html" href="${xml(options.readerUrl)}"/>`);
  lines.push(`  <author><name>${xml(group)}</name></author>`, '  <generator>labdigest</generator>');
  for (const section of digest.sections) {
    const { picks, rest } = splitPicks(section.papers);
    for (const entry of [...picks, ...rest]) lines.push(...entryLines(group, section, entry, updated));
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

function entryLines(group: string, section: DigestSection, entry: DigestEntry, updated: string): string[] {
  const text = entry.pick
    ? [oneLine(entry.summary), `Relevance to ${group}: ${oneLine(entry.note)}`].filter(Boolean).join('\n\n')
    : [`More in ${oneLine(section.name)}`, rowDetail(entry)].filter(Boolean).join(': ');
  const lines = [
    '  <entry>',
    `    <id>${xml(tagUri(group, entry.id))}</id>`,
    `    <title type="text">${xml(oneLine(entry.title))}</title>`,
    `    <updated>${updated}</updated>`,
  ];
  if (entry.published && /^\d{4}-\d{2}-\d{2}$/.test(entry.published)) lines.push(`    <published>${entry.published}T00:00:00Z</published>`);
  for (const name of entry.authors.map(oneLine).filter(Boolean)) lines.push(`    <author><name>${xml(name)}</name></author>`);
  lines.push(`    <category term="${xml(section.id)}" label="${xml(oneLine(section.name))}"/>`);
  // An entry needs a link or a content element (RFC 4287 §4.1.2): without a URL, the text is the content.
  if (isHttpUrl(entry.url)) lines.push(`    <link rel="alternate" type="text/html" href="${xml(entry.url)}"/>`);
  lines.push(`    <summary type="text">${xml(text)}</summary>`);
  if (!isHttpUrl(entry.url)) lines.push(`    <content type="text">${xml(text)}</content>`);
  lines.push('  </entry>');
  return lines;
}

/**
 * `tag:labdigest,2026:<group>/<paper id>`: the date is fixed (a tag's date is when the name was
 * minted, not the digest's); characters outside RFC 3986 `pchar` (and `/`, `?` after the group) are percent-encoded.
 */
export function tagUri(group: string, specific: string): string {
  // With the u flag a surrogate pair is one character: [\uD800-\uDFFF] matches lone halves only.
  const encode = (s: string, keep: RegExp) => s.replace(/[\uD800-\uDFFF]/gu, '')
    .replace(/./gsu, (c) => (keep.test(c) ? c : encodeURIComponent(c)));
  const pchar = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
  return `tag:labdigest,2026:${encode(group, pchar)}/${encode(specific, /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/)}`;
}

/** An RFC 3339 date-time as Atom requires, or undefined when the text is no date. */
function timestamp(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return text;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Text safe in XML content and attributes; characters XML 1.0 forbids (controls, lone surrogates) are dropped. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
