// What the parsers make of sub- and superscripts, indentation and line breaks in the recorded feeds
// (fixtures/, copied from ../shared/data/feeds), and of text that arrives already stripped (JACS's and
// RSC's titles). Each case gives what came out before ("before", the parsers as of commit ad17236) and
// what comes out now, on the real file.
import { readFixture } from '@labdigest/fixtures';
import type { Paper } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { parseCrossrefWorks } from '../crossref.ts';
import { parseFeed } from '../feed.ts';

const now = new Date('2026-11-25T00:00:00Z');
const parsed = new Map<string, Paper[]>();
function papersOf(fixture: string): Paper[] {
  let papers = parsed.get(fixture);
  if (papers === undefined) {
    const at = { source: fixture.startsWith('crossref/') ? 'crossref' : 'feed', location: `fixtures/${fixture}`, now };
    const text = readFixture(fixture);
    papers = (fixture.startsWith('crossref/') ? parseCrossrefWorks(text, at) : parseFeed(text, at)).papers;
    parsed.set(fixture, papers);
  }
  return papers;
}
function field(fixture: string, id: string, name: 'title' | 'abstract'): string {
  const paper = papersOf(fixture).find((p) => p.id === id);
  if (paper === undefined) throw new Error(`${fixture}: no paper ${id}`);
  return paper[name] ?? '';
}

interface Case {
  what: string;
  fixture: string;
  id: string;
  field: 'title' | 'abstract';
  /** An excerpt of the field as the parsers gave it before; the same as `after` where it was right already. */
  before: string;
  after: string;
}

const cases: Case[] = [
  {
    what: 'pretty-printed JATS: an indented <jats:sub> joins its base; indentation before "," and "-" is no space',
    fixture: 'crossref/crossref-works-journal-peerj-query-ecology-20-jats-abstracts.json', id: 'doi:10.7717/peerj.15028', field: 'abstract',
    before: 'interaction evenness ( E 2 , z -score) of the network', after: 'interaction evenness (E2, z-score) of the network',
  },
  {
    what: 'pretty-printed JATS: a subscript followed by a prime',
    fixture: 'crossref/crossref-works-journal-peerj-query-ecology-20-jats-abstracts.json', id: 'doi:10.7717/peerj.15028', field: 'abstract',
    before: 'the specialization ( H 2 ′ , z -score)', after: 'the specialization (H2 ′, z-score)',
  },
  {
    what: 'JATS: <jats:sup> exponent joins its unit',
    fixture: 'crossref/crossref-works-journal-peerj-query-ecology-20-jats-abstracts.json', id: 'doi:10.7717/peerj.4188', field: 'abstract',
    before: '(0∼4,500 mg kg−1) in flood', after: '(0∼4,500 mg kg−1) in flood',
  },
  {
    what: 'JATS: <jats:italic>R</jats:italic> then an indented <jats:sub>',
    fixture: 'crossref/crossref-works-type-journal-article-20.json', id: 'doi:10.3847/1538-4357/adb8ca', field: 'abstract',
    before: 'near the H i gas disk (<4.5R HI) of 31', after: 'near the H i gas disk (<4.5RHI) of 31',
  },
  {
    what: 'JATS: an italic inside an indented subscript',
    fixture: 'crossref/crossref-works-type-journal-article-20.json', id: 'doi:10.3847/1538-4357/adb8ca', field: 'abstract',
    before: 'rest-frame equivalent widths (W r ) than', after: 'rest-frame equivalent widths (Wr) than',
  },
  {
    what: 'JATS: indentation between two words stays a space',
    fixture: 'crossref/crossref-works-type-journal-article-20.json', id: 'doi:10.3847/1538-4357/adb8ca', field: 'abstract',
    before: 'Si iii λ1206 was most frequently detected', after: 'Si iii λ1206 was most frequently detected',
  },
  {
    what: 'escaped HTML in an RSS description: <sub> with decimals joins (LiNi0.8Co0.1Mn0.1O2)',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c09551', field: 'abstract',
    before: 'LAFE enables Li||LiNi0.8Co0.1Mn0.1O2 cells', after: 'LAFE enables Li||LiNi0.8Co0.1Mn0.1O2 cells',
  },
  {
    what: 'escaped HTML: <sup>+</sup> joins (Li+), the space after it is the source\'s',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c09551', field: 'abstract',
    before: 'sluggish Li+ transport', after: 'sluggish Li+ transport',
  },
  {
    what: 'escaped HTML: <sub> and <sup> in one formula (H3O+)',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c04388', field: 'abstract',
    before: 'react with water to form H3O+. The resulting H3O+', after: 'react with water to form H3O+. The resulting H3O+',
  },
  {
    what: 'CDATA title with <sub> and an <i> inside the subscript',
    fixture: 'rss/rss-nature-2024-07-18.rdf.xml', id: 'doi:10.1038/s41586-024-07553-3', field: 'title',
    before: 'Superconductivity in pressurized trilayer La4Ni3O10−δ single crystals',
    after: 'Superconductivity in pressurized trilayer La4Ni3O10−δ single crystals',
  },
  {
    what: 'CDATA title: a letter subscript (SN2)',
    fixture: 'rss/rss-nature-2024-07-18.rdf.xml', id: 'doi:10.1038/s41586-024-07811-4', field: 'title',
    before: 'Catalysis of an SN2 pathway by geometric preorganization', after: 'Catalysis of an SN2 pathway by geometric preorganization',
  },
  {
    what: 'escaped <sub> in an RSS title (NaV1.8)',
    fixture: 'rss/rss-elsevier-sciencedirect-bioorgmedchem-mirrored-2026-08-22.xml',
    id: 'feed:https://www.sciencedirect.com/science/article/pii/S096808962600194X', field: 'title',
    before: 'to enhance NaV1.8 inhibition', after: 'to enhance NaV1.8 inhibition',
  },
  {
    what: 'JATS: an italic title, then an indented full stop',
    fixture: 'crossref/crossref-works-type-journal-article-20.json', id: 'doi:10.1080/0147037x.2024.2403941', field: 'title',
    before: 'Women in Ming China . Bret Hinsch', after: 'Women in Ming China. Bret Hinsch',
  },
  {
    what: 'a title broken over lines in the feed: the line break is a space',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c08912', field: 'title',
    before: 'Migration-Coupled Local Fluoride Relaxation in', after: 'Migration-Coupled Local Fluoride Relaxation in',
  },
];

// JACS's and RSC's feeds send titles already stripped of their <sub>s, with a space on either side.
const stripped: Case[] = [
  {
    what: 'element–count–element–count (Mg2RhH6)',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c08889', field: 'title',
    before: 'Superconducting Hydride Mg 2 RhH 6 Experimentally Achieved at Lower Pressure',
    after: 'Superconducting Hydride Mg2RhH6 Experimentally Achieved at Lower Pressure',
  },
  {
    what: 'decimal counts (LiNi0.5Mn1.5O4)',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c05598', field: 'title',
    before: 'Revealing the Structural-Redox Interplay in the High-Voltage Spinel LiNi 0.5 Mn 1.5 O 4 Cathode',
    after: 'Revealing the Structural-Redox Interplay in the High-Voltage Spinel LiNi0.5Mn1.5O4 Cathode',
  },
  {
    what: 'a formula after a dash (HCCH–H2CC)',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c07569', field: 'title',
    before: 'Energy Redistribution in HCCH–H 2 CC Isomerization', after: 'Energy Redistribution in HCCH–H2CC Isomerization',
  },
  {
    what: 'a molecule before a word, and before a hyphen (CO2 Reduction, CO2-to-CH4)',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c07349', field: 'title',
    before: 'Unlocking Efficient CO 2 -to-CH 4 Photoreduction by Optimizing Protonation Pathways',
    after: 'Unlocking Efficient CO2-to-CH4 Photoreduction by Optimizing Protonation Pathways',
  },
  {
    what: 'a group with a count ((C4H8N)2PbCl4)',
    fixture: 'rss/rss-rsc-chemsci-mirrored-2026-08.xml', id: 'doi:10.1039/d6sc04557j', field: 'title',
    before: 'in One-Dimensional (C 4 H 8 N) 2 PbCl 4', after: 'in One-Dimensional (C4H8N)2PbCl4',
  },
  {
    what: 'a variable count (LaCuxTe2)',
    fixture: 'rss/rss-rsc-chemsci-mirrored-2026-08.xml', id: 'doi:10.1039/d6sc05234g', field: 'title',
    before: 'Infinite Te Chains in LaCu x Te 2', after: 'Infinite Te Chains in LaCuxTe2',
  },
  {
    what: 'what it cannot read stays as it came: a count split by a space ("Li 2– x"), one element before a word ("N 2 Hydrogenation")',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c08912', field: 'title',
    before: 'Relaxation in Li 2– x La (1+ x )/3 Nb 2 O 6 F Single Crystals', after: 'Relaxation in Li 2– x La (1+ x )/3 Nb2O6F Single Crystals',
  },
  {
    what: 'a diatomic element and a count of 2 before a word is the molecule',
    fixture: 'rss/rss-acs-jacs-mirrored-2026-08-22.xml', id: 'doi:10.1021/jacs.6c06081', field: 'title',
    before: 'Nanobubble Radical-Driven N 2 Hydrogenation', after: 'Nanobubble Radical-Driven N2 Hydrogenation',
  },
];

describe('markup in the recorded feeds', () => {
  test('the cases below', () => expect(cases).toHaveLength(14));

  test.each(cases)('$what', (c) => {
    const text = field(c.fixture, c.id, c.field);
    expect(text).toContain(c.after);
    if (c.before !== c.after) expect(text).not.toContain(c.before);
  });
});

describe('text the recorded feeds send already stripped', () => {
  test('the cases below', () => expect(stripped).toHaveLength(8));

  test.each(stripped)('$what', (c) => {
    const text = field(c.fixture, c.id, c.field);
    expect(text).toContain(c.after);
    if (c.before !== c.after) expect(text).not.toContain(c.before);
  });
});
