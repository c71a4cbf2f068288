// Every response is untrusted: cap its size and refuse what XML parsers can be abused with.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedParseError } from './errors.ts';
import { escapeControls } from './normalize/controls.ts';
import type { ParseContext } from './parse-result.ts';

/** Bodies above this are refused before parsing (the full arXiv listing of a day is ~3 MB). */
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;
/**
 * Elements nested deeper than this are refused (fast-xml-parser's own default). Feeds nest a dozen
 * deep at most: a Crossref UNIXREF record with a JATS abstract, the deepest fixture, goes to 10.
 */
export const MAX_XML_DEPTH = 100;
/** Element names fast-xml-parser refuses to use as keys (they would reach Object.prototype). */
const reservedNames = new Set(['__proto__', 'constructor', 'prototype']);

/** Throws a FeedParseError when `text` is over MAX_RESPONSE_BYTES in UTF-8. */
export function checkSize(text: string, at: ParseContext): void {
  // A UTF-8 character is at most 3 bytes per UTF-16 unit, so most bodies need no byte count.
  if (text.length * 3 <= MAX_RESPONSE_BYTES) return;
  const bytes = utf8Length(text);
  if (bytes > MAX_RESPONSE_BYTES) {
    throw new FeedParseError(at, `response is ${bytes} bytes, over the limit of ${MAX_RESPONSE_BYTES}`);
  }
}

/** The length of `text` in UTF-8 bytes (a lone surrogate counts as U+FFFD's three, as encoders write it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A short quote of the start of a body, for error messages: 60 characters at most, white space
 * collapsed, control characters written out (`\x1b`), so a terminal shows what the body held and
 * does not act on it.
 */
export function preview(text: string): string {
  const flat = text.slice(0, 1000).trim().replace(/[ \t\n\r]+/g, ' ');
  const short = flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
  return escapeControls(short);
}

/**
 * True for a body read from a `file:` URL. Messages about such a body never quote it: the URL may
 * name any file on the machine (`digest fetch --feed file:///etc/shadow`), and the messages are
 * printed and kept in the store's fetch_runs table.
 */
export function isLocalFile(at: ParseContext): boolean {
  return at.location.startsWith('file:');
}

/** What a message says a body held: its first characters, quoted, or for a local file nothing of it. */
export function quote(text: string, at: ParseContext): string {
  return isLocalFile(at) ? 'content that is not shown (a local file)' : `"${preview(text)}"`;
}

/** An element as fast-xml-parser gives it: attributes as `@_name`, text as `#text`, children by name. */
export type XmlNode = Record<string, unknown>;

export interface XmlOptions {
  /** Element names whose values are always arrays (item, entry, author, …). */
  readonly arrays?: readonly string[];
  /**
   * Elements whose content is kept as raw markup: `*.name` anywhere below the root element, or a
   * full path from the root (`feed.entry.title`).
   */
  readonly stopNodes?: readonly string[];
}

/**
 * Parses untrusted XML. Refuses bodies over MAX_RESPONSE_BYTES, any entity declaration (billion
 * laughs, external entities: we never need them), HTML pages and malformed or truncated XML,
 * each with a FeedParseError naming the line when the parser gives one.
 */
export function parseXml(text: string, at: ParseContext, options: XmlOptions = {}): XmlNode {
  checkSize(text, at);
  if (text.trim() === '') throw new FeedParseError(at, 'response is empty, expected XML');
  if (declaresEntities(text)) throw new FeedParseError(at, 'XML entity declarations are not accepted');
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(text)) {
    throw new FeedParseError(at, `expected XML, saw an HTML page: ${quote(text, at)}`);
  }
  if (!/^\s*</.test(text.replace(/^\uFEFF/, ''))) {
    throw new FeedParseError(at, `expected XML, saw ${quote(text, at)}`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // For a body cut short the validator reports the still-open elements as "Invalid '[ "feed", … ]'".
    const open = valid.err.code === 'InvalidXml' && valid.err.msg.startsWith("Invalid '[")
      ? [...valid.err.msg.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`)
      : [];
    // The validator's words name elements and characters of the body: not for a local file.
    const hidden = '(a local file: its content is not shown)';
    if (open.length > 0) {
      const lines = text.split('\n').length;
      throw new FeedParseError({ ...at, line: lines }, isLocalFile(at)
        ? `truncated XML: elements are not closed at the end of the body ${hidden}`
        : `truncated XML: ${open.join(', ')} not closed at the end of the body`);
    }
    throw new FeedParseError({ ...at, line: valid.err.line }, isLocalFile(at) ? `malformed XML ${hidden}` : `malformed XML: ${valid.err.msg}`);
  }
  try {
    return xmlTree(text, options);
  } catch (error) {
    // The validator passed the body, so this is one of the parser's own limits.
    const message = (error as Error).message;
    if (message === 'Maximum nested tags exceeded') {
      throw new FeedParseError({ ...at, line: lineBeyondDepth(text, MAX_XML_DEPTH) }, `XML nested more than ${MAX_XML_DEPTH} elements deep`, { cause: error });
    }
    throw new FeedParseError(at, isLocalFile(at) ? 'XML the parser refuses (a local file: its content is not shown)'
      : `XML the parser refuses: ${preview(message)}`, { cause: error });
  }
}

/**
 * True when the body declares entities in a DOCTYPE, the only place a parser reads them from:
 * billion laughs and external entities (XXE) are refused before parsing. `<!ENTITY` written as text
 * in a CDATA section or a comment is not a declaration. A body that has a DOCTYPE (outside
 * comments, CDATA and processing instructions) is refused if `<!ENTITY` appears anywhere after it:
 * reading the DOCTYPE's extent as the parser does (quotes, comments inside it) is where a guard
 * can be fooled, and feeds with both a DOCTYPE and that text in CDATA are not worth the risk.
 */
export function declaresEntities(text: string): boolean {
  if (!/<!ENTITY/i.test(text)) return false;
  // Left to right as the parser reads: a comment, CDATA section or processing instruction that
  // opens first runs to its end (an unclosed one to the end of the body, as the validator sees it).
  const markup = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!D/gi;
  for (const m of text.matchAll(markup)) {
    if (m[0].toUpperCase() === '<!D') return /<!ENTITY/i.test(text.slice(m.index));
  }
  return false;
}

/** The 1-based line where elements first nest deeper than `limit` (1 when no such line is found). */
function lineBeyondDepth(text: string, limit: number): number {
  let depth = 0;
  const tags = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)[^\s/>]+(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;
  for (const m of text.matchAll(tags)) {
    if (m[1] === undefined || m[2] === '/') continue; // comment, CDATA, declaration, or <empty/>
    depth += m[1] === '/' ? -1 : 1;
    if (depth > limit) return text.slice(0, m.index).split('\n').length;
  }
  return 1;
}

/** fast-xml-parser's tree of a validated body: values as text, entities decoded (HTML's names too). */
function xmlTree(text: string, options: XmlOptions): XmlNode {
  const arrays = new Set(options.arrays ?? []);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    stopNodes: [...(options.stopNodes ?? [])],
    isArray: (name) => arrays.has(name),
    maxNestedTags: MAX_XML_DEPTH - 1, // it counts the open elements above the one it reads
    // fast-xml-parser throws on these names rather than use them as keys; renamed, such an element
    // is read as any element we do not look for (`#__proto__` is no property of anything).
    transformTagName: (name) => (reservedNames.has(name) ? `#${name}` : name),
  });
  return parser.parse(text) as XmlNode;
}

/** Parses a JSON body with the same size cap; a body that is not JSON is a FeedParseError. */
export function parseJson(text: string, at: ParseContext, expected: string): unknown {
  checkSize(text, at);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const what = /^\s*</.test(text) ? 'markup' : 'text that is not JSON';
    throw new FeedParseError(at, `expected ${expected} JSON, saw ${what}: ${quote(text, at)}`, { cause: error });
  }
}

/** The text of an element: a string, or `#text` of an element with attributes; '' otherwise. */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node !== null && typeof node === 'object') {
    const text = (node as XmlNode)['#text'];
    if (typeof text === 'string' || typeof text === 'number') return String(text);
  }
  return '';
}

/** An attribute of an element node, or undefined. */
export function attr(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** A child list as an array, whatever the parser produced (absent, one, many). */
export function list(node: unknown): unknown[] {
  if (node === undefined || node === null || node === '') return [];
  return Array.isArray(node) ? node : [node];
}

/** A child element as an object, or undefined when it is absent or text. */
export function child(node: unknown, name: string): XmlNode | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === 'object' ? (first as XmlNode) : undefined;
}

/** The trimmed text of a child element (the first when repeated), or ''. */
export function childText(node: unknown, name: string): string {
  if (node === null || typeof node !== 'object') return '';
  const value = (node as XmlNode)[name];
  return textOf(Array.isArray(value) ? value[0] : value).trim();
}
