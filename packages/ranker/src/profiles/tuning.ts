/**
 * The ranker's tunable constants, in one place. Each was chosen by k-fold cross-validation on the
 * labelled dev set (`pnpm eval --cv`), never by looking at labelled titles; docs/config.md says what
 * each does. `createRanker(config, { tuning })` takes other values, for the evaluation only.
 */
export interface RankerTuning {
  /**
   * Where a paper that clears two areas' thresholds goes: 0 to the area it scores best in, 1 to the one
   * its title and opening are most about, between them a mix (sections.ts).
   */
  readonly sectionLead: number;
  /** Words of the abstract's opening that count, with the title, as what a paper is mainly about. */
  readonly leadWords: number;
  /**
   * Value (relevance, plus the focus boost) a paper needs to be one of its section's picks; the
   * section's best paper needs `pickFloorBest` only.
   */
  readonly pickFloor: number;
  /**
   * Value the section's best paper needs to be a pick when no paper reaches `pickFloor`: a paper that
   * barely passed the area's threshold is not the one to read first (0: the best paper always is).
   */
  readonly pickFloorBest: number;
  /**
   * Maximal marginal relevance: a pick's value is `lambda * value - (1 - lambda) * similarity` to the
   * picks before it, so a paper close to one already picked gives way to a different one.
   */
  readonly mmrLambda: number;
  /** Two papers whose term vectors are this similar (cosine) are about the same thing: never both picks. */
  readonly sameTopic: number;
  /**
   * What matching the focus adds to a paper's value when picks are chosen. Not from cross-validation,
   * which cannot see it (the labels grade relevance, not the group's preference): large enough that a
   * focus paper clearly in the section leads it, as the focus promises.
   */
  readonly focusBoost: number;
  /** Relevance to the focus's keywords from which a paper matches the focus (and leads its section). */
  readonly focusThreshold: number;
  /** Pseudo-relevance feedback (related-terms.ts): corpus papers each area draws its related words from. */
  readonly prfDocs: number;
  /** Words each area learns; 0 finds none. */
  readonly prfTerms: number;
  /** Weight of the best related word (the others in proportion), below the written keywords. */
  readonly prfWeight: number;
  /** How much a related word must stand out against the other areas' feedback papers (0: the corpus alone). */
  readonly prfContrast: number;
  /** Share of all corpus papers above which a word is too common to learn. */
  readonly prfMaxDf: number;
  /** Learning from the group (learning.ts): terms each profile learns from its examples; 0 learns none. */
  readonly learnTerms: number;
  /** The strongest learned weight, as a share of the profile's strongest written weight (before shrinking). */
  readonly learnWeight: number;
  /** Examples that count as much as the prior: learned weights shrink by n / (n + learnPrior). */
  readonly learnPrior: number;
  /** The strongest weight against (from dismissals), as a share of the strongest weight for. */
  readonly learnNegative: number;
  /** What a matched learned term at the strongest learned weight adds to coord (a written keyword adds 1). */
  readonly learnCoord: number;
  /** Share of the background's papers above which a term is too common to learn. */
  readonly learnMaxDf: number;
  /** 1: a learned term must stand out against the group's other examples as well as the corpus; 0: the corpus alone. */
  readonly learnContrast: number;
  /**
   * How much the group's other areas' corpus papers count against a learned term, for a profile taught
   * by stars alone (a bibliography); it shrinks as dismissals come in: x positive / (positive + negative).
   */
  readonly learnDomain: number;
  /**
   * How surely a learned term's taught papers hold it more often than chance: its log-likelihood ratio
   * G² = 2 n KL(k / n || q) (k of the n positive papers hold it, q the share of the corpus's papers
   * that do: Dunning's test) must reach this. 6.63 is p < 0.01 (chi-squared, one degree of freedom),
   * the usual bar of keyword analysis; 0 tests nothing.
   */
  readonly learnSignificance: number;
}

export const DEFAULT_TUNING: RankerTuning = Object.freeze({
  sectionLead: 1,
  leadWords: 60,
  pickFloor: 0.85,
  pickFloorBest: 0.75,
  mmrLambda: 0.7,
  sameTopic: 0.5,
  focusBoost: 0.2,
  focusThreshold: 0.3,
  prfDocs: 50,
  prfTerms: 20,
  prfWeight: 0.5,
  prfContrast: 1,
  prfMaxDf: 0.01,
  learnTerms: 30,
  learnWeight: 0.5,
  learnPrior: 2,
  learnNegative: 0.5,
  learnCoord: 2,
  learnMaxDf: 0.05,
  learnContrast: 1,
  learnDomain: 0.5,
  learnSignificance: 6.63,
});
