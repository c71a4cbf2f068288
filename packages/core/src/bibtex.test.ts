import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { bibtexTitle, citationKeys, latexText, papersToBibtex, type BibtexPaper } from './bibtex.ts';
import { paperSchema, type Paper } from './paper.ts';

const records = (file: string): Paper[] => readFixtureRecords(file).map((r) => paperSchema.parse(r));
const week = records('papers/sample-week.jsonl.gz');
const slice = records('papers/corpus-slice.jsonl');
const byId = (papers: readonly Paper[], id: string) => papers.find((p) => p.id === id) as Paper;
// As a digest entry carries it: the arXiv id beside the paper's (paperArxivId); the listing gave no date.
const preprint = { ...byId(slice, 'arxiv:2512.03974'), arxivId: '2512.03974' };
const journal = byId(week, 'openalex:W4416056717'); // "Microstructural insights ..." by ... Ou, 2026

/** Brace depth never below zero and back to zero at the end: what BibTeX needs (it counts `\{` too). */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

test('an arXiv preprint is @misc with eprint and archivePrefix, its year from its id', () => {
  expect(papersToBibtex([preprint])).toBe([
    '@misc{Fuchs2025Refining,',
    '  author        = {Paul Fuchs and Julija Zavadlav},',
    '  title         = {Refining Machine Learning Potentials through Thermodynamic Theory of Phase Transitions},',
    '  year          = {2025},',
    '  eprint        = {2512.03974},',
    '  archivePrefix = {arXiv},',
    '  url           = {https://arxiv.org/abs/2512.03974},',
    // The abstract, as reference managers export it: what `digest learn --bib` learns from.
    `  abstract      = {${latexText(preprint.abstract!.trim())}},`,
    '}',
    '',
  ].join('\n'));
});

test('a paper without authors is a @misc with a key and the journal as howpublished: no style meets an empty author', () => {
  expect(papersToBibtex([{ ...journal, authors: [], title: 'Editorial board' }])).toBe([
    '@misc{Anon2026Editorial,',
    '  key          = {Anon2026Editorial},',
    '  title        = {Editorial board},',
    `  howpublished = {${journal.venue}},`,
    '  year         = {2026},',
    `  month        = ${['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'][Number(journal.published?.slice(5, 7)) - 1]},`,
    `  doi          = {${journal.doi}},`,
    `  url          = {${journal.url}},`,
    `  abstract     = {${latexText(journal.abstract!.trim())}},`,
    '}',
    '',
  ].join('\n'));
});

describe('LaTeX text', () => {
  test.each([
    ['<script>alert(1)</script> *bold*', '<script>alert(1)</script> *bold*'],
    ['Li & Na at 50% for $5 #1 under_score', 'Li \\& Na at 50\\% for \\$5 \\#1 under\\_score'],
    ['{x} \\cite ~ ^ ]]>', '\\textbraceleft{}x\\textbraceright{} \\textbackslash{}cite \\textasciitilde{} \\textasciicircum{} ]]>'],
    ['Zoë Müller, Łukasz, Øyvind, José, Ångström, Đorđević', 'Zo{\\"e} M{\\"u}ller, {\\L}ukasz, {\\O}yvind, Jos{\\\'e}, {\\AA}ngstr{\\"o}m, Dordevi{\\\'c}'],
    ['Li₆PS₅Cl, Li⁺, 10⁻³ S cm⁻¹', 'Li{\\textsubscript{6}}PS{\\textsubscript{5}}Cl, Li{\\textsuperscript{+}}, 10{\\textsuperscript{-}}{\\textsuperscript{3}} S cm{\\textsuperscript{-}}{\\textsuperscript{1}}'],
    ['α-Li₃N, ΔG ≤ 0.5 eV at 25 °C ± 2', '{\\ensuremath{\\alpha}}-Li{\\textsubscript{3}}N, {\\ensuremath{\\Delta}}G {\\ensuremath{\\leq}} 0.5 eV at 25 {\\textdegree}C {\\ensuremath{\\pm}} 2'],
    ['Li─O “Dendrite‐Free” – ïs', 'Li-O ``Dendrite-Free\'\' -- {\\"{\\i}}s'],
    // A double bond and a cell's separator, as the week's abstracts write them ("C═O activation", "NCM523‖Graphite").
    ['C═O, NCM523‖Graphite', 'C=O, NCM523{\\ensuremath{\\|}}Graphite'],
    ['中文 名字', '?? ??'],
  ])('%j', (raw, latex) => {
    expect(latexText(raw)).toBe(latex);
  });

  test('titles brace formulas, acronyms and inner capitals, not title-case words or punctuation', () => {
    expect(bibtexTitle('Li6PS5Cl and the SEI in “Dendrite‐Free” 3D Li/Al cells (NMC811)'))
      .toBe('{Li6PS5Cl} and the {SEI} in ``Dendrite-Free\'\' {3D} {Li/Al} cells ({NMC811})');
    expect(bibtexTitle('A {Hostile} & \\Title_')).toBe('A \\textbraceleft{}Hostile\\textbraceright{} \\& \\textbackslash{}Title\\_');
  });

  test('a hostile title and authors give a balanced entry', () => {
    const bib = papersToBibtex([{ ...preprint, title: '<script>*bold*</script> & { \\ ]]> }}}', authors: ['Jones and Sons Ltd', 'Zoë Ü_ber'] }]);
    expect(balanced(bib)).toBe(true);
    expect(bib).toContain('  title         = {<script>*bold*</script> \\& \\textbraceleft{} \\textbackslash{} ]]> \\textbraceright{}\\textbraceright{}\\textbraceright{}},\n');
    expect(bib).toContain('  author        = {{Jones and Sons Ltd} and Zo{\\"e} {\\"U}\\_ber},\n');
    expect(bib.startsWith('@misc{Ltd2025Script,')).toBe(true);
  });
});

describe('citation keys', () => {
  test('the same paper twice gets a and b; a suffixed key skips a key another paper has', () => {
    const papers = [{ ...journal, id: 'x:1', title: 'Microstructurala one' }, { ...journal, id: 'x:2' }, { ...journal, id: 'x:3' }];
    expect(citationKeys(papers)).toEqual(['Ou2026Microstructurala', 'Ou2026Microstructuralb', 'Ou2026Microstructuralc']);
  });

  test('past z the suffixes go on with aa, ab', () => {
    const keys = citationKeys(Array.from({ length: 28 }, (_, i) => ({ ...journal, id: `x:${i}` })));
    expect(keys.slice(24)).toEqual(['Ou2026Microstructuraly', 'Ou2026Microstructuralz', 'Ou2026Microstructuralaa', 'Ou2026Microstructuralab']);
  });

  test('accents dropped, stopwords skipped, no author or date', () => {
    expect(citationKeys([
      { ...journal, authors: ['José Müller-Łukasz'], title: 'On the ‘Øresund’ effect' },
      { ...journal, authors: ['Kozinsky, Boris', 'X'], title: 'The A of B', published: null, arxivId: null },
      { ...journal, authors: [], title: '' },
    ])).toEqual(['MullerLukasz2026Oresund', 'KozinskyndB', 'Anon2026']);
  });

  test('the same id twice is written once', () => {
    expect(papersToBibtex([journal, journal]).match(/^@/gm)).toHaveLength(1);
  });
});

// The real check: bibtex and pdflatex read every entry the recorded week gives (1,755 papers: arXiv's
// LaTeX-laden titles, journals' Unicode), plus hostile ones, in styles that abbreviate first names.
// Debian: apt-get install texlive-latex-base. CI installs it (.ci/run); elsewhere it is skipped.
const haveTex = ['bibtex', 'pdflatex'].every((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0);
if (!haveTex && !process.env.CI) console.warn('bibtex.test.ts: the bibtex/pdflatex check is skipped: no bibtex or pdflatex on PATH (apt-get install -y texlive-latex-base)');

describe.runIf(haveTex || Boolean(process.env.CI))('the .bib file with real bibtex and pdflatex', () => {
  const hostile: BibtexPaper[] = [
    { ...preprint, id: 'h:1', title: '<script>*bold*</script> & { \\ ]]> }}} 50% $x$ #1 ~ ^ _', authors: ['Jones and Sons Ltd', 'Zoë Ü_ber', 'Łukasz Ørsted', 'Ángel Ñúñez-Ğüç', '中村 Taro'] },
    { ...journal, id: 'h:2', title: 'α-Li₃N, ΔG ≤ 0.5 eV at 25 °C ± 2; Li⁺ in “SEI” — 10⁻³ S cm⁻¹ ✓', authors: [] },
    { ...journal, id: 'h:3', title: 'Ǘber ǅ ﬁne ½ x²', authors: ['Đorđe Šimić', 'İlker Ïñés'], venue: 'Angewandte Chemie & Co', published: '2024' },
  ];
  const papers = [...week, ...hostile];

  test.each(['plain', 'abbrv'])('%s: no BibTeX warning, no LaTeX error, every entry typeset', (style) => {
    if (!haveTex) throw new Error('CI must have bibtex and pdflatex (apt-get install -y texlive-latex-base in .ci/run)');
    expect(papers.length).toBeGreaterThan(1700);
    const dir = mkdtempSync(join(tmpdir(), 'labdigest-bibtex-'));
    writeFileSync(join(dir, 'refs.bib'), papersToBibtex(papers));
    writeFileSync(join(dir, 'doc.tex'), `\\documentclass{article}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{${style}}\n\\bibliography{refs}\n\\end{document}\n`);
    const run = (tool: string, ...args: string[]) => {
      const result = spawnSync(tool, args, { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    };
    const latex = () => run('pdflatex', '-interaction=nonstopmode', '-halt-on-error', 'doc.tex');
    expect(latex().status).toBe(0);
    const bibtex = run('bibtex', 'doc');
    expect(bibtex.output.split('\n').filter((l) => /warning|error|illegal|I'm skipping/i.test(l))).toEqual([]);
    expect(bibtex.status).toBe(0);
    const last = latex(); // reads the .bbl: every entry typeset

    expect(last.output.split('\n').filter((l) => l.startsWith('!'))).toEqual([]);
    expect(last.status).toBe(0);
    const bbl = readFileSync(join(dir, 'doc.bbl'), 'utf8');
    expect(bbl.match(/\\bibitem/g)).toHaveLength(papers.length);
  });
});
