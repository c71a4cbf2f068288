export { paperSchema, paperArxivId, type Paper, type PaperInput } from './paper.ts';
export {
  keywordSchema, focusSchema, areaSchema, memberSchema, sourceSchema, serverSchema, groupConfigSchema, groupTimeZone,
  type ServerConfig, type Keyword, type Focus, type Area, type Member, type Source, type SourceType, type GroupConfig, type GroupConfigInput,
} from './config.ts';
export {
  deliverySchema, deliveryEmailSchema, smtpSchema, chatTargetSchema, memberDelivery, parseMailbox, chatName,
  MEMBER_DELIVERIES, WEEKDAYS, CHAT_TYPES,
  type Delivery, type DeliveryEmail, type Smtp, type ChatTarget, type ChatType, type MemberDelivery, type Weekday,
} from './config.ts';
export { parseGroupConfig, suggest, type ConfigResult } from './config-file.ts';
export {
  DIGEST_SCHEMA_VERSION, digestSchema, digestSectionSchema, sectionLearnedSchema, digestEntrySchema, matchedTermSchema,
  memberMatchSchema, digestIndexSchema, readDigestSchema, upgradeDigestJson, digestIndexEntrySchema, paperSourceLine,
  type Digest, type DigestSection, type DigestEntry, type MatchedTerm, type MemberMatch, type SectionLearned,
  type DigestIndex, type DigestIndexEntry,
} from './digest.ts';
export { learnedLine, LIGHT_NOVELTY, memberTeacher, YOU, type Teacher } from './learned-line.ts';
export { listOf, possessive } from './english.ts';
export { formatIssue, formatIssues, formatPath, describeValue, zodIssues, type ValidationIssue } from './issues.ts';
export { papersToBibtex, citationKeys, bibtexTitle, latexText, type BibtexPaper } from './bibtex.ts';
export { badIsoWeek, isoWeek, isoWeekRange } from './iso-week.ts';
export {
  API_LIMITS, STATE_FIELDS, isoWeekSchema, API_ERROR_CODES, nominationSchema, stateChangeInputSchema, postStateRequestSchema,
  postStateResponseSchema, stateChangeSchema, getStateResponseSchema, joinRequestSchema, joinResponseSchema, deviceSchema,
  meResponseSchema, meetingNominationSchema, meetingPaperSchema, meetingResponseSchema, apiErrorSchema,
  type StateField, type StateChangeInput, type StateChange, type Nomination, type PostStateRequest, type PostStateResponse,
  type GetStateResponse, type JoinRequest, type JoinResponse, type Device, type MeResponse, type MeetingNomination,
  type MeetingPaper, type MeetingResponse, type ApiError, type ApiErrorCode,
} from './api.ts';
export { SIGNAL_KINDS, feedbackLineSchema, feedbackLineText, type SignalKind, type FeedbackLine } from './feedback.ts';
export { isTimeZone, machineTimeZone, localDay, localWeekday, startOfDay } from './zoned.ts';
export { venueName } from './venue.ts';
