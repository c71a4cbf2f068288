import { tokenize } from './tokenize.ts';

/**
 * Acronyms of the field and the phrases they stand for. A keyword written either way matches
 * both ("SEI" matches "solid electrolyte interphase" and the reverse). Keys are written as papers
 * write them, in capitals (acronyms are case-sensitive: "GAP" is not "gap").
 * Left out on purpose: DP (differential privacy), GB (gigabyte), CPE (constant phase element in
 * impedance fits): in this corpus they mean something else more often than not.
 */
export const ACRONYMS: Readonly<Record<string, readonly string[]>> = {
  SEI: ['solid electrolyte interphase', 'solid-electrolyte interphase', 'solid electrolyte interface'],
  CEI: ['cathode electrolyte interphase', 'cathode-electrolyte interphase'],
  MLIP: [
    'machine learning interatomic potential', 'machine-learned interatomic potential',
    'machine learned interatomic potential', 'ML interatomic potential', 'machine learning potential',
    'machine-learning potential', 'machine learned potential',
  ],
  MLFF: ['machine learning force field', 'machine-learned force field', 'machine learned force field', 'ML force field'],
  NNP: ['neural network potential', 'neural network interatomic potential'],
  GNN: ['graph neural network'],
  MLMD: ['machine learning molecular dynamics', 'machine-learning molecular dynamics'],
  AIMD: ['ab initio molecular dynamics', 'first-principles molecular dynamics'],
  DFT: ['density functional theory', 'density-functional theory'],
  GAP: ['Gaussian approximation potential'],
  MTP: ['moment tensor potential'],
  ACE: ['atomic cluster expansion'],
  PEO: ['poly(ethylene oxide)', 'polyethylene oxide', 'poly ethylene oxide'],
  PEG: ['poly(ethylene glycol)', 'polyethylene glycol'],
  PVDF: ['poly(vinylidene fluoride)', 'polyvinylidene fluoride', 'polyvinylidene difluoride'],
  PAN: ['polyacrylonitrile'],
  PPC: ['poly(propylene carbonate)', 'polypropylene carbonate'],
  SPE: ['solid polymer electrolyte'],
  // A gel electrolyte is a polymer network holding a liquid: an expert files it as a gel polymer electrolyte.
  GPE: ['gel polymer electrolyte', 'polymer gel electrolyte', 'gel electrolyte'],
  SSE: ['solid-state electrolyte', 'solid state electrolyte'],
  ASSB: ['all-solid-state battery', 'all solid state battery'],
  ASSLB: ['all-solid-state lithium battery', 'all-solid-state lithium-ion battery'],
  ASSSB: ['all-solid-state sodium battery'],
  SSB: ['solid-state battery', 'solid state battery'],
  LIB: ['lithium-ion battery', 'lithium ion battery', 'Li-ion battery'],
  SIB: ['sodium-ion battery', 'sodium ion battery', 'Na-ion battery'],
  LMB: ['lithium metal battery', 'lithium-metal battery', 'Li metal battery'],
  LMA: ['lithium metal anode', 'lithium-metal anode', 'Li metal anode'],
  CCD: ['critical current density'],
  LiTFSI: ['lithium bis(trifluoromethanesulfonyl)imide', 'lithium bis(trifluoromethylsulfonyl)imide'],
  ESW: ['electrochemical stability window', 'electrochemical window'],
  MD: ['molecular dynamics'],
};

/** The acronyms a profile's keywords are read with: the field's (`ACRONYMS`) and a config's own (`acronymTable`). */
export interface FoldTable {
  /** Every expansion as terms, longest first, so "all solid state battery" folds before "solid state battery". */
  readonly expansions: readonly { readonly acronym: string; readonly terms: readonly string[] }[];
  /** The same, by their first term: a word that starts none is passed over at once. */
  readonly byFirst: ReadonlyMap<string, readonly { readonly acronym: string; readonly terms: readonly string[] }[]>;
  readonly byAcronym: ReadonlyMap<string, readonly (readonly string[])[]>;
}

let table: FoldTable | undefined;

function foldTable(): FoldTable {
  return (table ??= buildTable(ACRONYMS));
}

const withConfig = new Map<string, FoldTable>();

/**
 * The field's acronyms and a group's own (the config's `acronyms`: "DMRG" for "density matrix
 * renormalization group"), a config's taking the place of the field's for the same acronym. Made once
 * per distinct set.
 */
export function acronymTable(own: Readonly<Record<string, readonly string[]>> | undefined): FoldTable {
  if (!own || Object.keys(own).length === 0) return foldTable();
  const key = JSON.stringify(own);
  let made = withConfig.get(key);
  if (!made) withConfig.set(key, made = buildTable({ ...ACRONYMS, ...own }));
  return made;
}

function buildTable(acronyms: Readonly<Record<string, readonly string[]>>): FoldTable {
  const expansions: { acronym: string; terms: string[] }[] = [];
  const byAcronym = new Map<string, string[][]>();
  for (const [acronym, phrases] of Object.entries(acronyms)) {
    const term = tokenize(acronym)[0] as string;
    const forms = phrases.map(tokenize);
    byAcronym.set(term, forms);
    for (const terms of forms) expansions.push({ acronym: term, terms });
  }
  expansions.sort((a, b) => b.terms.length - a.terms.length);
  const byFirst = new Map<string, { acronym: string; terms: string[] }[]>();
  for (const e of expansions) {
    const first = e.terms[0] as string;
    byFirst.set(first, [...(byFirst.get(first) ?? []), e]);
  }
  return { expansions, byAcronym, byFirst };
}

/** The terms with each known expansion replaced by its acronym term (`solid electrolyt interphas` -> `#sei`). */
export function foldTerms(terms: readonly string[], acronyms: FoldTable = foldTable()): string[] {
  const { byFirst } = acronyms;
  const out: string[] = [];
  for (let i = 0; i < terms.length;) {
    const first = terms[i] as string;
    const hit = byFirst.get(first)?.find((e) => e.terms.every((t, k) => terms[i + k] === t));
    if (hit) { out.push(hit.acronym); i += hit.terms.length; } else { out.push(first); i++; }
  }
  return out;
}

/** The expansions that start with a term, longest first, with their acronym term (none for most terms). */
export function expansionsStartingWith(term: string): readonly { readonly acronym: string; readonly terms: readonly string[] }[] {
  return foldTable().byFirst.get(term) ?? NO_EXPANSIONS;
}

const NO_EXPANSIONS: readonly { readonly acronym: string; readonly terms: readonly string[] }[] = Object.freeze([]);

/** The expansions of an acronym term, as term sequences (empty for any other term). */
export function expansionsOf(term: string, acronyms: FoldTable = foldTable()): readonly (readonly string[])[] {
  return acronyms.byAcronym.get(term) ?? [];
}
