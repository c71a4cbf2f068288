// Titles and abstracts arrive as HTML (feeds), JATS (Crossref), MathML, LaTeX (arXiv) or plain text;
// everything downstream (ranker, digest, reader) wants one plain-text string.
import { Parser } from 'htmlparser2';
import { withoutControls } from './controls.ts';
import { latexToText } from './latex.ts';

/** Elements that separate text: their boundaries become spaces. Everything else joins (Li<sub>6</sub> -> Li6). */
const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'cite', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'title', 'sec', 'abstract', 'list', 'list-item', 'label',
  'trans-abstract', 'disp-formula', 'td', 'tfoot',
]);
const headingTags = new Set(['title', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose content is never text: code, embedded documents, TeX alternatives of MathML. */
const skipTags = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head', 'select',
  'textarea', 'button', 'annotation', 'annotation-xml', 'frameset', 'applet',
]);
const abstractHeading = /^(?:abstract|summary|graphical abstract|highlights)\s*[:.]?$/i;

/**
 * An abstract without the "Abstract" label some sources put before its first sentence (OpenAlex keeps
 * it as the first word of the inverted index; markup headings are dropped by textBlocks). The one
 * place the sources strip it.
 */
export function withoutAbstractLabel(text: string): string {
  return text.replace(/^(?:Abstract|ABSTRACT)\s*[:.\-–—]?\s+(?=\p{Lu})/u, '');
}
/**
 * Escaped markup that a double-encoding feed leaves behind: a known tag with well-formed attributes.
 * Only these are parsed again; any other `<` stays text (arXiv: "T<Tc").
 */
const escapedTag = /<\/?(?:a|b|i|u|p|br|em|strong|sub|sup|span|div|img|small|big|tt|font|sc|scp|h[1-6]|ul|ol|li|math|m[a-z]{1,9}|jats:[a-z-]+|mml:[a-z-]+|script|style|iframe|frame|svg|object|embed|link|meta|base|body|form|input|button|video|audio|source|details|marquee|template|noscript|textarea|select)(?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))*\s*\/?>/gi;

export interface TextBlock {
  /** Plain text of the block. */
  text: string;
  /** Local name of the innermost block element around it (`p`, `div`, `cite`), '' at top level. */
  tag: string;
}

interface RawBlock {
  text: string;
  tag: string;
}

function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

// Pretty-printed JATS indents inline elements on lines of their own (fixtures/crossref/
// crossref-works-journal-peerj-…: "<jats:italic>\n  E\n  <jats:sub>2</jats:sub>\n</jats:italic>\n  ,").
// White space with a line break at the edge of a text node, next to a tag, is that indentation, not a word
// space. It is kept as a marker until the block is complete and then decides, from what is on either
// side, whether it was a space: a subscript joins its base (E2), punctuation joins what it closes or opens
// ("(wNODF, z-score)"), and elsewhere it stays a space (Si iii λ1206). A space without a line break is
// the source's own and is kept. The markers are control characters, which never survive into text.
const INDENT = '\u0001';
const SUB_OPEN = '\u0002';
const SUB_CLOSE = '\u0003';
const SUP_OPEN = '\u0004';
const SUP_CLOSE = '\u0005';
const INLINE = '\u0006';
const markers = /[\u0001-\u0006]/g;
const subTags = new Set(['sub', 'inf']);
const supTags = new Set(['sup']);

/** The text of a block with its indentation markers resolved: see INDENT above. */
function resolveIndents(text: string): string {
  if (!/[\u0001-\u0006]/.test(text)) return text;
  return text
    // Indentation inside a sub- or superscript, and before a subscript: E\n<sub>2</sub> is E2.
    .replace(/([\u0002\u0004])[\u0001\u0006]+/g, '$1')
    .replace(/[\u0001\u0006]+([\u0003\u0005])/g, '$1')
    .replace(/\u0001+(\u0006*\u0002)/g, '$1')
    // A superscript that is a charge or an exponent (Li+, cm−1, m2) joins the symbol before it; a mass number
    // (13C) belongs to the symbol after it, so the space before it stays.
    .replace(/\u0001+(\u0006*\u0004\s*[+\-−–]?\d{0,2}[+\-−–]?\s*\u0005)(?!\u0006*\p{Lu})/gu, '$1')
    // Indentation between a tag and punctuation that never takes a space on that side: "(x", "x,", "z-score".
    .replace(/([([{])[\u0001\u0006]*\u0001[\u0001\u0006]*/g, (m, open: string) => open + m.slice(1).replace(/\u0001/g, ''))
    .replace(/\u0001+(?=[\u0001\u0003\u0005\u0006]*[,.;:!?)\]}])/g, '')
    .replace(/([\u0006\u0003\u0005])\u0001+(?=-\p{L})/gu, '$1')
    .replace(/\u0001+/g, ' ')
    .replace(markers, '');
}

/** Markup to blocks of decoded, not yet normalised text. htmlparser2 in HTML mode is forgiving of bad markup. */
function markupBlocks(markup: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const open: string[] = [];
  let current = '';
  let currentTag = '';
  let skipDepth = 0;
  let mathDepth = 0;
  const flush = (): void => {
    const text = resolveIndents(current);
    if (text.trim() !== '') blocks.push({ text, tag: currentTag });
    current = '';
    currentTag = open.at(-1) ?? '';
  };
  // Set when the text ends in a line break that may be indentation: it is, if a tag comes next.
  let trailingIndent = false;
  const mark = (local: string, closing: boolean): void => {
    trailingIndent = false;
    if (subTags.has(local)) current += closing ? SUB_CLOSE : SUB_OPEN;
    else if (supTags.has(local)) current += closing ? SUP_CLOSE : SUP_OPEN;
    else current += INLINE;
  };
  const parser = new Parser(
    {
      onopentag(name) {
        const local = localName(name);
        if (skipDepth > 0 || skipTags.has(local)) {
          skipDepth++;
          return;
        }
        trailingIndent = false;
        if (local === 'math') mathDepth++;
        if (blockTags.has(local)) {
          flush();
          open.push(local);
          currentTag = local;
        } else {
          mark(local, false);
        }
      },
      onclosetag(name) {
        const local = localName(name);
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        trailingIndent = false;
        if (local === 'math' && mathDepth > 0) mathDepth--;
        if (blockTags.has(local)) {
          const heading = resolveIndents(current);
          if (headingTags.has(local) && heading.trim() !== '' && !abstractHeading.test(heading.trim()) && !/[.:?!]\s*$/.test(heading)) {
            current += ':';
          }
          const at = open.lastIndexOf(local);
          if (at !== -1) open.length = at;
          flush();
        } else {
          mark(local, true);
        }
      },
      ontext(raw) {
        if (skipDepth > 0) return;
        const data = raw.replace(markers, '');
        // MathML is indented between its tokens (<mi>Li</mi>\n<mn>6</mn>); the formula reads Li6.
        if (mathDepth > 0) {
          current += data.trim();
          return;
        }
        // The parser may hand one text over in pieces (at entities): a break between pieces is no tag's edge.
        if (trailingIndent) current = `${current.slice(0, -1)} `;
        const text = (trailingIndent ? data : data.replace(/^\s*\n\s*/, INDENT)).replace(/\s*\n\s*$/, INDENT);
        trailingIndent = text.endsWith(INDENT);
        current += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(markup);
  flush();
  // An "Abstract" heading (JATS <jats:title>, ACS's boxTitle div) is dropped when text follows it;
  // a lone "Abstract" is kept, as it may be a real title.
  return blocks.length > 1 ? blocks.filter((b) => !abstractHeading.test(b.text.trim())) : blocks;
}

function blocksText(blocks: readonly RawBlock[]): string {
  return blocks.map((b) => b.text).join(' ');
}

/** Text with a `<` that HTML would read as a tag gets a space after it, so it can never become one. */
function neutralizeTags(text: string): string {
  return text.replace(/<(?=[A-Za-z!?/])/g, '< ');
}

function collapseSpace(text: string): string {
  // Each run of white space becomes one space. A lone space already is one: matching only longer runs
  // and other white space leaves most words' spaces alone instead of replacing each with itself.
  return text.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * `javascript:` left in the text (markup too broken to be read as markup, such as `<b<script>`) gets a
 * space before its colon: the text still reads, and nothing downstream can turn it into a link.
 */
function defuseScriptUrls(text: string): string {
  return text.replace(/(javascript)\s*:/gi, '$1 :');
}

function finish(text: string): string {
  // Escape sequences go whole (an entity such as &#27; may have written their ESC), before the
  // control characters themselves.
  return collapseSpace(defuseScriptUrls(neutralizeTags(withoutControls(latexToText(text).normalize('NFC')))));
}

/** Parses the escaped tags in decoded text as markup again, keeping every other `<` and `&` literal. */
function reparseEscapedTags(text: string): string {
  let markup = '';
  let last = 0;
  for (const m of text.matchAll(escapedTag)) {
    markup += escapeMarkup(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return last === 0 ? text : blocksText(markupBlocks(markup + escapeMarkup(text.slice(last))));
}

function step(input: string): string {
  let text = /[<&]/.test(input) ? blocksText(markupBlocks(input)) : input;
  for (let i = 0; i < 3 && text.includes('<'); i++) {
    const again = reparseEscapedTags(text);
    if (again === text) break;
    text = again;
  }
  return finish(text);
}

/**
 * Plain text from a title or abstract in any markup: tags dropped (block ends become spaces, inline
 * elements such as <sub> join), entities decoded, LaTeX remnants rendered, whitespace collapsed.
 * Script/style content and attributes never reach the output. Idempotent: doubly escaped input is
 * decoded until nothing changes, and a `<` left in the text can never start a tag.
 */
export function cleanText(markup: string): string {
  if (isPlainAscii(markup)) return markup;
  let current = step(markup);
  for (let i = 0; i < 6; i++) {
    if (!/[<&\\$]/.test(current)) return current;
    const next = step(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * True for text that cleanText would return as it is: printable ASCII with no markup, entity, LaTeX,
 * leading, trailing or double space, or `javascript:` (most author names and many titles), so it
 * skips the dozen passes that would each find nothing to change.
 */
function isPlainAscii(text: string): boolean {
  return !/[^ -~]|[<&\\$]| {2}|^ | $/.test(text) && !/javascript\s*:/i.test(text);
}

/** Escapes `&` and `<` so that text which is not markup (arXiv titles: "p<q") survives `cleanText`. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** `cleanText` for sources whose fields are plain text with LaTeX, such as arXiv. */
export function cleanPlainText(text: string): string {
  return cleanText(escapeMarkup(text));
}

/**
 * The blocks (paragraphs, divs, citations) of an HTML fragment as clean text, in order, empty ones left
 * out. Feeds put metadata in separate paragraphs of their descriptions ("Author(s): …", "DOI: …").
 */
export function textBlocks(markup: string): TextBlock[] {
  const out: TextBlock[] = [];
  for (const block of markupBlocks(markup)) {
    const text = cleanPlainText(block.text);
    if (text !== '') out.push({ text, tag: block.tag });
  }
  return out;
}
