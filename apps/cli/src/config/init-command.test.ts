import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { paperSchema, papersToBibtex, parseGroupConfig, type GroupConfig } from '@labdigest/core';
import { fixturePath, readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { createRanker } from '@labdigest/ranker';
import { describe, expect, test } from 'vitest';
import { buildProgram } from '../cli.ts';
import { runCli } from '../../test/run-cli.ts';
import { sampleWeekDigest } from '../../test/fixture-digests.ts';
import { InputError, UsageError } from '../errors.ts';
import { loadCorpusBackground } from '../digest/background.ts';
import { configYaml, type InitSpec } from './config-yaml.ts';
import { parseAreaFlag, parseMemberFlag } from './init-command.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'labdigest-init-'));

/** `digest init ...` through the program cli.ts assembles; `answers` are typed into a terminal. */
async function digestInit(argv: string[], terminal: { answers?: string; isTTY?: boolean } = {}) {
  let out = '';
  let err = '';
  const input = new PassThrough();
  if (terminal.answers !== undefined) input.end(terminal.answers);
  const io = { out: (s: string) => { out += s; }, err: (s: string) => { err += s; }, input, inputIsTTY: terminal.isTTY ?? false };
  const program = buildProgram(io);
  try {
    await program.parseAsync(['init', ...argv], { from: 'user' });
  } catch (error) {
    return { out, err, error };
  }
  return { out, err, error: undefined };
}

function parsed(file: string): GroupConfig {
  const result = parseGroupConfig(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.config;
}

const polymerArea = 'polymer-electrolytes:Polymer Electrolytes:polymer electrolyte=3,solid polymer electrolyte=3,poly(ethylene oxide)=2.5,PEO,ionic conductivity';

describe('from flags', () => {
  test('writes a commented config that loads back as given', async () => {
    const out = join(dir(), 'digest.config.yaml');
    const { err, error } = await digestInit(['--group', 'DENG.Group', '--area', polymerArea,
      '--area', 'Phase Field / Dendrites & SEI:phase field=3,dendrite=2.5,SEI',
      '--member', 'Naibing Wu:polymer electrolyte=3,segmental motion:polymer-electrolytes', '--member', 'Yanhao Deng::phase-field-dendrites-sei', '--out', out]);
    expect(error).toBeUndefined();
    expect(err).toBe(`wrote ${out}: 2 areas, 2 members.\nNext: give keywords weights and add sources (docs/config.md), then try \`digest rank --papers FILE --print\`.\n`);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual([
      '# labdigest config for DENG.Group, written by `digest init`.',
      '# Every field is described in docs/config.md. Keywords are written as a plain string (weight 1),',
    ]);
    expect(text).toContain('\n      - poly(ethylene oxide): 2.5\n      - PEO\n');
    const config = parsed(out);
    expect(config.group).toEqual({ name: 'DENG.Group' });
    expect(config.areas.map((a) => [a.id, a.name, a.threshold, a.keywords.length])).toEqual([
      ['polymer-electrolytes', 'Polymer Electrolytes', 0.5, 5],
      ['phase-field-dendrites-sei', 'Phase Field / Dendrites & SEI', 0.5, 3],
    ]);
    expect(config.areas[0]!.keywords.slice(0, 3)).toEqual([
      { term: 'polymer electrolyte', weight: 3 }, { term: 'solid polymer electrolyte', weight: 3 }, { term: 'poly(ethylene oxide)', weight: 2.5 },
    ]);
    expect(config.members).toEqual([
      { name: 'Naibing Wu', interests: [{ term: 'polymer electrolyte', weight: 3 }, { term: 'segmental motion', weight: 1 }], areas: ['polymer-electrolytes'], authors: [], formerly: [] },
      { name: 'Yanhao Deng', interests: [], areas: ['phase-field-dendrites-sei'], authors: [], formerly: [] },
    ]);
  });

  test('the written config ranks the real corpus slice', async () => {
    const out = join(dir(), 'digest.config.yaml');
    await digestInit(['--group', 'DENG.Group', '--area', polymerArea, '--out', out]);
    const papers = readFixtureRecords('papers/corpus-slice.jsonl').map((r) => paperSchema.parse(r));
    const { papers: ranked } = createRanker(parsed(out)).rank(papers, { background: loadCorpusBackground() });
    const inSection = ranked.filter((r) => r.section === 'polymer-electrolytes').map((r) => r.id);
    expect(inSection).toContain('openalex:W7160989599'); // "... in Gel Polymer Electrolytes ..."
    expect(inSection.length).toBeLessThan(papers.length / 10);
  });

  test('refuses to overwrite without --force, and leaves the file alone', async () => {
    const out = join(dir(), 'digest.config.yaml');
    writeFileSync(out, readDefaultConfigText());
    const { error } = await digestInit(['--group', 'X', '--area', polymerArea, '--out', out]);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${out}: already exists; pass --force to overwrite it, or --out to write elsewhere`);
    expect(readFileSync(out, 'utf8')).toBe(readDefaultConfigText());
    expect((await digestInit(['--group', 'X', '--area', polymerArea, '--out', out, '--force'])).error).toBeUndefined();
    expect(parsed(out).group.name).toBe('X');
  });

  test.each([
    [['--area', polymerArea], 'pass --group NAME: the group\'s name'],
    [['--group', 'X'], 'pass at least one --area "id:Name:keyword,keyword": each area is a section of the digest'],
    [['--group', 'X', '--area', 'Polymer:Polymers:polymer'], '--area "Polymer:Polymers:polymer": id "Polymer" must be lower-case letters, digits and dashes, like "polymer"'],
    [['--group', 'X', '--area', 'p:Polymers:'], '--area "p:Polymers:": the area needs at least one keyword'],
    [['--group', 'X', '--area', 'p:Polymers:polymer=0'], '--area "p:Polymers:polymer=0": weight of "polymer" must be between -10 and 10 and not 0, saw 0'],
    [['--group', 'X', '--area', polymerArea, '--member', 'Ada:phase field:phase-field'],
      'members[0].areas[0]: no area has id "phase-field"; expected one of polymer-electrolytes'],
    [['--group', 'X', '--area', polymerArea, '--member', 'Ada'], 'members[0]: member "Ada" has no interests, areas or authors: nothing could concern them'],
    // The first "=" starts a weight: one that is not a number is refused, not written as the keyword "kw=abc".
    [['--group', 'X', '--area', 'a:A:kw=abc'], '--area "a:A:kw=abc": the weight of "kw" must be a number, saw "abc"'],
    [['--group', 'X', '--area', 'a:A:kw='], '--area "a:A:kw=": the weight of "kw" must be a number, saw ""'],
    [['--group', 'X', '--area', 'a:A:=3'], '--area "a:A:=3": "=3" has a weight but no keyword before the "="'],
    [['--group', 'X', '--area', polymerArea, '--member', 'Ada:segmental motion=high'],
      '--member "Ada:segmental motion=high": the weight of "segmental motion" must be a number, saw "high"'],
  ])('%j is a usage error', async (argv, message) => {
    const out = join(dir(), 'digest.config.yaml');
    const { error } = await digestInit([...argv, '--out', out]);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(message);
    expect(existsSync(out)).toBe(false);
  });
});

test('no flags and no terminal: a usage error, nothing asked', async () => {
  const out = join(dir(), 'digest.config.yaml');
  const { error, out: printed } = await digestInit(['--out', out]);
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).toMatch(/^digest init without flags asks questions, but its input is not a terminal: pass --group NAME/);
  expect([printed, existsSync(out)]).toEqual(['', false]);
});

describe('questions on a terminal', () => {
  test('asks for the group, areas and members, re-asks bad answers, writes the config', async () => {
    const out = join(dir(), 'digest.config.yaml');
    const answers = [
      'DENG.Group',
      '', // no area yet: asked again
      'Polymer Electrolytes', '', 'polymer electrolyte=3, PEO',
      'Halide Solid Electrolytes', 'Halides', 'halides', 'halide solid electrolyte=3.5, Li3InCl6',
      '',
      'Naibing Wu', 'polymer electrolyte', 'polymers', 'polymer-electrolytes',
      '',
    ].join('\n');
    const { out: printed, error } = await digestInit(['--out', out], { answers: `${answers}\n`, isTTY: true });
    expect(error).toBeUndefined();
    expect(printed).toContain('Area 1 name:   the group needs at least one area\nArea 1 name: ');
    expect(printed).toContain('  id [halide-solid-electrolytes]:   the id: id "Halides" must be lower-case letters, digits and dashes, like "halides"\n  id [halide-solid-electrolytes]: ');
    expect(printed).toContain('no area has id "polymers"; expected some of polymer-electrolytes, halides');
    const config = parsed(out);
    expect(config.areas.map((a) => [a.id, a.name, a.keywords])).toEqual([
      ['polymer-electrolytes', 'Polymer Electrolytes', [{ term: 'polymer electrolyte', weight: 3 }, { term: 'PEO', weight: 1 }]],
      ['halides', 'Halide Solid Electrolytes', [{ term: 'halide solid electrolyte', weight: 3.5 }, { term: 'Li3InCl6', weight: 1 }]],
    ]);
    expect(config.members.map((m) => [m.name, m.areas])).toEqual([['Naibing Wu', ['polymer-electrolytes']]]);
  });

  test('input that ends early writes nothing', async () => {
    const out = join(dir(), 'digest.config.yaml');
    const { error } = await digestInit(['--out', out], { answers: 'DENG.Group\nPolymers\n', isTTY: true });
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe('the input ended before every question was answered; nothing was written');
    expect(existsSync(out)).toBe(false);
  });
});

describe('the YAML round-trips through parseGroupConfig', () => {
  const awkward = ['true', 'null', '3.5', '1e3', '0x1F', 'a: b', '- dash', '#hash', 'it\'s', '"quoted"', '[x, y]', 'ends with colon:', 'tab\there', 'Li₆PS₅Cl', 'poly(ethylene oxide)', 'back\\slash'];

  // (A member's name holds no tab: the config refuses control characters in names.)
  test.each(awkward)('%j reads back as itself', (text) => {
    const spec: InitSpec = { group: text, areas: [{ id: 'a', name: text, keywords: [{ term: text, weight: -2 }, { term: 'plain', weight: 1 }] }], members: [{ name: text.replace(/\t/g, ' '), interests: [{ term: text, weight: 1 }], areas: ['a'] }] };
    const result = parseGroupConfig(configYaml(spec));
    expect(result.ok && [result.config.group.name, result.config.areas[0]!.name, result.config.areas[0]!.keywords[0], result.config.members[0]!.interests[0]])
      .toEqual([text, text, { term: text, weight: -2 }, { term: text, weight: 1 }]);
  });

  test('plain where safe, quoted where not', () => {
    const names = ['Polymer Electrolytes', 'poly(ethylene oxide)', 'true', 'a: b', '3.5'];
    const text = configYaml({ group: 'G', areas: names.map((name, i) => ({ id: `a${i}`, name, keywords: [{ term: 'k', weight: 1 }] })), members: [] });
    expect(text.split('\n').filter((l) => l.startsWith('    name: ')).map((l) => l.replace(/ #.*/, '')))
      .toEqual(['    name: Polymer Electrolytes', '    name: poly(ethylene oxide)', '    name: "true"', '    name: "a: b"', '    name: "3.5"']);
  });

  test('without members the list is empty, with a commented example', () => {
    const text = configYaml({ group: 'G', areas: [{ id: 'a', name: 'A', keywords: [{ term: 'k', weight: 1 }] }], members: [] });
    expect(text).toContain('\nmembers: []\n#  - name: Ada Lovelace\n');
    const result = parseGroupConfig(text);
    expect(result.ok && result.config.members).toEqual([]);
  });
});

test('a weight that is not a number is wrong usage (exit 2), and nothing is written', async () => {
  const out = join(dir(), 'digest.config.yaml');
  expect(await runCli('init', '--group', 'X', '--area', 'a:A:kw=abc', '--out', out)).toEqual({
    code: 2, out: '', err: 'digest: --area "a:A:kw=abc": the weight of "kw" must be a number, saw "abc"\n',
  });
  expect(existsSync(out)).toBe(false);
});

test('flag parsers', () => {
  expect(parseAreaFlag('a:A:kw = 2.5, x=-1,y=.5')).toEqual({ id: 'a', name: 'A', keywords: [{ term: 'kw', weight: 2.5 }, { term: 'x', weight: -1 }, { term: 'y', weight: 0.5 }] });
  expect(parseAreaFlag('Halide Solid Electrolytes:halide=3')).toEqual({ id: 'halide-solid-electrolytes', name: 'Halide Solid Electrolytes', keywords: [{ term: 'halide', weight: 3 }] });
  expect(parseAreaFlag('x:Name: with colon:kw')).toEqual({ id: 'x', name: 'Name: with colon', keywords: [{ term: 'kw', weight: 1 }] });
  expect(parseMemberFlag('Ada::a,b')).toEqual({ name: 'Ada', interests: [], areas: ['a', 'b'] });
  expect(() => parseMemberFlag('a:b:c:d')).toThrow('--member "a:b:c:d": expected "Name:interest,interest:area-id,area-id"');
});

describe('digest init --from-bib: areas drafted from the group\'s own papers', () => {
  test('writes a config that loads, with the drafted areas, and says what it drafted', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'labdigest-init-')), 'digest.config.yaml');
    const slice = fixturePath('papers/corpus-slice.jsonl');
    const { code, err } = await runCli('init', '--group', 'Test Lab', '--from-bib', slice, '--out', out);
    expect(code).toBe(0);
    const parsed = parseGroupConfig(readFileSync(out, 'utf8'), out);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
    const { areas } = parsed.config;
    expect(parsed.config.group.name).toBe('Test Lab');
    expect(areas.length).toBeGreaterThanOrEqual(2);
    // The slice's papers without an abstract are not looked up in a test (LABDIGEST_OFFLINE): said first.
    expect(err.split('\n')[0]).toBe('22 papers without an abstract not looked up online (--offline).');
    expect(err.split('\n')[1]).toBe(`drafted ${areas.length} areas from 313 papers of ${slice}:`);
    expect(err.split('\n').slice(2, 2 + areas.length).map((l) => l.slice(2, l.indexOf(' ('))))
      .toEqual(areas.map((a) => a.name));
    expect(err).toContain(`wrote ${out}: ${areas.length} areas, 0 members.`);
    // The draft has its weights: the next step is reading it, not weighting it.
    expect(err).toContain('Next: read the drafted areas (rename them, drop keywords that name no topic of yours)');
    for (const area of areas) expect(area.keywords.length).toBeGreaterThan(0);
    // The acronyms the papers define, each in two papers at least, with one meaning: written, and said.
    expect(parsed.config.acronyms?.DMRG).toEqual(['density matrix renormalization group']);
    expect(parsed.config.acronyms?.SEI).toBeUndefined(); // labdigest knows it already
    expect(err).toContain('acronyms the papers define: AI (artificial intelligence), CNN (convolutional neural network), DMRG (density matrix renormalization group)');
    // The example sources are the arXiv listings the papers are in, not a battery group's; the example
    // member's interests are the first area's words.
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('# The feeds `digest fetch` reads (docs/config.md#sources): the arXiv listings the group\'s papers are in, for example\n#  - name: arxiv-cs-cv\n#    type: arxiv-listing\n#    category: cs.CV');
    expect(text).not.toContain('0378-7753');
    expect(text).toContain(`#    interests: [${areas[0]!.keywords.slice(0, 2).map((k) => k.term).join(', ')}]`);
  });

  test('a week\'s digest exported as BibTeX drafts keywords that name topics, not units', async () => {
    // The reading list a group has at hand: `digest export --format bibtex` of the sample week, whose
    // abstracts' "mAh cm−2" and "mAh g−1" the BibTeX spells "mAh cm-2" and "mAh g-1"; drafted from it,
    // "mah g-1" was an area's keyword until 6 December 2026.
    const dir = mkdtempSync(join(tmpdir(), 'labdigest-init-'));
    const bib = join(dir, 'week.bib');
    const text = papersToBibtex(sampleWeekDigest().sections.flatMap((s) => s.papers));
    expect(text).toContain('mAh cm-2');
    writeFileSync(bib, text);
    const out = join(dir, 'digest.config.yaml');
    expect((await runCli('init', '--group', 'Test Lab', '--from-bib', bib, '--out', out)).code).toBe(0);
    const parsed = parseGroupConfig(readFileSync(out, 'utf8'), out);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
    const keywords = parsed.config.areas.flatMap((a) => a.keywords.map((k) => k.term.toLowerCase()));
    expect(keywords.length).toBeGreaterThan(20);
    expect(keywords.filter((k) => /\b(?:mah|wh|kg-1|cm-2)\b/.test(k))).toEqual([]);
  });

  test('one paper: one area, said in the singular; a hyphenated word is a keyword as the corpus counts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labdigest-init-'));
    const bib = join(dir, 'one.bib');
    writeFileSync(bib, '@article{a,\n  title = {Phase-field modelling of lithium dendrites},\n}\n');
    const { code, err } = await runCli('init', '--group', 'Test Lab', '--from-bib', bib, '--out', join(dir, 'digest.config.yaml'));
    expect(code).toBe(0);
    expect(err.split('\n').slice(0, 3)).toEqual([
      '1 paper without an abstract has no DOI or arXiv id to look it up by.',
      `drafted 1 area from 1 paper of ${bib}:`, '  Phase-field & Lithium Dendrites (1 paper, e.g. "Phase-field modelling of lithium dendrites")',
    ]);
  });

  test('needs the group\'s name', async () => {
    expect(await runCli('init', '--from-bib', fixturePath('papers/corpus-slice.jsonl'), '--out', join(tmpdir(), 'never-written.yaml'))).toEqual({
      code: 2, out: '', err: 'digest: pass --group NAME with --from-bib: the group\'s name\n',
    });
  });
});
