import { papersToBibtex, paperSchema, type Paper } from '@labdigest/core';
import { fixturePath, readFixture, readFixtureRecords } from '@labdigest/fixtures';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { countPapers, upsertPapers } from '../store/queries.ts';
import { closeRecordedServices, recordedServices } from '../../test/recorded-services.ts';
import { learnCommand } from './learn-command.ts';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';
import { defaultConfig } from '../../test/fixture-digests.ts';
import { gatherSignals } from './signals.ts';

const CONFIG = fixturePath('../digest.config.yaml');
let dir = tempDir();
afterEach(() => { dir.remove(); dir = tempDir(); });
const db = () => inDir(dir.path, 'store.sqlite');

test('the group\'s own papers teach with their text and never become papers of the digest', async () => {
  const bib = fixturePath('import/bibtex-crossref-elife-2014.bib');
  const { code, out, err } = await runCli('learn', '--bib', bib, '--member', 'Naibing Wu', '--config', CONFIG, '--db', db());
  expect({ code, err }).toEqual({ code: 0, err: '' });
  expect(out).toBe(`learned from 1 paper of ${bib} as Naibing Wu's own work (1 with an abstract).`
    + ' `digest feedback show` lists what each profile learned; `digest feedback reset` forgets it.\n');
  const store = openDb(db());
  expect(countPapers(store)).toBe(0);
  const { examples } = gatherSignals(store, defaultConfig());
  store.close();
  expect(examples).toEqual([{
    paper: expect.objectContaining({ id: 'doi:10.7554/elife.01567', title: expect.stringMatching(/\w{10}/), abstract: expect.stringMatching(/\w{10}/), source: 'bib:bibtex-crossref-elife-2014.bib' }),
    // Her own paper, not one she starred on a day: the note says "Like Naibing Wu's own '…'".
    signal: 'star', member: 'Naibing Wu', area: undefined, at: undefined,
  }]);
});

test('a digest exported as BibTeX (or the reader\'s starred papers) teaches with the papers\' abstracts', async () => {
  // The week's "Microstructural insights …" (Greek, an em dash and braces in its abstract) and two more
  // papers whose abstracts LaTeX must spell (Greek letters, dashes, subscripts).
  const week = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
  const ou = week.find((p) => p.id === 'openalex:W4416056717')!;
  const papers = [ou, ...week.filter((p) => p !== ou && p.abstract && /[α-ω—₀-₉]/.test(p.abstract)).slice(0, 2)];
  const bib = inDir(dir.path, 'stars.bib');
  writeFileSync(bib, papersToBibtex(papers));
  const { code, out } = await runCli('learn', '--bib', bib, '--area', 'phase-field-sei', '--config', CONFIG, '--db', db());
  expect(code).toBe(0);
  expect(out).toContain(`learned from 3 papers of ${bib} as the phase-field-sei area's own work (3 with an abstract)`);
  const store = openDb(db());
  const { examples } = gatherSignals(store, defaultConfig());
  store.close();
  // Word for word, but for a publisher's "Abstract" heading, which reading a .bib drops.
  const words = (text: string | null) => (text ?? '').replace(/^\s*abstract\b/i, '').match(/[A-Za-z]{4,}/g)?.join(' ');
  for (const paper of papers) expect(words(examples.find((e) => e.paper.doi === paper.doi)?.paper.abstract ?? null), paper.id).toBe(words(paper.abstract));
});

test('a paper of the bibliography that the batch or the store holds is taught under its id there: the digest says it is the group\'s own', async () => {
  // The audit's round trip: the digest's own BibTeX learned back. The .bib names papers by DOI; the
  // batch holds them as openalex: records, and the note said "Like DENG.Group's own '<its own title>'".
  const week = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
  const own = week.filter((p) => p.doi && p.abstract && p.id.startsWith('openalex:')).slice(0, 2);
  const bib = inDir(dir.path, 'own.bib');
  writeFileSync(bib, papersToBibtex(own));
  expect((await runCli('learn', '--bib', bib, '--area', 'polymer-electrolytes', '--config', CONFIG, '--db', db())).code).toBe(0);
  const store = openDb(db());
  const inBatch = gatherSignals(store, defaultConfig(), { batch: week }).examples.map((e) => e.paper.id).sort();
  const alone = gatherSignals(store, defaultConfig()).examples.map((e) => e.paper.id).sort();
  store.close();
  expect(inBatch).toEqual(own.map((p) => p.id).sort());
  expect(alone).toEqual(own.map((p) => `doi:${p.doi!.toLowerCase()}`).sort());
});

test('RIS as well, for an area; a member or area the config lacks is a usage error', async () => {
  const ris = fixturePath('import/ris-pure-export.ris');
  expect((await runCli('learn', '--bib', ris, '--area', 'phase-field-sei', '--config', CONFIG, '--db', db())).code).toBe(0);
  const store = openDb(db());
  expect(gatherSignals(store, defaultConfig()).examples.map((e) => [e.area, e.member, e.signal])).toEqual([['phase-field-sei', undefined, 'star']]);
  store.close();
  expect(await runCli('learn', '--bib', ris, '--area', 'phase-feild-sei', '--config', CONFIG, '--db', db())).toEqual({
    code: 2, out: '',
    err: `digest: --area: no area "phase-feild-sei" in ${CONFIG} (did you mean "phase-field-sei"?); its areas are mlip-interfaces, polymer-electrolytes, phase-field-sei, halide-electrolytes\n`,
  });
  expect((await runCli('learn', '--bib', inDir(dir.path, 'none.bib'), '--config', CONFIG, '--db', db())).err).toBe(`digest: ${inDir(dir.path, 'none.bib')}: no such file\n`);
});

test('papers without an abstract teach by their titles, and the line says how many, in the singular for one', async () => {
  const bib = inDir(dir.path, 'titles.bib');
  const entry = (key: string, title: string) => `@article{${key},\n  title = {${title}},\n}\n`;
  writeFileSync(bib, entry('a', 'Phase-field modelling of lithium dendrites'));
  const one = await runCli('learn', '--bib', bib, '--area', 'phase-field-sei', '--config', CONFIG, '--db', db());
  expect(one.out.split(' `digest')[0]).toBe(`learned from 1 paper of ${bib} as the phase-field-sei area's own work (no abstract: it teaches by its title alone).`
    + ' 1 paper without an abstract has no DOI or arXiv id to look it up by.');
  writeFileSync(bib, entry('a', 'Phase-field modelling of lithium dendrites') + entry('b', 'Solid electrolyte interphase growth on lithium metal'));
  const two = await runCli('learn', '--bib', bib, '--area', 'phase-field-sei', '--config', CONFIG, '--db', db());
  expect(two.out.split(' `digest')[0]).toBe(`learned from 2 papers of ${bib} as the phase-field-sei area's own work (none with an abstract: they teach by their titles alone).`
    + ' 2 papers without an abstract have no DOI or arXiv id to look them up by.');
  writeFileSync(bib, `${entry('a', 'Phase-field modelling of lithium dendrites')}@article{c,\n  title = {Interphase growth},\n  abstract = {We model the growth of the solid electrolyte interphase.},\n}\n`);
  const mixed = await runCli('learn', '--bib', bib, '--area', 'phase-field-sei', '--config', CONFIG, '--db', db());
  expect(mixed.out.split(' `digest')[0]).toBe(`learned from 2 papers of ${bib} as the phase-field-sei area's own work (1 with an abstract; the other teaches by its title alone).`
    + ' 1 paper without an abstract has no DOI or arXiv id to look it up by.');
});

test('without --area or --member each paper teaches the area its keywords place it in; one of no area is named and not stored', async () => {
  // Real papers of the bundled week: two polymer-electrolyte papers and an arXiv cuprate paper.
  const week = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
  const polymer = week.filter((p) => /solid polymer electrolyte/i.test(p.title)).slice(0, 2);
  const cuprate = week.find((p) => /cuprate/i.test(p.title))!;
  const bib = inDir(dir.path, 'ours.bib');
  writeFileSync(bib, papersToBibtex([...polymer, cuprate]));
  const { code, out } = await runCli('learn', '--bib', bib, '--config', CONFIG, '--db', db());
  expect(code).toBe(0);
  expect(out).toContain(`learned from 2 papers of ${bib} as the group's own work (2 with an abstract). Each teaches the area its keywords place it in (polymer-electrolytes 2; \`--area\` or \`--member\` to choose).`);
  expect(out).toContain(' 1 matches no area\'s keywords and teaches nothing: \'');
  const store = openDb(db());
  const { examples } = gatherSignals(store, defaultConfig());
  store.close();
  expect(examples.map((e) => [e.area, e.member, e.at])).toEqual([['polymer-electrolytes', undefined, undefined], ['polymer-electrolytes', undefined, undefined]]);

  // A file of which no paper fits an area stores nothing and says what to give.
  const off = inDir(dir.path, 'off.bib');
  writeFileSync(off, papersToBibtex([cuprate]));
  expect(await runCli('learn', '--bib', off, '--config', CONFIG, '--db', db())).toMatchObject({
    code: 1, err: `digest: ${off}: its one paper matches no area's keywords: give --area ID or --member NAME to say whose work it is\n`,
  });
});

describe('a bibliography without abstracts (a Google Scholar export): they are looked up', () => {
  afterEach(async () => { vi.unstubAllEnvs(); await closeRecordedServices(); });

  test('in the store, then on OpenAlex and arXiv; the signals keep the abstracts found, and the line says where', async () => {
    vi.stubEnv('LABDIGEST_OFFLINE', ''); // this test's services are a local server of recordings
    const { deps, asked } = await recordedServices();
    // A paper the group's sources fetched: the store has its abstract, so it is not asked online.
    const week = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
    const fetched = week.find((p) => p.doi && p.abstract && /polymer electrolyte/i.test(p.title))!;
    const store = openDb(db());
    upsertPapers(store, [fetched], { source: 'test', now: new Date('2026-12-01T00:00:00Z') });
    store.close();
    // Crossref's own BibTeX of the eLife paper without its abstract, the stored paper as a DOI and a
    // title, and an arXiv preprint by its eprint: what an export of titles and identifiers gives.
    const elife = readFixture('import/bibtex-crossref-elife-2014.bib').replace(/^\s*abstract = \{.*\},\n/m, '');
    expect(elife).not.toMatch(/abstract/);
    const bib = inDir(dir.path, 'scholar.bib');
    writeFileSync(bib, `${elife}\n@article{ours,\n  title = {${fetched.title}},\n  doi = {${fetched.doi}},\n}\n`
      + '@article{bethe,\n  title = {Quantum Criticality for Extended Nodes on a Bethe Lattice},\n  eprint = {1111.2011},\n  archivePrefix = {arXiv},\n}\n');
    const err: string[] = [];
    const out: string[] = [];
    await learnCommand({ config: CONFIG, db: db(), bib, area: 'phase-field-sei' }, { out: (t) => out.push(t), err: (t) => err.push(t) }, deps);
    expect(err.join('')).toBe('looking up the abstracts of 2 papers on OpenAlex (by DOI) and arXiv (by arXiv id); --offline skips this\n');
    expect(out.join('')).toContain('(3 with an abstract). Abstracts found for 3 of the 3 papers without one (1 in the store, 1 on OpenAlex, 1 on arXiv).');
    expect(asked.map((u) => u.split('&')[0])).toEqual(['/works/doi:10.7554/elife.01567', '/api/query?id_list=1111.2011']);
    const stored = openDb(db());
    const { examples } = gatherSignals(stored, defaultConfig());
    stored.close();
    const abstractOf = (match: (p: Paper) => boolean) => examples.find((e) => match(e.paper))?.paper.abstract ?? '';
    expect(abstractOf((p) => /Arabidopsis/.test(p.title))).toMatch(/^Among various advantages/);
    expect(abstractOf((p) => /Bethe/.test(p.title))).toMatch(/Bethe lattice/);
    expect(abstractOf((p) => p.title === fetched.title)).toBe(fetched.abstract);
  });

  test('--offline asks the store only', async () => {
    vi.stubEnv('LABDIGEST_OFFLINE', '');
    const { deps, asked } = await recordedServices();
    const bib = inDir(dir.path, 'scholar.bib');
    writeFileSync(bib, readFixture('import/bibtex-crossref-elife-2014.bib').replace(/^\s*abstract = \{.*\},\n/m, ''));
    const out: string[] = [];
    await learnCommand({ config: CONFIG, db: db(), bib, area: 'phase-field-sei', offline: true }, { out: (t) => out.push(t), err: () => {} }, deps);
    expect(out.join('')).toContain('(no abstract: it teaches by its title alone). 1 paper without an abstract not looked up online (--offline).');
    expect(asked).toEqual([]);
  });
});
