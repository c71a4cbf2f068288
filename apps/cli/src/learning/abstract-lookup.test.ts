import { paperSchema, type Paper } from '@labdigest/core';
import { afterEach, expect, test } from 'vitest';
import { lookUpAbstracts, lookupSummary } from './abstract-lookup.ts';
import { closeRecordedServices, recordedServices as services } from '../../test/recorded-services.ts';

afterEach(closeRecordedServices);

/** A bibliography's record: a title and an identifier, no abstract (as a Google Scholar export gives). */
function entry(id: string, title: string, fields: Partial<Paper> = {}): Paper {
  return paperSchema.parse({ id, title, abstract: null, authors: [], published: null, doi: null, arxivId: null, url: null, venue: null, categories: [], source: 'import:ours', tags: [], ...fields });
}

const elife = entry('doi:10.7554/elife.01567', 'Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth', { doi: '10.7554/eLife.01567' });
const plos = entry('doi:10.1371/journal.pone.0000030', 'Triose Phosphate Isomerase Deficiency Is Caused by Altered Dimerization–Not Catalytic Inactivity–of the Mutant Enzymes', { doi: '10.1371/journal.pone.0000030' });
const bethe = entry('arxiv:1111.2011', 'Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit', { arxivId: '1111.2011' });
const unknownDoi = entry('doi:10.5555/not-a-work', 'A paper OpenAlex does not know', { doi: '10.5555/not-a-work' });
const bare = entry('import:ours:1', 'A thesis with neither DOI nor arXiv id');

test('abstracts a bibliography lacks are found on OpenAlex by DOI and on arXiv by id; the others keep their titles and are counted', async () => {
  const { deps, asked } = await services();
  const withAbstract = { ...plos, id: 'import:ours:2', abstract: 'Already here.' };
  const result = await lookUpAbstracts([elife, withAbstract, bethe, unknownDoi, bare], { online: true }, deps);
  const [a, b, c, d, e] = result.papers;
  // OpenAlex's inverted index read back into words, and arXiv's summary.
  expect(a!.abstract).toMatch(/^Among various advantages, their small size makes model organisms preferred subjects of investigation\./);
  expect(b!.abstract).toBe('Already here.');
  expect(c!.abstract).toMatch(/Bethe lattice/);
  expect([d!.abstract, e!.abstract]).toEqual([null, null]);
  // The bibliography's own titles stay; only the abstract is added.
  expect(result.papers.map((p) => p.title)).toEqual([elife, withAbstract, bethe, unknownDoi, bare].map((p) => p.title));
  expect(result).toMatchObject({ lacking: 4, fromStore: 0, fromOpenAlex: 1, fromArxiv: 1, notFound: 1, unidentified: 1, problems: [] });
  // One request a DOI, one for the arXiv ids; a paper that had its abstract is never asked about.
  expect(asked.map((u) => u.split('&')[0])).toEqual(['/works/doi:10.7554/elife.01567', '/works/doi:10.5555/not-a-work', '/api/query?id_list=1111.2011']);
  expect(lookupSummary(result)).toBe('Abstracts found for 2 of the 4 papers without one (1 on OpenAlex, 1 on arXiv). 1 paper was not found with an abstract on OpenAlex or arXiv.'
    + ' 1 paper without an abstract has no DOI or arXiv id to look it up by.');
});

test('the store is asked first, and a paper it holds is not looked up online', async () => {
  const { deps, asked } = await services();
  const stored = (id: string) => (id === 'doi:10.7554/elife.01567' ? { ...elife, id: 'openalex:W1', abstract: 'From the store.' } : undefined);
  const result = await lookUpAbstracts([elife, plos], { online: true, stored }, deps);
  expect(result.papers.map((p) => p.abstract?.slice(0, 15))).toEqual(['From the store.', expect.stringMatching(/\w/)]);
  expect(asked.map((u) => u.split('?')[0])).toEqual(['/works/doi:10.1371/journal.pone.0000030']);
  expect(lookupSummary(result)).toBe('Abstracts found for 2 of the 2 papers without one (1 in the store, 1 on OpenAlex).');
});

test('a service that keeps failing is asked once (with its retries), then left for the run; the message says so', async () => {
  const { deps, asked } = await services(503);
  const result = await lookUpAbstracts([elife, plos, bethe], { online: true }, deps);
  expect(result.papers.map((p) => p.abstract)).toEqual([null, null, null]);
  // fetchText's first attempt and three retries for the first DOI; the second DOI is not asked; arXiv likewise once.
  expect(asked.filter((u) => u.startsWith('/works/'))).toEqual(Array(4).fill('/works/doi:10.7554/elife.01567'));
  expect(asked.filter((u) => u.startsWith('/api/')).length).toBe(4);
  expect(result.problems).toHaveLength(2);
  expect(result.problems[0]).toMatch(/^OpenAlex did not answer, so the other DOIs were not looked up: \[GET\] "http:\/\/127\.0\.0\.1:\d+\/works\/doi:10\.7554\/elife\.01567": 503 Service Unavailable \(after 4 attempts\)$/);
  expect(result.problems[1]).toMatch(/^arXiv did not answer, so 1 arXiv id was not looked up: /);
});

test('offline, or where the services\' names do not resolve, nothing is asked and the message says why', async () => {
  const offline = await lookUpAbstracts([elife, bare], { online: false });
  expect(lookupSummary(offline)).toBe('1 paper without an abstract has no DOI or arXiv id to look it up by. 1 paper without an abstract not looked up online (--offline).');
  const resolved: string[] = [];
  const unreachable = await lookUpAbstracts([elife, bethe], { online: true }, { resolves: async (host) => { resolved.push(host); return false; } });
  expect(resolved.sort()).toEqual(['api.openalex.org', 'export.arxiv.org']);
  expect(unreachable.papers.map((p) => p.abstract)).toEqual([null, null]);
  expect(unreachable.problems).toEqual(['the network looks unreachable (api.openalex.org and export.arxiv.org did not resolve): 2 papers without an abstract not looked up']);
  // Nothing lacking: nothing to say, nothing asked.
  let asked = 0;
  const whole = await lookUpAbstracts([{ ...elife, abstract: 'Here.' }], { online: true }, { resolves: async () => { asked++; return true; } });
  expect([lookupSummary(whole), asked]).toEqual(['', 0]);
});
