import { corpusBagsIndexOf, type CorpusBags } from './corpus-bags.ts';

/**
 * The share of a paper's words its title holds: 10.7 of 185 over the shipped corpus's papers with an
 * abstract. The chance that a word a paper writes once, anywhere, is in its title.
 */
export const TITLE_CHANCE = 0.058;

/** Dunning's G² at p < 0.01 (one degree of freedom). */
const G2_P01 = 6.63;

const found = new WeakMap<CorpusBags, ReadonlySet<string>>();

/**
 * The terms the corpus's papers put in their titles significantly less often than a word placed at
 * random would be (`TITLE_CHANCE`; Dunning's G², p < 0.01): "good" (7 titles of the 379 papers that
 * use it), "create", "unique", "characteristics", "stably", "significantly", "retention". A title says
 * what a paper is about; a word its papers keep out of their titles says how well or how much, and
 * names no topic a group follows, however many of the papers it starred use it. Topic words stand in
 * titles far more often than chance: "gel" in 58% of its papers' titles, "interphase" 30%, "dendrite"
 * 22%. A rare word cannot be told apart (no title among 40 papers is still chance) and is not listed.
 * Found once per corpus.
 */
export function untitledTerms(corpus: CorpusBags): ReadonlySet<string> {
  let terms = found.get(corpus);
  if (!terms) {
    const index = corpusBagsIndexOf(corpus);
    const out = new Set<string>();
    index.postings.forEach((papers, id) => {
      if (belowChance(index.titlePostings[id]?.length ?? 0, papers.length, TITLE_CHANCE)) out.add(corpus.terms[id] as string);
    });
    found.set(corpus, terms = out);
  }
  return terms;
}

/** Whether k of n is significantly below a rate q (G² >= the p < 0.01 value). */
export function belowChance(k: number, n: number, q: number): boolean {
  if (n <= 0) return false;
  const p = k / n;
  if (p >= q) return false;
  const kl = (p > 0 ? p * Math.log(p / q) : 0) + (1 - p) * Math.log((1 - p) / (1 - q));
  return 2 * n * kl >= G2_P01;
}
