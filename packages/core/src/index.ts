export { paperSchema, paperArxivId, type Paper, type PaperInput } from './paper.ts';
export {
  keywordSchema, focusSchema, areaSchema, memberSchema, sourceSchema, groupConfigSchema,
  type Keyword, type Focus, type Area, type Member, type Source, type SourceType, type GroupConfig, type GroupConfigInput,
} from './config.ts';
export { parseGroupConfig, suggest, type ConfigResult } from './config-file.ts';
export {
  DIGEST_SCHEMA_VERSION, digestSchema, digestSectionSchema, digestEntrySchema, matchedTermSchema,
  memberMatchSchema, digestIndexSchema, readDigestSchema, upgradeDigestJson, digestIndexEntrySchema, paperSourceLine,
  type Digest, type DigestSection, type DigestEntry, type MatchedTerm, type MemberMatch,
  type DigestIndex, type DigestIndexEntry,
} from './digest.ts';
export { formatIssue, formatIssues, formatPath, describeValue, type ValidationIssue } from './issues.ts';
