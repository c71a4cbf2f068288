// The object tree of a validated XML body, in the shape fast-xml-parser 5's XMLParser gives with the
// options parseXml used to pass it: attributes as `@_name`, text as `#text` (or the element's value
// when it has neither attributes nor children), repeated elements as arrays, stop nodes as raw markup.
// XMLParser walks the body one character at a time and keeps a path matcher that our options never
// need; this walk jumps from `<` to `<` and builds each object once, in a fraction of the time
// (the 2.7 MB arXiv listing: 10-30 ms instead of ~140 ms). Its rules, quirks included, are
// XMLParser's, step for step: xml-tree.test.ts checks that the two give equal trees.
import type { EntityDecoder } from '@nodable/entities';
import { xmlEntityDecoder } from './xml-entities.ts';

export type XmlNode = Record<string, unknown>;

export interface XmlTreeOptions {
  /** Element names whose values are always arrays (item, entry, author, …). */
  readonly arrays?: readonly string[];
  /**
   * Elements whose content is kept as raw markup: `*.name` anywhere below the root element, or a
   * full path from the root (`feed.entry.title`).
   */
  readonly stopNodes?: readonly string[];
}

/** An element still open: what goes under its name in its parent's object when it closes. */
interface Frame {
  readonly name: string;
  /** Child elements by name, in the order they first appeared. */
  readonly node: XmlNode;
  /** Decoded text and CDATA, concatenated across the children. */
  text: string;
  readonly attrs: XmlNode | undefined;
  hasElements: boolean;
}

/** XMLParser's limit on open elements. */
const MAX_NESTED = 100;

/** Names XMLParser refuses (prototype pollution) and names it prefixes with `__`. */
const refusedNames = new Set(['__proto__', 'constructor', 'prototype']);
const renamedNames = new Set(['hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__',
  '__lookupGetter__', '__lookupSetter__']);

/**
 * The tree of `xml`, which XMLValidator has accepted. Bodies with a DOCTYPE are not read here
 * (parseXml gives those to XMLParser); errors XMLParser throws on bodies the validator lets through
 * are thrown with its messages.
 */
export function buildXmlTree(xml: string, options: XmlTreeOptions = {}): XmlNode {
  const text = xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml;
  const arrays = new Set(options.arrays ?? []);
  const isStop = stopNodeTest(options.stopNodes ?? []);
  const root: Frame = { name: '!xml', node: {}, text: '', attrs: undefined, hasElements: false };
  const open: Frame[] = [];
  let current = root;
  // Text since the last markup that kept it, not yet decoded (comments do not end it).
  let pending = '';
  // An <?xml version="1.1"?> declaration lets numeric references name C0 controls (setXmlVersion).
  const decoder = xmlEntityDecoder();
  const len = text.length;
  let i = 0;
  while (i < len) {
    const lt = text.indexOf('<', i);
    if (lt === -1) break; // text after the root element goes nowhere
    if (lt > i) pending += text.slice(i, lt);
    i = lt;
    const c1 = text.charCodeAt(i + 1);
    if (c1 === 47 /* </ */) {
      const close = closingIndex(text, '>', i, 'Closing Tag is not closed.');
      safeName(text.substring(i + 2, close).trim());
      if (pending !== '') current.text += decoder.decode(pending);
      pending = '';
      const closed = open.pop();
      current = open.at(-1) ?? root;
      if (closed) addChild(current, closed.name, elementValue(closed, arrays), arrays);
      i = close + 1;
    } else if (c1 === 63 /* <? */) {
      const tag = readTag(text, i, '?>');
      if (!tag) throw new Error('Pi Tag is not closed.');
      if (pending !== '') current.text += decoder.decode(pending);
      pending = '';
      const attrs = attributes(tag.tagExp, decoder);
      if (attrs) decoder.setXmlVersion(Number(attrs['@_version']) || 1.0);
      i = tag.closeIndex + 2;
    } else if (c1 === 33 /* <! */ && text.charCodeAt(i + 2) === 45 && text.charCodeAt(i + 3) === 45) {
      i = closingIndex(text, '-->', i + 4, 'Comment is not closed.') + 1;
    } else if (c1 === 33 && text.charCodeAt(i + 2) === 68 /* <!D */) {
      throw new TypeError('buildXmlTree: a DOCTYPE is read by XMLParser, not here');
    } else if (c1 === 33 && text.charCodeAt(i + 2) === 91 /* <![ */) {
      const end = closingIndex(text, ']]>', i, 'CDATA is not closed.') - 2;
      if (pending !== '') current.text += decoder.decode(pending);
      pending = '';
      current.text += text.substring(i + 9, end);
      i = end + 3;
    } else {
      const tag = readTag(text, i, '>');
      if (!tag) {
        const context = text.substring(Math.max(0, i - 50), Math.min(len, i + 50));
        throw new Error(`readTagExp returned undefined at position ${i}. Context: "${context}"`);
      }
      let name = safeName(tag.tagName);
      let tagExp = tag.tagExp;
      if (name === '#text') throw new Error(`Invalid tag name: ${name}`);
      if (pending !== '' && current !== root) {
        current.text += decoder.decode(pending);
        pending = '';
      }
      let selfClosing = false;
      if (tagExp.length > 0 && tagExp.lastIndexOf('/') === tagExp.length - 1) {
        selfClosing = true;
        if (name.endsWith('/')) tagExp = name = name.slice(0, -1);
        else tagExp = tagExp.slice(0, -1);
      }
      const attrs = name === tagExp ? undefined : attributes(tagExp, decoder);
      if (isStop !== undefined && isStop(open, name)) {
        let content = '';
        if (selfClosing) {
          i = tag.closeIndex + 1;
        } else {
          const stop = readStopNode(text, tag.rawTagName, tag.closeIndex + 1);
          if (!stop) throw new Error(`Unexpected end of ${tag.rawTagName}`);
          content = stop.content;
          i = stop.close + 1;
        }
        addChild(current, name === '__proto__' ? '#__proto__' : name, leafValue(content, attrs, arrays), arrays);
        // XMLParser keeps the pending text here: at the top level it is not saved above.
        continue;
      }
      if (selfClosing) {
        addChild(current, safeName(name), leafValue('', attrs, arrays), arrays);
      } else {
        if (open.length > MAX_NESTED) throw new Error('Maximum nested tags exceeded');
        current = { name, node: {}, text: '', attrs, hasElements: false };
        open.push(current);
      }
      pending = '';
      i = tag.closeIndex + 1;
    }
  }
  if (root.text !== '') root.node['#text'] = root.text;
  return root.node;
}

function safeName(name: string): string {
  if (refusedNames.has(name)) {
    throw new Error(`[SECURITY] Invalid name: "${name}" is a reserved JavaScript keyword that could cause prototype pollution`);
  }
  return renamedNames.has(name) ? `__${name}` : name;
}

/** An element's value: its text alone when it has neither attributes nor children, '' when empty. */
function elementValue(frame: Frame, arrays: ReadonlySet<string>): unknown {
  const { node, text, attrs } = frame;
  if (text !== '') node['#text'] = text;
  if (attrs) return withAttributes(node, attrs, arrays);
  return frame.hasElements ? node : text;
}

/** The value of an element without children: a self-closing one, or a stop node's raw content. */
function leafValue(text: string, attrs: XmlNode | undefined, arrays: ReadonlySet<string>): unknown {
  if (!attrs) return text;
  const node: XmlNode = {};
  if (text !== '') node['#text'] = text;
  return withAttributes(node, attrs, arrays);
}

function withAttributes(node: XmlNode, attrs: XmlNode, arrays: ReadonlySet<string>): XmlNode {
  for (const key in attrs) node[key] = arrays.has(key) ? [attrs[key]] : attrs[key];
  return node;
}

/** Files a closed element under its name: the first one as is (or in an array), later ones make an array. */
function addChild(parent: Frame, name: string, value: unknown, arrays: ReadonlySet<string>): void {
  parent.hasElements = true;
  const node = parent.node;
  const existing = node[name];
  if (existing !== undefined && Object.hasOwn(node, name)) {
    if (Array.isArray(existing)) existing.push(value);
    else node[name] = [existing, value];
  } else {
    node[name] = arrays.has(name) ? [value] : value;
  }
}

// Attribute name, then optionally `= "value"` or `= 'value'`; a name without a quoted value is skipped.
const attributePattern = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/g;

function attributes(tagExp: string, decoder: EntityDecoder): XmlNode | undefined {
  let attrs: XmlNode | undefined;
  attributePattern.lastIndex = 0;
  for (let m = attributePattern.exec(tagExp); m !== null; m = attributePattern.exec(tagExp)) {
    const value = m[3] ?? m[4];
    if (value !== undefined) (attrs ??= {})[`@_${m[1] as string}`] = decoder.decode(value);
  }
  return attrs;
}

interface Tag {
  tagName: string;
  /** What follows the name (attributes, a closing `/`), or the name itself when nothing does. */
  tagExp: string;
  rawTagName: string;
  /** Index of the `>` (of `?>` for a processing instruction). */
  closeIndex: number;
}

/** The tag starting at `<` at `start`: quoted values may hold `>`; tabs outside them read as spaces. */
function readTag(text: string, start: number, closing: '>' | '?>'): Tag | undefined {
  const close0 = closing.charCodeAt(0);
  const close1 = closing.length > 1 ? closing.charCodeAt(1) : -1;
  let exp = '';
  let segment = start + 1;
  let closeIndex = -1;
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 34 || code === 39) {
      index = text.indexOf(text[index] as string, index + 1);
      if (index === -1) return undefined;
    } else if (code === close0 && (close1 === -1 || text.charCodeAt(index + 1) === close1)) {
      exp += text.substring(segment, index);
      closeIndex = index;
      break;
    } else if (code === 9) {
      exp += `${text.substring(segment, index)} `;
      segment = index + 1;
    }
  }
  if (closeIndex === -1) return undefined;
  const space = exp.search(/\s/);
  const tagName = space === -1 ? exp : exp.substring(0, space);
  const tagExp = space === -1 ? exp : exp.substring(space + 1).trimStart();
  return { tagName, tagExp, rawTagName: tagName, closeIndex };
}

/** The index of the last character of `token` after `from`; throws `message` when there is none. */
function closingIndex(text: string, token: string, from: number, message: string): number {
  const at = text.indexOf(token, from);
  if (at === -1) throw new Error(message);
  return at + token.length - 1;
}

/** A stop node's raw content, up to the `</name>` that closes it (nested `<name>`s counted). */
function readStopNode(text: string, name: string, from: number): { content: string; close: number } | undefined {
  let depth = 1;
  let lenient = false; // once a tag has no `>`, later tags are read without quote handling
  let nextGt = -1;
  for (let i = text.indexOf('<', from); i !== -1; i = text.indexOf('<', i + 1)) {
    const c1 = text.charCodeAt(i + 1);
    if (c1 === 47) {
      const close = text.indexOf('>', i);
      if (close === -1) throw new Error(`${name} is not closed`);
      if (text.substring(i + 2, close).trim() === name && --depth === 0) return { content: text.substring(from, i), close };
      i = close;
    } else if (c1 === 63) {
      i = closingIndex(text, '?>', i + 1, 'StopNode is not closed.');
    } else if (c1 === 33 && text.charCodeAt(i + 2) === 45 && text.charCodeAt(i + 3) === 45) {
      i = closingIndex(text, '-->', i + 3, 'StopNode is not closed.');
    } else if (c1 === 33 && text.charCodeAt(i + 2) === 91) {
      i = closingIndex(text, ']]>', i, 'StopNode is not closed.') - 2;
    } else {
      const tag = lenient ? undefined : readTag(text, i, '>');
      if (tag) {
        if (tag.tagName === name && !tag.tagExp.endsWith('/')) depth++;
        i = tag.closeIndex;
        continue;
      }
      lenient = true;
      if (nextGt < i) {
        nextGt = text.indexOf('>', i);
        if (nextGt === -1) return undefined;
      }
      const nextLt = text.indexOf('<', i + 1);
      if (nextLt === -1 || nextLt > nextGt) {
        const exp = text.substring(i + 1, nextGt);
        const space = exp.search(/\s/);
        if ((space === -1 ? exp : exp.substring(0, space)) === name && !exp.endsWith('/')) depth++;
        i = nextGt;
      }
    }
  }
  return undefined;
}

/**
 * A test for "is the element `name` under the `open` ones a stop node", or undefined when there are
 * no stop nodes. Only the two pattern forms we use are accepted.
 */
function stopNodeTest(patterns: readonly string[]): ((open: readonly Frame[], name: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const anywhere = new Set<string>();
  const paths: string[][] = [];
  for (const pattern of patterns) {
    const deep = pattern.startsWith('*.');
    const names = (deep ? pattern.slice(2) : pattern).split('.');
    if (names.some((n) => !/^[^\s[\]*:]+(?::[^\s[\]*:]+)?$/.test(n) || /:(?:first|last|odd|even|nth\(\d+\))$/.test(n))
      || (deep && names.length !== 1)) {
      throw new TypeError(`buildXmlTree: stop node pattern ${JSON.stringify(pattern)} is not "*.name" or "a.b.name"`);
    }
    if (deep) anywhere.add(names[0] as string);
    else paths.push(names);
  }
  // XMLParser's `*.name` (its `..name`) wants at least one element above: never the root element.
  return (open, name) => (open.length > 0 && anywhere.has(name)) || paths.some((path) => path.length === open.length + 1
    && path[open.length] === name && open.every((frame, k) => frame.name === path[k]));
}
