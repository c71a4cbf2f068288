import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { paperSchema, parseGroupConfig, type Paper } from '@labdigest/core';
import { readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseBackgroundStats } from '../corpus/background.ts';
import { draftAreas, nameOf } from './draft-areas.ts';
import { mayNameTopic } from '../words/grammar.ts';
import { createRanker } from '../rank.ts';
import { stemmedKey } from './draft-areas.test-support.ts';

// The corpus slice: 313 real records of every kind (fixtures/papers/corpus-slice.jsonl).
const papers: Paper[] = readFixtureRecords('papers/corpus-slice.jsonl').map((r) => paperSchema.parse(r));

describe('draftAreas, from a group\'s papers', () => {
  const drafts = draftAreas(papers, undefined);

  test('a handful of areas, each named by its keywords, each keyword shared by two of its papers', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeLessThanOrEqual(6);
    for (const draft of drafts) {
      expect(draft.keywords.length).toBeGreaterThan(0);
      expect(draft.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      // The name is one or two of its keywords, title-cased, which share no word.
      const named = draft.name.toLowerCase().split(' & ');
      expect(named.length).toBeLessThanOrEqual(2);
      for (const phrase of named) expect(draft.keywords.map((k) => k.term.toLowerCase())).toContain(phrase);
      if (named.length === 2) expect(stemmedKey(named[0]!).trim().split(' ').filter((w) => stemmedKey(named[1]!).includes(` ${w} `))).toEqual([]);
      const texts = draft.papers.map((title) => papers.find((p) => p.title === title)!).map((p) => stemmedKey(`${p.title}. ${p.abstract ?? ''}`));
      for (const { term, weight } of draft.keywords) {
        expect(texts.filter((t) => t.includes(stemmedKey(term))).length, term).toBeGreaterThanOrEqual(draft.papers.length >= 4 ? 2 : 1);
        expect(weight).toBeGreaterThanOrEqual(1);
        expect(weight).toBeLessThanOrEqual(3);
      }
    }
    expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
    expect(drafts.reduce((n, d) => n + d.papers.length, 0)).toBe(papers.filter((p) => p.title.trim()).length);
  });

  test('the same papers draft the same areas; a count asked for is kept', () => {
    expect(draftAreas(papers, undefined)).toEqual(drafts);
    expect(draftAreas(papers, undefined, { areas: 2 })).toHaveLength(2);
    expect(draftAreas([], undefined)).toEqual([]);
  });

  test('an area is named by two of its keywords that name a topic and share no word', () => {
    // Keywords `pnpm eval --feedback` drafted from the labelled set's core papers, best first: the names
    // were "Interatomic Potentials & Machine Learning Interatomic" and "Oxyhalide Solid Electrolytes &
    // Halide Solid Electrolytes".
    const named = (forms: string[]) => nameOf(forms.map((form) => ({ form, key: stemmedKey(form).trim() }))).map((k) => k.form);
    expect(named(['interatomic potentials', 'machine learning interatomic', 'graph neural networks', 'initio molecular dynamics']))
      .toEqual(['interatomic potentials', 'graph neural networks']);
    expect(named(['oxyhalide solid electrolytes', 'halide solid electrolytes', 'electrochemical stability', 'cathode compatibility']))
      .toEqual(['oxyhalide solid electrolytes', 'electrochemical stability']);
    expect(named(['interatomic'])).toEqual(['interatomic']);
    // A piece of a longer phrase names nothing: "wide electrochemical stability", always before "window".
    const ending = [{ form: 'ionic conductivity', ends: true }, { form: 'wide electrochemical stability', ends: false }, { form: 'symmetric cells', ends: true }];
    expect(nameOf(ending.map((k) => ({ ...k, key: stemmedKey(k.form).trim() }))).map((k) => k.form)).toEqual(['ionic conductivity', 'symmetric cells']);
  });

  test('a function word is no keyword, nor the end of one: one paper titled "Only a title" drafts "title"', () => {
    expect(draftAreas([{ title: 'Only a title', abstract: null }], undefined).map((d) => [d.name, d.keywords.map((k) => k.term)]))
      .toEqual([['Title', ['title']]]);
    const words = draftAreas(papers, undefined).flatMap((d) => d.keywords.flatMap((k) => k.term.toLowerCase().split(' ')));
    for (const word of ['only', 'whereas', 'thus', 'herein', 'moreover']) expect(words).not.toContain(word);
  });
});

describe('draftAreas on a week\'s digest: the group\'s topics come apart', () => {
  // The sample week's papers the default config puts in a section, as a group's reading list: the
  // drafted areas should find the sections again, not lump most papers into one.
  const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
  const parsed = parseGroupConfig(readDefaultConfigText());
  if (!parsed.ok) throw new Error('digest.config.yaml does not parse');
  const background = parseBackgroundStats(gunzipSync(readFileSync(new URL('../../background/corpus-stats.json.gz', import.meta.url))).toString('utf8'));
  const ranked = createRanker(parsed.config, { background }).rank(week, { background, summaries: false }).papers.filter((r) => r.section !== null);
  const sectionOf = new Map(ranked.map((r) => [r.title, r.section as string]));
  const reading = week.filter((p) => sectionOf.has(p.title));

  test('no drafted area holds half the papers, and most of each area\'s papers share a section', () => {
    expect(reading.length).toBeGreaterThan(40);
    const drafts = draftAreas(reading, background);
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...drafts.map((d) => d.papers.length))).toBeLessThan(reading.length / 2);
    // Purity: each area's largest share of one section, summed over areas.
    const agreeing = drafts.reduce((sum, d) => {
      const counts = new Map<string, number>();
      for (const title of d.papers) counts.set(sectionOf.get(title)!, (counts.get(sectionOf.get(title)!) ?? 0) + 1);
      return sum + Math.max(...counts.values());
    }, 0);
    expect(agreeing / reading.length).toBeGreaterThanOrEqual(0.5);
    // A publisher's "ABSTRACT" heading is no keyword.
    expect(drafts.flatMap((d) => d.keywords.map((k) => k.term)).filter((t) => /abstract/i.test(t))).toEqual([]);
  });

  test('keywords name topics: no phrase that says how or what was done, no piece of a longer phrase', () => {
    const drafts = draftAreas(reading, background);
    const keywords = drafts.flatMap((d) => d.keywords.map((k) => k.term));
    // What the same papers drafted until 6 December 2026: pieces of longer phrases ("density solid
    // state", "anion derived solid", "uncontrollable zinc dendrite", of "… growth"), a chemical
    // name's multiplying prefix ("lithium bis"), what was done ("systematically summarized",
    // "elucidating"), and what the field says ("promising candidates", "important role", "resulting
    // electrolyte"). The papers write each of them.
    const texts = reading.map((p) => `${p.title} ${p.abstract ?? ''}`.toLowerCase().replace(/[^a-z0-9]+/g, ' ')).join('\n');
    const before = ['density solid state', 'anion derived solid', 'uncontrollable zinc dendrite', 'lithium bis', 'systematically summarized',
      'elucidating', 'promising candidates', 'important role', 'resulting electrolyte'];
    for (const junk of before) expect(texts, junk).toContain(junk);
    for (const junk of before) expect(keywords.map((k) => k.toLowerCase()), junk).not.toContain(junk);
    for (const keyword of keywords) expect(mayNameTopic(keyword), keyword).toBe(true);
    // Nor a phrase that frames or praises at either end ("stable cycling", "practical application"); a
    // field's own "critical current densities" stays.
    const framing = /^(?:underlying|practical|stable|excellent|superior|outstanding|remarkable|facile|simple|effective|efficient|robust|crucial)\b|\b(?:underlying|practical|stable|excellent|superior|outstanding|remarkable|facile|simple|effective|efficient|robust|crucial)$/i;
    expect(keywords.filter((k) => framing.test(k))).toEqual([]);
    expect(keywords).toContain('critical current densities');
  });
});

test('words with accents are drafted whole, never as fragments ("Rényi", not "nyi")', () => {
  // Real titles of the shared corpus (arXiv, quantum many-body physics).
  const titles = [
    'Rényi entropy of the permutationally invariant part of the ground state across a quantum phase transition',
    'Exact solution of long-range stabilizer Rényi entropy in the dual-unitary XXZ model',
    'More on the Operator Space Entanglement (OSE): Rényi OSE, revivals, and integrability breaking',
    'Statistical Mechanics of Stochastic Quantum Control: $d$-adic Rényi Circuits',
  ];
  const own = titles.map((title, i) => ({ ...papers[0]!, id: `test:${i}`, title, abstract: null }));
  const terms = draftAreas(own, undefined).flatMap((d) => d.keywords.map((k) => k.term.toLowerCase()));
  expect(terms.some((t) => t.includes('rényi'))).toBe(true);
  expect(terms.filter((t) => /(?:^| )(?:nyi|r)(?: |$)/.test(t))).toEqual([]);
});
