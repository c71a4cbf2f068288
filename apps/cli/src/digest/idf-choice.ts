// The command line's rule for where IDF comes from, apart from the statistics themselves
// (background.ts, which loads the ranker): `digest --help` reads the `--idf` option's values from here.

/**
 * The command line's one rule for IDF: from this many papers on, the papers ranked (`digest rank`,
 * `explain`) or the store (`digest build`) give IDF on their own; fewer lean on the shipped corpus
 * statistics as well.
 */
export const OWN_IDF_MIN_PAPERS = 5000;

/** `--idf`: the batch alone, the shipped statistics as well, or by OWN_IDF_MIN_PAPERS. */
export type IdfChoice = 'auto' | 'batch' | 'background';

/** Whether a ranking over `papers` papers takes the corpus statistics, by `--idf` or by the rule. */
export function needsBackground(papers: number, choice: IdfChoice = 'auto'): boolean {
  return choice === 'background' || (choice === 'auto' && papers < OWN_IDF_MIN_PAPERS);
}
