import { isIP } from 'node:net';
import { paperArxivId, type Paper } from '@labdigest/core';
import { ARXIV_API_URL, arxivIdOf, buildArxivQueryUrl, doiOf, OPENALEX_WORKS_URL, parseArxivAtom, parseOpenAlexWorks } from '@labdigest/sources';
import { FetchFailedError } from '../errors.ts';
import { fetchText, userAgentFor } from '../net/fetch-text.ts';
import { createPoliteness } from '../net/politeness.ts';
import { resolvesSoon } from '../net/run-fetch.ts';

/**
 * Abstracts for the papers of a group's bibliography that have none. A Google Scholar, ORCID or
 * publisher export gives titles and DOIs; a paper then teaches by its title alone, a dozen words
 * where its abstract has two hundred. Looked up, in turn:
 *   - in the store (a paper the group's sources fetched, by DOI or arXiv id);
 *   - on OpenAlex, by DOI: one work a request (`/works/doi:…`), at its polite rate;
 *   - on arXiv's API, by arXiv id: up to `ARXIV_BATCH` ids a request, three seconds apart.
 * A paper found nowhere keeps its title alone. A service that fails (after fetchText's retries) is
 * not asked again in the run, and a machine whose DNS does not know the services is not asked at all:
 * the result says so, for the command's message.
 */
export interface LookupOptions {
  /** The store's paper with this id, DOI or arXiv id (storedPaperFinder), when there is a store. */
  readonly stored?: ((id: string) => Paper | undefined) | undefined;
  /** Ask OpenAlex and arXiv (`--offline` and LABDIGEST_OFFLINE=1 say no). */
  readonly online: boolean;
  /** The group's contact (OpenAlex's polite pool). */
  readonly email?: string | undefined;
  /** OPENALEX_API_KEY, when set. */
  readonly openAlexKey?: string | undefined;
  /** Told once, before the first online look-up (it may take a while). */
  readonly note?: ((line: string) => void) | undefined;
}

/** Where the services are and how to reach them: tests point them at a local server. */
export interface LookupDeps {
  readonly fetch?: typeof globalThis.fetch | undefined;
  readonly endpoints?: { readonly openalex: string; readonly arxivApi: string } | undefined;
  readonly resolves?: ((host: string) => Promise<boolean>) | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly now?: (() => number) | undefined;
}

export interface LookupResult {
  /** The papers, in order; those found with the abstract found. */
  readonly papers: Paper[];
  /** Papers that had no abstract. */
  readonly lacking: number;
  readonly fromStore: number;
  readonly fromOpenAlex: number;
  readonly fromArxiv: number;
  /** Looked up online and not found (or found without an abstract). */
  readonly notFound: number;
  /** Lacking papers with neither a DOI nor an arXiv id: nothing to look them up by. */
  readonly unidentified: number;
  /** Why the online look-ups stopped or never ran (offline, a service that failed), one line each. */
  readonly problems: readonly string[];
}

/** Whether look-ups are off: `--offline`, or LABDIGEST_OFFLINE set (to anything but 0 or empty) for every run. */
export function isOffline(flag: boolean | undefined): boolean {
  const env = process.env['LABDIGEST_OFFLINE'];
  return flag === true || (env !== undefined && env !== '' && env !== '0');
}

/** arXiv ids a request: its API answers a list of ids in one feed. */
export const ARXIV_BATCH = 50;
/** The base of OpenAlex's single works (`…/works/doi:10.1021/x`). */
const OPENALEX_BASE = OPENALEX_WORKS_URL;

const hasAbstract = (p: Paper) => (p.abstract ?? '').trim() !== '';

export async function lookUpAbstracts(papers: readonly Paper[], options: LookupOptions, deps: LookupDeps = {}): Promise<LookupResult> {
  const out = [...papers];
  const lacking = out.flatMap((p, i) => (hasAbstract(p) ? [] : [i]));
  let fromStore = 0;
  let fromOpenAlex = 0;
  let fromArxiv = 0;
  let notFound = 0;
  const problems: string[] = [];
  const fill = (i: number, abstract: string | null | undefined): boolean => {
    if (!abstract?.trim()) return false;
    out[i] = { ...(out[i] as Paper), abstract };
    return true;
  };
  const doiOfPaper = (p: Paper) => doiOf(p.doi ?? '') ?? doiOf(p.id);
  const arxivOfPaper = (p: Paper) => paperArxivId(p)?.toLowerCase() ?? arxivIdOf(p.id);

  let left = lacking;
  if (options.stored) {
    const { stored } = options;
    left = left.filter((i) => {
      const p = out[i] as Paper;
      const doi = doiOfPaper(p);
      const arxiv = arxivOfPaper(p);
      const found = stored(p.id) ?? (doi ? stored(`doi:${doi}`) : undefined) ?? (arxiv ? stored(`arxiv:${arxiv}`) : undefined);
      if (fill(i, found?.abstract)) { fromStore++; return false; }
      return true;
    });
  }
  const unidentified = left.filter((i) => !doiOfPaper(out[i] as Paper) && !arxivOfPaper(out[i] as Paper)).length;
  left = left.filter((i) => doiOfPaper(out[i] as Paper) || arxivOfPaper(out[i] as Paper));
  if (left.length > 0 && !options.online) {
    problems.push(`${plural(left.length, 'paper')} without an abstract not looked up online (--offline)`);
  }
  if (left.length > 0 && options.online) {
    const endpoints = deps.endpoints ?? { openalex: OPENALEX_BASE, arxivApi: ARXIV_API_URL };
    const unknown = deps.fetch ? [] : await unresolved([endpoints.openalex, endpoints.arxivApi], deps.resolves ?? resolvesSoon);
    if (unknown.length > 0) {
      problems.push(`the network looks unreachable (${unknown.join(' and ')} did not resolve): ${plural(left.length, 'paper')} without an abstract not looked up`);
    } else {
      options.note?.(`looking up the abstracts of ${plural(left.length, 'paper')} on OpenAlex (by DOI) and arXiv (by arXiv id); --offline skips this\n`);
      const clock = { ...(deps.now ? { now: deps.now } : {}), ...(deps.sleep ? { sleep: deps.sleep } : {}) };
      const http = { ...clock, ...(deps.fetch ? { fetch: deps.fetch } : {}), userAgent: userAgentFor(options.email), politeness: createPoliteness(clock) };
      // By DOI on OpenAlex; the rest (no DOI, or OpenAlex without the abstract) by arXiv id.
      const afterOpenAlex: number[] = [];
      let openAlexDown = false;
      for (const i of left) {
        const doi = doiOfPaper(out[i] as Paper);
        if (!doi || openAlexDown) { afterOpenAlex.push(i); continue; }
        const key = options.openAlexKey ? `?api_key=${encodeURIComponent(options.openAlexKey)}` : '';
        const url = `${endpoints.openalex}/doi:${doi.split('/').map(encodeURIComponent).join('/')}${key}`;
        try {
          const { text } = await fetchText(url, http);
          const work = parseOpenAlexWorks(text, { source: 'openalex', location: url }).papers[0];
          // The work OpenAlex gives for the DOI is the paper only if it carries that DOI.
          if (work && doiOf(work.doi ?? '') === doi && fill(i, work.abstract)) { fromOpenAlex++; continue; }
        } catch (error) {
          // 404: OpenAlex knows no work of that DOI. Anything else (after retries): the service is down.
          if (!(error instanceof FetchFailedError && error.status === 404)) {
            openAlexDown = true;
            problems.push(`OpenAlex did not answer, so the other DOIs were not looked up: ${oneLine(error)}`);
          }
        }
        afterOpenAlex.push(i);
      }
      const byArxiv = afterOpenAlex.filter((i) => arxivOfPaper(out[i] as Paper));
      if (!openAlexDown) notFound += afterOpenAlex.length - byArxiv.length;
      for (let start = 0; start < byArxiv.length; start += ARXIV_BATCH) {
        const batch = byArxiv.slice(start, start + ARXIV_BATCH);
        const ids = batch.map((i) => arxivOfPaper(out[i] as Paper) as string);
        const url = rebase(buildArxivQueryUrl({ idList: ids, start: 0, maxResults: ids.length, sortBy: 'relevance' }), ARXIV_API_URL, endpoints.arxivApi);
        try {
          const { text } = await fetchText(url, http);
          const found = new Map(parseArxivAtom(text, { source: 'arxiv', location: url }).papers.map((p) => [arxivOfPaper(p), p]));
          batch.forEach((i, k) => { if (fill(i, found.get(ids[k])?.abstract)) fromArxiv++; else notFound++; });
        } catch (error) {
          problems.push(`arXiv did not answer, so ${plural(byArxiv.length - start, 'arXiv id')} ${byArxiv.length - start === 1 ? 'was' : 'were'} not looked up: ${oneLine(error)}`);
          break;
        }
      }
    }
  }
  return { papers: out, lacking: lacking.length, fromStore, fromOpenAlex, fromArxiv, notFound, unidentified, problems };
}

/** The endpoints' host names that do not resolve (IP addresses and localhost are never asked). */
async function unresolved(urls: readonly string[], resolves: (host: string) => Promise<boolean>): Promise<string[]> {
  const hosts = [...new Set(urls.map((u) => new URL(u)).filter((u) => u.protocol !== 'file:').map((u) => u.hostname.replace(/^\[|\]$/g, '')))]
    .filter((h) => isIP(h) === 0 && h !== 'localhost');
  const answers = await Promise.all(hosts.map(resolves));
  return hosts.filter((_, k) => !answers[k]);
}

function rebase(url: string, from: string, to: string): string {
  return url.startsWith(from) ? to + url.slice(from.length) : url;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] as string;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * What a command says of the look-ups: how many abstracts were found where, and why the others were
 * not ('' when no paper lacked an abstract).
 */
export function lookupSummary(result: LookupResult): string {
  if (result.lacking === 0) return '';
  const found = result.fromStore + result.fromOpenAlex + result.fromArxiv;
  const where = [
    result.fromStore ? `${result.fromStore} in the store` : '', result.fromOpenAlex ? `${result.fromOpenAlex} on OpenAlex` : '',
    result.fromArxiv ? `${result.fromArxiv} on arXiv` : '',
  ].filter(Boolean).join(', ');
  const parts = [
    found > 0 ? `Abstracts found for ${found} of the ${plural(result.lacking, 'paper')} without one (${where}).` : '',
    result.notFound > 0 ? `${plural(result.notFound, 'paper')} ${result.notFound === 1 ? 'was' : 'were'} not found with an abstract on OpenAlex or arXiv.` : '',
    result.unidentified > 0 ? `${plural(result.unidentified, 'paper')} without an abstract ${result.unidentified === 1 ? 'has' : 'have'} no DOI or arXiv id to look ${result.unidentified === 1 ? 'it' : 'them'} up by.` : '',
    ...result.problems.map((p) => `${p[0]?.toUpperCase() ?? ''}${p.slice(1)}.`),
  ];
  return parts.filter(Boolean).join(' ');
}
