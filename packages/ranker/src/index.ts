export {
  createRanker, rankPapers, type RankedPaper, type RankOptions, type RankerOptions, type RankReport, type PaperTrace,
} from './rank.ts';
export type {
  FeedbackExample, LearnedFrom, LearnedModel, LearnedProfile, LearnedTerm, SignalKind,
} from './learning-types.ts';
export { DEFAULT_TUNING, type RankerTuning } from './tuning.ts';
export type { ScoreTrace, TermTrace } from './score.ts';
export { DocumentFrequencies, buildBackgroundStats, parseBackgroundStats, serializeBackgroundStats, type BackgroundStats } from './background.ts';
export { buildCorpusBags, type CorpusBags } from './corpus-bags.ts';
export { assembleDigest, shownLearnedWords, type DigestOptions } from './digest.ts';
export { tokenize, splitWords } from './tokenize.ts';
export { compileProfiles, type ProfileSpec, type Lexicon } from './profiles.ts';
export { createAnalyzer, type PaperFeatures } from './analyze.ts';
export { summarize, splitSentences } from './summary.ts';
export { followedAuthorsIn } from './authors.ts';
export { ACRONYMS } from './acronyms.ts';
export { K1, B, SCALE } from './score.ts';
export { draftAreas, type DraftArea } from './draft-areas.ts';
