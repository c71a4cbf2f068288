/**
 * Chemical formulas in running text. A formula is one term whatever the notation:
 * Li6PS5Cl, Li₆PS₅Cl, Li$_6$PS$_5$Cl, Li_{6}PS_{5}Cl and "Li 6 PS 5 Cl" all become `li6ps5cl`.
 */

// Every element symbol: formulas are recognised by splitting capitalised runs into these.
const ELEMENTS = new Set(
  ('H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr '
  + 'Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm '
  + 'Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No '
  + 'Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og').split(' '),
);

/** True when `s` is one or more element symbols, each optionally followed by a count. */
export function isFormula(s: string): boolean {
  let i = 0;
  let elements = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) return false; // must start with a capital
    const two = s.slice(i, i + 2);
    const next = s.charCodeAt(i + 1);
    if (next >= 97 && next <= 122 && ELEMENTS.has(two)) i += 2;
    else if (ELEMENTS.has(s[i] as string)) i += 1;
    else return false;
    elements++;
    while (i < s.length && /[0-9.]/.test(s[i] as string)) i++;
  }
  return elements > 0;
}

/** Element-symbol runs such as "Li", "PS", "Cl" (no digits), as spaced formulas are written. */
function isElementRun(s: string): boolean {
  return /^[A-Z][A-Za-z]*$/.test(s) && s.length <= 6 && isFormula(s);
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/**
 * Rewrites formula notations to plain `Li6PS5Cl` so the tokenizer sees one word:
 * unicode subscripts, LaTeX subscripts ($_6$, _{6}, \textsubscript{6}) and \mathrm{} wrappers.
 * Cheap when the text has none of them, which is most abstracts.
 */
export function normalizeFormulaNotation(text: string): string {
  let out = text;
  if (/[₀-₉]/.test(out)) out = out.replace(/[₀-₉]/g, (d) => String(SUBSCRIPTS.indexOf(d)));
  // Each pass only where its mark is: most texts that hold one hold no other.
  if (out.includes('\\')) {
    out = out.replace(/\\(?:mathrm|text|mathbf|rm|textrm)\s*\{([^{}]*)\}/g, '$1');
    if (out.includes('\\textsubscript')) out = out.replace(/\\textsubscript\{([^{}]*)\}/g, '$1');
  }
  // "Li$_3$PS$_4$" loses both dollars of a subscript; "$Z_2$" keeps its own ("$Z2$", then "Z2" below),
  // where taking the second alone left "$Z2" and a math span open to the end.
  if (out.includes('_')) out = out.replace(/(\$?)_\{?([0-9.]+|[xyzδ])\}?(\$?)/g, (_, open: string, n: string, close: string) => (open === close ? n : `${open}${n}${close}`));
  if (out.includes('$')) out = out.replace(/\$([A-Za-z0-9.]*)\$/g, '$1');
  return out;
}

/**
 * Joins formulas written with spaces ("Li 6 PS 5 Cl") in a list of raw tokens, in place.
 * Needs two element runs and a count between them, so "In 2023 we" stays apart.
 */
export function joinSpacedFormulas(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as string;
    if (isElementRun(first) && /^\d{1,2}$/.test(tokens[i + 1] ?? '') && isElementRun(tokens[i + 2] ?? '')) {
      let joined = first;
      let j = i + 1;
      while (j < tokens.length) {
        const t = tokens[j] as string;
        const prev = tokens[j - 1] as string;
        if (/^\d{1,2}$/.test(t) && isElementRun(prev)) joined += t;
        else if (isElementRun(t) && (/^\d{1,2}$/.test(prev) || j === i + 1)) joined += t;
        else break;
        j++;
      }
      out.push(joined);
      i = j - 1;
    } else {
      out.push(first);
    }
  }
  return out;
}

// A run of capitalised words and 1-2 digit numbers separated by single spaces: where a formula
// printed with spaces may hide ("Li 6 PS 5 Cl", "Na 3 Zr 2 Si 2 PO 12"). joinSpacedFormulas decides.
const SPACED_RUN = /(?<![A-Za-z0-9.])[A-Z][A-Za-z]{0,5}(?: \d{1,2}(?: [A-Z][A-Za-z]{0,5})?)+(?![A-Za-z0-9])/g;

/** The text with formulas written with spaces joined ("Li 6 PS 5 Cl" -> "Li6PS5Cl"), prose left alone. */
export function joinSpacedFormulasInText(text: string): string {
  if (!/[A-Z][a-z]? \d/.test(text)) return text;
  return text.replace(SPACED_RUN, (run) => joinSpacedFormulas(run.split(' ')).join(' '));
}

// A formula of two elements or more whose last count a feed printed apart: "LiFePO 4 cathodes",
// "Zn||VO 2 pouch cells", "CO 2," (not a charge, "Zn 2+", nor a number that goes on, "NiO 4.5").
const LONE_COUNT = /(?<![A-Za-z0-9.])((?:[A-Z][a-z]?){2,6}) (\d{1,2})(?=[\s,;:)\]]|\.(?!\d)|$)/g;

/**
 * The text with a formula's last count joined where a feed printed it apart ("LiFePO 4" -> "LiFePO4",
 * "MnO 2" -> "MnO2"), as a summary quotes the abstract; capitals that are not elements ("JHEP 10",
 * "QIIME 2") stay apart. Formulas printed apart throughout ("Li 6 PS 5 Cl") are the analyzer's to join.
 */
export function joinLoneCounts(text: string): string {
  if (!/[A-Za-z] \d/.test(text)) return text;
  return text.replace(LONE_COUNT, (match: string, formula: string, count: string) => (isFormula(formula) ? `${formula}${count}` : match));
}

