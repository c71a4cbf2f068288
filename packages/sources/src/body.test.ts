// Hostile XML (issue 17): every body is untrusted. What the parser refuses gets a FeedParseError
// that names the line; what it accepts never reaches Object.prototype.
import { describe, expect, test } from 'vitest';
import { parseXml } from './body.ts';
import { parseFeed } from './feed.ts';
import { failure } from '../test/failure.ts';

const at = { source: 'feed', location: 'https://example.org/feed.xml', now: new Date('2026-06-02T00:00:00Z') };
const item = (title: string, extra = '') =>
  `<item><title>${title}</title><link>https://example.org/1</link>${extra}</item>`;
const rss = (items: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>\n') =>
  `${prolog}<rss version="2.0">\n<channel><title>Feed</title>\n${items}\n</channel></rss>\n`;

describe('nesting', () => {
  test.each([150, 100_000])('XML nested %i deep is refused at the line where it passes the limit', (depth) => {
    const deep = `<div>\n${'<div>'.repeat(depth)}${'</div>'.repeat(depth)}\n</div>`;
    expect(failure(() => parseFeed(rss(item('Deep', deep)), at)))
      .toBe('FeedParseError: [feed] https://example.org/feed.xml:5 XML nested more than 100 elements deep');
  });

  test('100 levels, the limit, are read; 101 are not', () => {
    // rss, channel, item, extra: 4 levels, then n more.
    const nested = (n: number) => rss(item('Nested', `<extra>${'<x>'.repeat(n)}${'</x>'.repeat(n)}</extra>`));
    expect(parseFeed(nested(96), at).papers.map((p) => p.title)).toEqual(['Nested']);
    expect(failure(() => parseFeed(nested(97), at))).toBe('FeedParseError: [feed] https://example.org/feed.xml:4 XML nested more than 100 elements deep');
  });
});

describe('element names that are JavaScript property names', () => {
  test.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])('<%s> is read as any unknown element', (name) => {
    const polluted = `<${name}><polluted>yes</polluted><title>not the title</title></${name}>`;
    const { papers, rejected } = parseFeed(rss(item('A paper with odd elements', polluted)), at);
    expect({ titles: papers.map((p) => p.title), rejected }).toEqual({ titles: ['A paper with odd elements'], rejected: [] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('attributes named __proto__ and constructor are read as any others', () => {
    const doc = parseXml('<root __proto__="a" constructor="b"><x/></root>', at);
    expect(doc['root']).toEqual({ '@___proto__': 'a', '@_constructor': 'b', x: '' });
    expect(({} as Record<string, unknown>)['a']).toBeUndefined();
  });
});

describe('entity declarations', () => {
  test('<!ENTITY written inside CDATA is text', () => {
    const atom = '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title>\n<entry>'
      + '<title><![CDATA[How to write <!ENTITY name "value"> in a DTD]]></title><id>https://example.org/1</id></entry>\n</feed>';
    // The text cleaner puts a space after a `<` that could start markup; the feed is read.
    expect(parseFeed(atom, at).papers.map((p) => p.title)).toEqual(['How to write < !ENTITY name "value"> in a DTD']);
  });

  test('<!ENTITY in a comment is not a declaration either', () => {
    expect(parseFeed(rss(item('Commented', '<!-- <!ENTITY x "y"> -->')), at).papers).toHaveLength(1);
  });

  test.each([
    ['an internal entity', '<!DOCTYPE rss [<!ENTITY x "y">]>\n'],
    ['an external entity', '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'],
    ['an entity after a CDATA-looking string in the DTD', '<!DOCTYPE rss [<!ATTLIST rss a CDATA "<![CDATA["><!ENTITY x "y"><!ATTLIST rss b CDATA "]]>">]>\n'],
    ['an entity after a comment opener inside a quoted DTD value', '<!DOCTYPE rss [<!ATTLIST rss a CDATA "<!--"><!ENTITY x "y"><!ATTLIST rss b CDATA "-->">]>\n'],
  ])('%s in the DOCTYPE is refused', (_name, doctype) => {
    expect(failure(() => parseFeed(rss(item('&x;')).replace('<rss', `${doctype}<rss`), at)))
      .toBe('FeedParseError: [feed] https://example.org/feed.xml XML entity declarations are not accepted');
  });

  test('a DOCTYPE without an internal subset is read (RSS 0.91 declares one)', () => {
    const doctype = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n';
    expect(parseFeed(rss(item('Old feed')).replace('<rss', `${doctype}<rss`), at).papers.map((p) => p.title)).toEqual(['Old feed']);
  });
});
