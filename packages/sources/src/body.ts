// Every response is untrusted: cap its size and refuse what XML parsers can be abused with.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedParseError } from './errors.ts';
import type { ParseContext } from './parse-result.ts';

/** Bodies above this are refused before parsing (the full arXiv listing of a day is ~3 MB). */
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

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

/** A short quote of the start of a body, for error messages. */
export function preview(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
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
  if (/<!ENTITY/i.test(text)) throw new FeedParseError(at, 'XML entity declarations are not accepted');
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(text)) {
    throw new FeedParseError(at, `expected XML, saw an HTML page: "${preview(text)}"`);
  }
  if (!/^\s*</.test(text.replace(/^\uFEFF/, ''))) {
    throw new FeedParseError(at, `expected XML, saw "${preview(text)}"`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // For a body cut short the validator reports the still-open elements as "Invalid '[ "feed", … ]'".
    const open = valid.err.code === 'InvalidXml' && valid.err.msg.startsWith("Invalid '[")
      ? [...valid.err.msg.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`)
      : [];
    if (open.length > 0) {
      const lines = text.split('\n').length;
      throw new FeedParseError({ ...at, line: lines }, `truncated XML: ${open.join(', ')} not closed at the end of the body`);
    }
    throw new FeedParseError({ ...at, line: valid.err.line }, `malformed XML: ${valid.err.msg}`);
  }
  return xmlTree(text, options);
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
    throw new FeedParseError(at, `expected ${expected} JSON, saw ${what}: "${preview(text)}"`, { cause: error });
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
