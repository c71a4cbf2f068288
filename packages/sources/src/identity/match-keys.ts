import { paperArxivId, type Paper } from '@labdigest/core';
import { normalizeArxivId, normalizeDoi } from '../normalize/ids.ts';

/** What the store matches an incoming paper on, strongest first. */
export interface MatchKeys {
  /** Normalized DOI, never an arXiv DOI (those are preprint ids and go to `arxiv`). */
  readonly doi: string | null;
  /** arXiv id without version. */
  readonly arxiv: string | null;
  /** Normalized title + `|` + first author surname; null when too weak to match on. */
  readonly titleKey: string | null;
}

// arXiv mints DOIs for preprints (10.48550/arXiv.2401.01234). Treating them as DOIs would make a preprint
// and its journal version look like two papers with conflicting DOIs.
const arxivDoi = /^10\.48550\/arxiv\./;

// Angewandte Chemie prints every paper twice, in the International Edition (10.1002/anie.…) and the
// German edition (10.1002/ange.…) under the same number, and OpenAlex and Crossref list both. They are
// one paper, so the German edition's DOI is matched as the International Edition's.
const angewandteGerman = /^10\.1002\/ange\./;

/** The DOI a paper is matched on: the International Edition's for Angewandte's German edition. */
export function sameWorkDoi(doi: string): string {
  return angewandteGerman.test(doi) ? `10.1002/anie.${doi.slice('10.1002/ange.'.length)}` : doi;
}

/** Whether `german` is the German-edition DOI of the Angewandte paper whose International Edition DOI is `international`. */
export function isGermanEditionOf(german: string | null, international: string | null): boolean {
  // Every merge asks this: skip normalizing the DOIs that cannot be the German edition.
  if (german === null || international === null || !/ange\./i.test(german)) return false;
  const g = normalizeDoi(german);
  return g !== null && angewandteGerman.test(g) && sameWorkDoi(g) === normalizeDoi(international);
}

export function matchKeys(paper: Pick<Paper, 'id' | 'doi' | 'arxivId' | 'url' | 'title' | 'authors'>): MatchKeys {
  const rawDoi = paper.doi ?? (/^doi:/i.test(paper.id) ? paper.id.slice(4) : null);
  let doi = rawDoi === null ? null : normalizeDoi(rawDoi);
  let arxiv = arxivIdOf(paper);
  if (doi !== null && arxivDoi.test(doi)) {
    arxiv ??= normalizeArxivId(doi)?.id ?? null;
    doi = null;
  }
  if (doi !== null) doi = sameWorkDoi(doi);
  return { doi, arxiv, titleKey: titleKeyOf(paper.title, paper.authors[0]) };
}

function arxivIdOf(paper: Pick<Paper, 'id' | 'arxivId' | 'url'>): string | null {
  const raw = paperArxivId(paper);
  return raw === null ? null : normalizeArxivId(raw)?.id ?? null;
}

/** A DOI that arXiv minted for a preprint (`10.48550/arXiv.…`). */
export function isArxivDoi(doi: string): boolean {
  return arxivDoi.test(normalizeDoi(doi) ?? '');
}

/**
 * `graph neural networks for molecules|smith`. Titles under four words ("Editorial", "Preface",
 * "Correction") and papers without an author are too common to identify a paper: null.
 */
export function titleKeyOf(title: string, firstAuthor: string | undefined): string | null {
  const surname = firstAuthor === undefined ? '' : surnameOf(firstAuthor);
  if (!surname) return null;
  // fold() leaves one space between words and none at the ends: four words hold three spaces.
  const words = fold(title);
  let spaces = 0;
  for (let at = words.indexOf(' '); at !== -1 && spaces < 3; at = words.indexOf(' ', at + 1)) spaces++;
  return spaces < 3 ? null : `${words}|${surname}`;
}

/** "Smith, Jane" and "Jane Smith" both give "smith"; "van der Berg, A." gives "van der berg". */
export function surnameOf(name: string): string {
  const comma = name.indexOf(',');
  const raw = comma >= 0 ? name.slice(0, comma) : lastWord(name);
  return fold(raw);
}

/** The text after the last run of white space ("Jia-Mian Hu" gives "Hu"); '' for blank text. */
function lastWord(text: string): string {
  const at = text.search(/\S+\s*$/);
  return at < 0 ? '' : text.slice(at).trimEnd();
}

/** Lower case, no accents, no markup or punctuation, single spaces. */
function fold(text: string): string {
  // Most titles are plain ASCII: skipping NFKD and Unicode classes for them keeps bulk imports fast.
  const ascii = /^[\x00-\x7f]*$/.test(text);
  const plain = ascii ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const bare = (plain.includes('<') ? plain.replace(/<[^>]*>/g, ' ') : plain).toLowerCase();
  return (ascii ? bare.replace(/[^a-z0-9]+/g, ' ') : bare.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
}

/** Two records whose DOIs, or whose arXiv ids, differ are different papers, whatever their titles say. */
export function idsConflict(a: Pick<MatchKeys, 'doi' | 'arxiv'>, b: Pick<MatchKeys, 'doi' | 'arxiv'>): boolean {
  return (a.doi !== null && b.doi !== null && a.doi !== b.doi)
    || (a.arxiv !== null && b.arxiv !== null && a.arxiv !== b.arxiv);
}
