// Entity references in XML text and attribute values, decoded exactly as fast-xml-parser 5 decodes
// them with `htmlEntities: true` (its @nodable/entities decoder), so that buildXmlTree's trees equal
// the ones XMLParser gave before it (xml-tree.test.ts compares the two).

/** XML's five entities plus the HTML and currency names fast-xml-parser knows; any other name stays as written. */
const named: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['apos', "'"], ['gt', '>'], ['lt', '<'], ['quot', '"'],
  ['nbsp', '\u00a0'], ['copy', '\u00a9'], ['reg', '\u00ae'], ['trade', '\u2122'], ['mdash', '\u2014'],
  ['ndash', '\u2013'], ['hellip', '\u2026'], ['laquo', '\u00ab'], ['raquo', '\u00bb'], ['lsquo', '\u2018'],
  ['rsquo', '\u2019'], ['ldquo', '\u201c'], ['rdquo', '\u201d'], ['bull', '\u2022'], ['para', '\u00b6'],
  ['sect', '\u00a7'], ['deg', '\u00b0'], ['frac12', '\u00bd'], ['frac14', '\u00bc'], ['frac34', '\u00be'],
  ['cent', '¢'], ['pound', '£'], ['curren', '¤'], ['yen', '¥'], ['euro', '€'], ['dollar', '$'], ['fnof', 'ƒ'],
  ['inr', '₹'], ['af', '؋'], ['birr', 'ብር'], ['peso', '₱'], ['rub', '₽'], ['won', '₩'], ['yuan', '¥'], ['cedil', '¸'],
]);

/** A name longer than this (between `&` and `;`) is not read as an entity. */
const MAX_TOKEN = 32;

/**
 * `text` with its entity references replaced. Numeric references give their character, except NUL,
 * surrogates and, in XML 1.0, C0 controls other than tab, LF and CR, which are dropped; an unknown
 * name, an out-of-range number or an `&` without a `;` within 32 characters stays as written.
 */
export function decodeEntities(text: string, xml11: boolean): string {
  let i = text.indexOf('&');
  if (i === -1) return text;
  let out = '';
  let last = 0;
  const len = text.length;
  while (i !== -1) {
    let j = i + 1;
    while (j < len && text.charCodeAt(j) !== 59 /* ; */ && j - i <= MAX_TOKEN) j++;
    if (j >= len || text.charCodeAt(j) !== 59 || j === i + 1) {
      i = text.indexOf('&', i + 1);
      continue;
    }
    const token = text.slice(i + 1, j);
    const replacement = token.charCodeAt(0) === 35 /* # */ ? numeric(token, xml11) : named.get(token);
    if (replacement === undefined) {
      i = text.indexOf('&', i + 1);
      continue;
    }
    out += text.slice(last, i) + replacement;
    last = j + 1;
    i = text.indexOf('&', last);
  }
  return last === 0 ? text : out + text.slice(last);
}

/** `#38`, `#x26`: the character, '' for one XML forbids, undefined to leave the reference as written. */
function numeric(token: string, xml11: boolean): string | undefined {
  const second = token.charCodeAt(1);
  // parseInt, as the decoder we match: it reads the leading digits ("#12ab" is 12).
  const cp = second === 120 /* x */ || second === 88 /* X */ ? parseInt(token.slice(2), 16) : parseInt(token.slice(1), 10);
  if (Number.isNaN(cp) || cp < 0 || cp > 0x10ffff) return undefined;
  if (cp === 0 || (cp >= 0xd800 && cp <= 0xdfff)) return '';
  if (!xml11 && cp <= 0x1f && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) return '';
  return String.fromCodePoint(cp);
}
