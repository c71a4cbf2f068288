/**
 * The ranker's tunable constants, in one place. Each was chosen by k-fold cross-validation on the
 * labelled dev set (`pnpm eval --cv`), never by looking at labelled titles; docs/config.md says what
 * each does. `createRanker(config, { tuning })` takes other values, for the evaluation only.
 */
export interface RankerTuning {
  /** Relevance a paper needs to be one of its section's picks (the section's best paper is one in any case). */
  readonly pickFloor: number;
  /**
   * Maximal marginal relevance: a pick's value is `lambda * value - (1 - lambda) * similarity` to the
   * picks before it, so a paper close to one already picked gives way to a different one.
   */
  readonly mmrLambda: number;
  /** Two papers whose term vectors are this similar (cosine) are about the same thing: never both picks. */
  readonly sameTopic: number;
  /** What matching the focus adds to a paper's value when picks are chosen. */
  readonly focusBoost: number;
  /** Relevance to the focus's keywords from which a paper matches the focus (and leads its section). */
  readonly focusThreshold: number;
}

export const DEFAULT_TUNING: RankerTuning = Object.freeze({
  pickFloor: 0.8,
  mmrLambda: 0.7,
  sameTopic: 0.5,
  focusBoost: 0.1,
  focusThreshold: 0.3,
});
