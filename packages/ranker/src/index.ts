export {
  createRanker, rankPapers, type RankedPaper, type RankOptions, type RankerOptions, type RankReport, type PaperTrace,
} from './rank.ts';
export type {
  FeedbackExample, LearnedFrom, LearnedModel, LearnedProfile, LearnedTerm, SignalKind,
} from './learning/learning-types.ts';
export { DEFAULT_TUNING, type RankerTuning } from './profiles/tuning.ts';
export type { ScoreTrace, TermTrace } from './scoring/score.ts';
export { DocumentFrequencies, buildBackgroundStats, parseBackgroundStats, serializeBackgroundStats, type BackgroundStats } from './corpus/background.ts';
export { buildCorpusBags, type CorpusBags } from './corpus/corpus-bags.ts';
export { assembleDigest, shownLearnedWords, type DigestOptions } from './writing/digest.ts';
export { tokenize, splitWords } from './words/tokenize.ts';
export { compileProfiles, type ProfileSpec, type Lexicon } from './profiles/profiles.ts';
export { createAnalyzer, type PaperFeatures } from './scan/analyze.ts';
export { summarize, splitSentences } from './writing/summary.ts';
export { followedAuthorsIn } from './scoring/authors.ts';
export { ACRONYMS } from './words/acronyms.ts';
export { acronymsDefined } from './words/acronym-definitions.ts';
export { K1, B, SCALE } from './scoring/score.ts';
export { draftAreas, type DraftArea } from './learning/draft-areas.ts';
export { dayOf, shortTitle } from './writing/notes.ts';
