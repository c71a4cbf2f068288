import type { DigestEntry } from '@labdigest/core';

/**
 * Digest papers as BibTeX: `@article` with `journal` for journal papers, `@misc` with
 * `eprint` + `archivePrefix = {arXiv}` for preprints (arXiv id added to articles too when known).
 * Citation keys are FirstAuthorSurname + Year + FirstTitleWord in ASCII (`Fuchs2025Refining`);
 * papers that share a key get a, b, ... in input order (`Seong2026Reflexa`, `Seong2026Reflexb`).
 * The same id twice is written once.
 */
export function papersToBibtex(entries: readonly DigestEntry[]): string {
  const seen = new Set<string>();
  const unique = entries.filter((e) => !seen.has(e.id) && seen.add(e.id));
  const keys = citationKeys(unique);
  return unique.map((entry, i) => bibtexEntry(entry, keys[i] as string)).join('\n\n') + (unique.length ? '\n' : '');
}

function bibtexEntry(entry: DigestEntry, key: string): string {
  const arxiv = entry.arxivId ?? arxivFromDoi(entry.doi);
  const doi = entry.doi && !/^10\.48550\//i.test(entry.doi) ? entry.doi : null;
  const venue = entry.venue?.trim() && !/^arxiv\b/i.test(entry.venue.trim()) ? entry.venue.trim() : null;
  const fields: [string, string][] = [];
  const names = entry.authors.map((a) => a.trim()).filter(Boolean);
  if (names.length) fields.push(['author', `{${names.map(bibtexName).join(' and ')}}`]);
  fields.push(['title', `{${bibtexTitle(entry.title)}}`]);
  if (venue) fields.push(['journal', `{${escapeLatex(venue)}}`]);
  const year = yearOf(entry, arxiv);
  if (year) fields.push(['year', `{${year}}`]);
  const month = entry.published ? MONTHS[Number(entry.published.slice(5, 7)) - 1] : undefined;
  if (month) fields.push(['month', month]); // a BibTeX month macro, unbraced
  if (doi) fields.push(['doi', `{${verbatim(doi)}}`]);
  if (arxiv) fields.push(['eprint', `{${verbatim(arxiv)}}`], ['archivePrefix', '{arXiv}']);
  if (entry.url && /^https?:\/\//i.test(entry.url)) fields.push(['url', `{${verbatim(entry.url)}}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value},`);
  return [`@${venue ? 'article' : 'misc'}{${key},`, ...body, '}'].join('\n');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Unique citation keys, one per entry, in order. */
export function citationKeys(entries: readonly DigestEntry[]): string[] {
  const bases = entries.map((e) => `${surnameKey(e.authors[0] ?? '')}${yearOf(e, e.arxivId ?? arxivFromDoi(e.doi)) ?? 'nd'}${titleWordKey(e.title)}`);
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
  return text.normalize('NFKD').replace(/\p{M}/gu, '')
    .replace(/[ØøŁłĐđßÆæŒœ]/g, (c) => ({ Ø: 'O', ø: 'o', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe' } as Record<string, string>)[c] ?? c);
}

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

function yearOf(entry: Pick<DigestEntry, 'published'>, arxiv: string | null): string | undefined {
  if (entry.published && /^\d{4}/.test(entry.published)) return entry.published.slice(0, 4);
  const yy = arxiv ? (/^(\d{2})\d{2}\.\d{4,5}$/.exec(arxiv) ?? /\/(\d{2})\d{5}$/.exec(arxiv))?.[1] : undefined;
  if (yy === undefined) return undefined;
  return `${Number(yy) >= 91 ? '19' : '20'}${yy}`;
}

function arxivFromDoi(doi: string | null): string | null {
  return doi ? (/^10\.48550\/arxiv\.(.+)$/i.exec(doi)?.[1] ?? null) : null;
}

/**
 * A title with LaTeX's special characters escaped and the words BibTeX styles must not lower-case
 * braced: acronyms, formulas and inner capitals (SEI, Li6PS5Cl, 3D, Li/Al, LiTFSI). Title-case
 * compounds ("Dendrite‐Free") and leading or trailing punctuation stay outside the braces.
 */
export function bibtexTitle(title: string): string {
  return title.trim().split(/\s+/).map((word) => {
    const [, lead = '', core = '', trail = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word) ?? [];
    const keepCase = core.split(/[-‐‑–—]/).some((part) => /^.+\p{Lu}/su.test(part));
    return keepCase ? `${escapeLatex(lead)}{${escapeLatex(core)}}${escapeLatex(trail)}` : escapeLatex(word);
  }).join(' ');
}

/**
 * LaTeX's special characters as text. BibTeX counts braces even after a backslash, so `\{` could
 * unbalance an entry: braces, backslash, tilde and caret become text commands instead.
 */
export function escapeLatex(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\{}&%$#_~^]/g, (c) => LATEX[c] ?? c);
}

const LATEX: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}', '&': '\\&', '%': '\\%',
  $: '\\$', '#': '\\#', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

/** One author; a name holding the word "and" is braced so BibTeX does not split it. */
function bibtexName(name: string): string {
  const escaped = escapeLatex(name);
  return /\band\b/i.test(name) ? `{${escaped}}` : escaped;
}

/** DOIs, arXiv ids and URLs are written as they are, but for what would break the entry's braces. */
function verbatim(text: string): string {
  return text.trim().replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
