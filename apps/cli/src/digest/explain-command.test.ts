import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperSchema, type Digest, type Paper } from '@labdigest/core';
import { fixturePath, readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { createRanker, type FeedbackExample } from '@labdigest/ranker';
import { buildProgram } from '../cli.ts';
import { ConfigError, InputError } from '../errors.ts';
import { defaultConfig } from '../../test/fixture-digests.ts';
import { loadCorpusBackground } from '../digest/background.ts';
import { createExplainer, formatExplanation, weightText } from './explain-command.ts';
import { openDb } from '../store/open-db.ts';
import { upsertPapers } from '../store/queries.ts';
import { writeDigest } from './archive.ts';
import { buildDigest } from './build-digest.ts';
import { digestWindow } from './window.ts';

const configFile = fixturePath('../digest.config.yaml');
const sliceFile = fixturePath('papers/corpus-slice.jsonl');
const weekFile = fixturePath('papers/sample-week.jsonl.gz');
const config = defaultConfig();

// The sample week, ranked and analysed once at import (seconds: more than a test's timeout).
const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
const explainer = createExplainer(config, week, { background: loadCorpusBackground() });
const explainWeek = (id: string) => {
  const paper = week.find((p) => p.id === id);
  if (!paper) throw new Error(`no ${id} in the sample week`);
  return explainer.explain(paper);
};

/** `digest explain ...` through the program cli.ts assembles, errors caught as thrown. */
async function digestExplain(...argv: string[]) {
  let out = '';
  let err = '';
  const io = { out: (s: string) => { out += s; }, err: (s: string) => { err += s; } };
  const program = buildProgram(io);
  try {
    await program.parseAsync(['explain', ...argv], { from: 'user' });
  } catch (error) {
    return { out, err, error };
  }
  return { out, err, error: undefined };
}

test('a paper the group dismissed in its section: never a pick there, and explain says who dismissed it and when', () => {
  const pick = week.find((p) => explainWeek(p.id).ranked.pick && explainWeek(p.id).ranked.section === 'polymer-electrolytes')!;
  const taught = createExplainer(config, week, {
    background: loadCorpusBackground(),
    feedback: [{ paper: pick, signal: 'dismiss', area: 'polymer-electrolytes', member: 'Naibing Wu', at: '2026-11-24T09:00:00Z' }],
  }).explain(pick);
  expect(taught.ranked.pick).toBe(false);
  expect(formatExplanation(config, taught)).toContain('never a pick here: Naibing Wu dismissed it ("not for us") on 2026-11-24, and no one starred it here');
});

describe('the recomputed keyword terms add up to the ranker\'s scores', () => {
  test('every paper of the sample week, every area and member', () => {
    const off: string[] = [];
    for (const paper of week) {
      const e = explainer.explain(paper);
      for (const { area, score } of e.areas) {
        if (Math.abs(score.relevance - (e.ranked.scores[area.id] ?? 0)) > 5.1e-5) off.push(`${paper.id} ${area.id}`);
      }
      for (const m of e.members) {
        if (m.authors.length === 0 && Math.abs(m.score.relevance - m.reported) > 5.1e-5) off.push(`${paper.id} ${m.name}`);
      }
    }
    expect(week).toHaveLength(1755);
    expect(off).toEqual([]);
  });
});

describe('verdicts on real papers of the sample week', () => {
  test('in its section; another area clears its threshold but the best area wins', () => {
    const lines = formatExplanation(config, explainWeek('openalex:W7203471315')).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Synergistic Regulation of Li─O Binding and Anion Anchoring by Lewis Acidic Perovskites for Ultra‐Stable PEO‐Based All‐Solid‐State Batteries',
      '  openalex:W7203471315 · Small (10.1002/smll.75241) · 2026-08-13',
      '  In the digest: Polymer Electrolytes, score 0.95, rank 5 in its section, under "more in this section"',
    ]);
    expect(lines).toContain('  score 0.95, threshold 0.55 → in: the paper\'s section');
    expect(lines).toContain('  score 0.57, threshold 0.55 → out: clears the threshold, but the paper goes to the area it scores best in, Polymer Electrolytes (0.95)');
    expect(lines).toContain('  Naibing Wu: 0.88, concerned (interests: poly(ethylene oxide), polymer electrolyte and solid polymer electrolyte)');
  });

  test('the keyword table: weight, idf, title and abstract counts, tf, contribution', () => {
    const lines = formatExplanation(config, explainWeek('openalex:W7203471315')).split('\n');
    const at = lines.indexOf('Polymer Electrolytes (polymer-electrolytes)');
    expect(lines.slice(at + 2, at + 4)).toEqual([
      '  keyword                    weight     idf  title  abstract      tf  contribution',
      '  poly(ethylene oxide)          2.5    5.97      1         3     5.5         26.13',
    ]);
    expect(lines).toContain('  polymer                       1.2    3.55      0         0     0.0          0.00  (also inside "polymer electrolyte")');
    expect(lines.slice(at + 2).find((l) => l.startsWith('  sum '))).toBe('  sum 69.62 × coord 6/7 = raw 59.67 → relevance 0.95');
  });

  test('a weight as the config writes it, or to three places: a learned word at 0.156 is not 0.2', () => {
    expect(['2.5', '0.8', '3.0', '0.3', '-1.0', '0.156', '0.04', '-0.05', '0.454']).toEqual([2.5, 0.8, 3, 0.3, -1, 0.156, 0.04, -0.05, 0.4539].map(weightText));
  });

  test('an area that scores more but is not what the title and opening are about: said so, not "the area it scores best in"', () => {
    const lines = formatExplanation(config, explainWeek('openalex:W7202087716')).split('\n');
    expect(lines[2]).toMatch(/^ {2}In the digest: Halide Solid Electrolytes, score 0\.65/);
    expect(lines.find((l) => l.includes('threshold 0.55 → out:') && l.includes('scores more here'))).toMatch(
      /^ {2}score 0\.76, threshold 0\.55 → out: clears the threshold, and scores more here than in Halide Solid Electrolytes \(0\.65\), but its title and opening are more about Halide Solid Electrolytes, where it goes \(a paper's section is what it is mainly about: docs\/config\.md#areas\)$/);
  });

  test('an exclusion zeroes the area whatever the keywords add', () => {
    const e = explainWeek('openalex:W7202074888');
    const lines = formatExplanation(config, e).split('\n');
    expect(lines[2]).toBe('  Not in the digest');
    const at = lines.indexOf('ML Interatomic Potentials & Interface Simulations (mlip-interfaces)');
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '  score 0.00, threshold 0.55 → out: excluded by "large language model"',
      '  keyword           weight     idf  title  abstract      tf  contribution',
      '  first-principles     0.8    4.60      0         1     1.0          3.58',
      '  (the score is 0 whatever the keywords add)',
    ]);
    expect(lines.at(-2)).toBe(`  ${e.ranked.note}`);
    expect(e.ranked.note.startsWith('Left out: best area Halide Solid Electrolytes scored 0.12')).toBe(true);
  });

  test('below the threshold, an unmet require list, no keyword at all', () => {
    const lines = formatExplanation(config, explainWeek('openalex:W7201957790')).split('\n');
    expect(lines).toContain('  score 0.53, threshold 0.55 → out: below the threshold by 0.02');
    const mlip = config.areas[0]!;
    const unmet = explainWeek('openalex:W7201957790').areas[0]!.score.unmet;
    const list = mlip.require[unmet] ?? [];
    expect(lines).toContain(`  score 0.00, threshold 0.55 → out: require list ${unmet + 1} not met: mentions none of ${list.slice(0, 6).map((k) => `"${k}"`).join(', ')}, ... (${list.length} keywords)`);
    expect(lines).toContain('  score 0.00, threshold 0.55 → out: no keyword of this area matches');
    expect(lines).toContain('  Yanhao Deng: 0.11, the paper is not in the digest (interests: molecular dynamics)');
  });
});

describe('digest explain', () => {
  test('by arXiv id, on the corpus slice: header, every area, members, note', async () => {
    const { out, err, error } = await digestExplain('2512.03974v2', '--papers', sliceFile, '--config', configFile);
    expect([err, error]).toEqual(['', undefined]);
    const lines = out.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Refining Machine Learning Potentials through Thermodynamic Theory of Phase Transitions',
      '  arXiv:2512.03974',
      '  In the digest: ML Interatomic Potentials & Interface Simulations, score 0.82, rank 1 in its section, a pick',
      '  Ranked with the 313 papers of the file; IDF from the shipped corpus statistics and this batch (22185 documents, average length 186.7 words); this paper has 223 words.',
    ]);
    expect(lines.filter((l) => / \([a-z-]+\)$/.test(l) && !l.startsWith(' '))).toEqual([
      'ML Interatomic Potentials & Interface Simulations (mlip-interfaces)',
      'Polymer Electrolytes (polymer-electrolytes)',
      'Phase Field / Dendrites & SEI (phase-field-sei)',
      'Halide Solid Electrolytes (halide-electrolytes)',
    ]);
    expect(lines).toContain('  machine learning interatomic potential     3.0    5.72      1         2     4.5         29.23');
    expect(lines).toContain('  sum 43.23 × coord 4/5 = raw 34.59 → relevance 0.82');
    expect(lines).toContain('  Yanhao Deng: 0.67, concerned (interests: machine learning interatomic potential and molecular dynamics)');
    expect(lines.slice(-3)).toEqual(['Relevance note', '  Uses MLIP and MD, the methods Yanhao Deng works with. Modelling and simulation work, the kind the group does.', '']);
    expect(out).not.toContain('the ranker reports');
  }, 30_000);

  test('a paper the focus keeps from the picks says so', async () => {
    // The default config, with phase transitions (this paper's title) listed as a field next to the group's.
    const dir = mkdtempSync(join(tmpdir(), 'labdigest-explain-'));
    const outsideConfig = join(dir, 'digest.config.yaml');
    writeFileSync(outsideConfig, readDefaultConfigText().replace('  outside:\n', '  outside:\n    - phase transition\n'));
    const { out, err } = await digestExplain('2512.03974v2', '--papers', sliceFile, '--config', outsideConfig);
    expect(err).toBe('');
    expect(out.split('\n')[2]).toBe('  In the digest: ML Interatomic Potentials & Interface Simulations, score 0.82, rank 1 in its section, '
      + 'under "more in this section"; never a pick: its title or opening names a field the focus lists as next to the group\'s (focus.outside)');
  }, 30_000);

  test('by a title fragment', async () => {
    const { out } = await digestExplain('thermodynamic theory of PHASE transitions', '--papers', sliceFile, '--config', configFile);
    expect(out.split('\n', 1)).toEqual(['Refining Machine Learning Potentials through Thermodynamic Theory of Phase Transitions']);
  }, 30_000);

  test('several titles match: they are listed, exit 1', async () => {
    const { out, error } = await digestExplain('reflex charging', '--papers', weekFile, '--config', configFile);
    expect(out).toBe('');
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe([
      `${weekFile}: "reflex charging" matches 2 papers; name one by its id:`,
      '  openalex:W7201958772  Reflex Charging for Anion‐Derived Solid Electrolyte Interphase Formation (Angewandte Chemie International Edition)',
      '  openalex:W7201969359  Reflex Charging for Anion‐Derived Solid Electrolyte Interphase Formation (Angewandte Chemie)',
    ].join('\n'));
  });

  test('nothing matches', async () => {
    const { error } = await digestExplain('10.9999/nothing', '--papers', sliceFile, '--config', configFile);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${sliceFile}: no paper matches "10.9999/nothing" (by id, arXiv id, DOI or title)`);
  });

  test('a bad config names file, line and field', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'labdigest-explain-')), 'digest.config.yaml');
    writeFileSync(bad, readDefaultConfigText().replace('    threshold: 0.55\n', '    treshold: 0.55\n'));
    const { error } = await digestExplain('2512.03974', '--papers', sliceFile, '--config', bad);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^${bad}: the config has 1 problem:\\n${bad}:\\d+:5 areas\\[0\\]\\.treshold: unknown field "treshold"`));
  });

  test('with no --papers, a stored paper is ranked with its digest\'s batch, as the build ranked it', async () => {
    const { db, digests } = storeWithDigest();
    const built = JSON.parse(readFileSync(join(digests, '2026-06-08.json'), 'utf8')) as Digest;
    const shown = built.sections.flatMap((s) => s.papers.map((p) => ({ ...p, section: s.name })))[0];
    if (!shown) throw new Error('the test digest is empty');
    const { out, err, error } = await digestExplain(shown.id, '--db', db, '--digests', digests, '--config', configFile);
    expect([err, error]).toEqual(['', undefined]);
    const lines = out.split('\n');
    expect(lines[2]).toMatch(new RegExp(`^  In the digest: ${shown.section.replace(/[/&]/g, '\\$&')}, score ${shown.score.toFixed(2)}, rank 1 in its section`));
    expect(lines[3]).toMatch(/^  Ranked with the digest of 2026-06-08 \(first seen 2026-06-01 07:30 – 2026-06-08 07:30 UTC\); IDF from the store and the shipped corpus statistics \(\d+ documents/);
  }, 60_000);

  test('a paper whose area the config has lost since its digest was built: the archive\'s section is said beside today\'s verdict', async () => {
    const { db, digests } = storeWithDigest();
    const built = JSON.parse(readFileSync(join(digests, '2026-06-08.json'), 'utf8')) as Digest;
    const section = built.sections.find((s) => s.papers.length > 0);
    const shown = section?.papers[0];
    if (!section || !shown) throw new Error('the test digest is empty');
    // The config as an admin edited it later: that paper's area removed.
    const edited = join(mkdtempSync(join(tmpdir(), 'labdigest-explain-')), 'edited.yaml');
    const text = readDefaultConfigText();
    const start = text.indexOf(`  - id: ${section.id}\n`);
    const end = text.indexOf('\n  - id: ', start + 1) > 0 ? text.indexOf('\n  - id: ', start + 1) + 1 : text.indexOf('\nmembers:', start) + 1;
    writeFileSync(edited, (text.slice(0, start) + text.slice(end)).replaceAll(`, ${section.id}]`, ']').replaceAll(`[${section.id}, `, '[').replaceAll(`[${section.id}]`, '[]'));
    const { out, error } = await digestExplain(shown.id, '--db', db, '--digests', digests, '--config', edited);
    expect(error).toBeUndefined();
    expect(out.split('\n')[3]).toBe(`  The archived digest of 2026-06-08 has it in ${section.name} (${section.id}, an area the config no longer has), score ${shown.score.toFixed(2)}`
      + `${shown.pick ? ', a pick' : ''}: it was built with another config, other signals or a smaller store than now.`);
  }, 60_000);

  test('a paper the archive ranked otherwise in the same section: both are said (a signal dated before the build that came after it)', async () => {
    const { db, digests } = storeWithDigest();
    const built = JSON.parse(readFileSync(join(digests, '2026-06-08.json'), 'utf8')) as Digest;
    const section = built.sections.find((s) => s.papers.some((p) => p.pick))!;
    const shown = section.papers.find((p) => p.pick)!;
    // Dismissed before the build, imported after it (as a reader's export is).
    const signals = join(mkdtempSync(join(tmpdir(), 'labdigest-explain-')), 'late.jsonl');
    writeFileSync(signals, `${JSON.stringify({ paper: shown.id, signal: 'dismiss', member: 'Naibing Wu', area: section.id, at: '2026-06-02T09:00:00Z' })}\n`);
    await buildProgram({ out: () => {}, err: () => {} }).parseAsync(['feedback', 'import', signals, '--db', db, '--config', configFile], { from: 'user' });
    const { out, error } = await digestExplain(shown.id, '--db', db, '--digests', digests, '--config', configFile);
    expect(error).toBeUndefined();
    const lines = out.split('\n');
    expect(lines[2]).toContain('never a pick here: Naibing Wu dismissed it');
    expect(lines[3]).toBe(`  The archived digest of 2026-06-08 has it here at score ${shown.score.toFixed(2)}, a pick: it was built with another config, `
      + 'a smaller store or other signals than now (a signal dated before it that arrived since counts as of its date).');
  }, 60_000);

  test('with --no-learning, a paper the digest ranked with what the group taught says that is the difference', async () => {
    // Found by an audit: it said "built with another config, a smaller store or other signals than now".
    let dismissed: string | undefined;
    const { db, digests } = storeWithDigest((batch) => {
      const ranked = createRanker(config, { background: loadCorpusBackground() }).rank(batch, { summaries: false }).papers;
      const pick = ranked.find((r) => r.pick)!;
      dismissed = pick.id;
      return [{ paper: batch.find((p) => p.id === pick.id)!, signal: 'dismiss', member: 'Naibing Wu', area: pick.section!, at: '2026-06-02T09:00:00Z' }];
    });
    const { out, error } = await digestExplain(dismissed!, '--db', db, '--digests', digests, '--config', configFile, '--no-learning');
    expect(error).toBeUndefined();
    expect(out.split('\n')[3]).toMatch(/^  The archived digest of 2026-06-08 has it here at score \d\.\d\d, not a pick: it was ranked here with keywords alone \(--no-learning\), the digest with what the group taught\.$/);
  }, 60_000);

  test('a stored paper no digest holds yet: the window the next build takes', async () => {
    const { db, digests, later } = storeWithDigest();
    const { out, error } = await digestExplain(later.id, '--db', db, '--digests', digests, '--config', configFile);
    expect(error).toBeUndefined();
    expect(out.split('\n')[3]).toMatch(/^  Ranked with the store \(first seen 2026-06-08 07:30 – \d{4}-\d\d-\d\d \d\d:\d\d UTC; no digest of the archive holds it yet\); IDF from/);
  }, 60_000);

  test('with no --papers and no store, the error says what to do', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'labdigest-explain-')), 'none.sqlite');
    const { error } = await digestExplain('2512.03974', '--db', missing, '--config', configFile);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${missing}: no paper store here yet: run \`digest start\` or \`digest fetch\` first, or pass --db PATH or --papers FILE`);
  });

  test('a paper the store does not hold', async () => {
    const { db, digests } = storeWithDigest();
    const { error } = await digestExplain('10.9999/nothing', '--db', db, '--digests', digests, '--config', configFile);
    expect((error as Error).message).toBe(`${db}: no paper matches "10.9999/nothing" (by id, arXiv id, DOI or title)`);
  });
});

/**
 * A store of the sample week's journal papers: 200 first seen on 2026-06-03 and built into the digest of
 * 2026-06-08 (window 2026-06-01 07:30 to 2026-06-08 07:30); the rest first seen after it.
 */
function storeWithDigest(feedback?: (batch: readonly Paper[]) => FeedbackExample[]): { db: string; digests: string; later: Paper } {
  const dir = mkdtempSync(join(tmpdir(), 'labdigest-explain-store-'));
  const db = join(dir, 'store.sqlite');
  const digests = join(dir, 'digests');
  const journal = week.filter((p) => p.source === 'battery-paper-daily-openalex');
  const store = openDb(db);
  try {
    upsertPapers(store, journal.slice(0, 200), { source: 'test', now: new Date('2026-06-03T06:00:00Z') });
    upsertPapers(store, journal.slice(200), { source: 'test', now: new Date('2026-06-08T09:00:00Z') });
    const window = digestWindow({ since: '2026-06-01T07:30:00Z', until: '2026-06-08T07:30:00Z', now: new Date('2026-06-08T07:30:00Z'), index: { schemaVersion: 1, group: 'DENG.Group', digests: [] } });
    const { digest } = buildDigest({ db: store, config, window, now: new Date('2026-06-08T07:30:00Z'), sample: false, background: loadCorpusBackground, feedback });
    writeDigest(digests, digest);
  } finally {
    store.close();
  }
  return { db, digests, later: journal[200] as Paper };
}
