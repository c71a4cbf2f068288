// Identifier normalisation: every source spells DOIs and arXiv ids its own way
// (URLs, `doi:`/`arXiv:` prefixes, versions, upper case); papers are keyed by one spelling.

const doiUrlPrefix = /^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\//i;
const doiSchemePrefix = /^(?:doi:|info:doi\/)\s*/i;
/**
 * Crossref's advice is `10.<4–9 digits>/<suffix>`; the suffix may hold nearly anything but white
 * space, quotes and markup: a `<` or `>` only in the `<digits…>` part of the old SICI DOIs
 * (10.1175/1520-0469(1996)053<0946:ASTFHH>2.0.CO;2, in the shared corpus), never as a tag.
 */
const doiPattern = /^10\.\d{4,9}\/(?:[^\s<>"]|<\d[^\s<>"]*>)+$/;

/**
 * A DOI in its canonical form: lower case, no `https://doi.org/` or `doi:` prefix; null when `raw` is not a DOI.
 * DOIs are case-insensitive (DOI Handbook 2.4), so lower case is safe for keys.
 */
export function normalizeDoi(raw: string): string | null {
  let s = raw.trim();
  const fromUrl = doiUrlPrefix.test(s);
  if (fromUrl) {
    s = s.replace(doiUrlPrefix, '').replace(/[?#].*$/, '');
    // Only URL forms are percent-decoded: a bare DOI may contain a literal `%`, and decoding it
    // again on a second call would make the function not idempotent.
    try {
      s = decodeURIComponent(s);
    } catch {
      return null;
    }
  } else {
    s = s.replace(doiSchemePrefix, '');
  }
  s = s.trim().toLowerCase();
  return doiPattern.test(s) ? s : null;
}

export interface ArxivId {
  /** Without version: `2506.10944`, `astro-ph/0601001`. */
  id: string;
  /** `2` for `2506.10944v2`; null when the input named no version. */
  version: number | null;
}

const arxivPrefixes = [
  /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html|format)\//i,
  /^oai:arxiv\.org:/i,
  /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\./i,
  /^arxiv:\s*/i,
];
// New style (April 2007 on): YYMM.NNNN until 2014, YYMM.NNNNN from 2015.
const newStyle = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(0|[1-9]\d*))?$/i;
// Old style: archive[.SUBJECT-CLASS]/YYMMNNN, e.g. math.GT/0309136, astro-ph/0601001.
const oldStyle = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(0|[1-9]\d*))?$/i;

/**
 * An arXiv identifier and its version, from a bare id, an `arXiv:` id, an abs/pdf URL, an OAI id
 * or an arXiv DOI (`10.48550/arXiv.…`); null when `raw` is none of these.
 */
export function normalizeArxivId(raw: string): ArxivId | null {
  // Most inputs are already bare new-style ids (`2506.10944`), which no prefix or suffix rule changes.
  const s = newStyle.test(raw) ? raw : withoutAffixes(raw);

  const n = newStyle.exec(s);
  if (n) {
    const [, yy, mm, num, v] = n;
    if (!validMonth(mm) || (num?.length === 5) !== Number(yy) >= 15 || v === '0') return null;
    return { id: `${yy}${mm}.${num}`, version: parseVersion(v) };
  }
  const o = oldStyle.exec(s);
  if (o) {
    const [, archive, yy, mm, num, v] = o;
    if (!validMonth(mm) || v === '0') return null;
    // The subject class (`.GT`) is not part of the identifier: YYMMNNN is unique within the archive,
    // and arxiv.org redirects math.GT/0309136 to math/0309136, the form the arXiv API returns.
    return { id: `${archive?.toLowerCase()}/${yy}${mm}${num}`, version: parseVersion(v) };
  }
  return null;
}

/** `raw` without white space, URL or scheme prefixes, query, `.pdf` or trailing slash. */
function withoutAffixes(raw: string): string {
  let s = raw.trim();
  for (const prefix of arxivPrefixes) s = s.replace(prefix, '');
  return s.replace(/[?#].*$/, '').replace(/\.pdf$/i, '').replace(/\/$/, '');
}

function validMonth(mm: string | undefined): boolean {
  const m = Number(mm);
  return m >= 1 && m <= 12;
}

function parseVersion(v: string | undefined): number | null {
  return v === undefined ? null : Number(v);
}

/**
 * The `Paper.id` for a record: `arxiv:<id>` when it has an arXiv id (the same preprint then merges
 * across sources), else `doi:<doi>`, else `fallback` (`<source>:<native id>`).
 */
export function paperIdFor(p: { doi: string | null; arxivId: string | null; fallback: string }): string {
  const arxiv = p.arxivId === null ? null : normalizeArxivId(p.arxivId);
  if (arxiv) return `arxiv:${arxiv.id}`;
  const doi = p.doi === null ? null : normalizeDoi(p.doi);
  if (doi) return `doi:${doi}`;
  return p.fallback;
}
