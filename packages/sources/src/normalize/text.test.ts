import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { cleanPlainText, cleanText, textBlocks, withoutAbstractLabel } from './text.ts';

describe('cleanText', () => {
  test.each([
    ['HTML subscripts join', 'Li<sub>6</sub>PS<sub>5</sub>Cl electrolyte', 'Li6PS5Cl electrolyte'],
    ['LaTeX subscripts join', 'Li$_6$PS$_5$Cl and Ta$_2$NiSe$_5$', 'Li6PS5Cl and Ta2NiSe5'],
    ['JATS Abstract heading dropped, paragraphs spaced',
      '<jats:title>Abstract</jats:title>\n  <jats:p>First &amp; <jats:italic>second</jats:italic>.</jats:p><jats:p>Third</jats:p>',
      'First & second. Third'],
    ['JATS section titles become labels', '<jats:sec><jats:title>Background</jats:title><jats:p>Text.</jats:p></jats:sec>', 'Background: Text.'],
    ['MathML reads as the formula, TeX annotation left out',
      '<mml:math><mml:semantics><mml:mrow><mml:msub><mml:mi>Li</mml:mi>\n  <mml:mn>6</mml:mn></mml:msub><mml:mi>PS</mml:mi>'
      + '<mml:msub><mml:mi/><mml:mn>5</mml:mn></mml:msub><mml:mi>Cl</mml:mi></mml:mrow>'
      + '<mml:annotation encoding="application/x-tex">Li_6PS_5Cl</mml:annotation></mml:semantics></mml:math> cells',
      'Li6PS5Cl cells'],
    ['ACS boxTitle heading dropped', '<span class="paragraphSection"><div class="boxTitle">Abstract</div>Alkyl <span style="font-style:italic;">R</span><sub>1ρ</sub> relaxation</span>', 'Alkyl R1ρ relaxation'],
    ['small caps in a Crossref title', 'Relative to the H <scp>i</scp> Disk of Galaxies', 'Relative to the H i Disk of Galaxies'],
    ['entities', 'Computer Law &amp; Security Report &#8212; &eacute;t&eacute; &lt;4.5 R', 'Computer Law & Security Report — été <4.5 R'],
    ['double-escaped markup is still markup', '&lt;i&gt;Escaped&lt;/i&gt; italic &amp;amp; more', 'Escaped italic & more'],
    ['script, style, event handlers and javascript: URLs leave no trace',
      'Title <script>alert("x")</script><style>p{color:red}</style><img src=x onerror="javascript:alert(1)"> <a href="javascript:evil()">link</a>',
      'Title link'],
    ['an unclosed script swallows the rest', 'Safe <script>document.write("<b>x</b>")', 'Safe'],
    ['whitespace collapsed', '  The genomic sequence of\n                    <i>Exiguobacterium chiriqhucha</i>\n   str. N139 ', 'The genomic sequence of Exiguobacterium chiriqhucha str. N139'],
    ['a lone "Abstract" is a title, not a heading', 'Abstract', 'Abstract'],
    ['indented subscript joins its base', '<i>\n  E\n  <sub>2</sub>\n</i>\n  , z', 'E2, z'],
    ['indented charge joins its symbol, an indented mass number stays with the symbol after it',
      'Li\n  <sup>+</sup> flux and\n  <sup>13</sup>C shifts', 'Li+ flux and 13C shifts'],
    ['a space the source wrote before a subscript is kept', 'Li <sub>2</sub>', 'Li 2'],
    ['a line break inside one text, not beside a tag, is a space', 'Local\nFluoride &amp;\n<i>x</i>', 'Local Fluoride & x'],
    ['inline elements on either side of a block boundary stay apart', '<p>first <i>word</i></p><p><b>Next</b></p>a<br><i>b</i>', 'first word Next a b'],
    ['a < that would start a tag gets a space', 'a &lt;q and r&gt; c', 'a < q and r> c'],
    ['javascript: that is text is defused', '<b<script>javascript:alert(1)</script>', 'javascript :alert(1)'],
    ['escaped XSS is parsed as the markup it is', '&lt;svg onload="javascript:alert(1)"&gt;&lt;/svg&gt;Safe', 'Safe'],
  ])('%s', (_, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  const text = fc.string({ maxLength: 20 }).filter((s) => !s.toLowerCase().includes('javascript:'));
  // Payloads inside attributes and scripts: whatever an attacker would run, without breaking the markup around it.
  const payload = fc.stringMatching(/^[\w .,;()=+/-]{0,20}$/);
  const fragment = fc.oneof(
    text,
    text.map((t) => `<p>${t}</p>`),
    text.map((t) => `<sub>${t}</sub>`),
    text.map((t) => `<jats:p>${t}</jats:p>`),
    text.map((t) => `<mml:mi>${t}</mml:mi>`),
    payload.map((t) => `<a href="javascript:alert('${t}')">${t}</a>`),
    payload.map((t) => `<img src="x" onerror="javascript:${t}">`),
    payload.map((t) => `<script>javascript:${t}</script>`),
    payload.map((t) => `<style>a{background:url(javascript:${t})}</style>`),
    payload.map((t) => `<iframe src="javascript:${t}"></iframe>`),
    payload.map((t) => `&lt;script&gt;javascript:${t}&lt;/script&gt;`),
    payload.map((t) => `&lt;a href="javascript:${t}"&gt;x&lt;/a&gt;`),
    fc.constantFrom('<', '>', '&', '&amp;', '&lt;', '$', '$_2$', '\\', '\\"o', '{', '}', '<!--', '-->', '<![CDATA[', ']]>', '<br/>', '</p>', '<b', '"', "'"),
  );
  const markup = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));
  const tag = /<[A-Za-z!?/]/;

  prop.prop([markup], { numRuns: 2000 })('output never contains a tag or javascript:', (m) => {
    const out = cleanText(m);
    expect(tag.test(out) || out.toLowerCase().includes('javascript:')).toBe(false);
  });

  prop.prop([fc.oneof(markup, fc.string(), fc.string({ unit: 'grapheme' }))], { numRuns: 2000 })('is idempotent', (m) => {
    const once = cleanText(m);
    expect(cleanText(once)).toBe(once);
  });

  prop.prop([fc.string()])('output has no leading, trailing or repeated whitespace', (m) => {
    const out = cleanText(m);
    expect(out === out.trim() && !/\s{2}/.test(out)).toBe(true);
  });

  // Plain printable ASCII (most author names) is returned without the full pipeline. An entity
  // appended sends the same text through all of it: both must agree, on text the shortcut takes
  // and on text it must not take (double or leading spaces, tabs, DEL, `javascript:`).
  const printable = [...Array(95).keys()].map((k) => String.fromCharCode(32 + k)).filter((c) => !' <&\\$'.includes(c));
  const visible = fc.string({ unit: fc.constantFrom(...printable), minLength: 1, maxLength: 8 });
  const word = fc.oneof(visible, fc.constantFrom('javascript:', '\u007f', 'é'));
  // It ends with a visible word: the reference keeps the space before the appended entity.
  const spaced = fc.tuple(fc.constantFrom('', ' '), fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', '  ', '\t')), { maxLength: 6 }), visible)
    .map(([lead, rest, last]) => lead + rest.map(([w, sep]) => w + sep).join('') + last);
  prop.prop([spaced], { numRuns: 3000 })('plain ASCII comes out as the full pipeline gives it', (s) => {
    expect(cleanText(s)).toBe(cleanText(`${s}&amp;`).replace(/&$/, ''));
  });

  test.each([['a ', 'a'], [' a', 'a'], ['a  b', 'a b'], ['a\tb', 'a b'], ['a\u007fb', 'ab'], ['javascript:x', 'javascript :x'], ['A. Name', 'A. Name']])(
    'plain ASCII %j', (s, expected) => expect(cleanText(s)).toBe(expected));
});

describe('cleanPlainText', () => {
  test('keeps comparisons that HTML would read as tags', () => {
    expect(cleanPlainText('V_max<17.5 and $T<T_c$ while p<q, AT&T')).toBe('V_max<17.5 and T< Tc while p< q, AT&T');
  });

  prop.prop([fc.string()])('is idempotent', (s) => {
    const once = cleanPlainText(s);
    expect(cleanPlainText(once)).toBe(once);
  });
});

describe('textBlocks', () => {
  test('splits an RSC description into its paragraphs, with the element each sits in', () => {
    const html = '<p><a href="https://pubs.rsc.org/x"><img src="y.png" alt="Graphical abstract" /></a></p>'
      + '<p><strong>Edge Article</strong> — 17 August 2026</p><p>Laxman D. Khalse; William DeSnoo</p>'
      + '<div><cite>Chemical Science</cite></div><p><a href="https://doi.org/10.1039/D6SC05138C">DOI: 10.1039/D6SC05138C</a></p>';
    expect(textBlocks(html)).toEqual([
      { text: 'Edge Article — 17 August 2026', tag: 'p' },
      { text: 'Laxman D. Khalse; William DeSnoo', tag: 'p' },
      { text: 'Chemical Science', tag: 'cite' },
      { text: 'DOI: 10.1039/D6SC05138C', tag: 'p' },
    ]);
  });

  test('text outside any block element is its own block', () => {
    expect(textBlocks('<p>Nature, Published online: 15 January 2024</p>Devastation brought on')).toEqual([
      { text: 'Nature, Published online: 15 January 2024', tag: 'p' },
      { text: 'Devastation brought on', tag: '' },
    ]);
  });
});

test.each([
  ['Abstract Improving solid electrolytes is critical', 'Improving solid electrolytes is critical'],
  ['ABSTRACT: We show', 'We show'],
  ['Abstract — Lithium metal', 'Lithium metal'],
  ['Abstract interpretation of programs', 'Abstract interpretation of programs'], // a word of the sentence, not a label
  ['Abstract', 'Abstract'],
])('withoutAbstractLabel(%j)', (text, expected) => {
  expect(withoutAbstractLabel(text)).toBe(expected);
});
