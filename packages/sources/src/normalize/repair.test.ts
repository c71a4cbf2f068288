import { readFixtureRecords } from '@labdigest/fixtures';
import { paperSchema, type Paper } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { repairPaperText } from './repair.ts';

// The bundled sample week: records of the shared corpus, stored stripped of their markup.
const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
const byId = new Map(week.map((p) => [p.id, p]));
const repairedTitle = (id: string) => {
  const paper = byId.get(id);
  if (paper === undefined) throw new Error(`fixtures/papers/sample-week.jsonl.gz: no paper ${id}`);
  return repairPaperText(paper).title;
};

describe('repairPaperText on the sample week', () => {
  test.each([
    ['openalex:W7203596542', 'Spatially Regulated Lithium Plating via Li2O‐Rich Interphase Enables Durable Fast‐Charging Hybrid Lithium Batteries'],
    ['openalex:W7203612466', 'Electrostatic Suspension of Lithium Ions in Mg1‐xLixF2/PEO Electrolytes Enables all‐Solid‐State Lithium Metal Batteries Operable at 0°C'],
    ['openalex:W7201971912', '3D Micro‐Network Li/Al4Li9 Composite Anodes Constructed by One‐Step Melt‐Spinning for High Energy Density Lithium Metal Batteries'],
    ['openalex:W7202155428', 'Steering Isotropic Li2S Growth via Bi‐Metallic Coupling: d ‐State Reengineering for Durable Li‐S Batteries'],
    ['openalex:W7203652414', 'Revealing Excited-State Electrochemical Reaction Pathways at Solid Electrolyte Interphases by Ab Initio Nonadiabatic Molecular Dynamics'],
    ['openalex:W7202390590', 'Quantitative Dielectric Constant Engineering of the Separator for Reversible Lithium Metal Batteries'],
    ['openalex:W7202209244', 'Cross-Length-Scale Microscopy Characterization of Solid-State Batteries'],
    ['openalex:W7202122029', 'Enhanced Sodium-Ion Transport across Solid Electrolyte Interphase via Electric-Field Modulation'],
    ['openalex:W7202143751', 'Highly Ion-Selective Gel Polymer Electrolyte Facilitates Stable 4.6 V LRMO-Based Solid-State Lithium Metal Batteries'],
    ['openalex:W7203532084', 'Selective Electrodeposition of Cobalt from Lithium–Ion Battery Cathodes via Speciation Control and Surface-Modified Porous Electrodes'],
  ])('%s', (id, expected) => {
    expect(repairedTitle(id)).toBe(expected);
  });

  test('the abstract is repaired too, with the title as its context', () => {
    const paper = byId.get('openalex:W7203612466') as Paper;
    expect(paper.abstract).toContain('Mg 1‐x Li x F 2');
    const repaired = repairPaperText(paper);
    expect(repaired.abstract).not.toContain('Mg 1‐x Li x F 2');
    expect(repaired.abstract).toContain('Mg1‐xLixF2');
  });

  test('how many of the week change: journal titles, no arXiv title', () => {
    expect(week).toHaveLength(1755);
    const changed = week.filter((p) => repairPaperText(p).title !== p.title);
    expect({ changed: changed.length, arxiv: changed.filter((p) => p.id.startsWith('arxiv:')).length }).toEqual({ changed: 58, arxiv: 0 });
  });

  test('a bracket the source emptied of its symbol goes, with its space; a call such as f() stays', () => {
    // Real: the corpus's sodium gel electrolyte, whose MathML transference symbol was stripped.
    const paper = { ...(week[0] as Paper), title: 'A gel', abstract: 'an enhanced Na + transference number () of 0.384; an increased value ( ), a constant value (), and f() hold.' };
    expect(repairPaperText(paper).abstract).toBe('an enhanced Na+ transference number of 0.384; an increased value, a constant value, and f() hold.');
  });

  test('zero-width spaces and byte order marks go, so a formula\'s count joins', () => {
    // Real: the corpus's LiCoO2 full-cell abstract, a zero-width space where the subscript was.
    const paper = { ...(week[0] as Paper), title: '\ufeffA cathode', abstract: 'In Li||LiCoO 2\u200b full cells, the electrolyte holds.' };
    expect([repairPaperText(paper).title, repairPaperText(paper).abstract]).toEqual(['A cathode', 'In Li||LiCoO2 full cells, the electrolyte holds.']);
  });

  test('inline formatting tags in pairs go, their text stays; a lone or other tag is text', () => {
    // Real: corpus abstracts whose markup the source left in (openalex:W7166580801 and others).
    const paper = { ...(week[0] as Paper), title: 'Reasoning with <think> tags', abstract: 'a thick LiNi<sub>0.8</sub>Co<sub>0.1</sub>Mn<sub>0.1</sub>O<sub>2</sub> cathode, 604 Wh kg<sup>-1</sup> and Li<sup>+</sup>, <i>in situ</i>, where p<i and <b>bold' };
    const repaired = repairPaperText(paper);
    expect(repaired.title).toBe('Reasoning with <think> tags');
    expect(repaired.abstract).toBe('a thick LiNi0.8Co0.1Mn0.1O2 cathode, 604 Wh kg-1 and Li+, in situ, where p<i and <b>bold');
  });

  test('a cell\'s separator set apart is joined: "Li | |Cu" is Li||Cu', () => {
    // Real: corpus abstracts (19 write a cell so).
    const paper = { ...(week[0] as Paper), title: 'A cell', abstract: 'at 12 mA cm−2 in Li | |Cu asymmetric cells; the Na | |Na3V2(PO4)3 cells and Li 0 | |LiNi0.8 hold; |x| |y| stays.' };
    expect(repairPaperText(paper).abstract).toBe('at 12 mA cm−2 in Li||Cu asymmetric cells; the Na||Na3V2(PO4)3 cells and Li 0||LiNi0.8 hold; |x| |y| stays.');
  });

  test('a paper with nothing to repair is returned as it is', () => {
    const plain = { ...(week[0] as Paper), title: 'Lithium metal anodes', abstract: 'We study Li2S growth.' };
    expect(repairPaperText(plain)).toBe(plain);
  });

  test('is idempotent on every paper of the week', () => {
    const once = week.map(repairPaperText);
    expect(once.filter((p) => repairPaperText(p) !== p).map((p) => p.id)).toEqual([]);
  });
});
