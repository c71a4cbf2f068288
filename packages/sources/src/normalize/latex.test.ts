import { describe, expect, test } from 'vitest';
import { latexToText } from './latex.ts';

describe('latexToText', () => {
  test.each([
    // Real titles of fixtures/arxiv/arxiv-rss-listing-all-archives-2024-11-28.rss.xml.gz
    ['Pressure Dependence of Ultrafast Carrier Dynamics in Excitonic Insulator Ta$_2$NiSe$_5$', 'Pressure Dependence of Ultrafast Carrier Dynamics in Excitonic Insulator Ta2NiSe5'],
    ['Almost sure well-posedness and orbital stability for Schr\\"odinger equation with potential', 'Almost sure well-posedness and orbital stability for Schrödinger equation with potential'],
    ['A Precis\\~ao da Metrologia Qu\\^antica: Limite de Cram\\\'er-Rao, Informa\\c{c}\\~ao de Fisher', 'A Precisão da Metrologia Quântica: Limite de Cramér-Rao, Informação de Fisher'],
    ['Milky Way satellite planes are consistent with {\\Lambda}CDM', 'Milky Way satellite planes are consistent with ΛCDM'],
    ['On an Erd\\H{o}s-Szekeres Game', 'On an Erdős-Szekeres Game'],
    // Greek letters a converter split as accents (the corpus's "\b{eta}-LZC", learned as "eta LZC"; "\k{appa}").
    ['monoclinic \\b{eta}-LZC and \\k{appa} values, \\c{c}a and \\v{s}', 'monoclinic β-LZC and κ values, ça and š'],
    ['Central Stars of Planetary Nebul{\\ae} and Related Objects', 'Central Stars of Planetary Nebulæ and Related Objects'],
    ['observations at $z \\sim$ 0.3', 'observations at z ~ 0.3'],
    ['The Smith normal form of the Q-walk matrix of the Dynkin graph $A_n$', 'The Smith normal form of the Q-walk matrix of the Dynkin graph An'],
    ['$H^3$Fusion: Helpful, Harmless, Honest Fusion', 'H3Fusion: Helpful, Harmless, Honest Fusion'],
    ['Elastic scattering at $\\sqrt{s} = 6$ GeV', 'Elastic scattering at √s = 6 GeV'],
    // Chemistry written every way it is written
    ['Li$_{6}$PS$_{5}$Cl', 'Li6PS5Cl'],
    ['$\\mathrm{Li_6PS_5Cl}$', 'Li6PS5Cl'],
    ['$\\mathrm{Li}_{3}\\mathrm{YCl}_{6}$ electrolytes', 'Li3YCl6 electrolytes'],
    ['\\ce{Li3InCl6}', 'Li3InCl6'],
    ['Li$^+$ transport at 25$^\\circ$C', 'Li+ transport at 25°C'],
    ['$\\frac{1}{2}$ filling', '1/2 filling'],
    ['10\\% loss \\& gain', '10% loss & gain'],
    ['\\emph{in situ} \\textbf{bold}', 'in situ bold'],
    ['\\(x^2\\) and \\[y_1\\]', 'x2 and y1'],
    // Not math: prices, lone dollars, text without LaTeX
    ['costs $5 and $10', 'costs $5 and $10'],
    ['a $ b', 'a $ b'],
    ['plain text', 'plain text'],
    ['C:\\', 'C:'],
  ])('%s', (input, expected) => {
    expect(latexToText(input)).toBe(expected);
  });
});
