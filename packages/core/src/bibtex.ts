import type { DigestEntry } from './digest.ts';
import { venueName } from './venue.ts';

/**
 * What a BibTeX entry needs of a paper: a digest entry qualifies, and so does what the reader stars.
 * The abstract, when there is one, goes into the entry, as reference managers export it: what
 * `digest learn --bib` learns from when the group's stars come back as its own papers.
 */
export type BibtexPaper = Pick<DigestEntry, 'id' | 'title' | 'authors' | 'published' | 'doi' | 'arxivId' | 'venue' | 'url'>
  & { readonly abstract?: string | null };

/**
 * Papers as a .bib file, the one BibTeX writer of the repository (`digest export --format bibtex`
 * and the reader's starred export). `@article` with `journal` for journal papers, `@misc` with
 * `eprint` + `archivePrefix = {arXiv}` for preprints (the arXiv id is added to articles too when
 * known). An entry without authors is a `@misc` with `key` (and the journal as `howpublished`), so
 * no style meets an empty author field it requires. Citation keys are FirstAuthorSurname + Year +
 * FirstTitleWord in ASCII (`Fuchs2025Refining`); papers that share a key get a, b, ... in input order.
 * The same id twice is written once. The text is plain ASCII LaTeX (accents as `{\"u}`, Greek as
 * `{\ensuremath{\alpha}}`), which BibTeX sorts and abbreviates and pdflatex typesets in any encoding.
 */
export function papersToBibtex(papers: readonly BibtexPaper[]): string {
  const seen = new Set<string>();
  const unique = papers.filter((p) => !seen.has(p.id) && seen.add(p.id));
  const keys = citationKeys(unique);
  return unique.map((paper, i) => bibtexEntry(paper, keys[i] as string)).join('\n\n') + (unique.length ? '\n' : '');
}

function bibtexEntry(paper: BibtexPaper, key: string): string {
  const arxiv = paper.arxivId ?? arxivFromDoi(paper.doi);
  const doi = paper.doi && !/^10\.48550\//i.test(paper.doi) ? paper.doi : null;
  const venue = paper.venue?.trim() && !/^arxiv\b/i.test(paper.venue.trim()) ? venueName(paper.venue) : null;
  const names = paper.authors.map((a) => a.trim()).filter(Boolean);
  const article = venue !== null && names.length > 0;
  const fields: [string, string][] = [];
  if (names.length) fields.push(['author', `{${names.map(bibtexName).join(' and ')}}`]);
  else fields.push(['key', `{${key}}`]); // styles sort and label by `key` when there is no author
  fields.push(['title', `{${bibtexTitle(paper.title)}}`]);
  if (venue) fields.push([article ? 'journal' : 'howpublished', `{${latexText(venue)}}`]);
  const year = yearOf(paper, arxiv);
  if (year) fields.push(['year', `{${year}}`]);
  const month = paper.published ? MONTHS[Number(paper.published.slice(5, 7)) - 1] : undefined;
  if (month) fields.push(['month', month]); // a BibTeX month macro, unbraced
  if (doi) fields.push(['doi', `{${verbatim(doi)}}`]);
  if (arxiv) fields.push(['eprint', `{${verbatim(arxiv)}}`], ['archivePrefix', '{arXiv}']);
  if (paper.url && /^https?:\/\//i.test(paper.url)) fields.push(['url', `{${verbatim(paper.url)}}`]);
  if (paper.abstract?.trim()) fields.push(['abstract', `{${latexText(paper.abstract.trim())}}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value},`);
  return [`@${article ? 'article' : 'misc'}{${key},`, ...body, '}'].join('\n');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Unique citation keys, one per paper, in order. */
export function citationKeys(papers: readonly BibtexPaper[]): string[] {
  const bases = papers.map((p) => `${surnameKey(p.authors[0] ?? '')}${yearOf(p, p.arxivId ?? arxivFromDoi(p.doi)) ?? 'nd'}${titleWordKey(p.title)}`);
  const count = new Map<string, number>();
  for (const b of bases) count.set(b, (count.get(b) ?? 0) + 1);
  const used = new Set(bases.filter((b) => count.get(b) === 1));
  const next = new Map<string, number>();
  return bases.map((base) => {
    if (count.get(base) === 1) return base;
    let key: string;
    do {
      const n = next.get(base) ?? 0;
      next.set(base, n + 1);
      key = base + suffix(n);
    } while (used.has(key));
    used.add(key);
    return key;
  });
}

/** a, b, ..., z, aa, ab, ... */
function suffix(n: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return n < 26 ? letter : suffix(Math.floor(n / 26) - 1) + letter;
}

/** Letters only, accents dropped: "Müller" -> "Muller", "Ø" -> "O". */
function ascii(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[ØøŁłĐđßÆæŒœ]/g, (c) => LETTERS_ASCII[c] ?? c);
}
const LETTERS_ASCII: Readonly<Record<string, string>> = { Ø: 'O', ø: 'o', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe' };

function surnameKey(name: string): string {
  const words = name.includes(',') ? [name.split(',')[0] ?? ''] : name.trim().split(/\s+/).filter((w) => !/^(jr|sr|ii|iii|iv)\.?$/i.test(w));
  const surname = ascii(words.at(-1) ?? '').replace(/[^A-Za-z]/g, '');
  return surname ? surname[0]!.toUpperCase() + surname.slice(1) : 'Anon';
}

const STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'or', 'via', 'with', 'by', 'from', 'at', 'as', 'toward', 'towards', 'is', 'are']);

function titleWordKey(title: string): string {
  const word = ascii(title).split(/[^A-Za-z0-9]+/).find((w) => w && !STOPWORDS.has(w.toLowerCase())) ?? '';
  return word ? word[0]!.toUpperCase() + word.slice(1) : '';
}

function yearOf(paper: Pick<BibtexPaper, 'published'>, arxiv: string | null): string | undefined {
  if (paper.published && /^\d{4}/.test(paper.published)) return paper.published.slice(0, 4);
  const yy = arxiv ? (/^(\d{2})\d{2}\.\d{4,5}$/.exec(arxiv) ?? /\/(\d{2})\d{5}$/.exec(arxiv))?.[1] : undefined;
  if (yy === undefined) return undefined;
  return `${Number(yy) >= 91 ? '19' : '20'}${yy}`;
}

function arxivFromDoi(doi: string | null): string | null {
  return doi ? (/^10\.48550\/arxiv\.(.+)$/i.exec(doi)?.[1] ?? null) : null;
}

/**
 * A title as LaTeX text, with the words BibTeX styles must not lower-case braced: acronyms, formulas
 * and inner capitals (SEI, Li6PS5Cl, 3D, Li/Al, LiTFSI). Title-case compounds ("Dendrite-Free") and
 * leading or trailing punctuation stay outside the braces.
 */
export function bibtexTitle(title: string): string {
  return title.trim().split(/\s+/).map((word) => {
    const [, lead = '', core = '', trail = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word) ?? [];
    const keepCase = core.split(/[-‐‑–—]/).some((part) => /^.+\p{Lu}/su.test(part));
    return keepCase ? `${latexText(lead)}{${latexText(core)}}${latexText(trail)}` : latexText(word);
  }).join(' ');
}

/** One author; a name holding the word "and" is braced so BibTeX does not split it. */
function bibtexName(name: string): string {
  const text = latexText(name);
  return /\band\b/i.test(name) ? `{${text}}` : text;
}

/** DOIs, arXiv ids and URLs are written as they are, but for what would break the entry's braces. */
function verbatim(text: string): string {
  return text.trim().replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}

/**
 * Text as plain-ASCII LaTeX: LaTeX's special characters as text, accented letters as accent commands,
 * Greek, sub- and superscripts and common symbols as commands, each in a brace group of its own
 * (which BibTeX treats as one character, and whose command it never changes the case of). BibTeX
 * counts braces even after a backslash, so `{` and `}` become \textbraceleft and \textbraceright.
 * A character LaTeX has no command for is written as its closest ASCII, or `?`.
 */
export function latexText(text: string): string {
  let out = '';
  for (const char of text.replace(/\s+/g, ' ').normalize('NFC')) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) out += SPECIALS[char] ?? char;
    else out += SYMBOLS[char] ?? accented(char);
  }
  return out;
}

const SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}', '&': '\\&', '%': '\\%',
  $: '\\$', '#': '\\#', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho varsigma sigma tau upsilon phi chi psi omega'.split(' ');
const UPPER_GREEK: Readonly<Record<string, string>> = { Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi', Σ: 'Sigma', Υ: 'Upsilon', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega' };
const math = (command: string) => `{\\ensuremath{${command}}}`;

/** Characters with a LaTeX command or an ASCII spelling (anything else goes through accented()). */
const SYMBOLS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(GREEK.map((name, i) => [String.fromCodePoint(0x3b1 + i), math(`\\${name === 'omicron' ? 'o' : name}`)])),
  ...Object.fromEntries(Object.entries(UPPER_GREEK).map(([c, name]) => [c, math(`\\${name}`)])),
  ϵ: math('\\epsilon'), ϑ: math('\\vartheta'), ϕ: math('\\phi'), ϱ: math('\\varrho'), ϖ: math('\\varpi'), µ: math('\\mu'),
  ...Object.fromEntries([...'₀₁₂₃₄₅₆₇₈₉'].map((c, i) => [c, `{\\textsubscript{${i}}}`])),
  // Bonds and cell notation as chemistry papers write them: "C═O", "NCM523‖Graphite".
  '═': '=', '‖': math('\\|'),
  '₊': '{\\textsubscript{+}}', '₋': '{\\textsubscript{-}}', '₌': '{\\textsubscript{=}}', '₍': '{\\textsubscript{(}}', '₎': '{\\textsubscript{)}}',
  ...Object.fromEntries([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((c, i) => [c, `{\\textsuperscript{${i}}}`])),
  '⁺': '{\\textsuperscript{+}}', '⁻': '{\\textsuperscript{-}}', '⁼': '{\\textsuperscript{=}}', '⁽': '{\\textsuperscript{(}}', '⁾': '{\\textsuperscript{)}}',
  'ⁿ': '{\\textsuperscript{n}}',
  '‐': '-', '‑': '-', '‒': '-', '–': '--', '—': '---', '―': '---', '−': '-', '─': '-', '⁃': '-',
  '‘': '`', '’': '\'', '‚': ',', '“': '``', '”': '\'\'', '„': ',,', '′': '\'', '″': '\'\'', '«': '{\\guillemotleft}', '»': '{\\guillemotright}',
  '\u00a0': '~', '\u2009': '\\,', '\u202f': '\\,', '\u2002': ' ', '\u2003': ' ', '\u200b': '', '\u00ad': '', '\ufeff': '',
  '…': '{\\ldots}', '·': '{\\ensuremath{\\cdot}}', '•': '{\\textbullet}', '°': '{\\textdegree}', '±': math('\\pm'), '×': math('\\times'),
  '÷': math('\\div'), '≤': math('\\leq'), '≥': math('\\geq'), '≈': math('\\approx'), '∼': math('\\sim'), '≠': math('\\neq'),
  '→': math('\\rightarrow'), '←': math('\\leftarrow'), '↔': math('\\leftrightarrow'), '⇌': math('\\rightleftharpoons'),
  '∞': math('\\infty'), '√': math('\\surd'), '∑': math('\\sum'), '∫': math('\\int'), '∂': math('\\partial'), '∇': math('\\nabla'),
  '∈': math('\\in'), '⊥': math('\\perp'), '∥': math('\\parallel'), '∝': math('\\propto'), '⋅': math('\\cdot'), '∙': math('\\cdot'),
  '〈': math('\\langle'), '⟨': math('\\langle'), '〉': math('\\rangle'), '⟩': math('\\rangle'), 'ℏ': math('\\hbar'), '\u00c5': '{\\AA}', '\u212b': '{\\AA}',
  '©': '{\\textcopyright}', '®': '{\\textregistered}', '™': '{\\texttrademark}', '§': '{\\S}', '¶': '{\\P}', '†': '{\\dag}', '‡': '{\\ddag}',
  '£': '{\\pounds}', '€': 'EUR', '¿': '{?`}', '¡': '{!`}',
  ß: '{\\ss}', æ: '{\\ae}', Æ: '{\\AE}', œ: '{\\oe}', Œ: '{\\OE}', ø: '{\\o}', Ø: '{\\O}', ł: '{\\l}', Ł: '{\\L}', ı: '{\\i}', ȷ: '{\\j}',
  å: '{\\aa}', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ħ: 'h', Ħ: 'H',
};

/** Combining marks that OT1, LaTeX's default font encoding, has an accent command for. */
const ACCENTS: Readonly<Record<string, string>> = {
  '\u0300': '`', '\u0301': '\'', '\u0302': '^', '\u0303': '~', '\u0304': '=', '\u0306': 'u', '\u0307': '.', '\u0308': '"',
  '\u030a': 'r', '\u030b': 'H', '\u030c': 'v', '\u0323': 'd', '\u0327': 'c', '\u0331': 'b',
};

/** `ü` → `{\"u}`, `ǘ` → `{\'{\"u}}`, `í` → `{\'\i}`; a letter with no such spelling → its ASCII, else `?`. */
function accented(char: string): string {
  const [base = '', ...marks] = [...char.normalize('NFD')];
  if (base.codePointAt(0)! < 0x80 && /[A-Za-z]/.test(base) && marks.length > 0 && marks.every((m) => ACCENTS[m])) {
    let letter = base === 'i' ? '\\i' : base === 'j' ? '\\j' : base;
    for (const mark of marks) {
      const command = ACCENTS[mark] as string;
      letter = /^[a-z]$/i.test(command) ? `\\${command}{${letter}}` : `\\${command}${letter.length > 1 ? `{${letter}}` : letter}`;
    }
    return `{${letter}}`;
  }
  if (SYMBOLS[base] !== undefined) return SYMBOLS[base];
  const plain = char.normalize('NFKD').replace(/\p{M}/gu, '');
  return /^[\x20-\x7e]+$/.test(plain) ? latexText(plain) : '?';
}
