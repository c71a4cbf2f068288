import { fc, test as prop } from '@fast-check/vitest';
import { fixtureFiles, readFixture, readFixtureGz } from '@labdigest/fixtures';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { xmlParserTree } from './body.ts';
import { buildXmlTree, type XmlTreeOptions } from './xml-tree.ts';
import { failure } from '../test/failure.ts';

describe('buildXmlTree: the shape of the tree', () => {
  test.each<[string, string, XmlTreeOptions, unknown]>([
    ['text alone is the value', '<a>x</a>', {}, { a: 'x' }],
    ['an empty element is ""', '<r><a/><b></b></r>', {}, { r: { a: '', b: '' } }],
    ['children first, then #text, then attributes as @_name',
      '<a n="1" m=\'2\'>t<b>u</b>v</a>', {}, { a: { b: 'u', '#text': 'tv', '@_n': '1', '@_m': '2' } }],
    ['a name without a quoted value is no attribute', '<a n m="1">t</a>', {}, { a: { '#text': 't', '@_m': '1' } }],
    ['repeated elements become an array', '<r><i>1</i><j/><i>2</i></r>', {}, { r: { i: ['1', '2'], j: '' } }],
    ['configured names are always arrays', '<r><i>1</i><j/></r>', { arrays: ['i', 'j'] }, { r: { i: ['1'], j: [''] } }],
    ['text is kept as written, white space included', '<a>  x\n </a>', {}, { a: '  x\n ' }],
    ['CRLF and CR read as LF', '<a>x\r\ny\rz</a>', {}, { a: 'x\ny\nz' }],
    ['XML and common HTML entities decoded, others left as written',
      '<a t="&lt;&#233;">&amp;lt; &nbsp;&mdash;&euro; &#x1F600; &eacute; &#0;&#1;</a>', {},
      { a: { '#text': '&lt; \u00a0—€ 😀 &eacute; ', '@_t': '<é' } }],
    ['XML 1.1 lets numeric references name C0 controls', '<?xml version="1.1"?><a>&#1;</a>', {}, { a: '\u0001' }],
    ['CDATA is literal text, joined to the text around it', '<a>x <![CDATA[<b>&amp;</b>]]> y</a>', {}, { a: 'x <b>&amp;</b> y' }],
    ['comments and processing instructions leave no trace', '<?xml version="1.0"?><!-- c --><a>x<!-- c -->y<?pi z?></a>', {}, { a: 'xy' }],
    ['text between top-level processing instructions is kept at the root, as XMLParser does',
      '<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<a/>', {}, { a: '', '#text': '\n' }],
    ['a stop node anywhere keeps its raw markup', '<r><title>A <i>b</i> &amp; <![CDATA[c]]></title></r>', { stopNodes: ['*.title'] },
      { r: { title: 'A <i>b</i> &amp; <![CDATA[c]]>' } }],
    ['"*.name" needs a parent: the root element is never a stop node', '<title>a<i>b</i></title>', { stopNodes: ['*.title'] },
      { title: { i: 'b', '#text': 'a' } }],
    ['a stop node by path, nested same-name elements counted', '<f><e><t>x<t>y</t></t><u><t>z</t></u></e><t>w</t></f>',
      { stopNodes: ['f.e.t'] }, { f: { e: { t: 'x<t>y</t>', u: { t: 'z' } }, t: 'w' } }],
    ['a stop node with attributes', '<f><t type="html">&lt;b&gt;</t></f>', { stopNodes: ['*.t'] }, { f: { t: { '#text': '&lt;b&gt;', '@_type': 'html' } } }],
    ['names that would shadow Object methods get __', '<r><toString>x</toString></r>', {}, { r: { __toString: 'x' } }],
  ])('%s', (_, xml, options, expected) => {
    expect(JSON.stringify(buildXmlTree(xml, options))).toBe(JSON.stringify(expected));
  });

  test.each([
    ['<r><constructor>x</constructor></r>', 'Error: [SECURITY] Invalid name: "constructor" is a reserved JavaScript keyword that could cause prototype pollution'],
    [`${'<a>'.repeat(102)}${'</a>'.repeat(102)}`, 'Error: Maximum nested tags exceeded'],
    ['<!DOCTYPE r><r/>', 'TypeError: buildXmlTree: a DOCTYPE is read by XMLParser, not here'],
  ])('refuses %s as XMLParser does', (xml, message) => {
    expect(failure(() => buildXmlTree(xml))).toBe(message);
  });

  test('refuses stop node patterns it does not read', () => {
    expect(failure(() => buildXmlTree('<a/>', { stopNodes: ['..title'] })))
      .toBe('TypeError: buildXmlTree: stop node pattern "..title" is not "*.name" or "a.b.name"');
  });
});

/** XMLParser's tree or error message, as a string to compare (key order included). */
const reference = (xml: string, options: XmlTreeOptions) => { try { return JSON.stringify(xmlParserTree(xml, options)); } catch (e) { return failure(() => { throw e; }); } };
const ours = (xml: string, options: XmlTreeOptions) => { try { return JSON.stringify(buildXmlTree(xml, options)); } catch (e) { return failure(() => { throw e; }); } };

// The options each adapter passes to parseXml.
const adapterOptions: XmlTreeOptions[] = [
  { arrays: ['entry', 'author', 'link', 'category'] },
  { arrays: ['item', 'category', 'dc:creator'] },
  { arrays: ['query', 'person_name', 'organization', 'publication_date', 'jats:abstract', 'title'],
    stopNodes: ['*.title', '*.jats:abstract', '*.full_title', '*.proceedings_title'] },
  { arrays: ['item', 'entry', 'dc:creator', 'author', 'category', 'link', 'dc:subject'],
    stopNodes: ['feed.entry.title', 'feed.entry.summary', 'feed.entry.content', 'feed.title'] },
];

describe('buildXmlTree gives the tree XMLParser gives', () => {
  const files = ['arxiv', 'crossref', 'rss'].flatMap((folder) => fixtureFiles(folder)).filter((f) => /\.xml(?:\.gz)?$/.test(f));
  test('the XML fixtures are all here', () => expect(files).toHaveLength(19));
  test.each(files)('%s, with every adapter\'s options', (file) => {
    const xml = file.endsWith('.gz') ? readFixtureGz(file) : readFixture(file);
    for (const options of adapterOptions) expect(ours(xml, options)).toBe(reference(xml, options));
  });

  // Small documents built from the pieces whose handling differs between parsers: entities of every
  // kind, CDATA, comments, processing instructions, CRLF, tabs in tags, self-closing and stop nodes.
  const name = fc.constantFrom('a', 'b', 'title', 'item', 'jats:abstract', 't', 'toString', 'x-y');
  const chunk = fc.constantFrom('x', ' ', '\n', '\r\n', '\t', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&nbsp;', '&eacute;',
    '&#233;', '&#xE9;', '&#x1;', '&#0;', '&#xD800;', '&#1114112;', '&#12ab;', '&unknown;', '&;', '& ', '&amp', ']]>', '>', '"', 'é', '😀');
  const text = fc.array(chunk, { maxLength: 6 }).map((parts) => parts.join(''));
  const attrValue = fc.array(fc.constantFrom('v', ' ', '&amp;', '&#60;', '&euro;', '>', '\t', '&x;'), { maxLength: 4 }).map((p) => p.join(''));
  const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom('n', 'm', 'type', 'xmlns:q', 'version'), attrValue, fc.constantFrom('"', "'")),
    { selector: ([n]) => n, maxLength: 3 }).map((list) => list.map(([n, v, q]) => ` ${n}=${q}${v.replaceAll(q, '')}${q}`).join(''));
  const { node } = fc.letrec<{ node: string; content: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.tuple(name, attrs).map(([n, a]) => `<${n}${a}/>`),
      fc.tuple(name, attrs, tie('content'), fc.constantFrom('', ' ', '\t')).map(([n, a, c, s]) => `<${n}${a}${s}>${c}</${n}>`),
    ),
    content: fc.array(fc.oneof(
      { depthSize: 'small' },
      text,
      tie('node'),
      text.map((t) => `<![CDATA[${t.replaceAll(']]>', '')}]]>`),
      fc.constant('<!-- c -->'),
      fc.constant('<?pi data?>'),
    ), { maxLength: 5 }).map((parts) => parts.join('')),
  }));
  const prolog = fc.constantFrom('', '<?xml version="1.0"?>\n', '<?xml version="1.1"?>', '\uFEFF', '<!-- c -->\n');
  const options = fc.record({
    arrays: fc.subarray(['a', 'item', 'title', 'jats:abstract', '@_n']),
    stopNodes: fc.subarray(['*.title', '*.jats:abstract', 'a.b', 'a.title', 'b.a.t']),
  });

  prop.prop([prolog, node, text, options], { numRuns: 500 })('on generated documents the validator accepts', (head, root, tail, opts) => {
    const xml = `${head}${root}${tail.replace(/[^\s]/g, '')}`;
    fc.pre(XMLValidator.validate(xml) === true);
    expect(ours(xml, opts)).toBe(reference(xml, opts));
  });
});
