import { z } from 'zod';
import { API_LIMITS, STATE_FIELDS } from './api-limits.ts';
import { isoWeekRange } from './iso-week.ts';

/**
 * The reading room's HTTP API (docs/server.md, "The API"): the shapes both sides agree on.
 * The server (`digest serve`) validates every request body with these schemas; the reader imports the
 * types only. Text (notes, reasons, labels) is plain text: whoever shows it renders it as text.
 */

export { API_LIMITS, STATE_FIELDS, type StateField } from './api-limits.ts';

/** An ISO week (`2026-W49`) that exists. */
export const isoWeekSchema = z.string().refine((w) => isoWeekRange(w) !== null, { error: 'expected an ISO week like 2026-W49' });

/**
 * A digest entry's id (`arxiv:2506.10944`, `doi:10.1021/…`): one line, no control or direction
 * characters (a right-to-left override shows one id as another), no spaces around it (" " was a
 * blank entry on every member's Picks page).
 */
const paperId = z.string()
  .min(1, { error: 'expected a paper id' })
  .max(API_LIMITS.paperIdChars, { error: `expected a paper id of at most ${API_LIMITS.paperIdChars} characters` })
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, { error: 'expected a paper id without control or formatting characters' })
  .regex(/^(?:\S(?:.*\S)?)?$/su, { error: 'expected a paper id without spaces around it' });

/** The client's clock at the change, ISO 8601 with a zone (`2026-06-08T09:15:02.123Z`): the merge key. */
const changeTime = z.iso.datetime({ offset: true, error: 'expected an ISO time with a zone, like 2026-06-08T09:15:02.123Z' });

/** A note: lines of text; no control characters but line breaks and tabs, no direction overrides (which reorder what others read). */
const note = z.string()
  .max(API_LIMITS.noteChars, { error: `expected a note of at most ${API_LIMITS.noteChars} characters` })
  .regex(/^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/u, { error: 'expected a note without control characters or direction overrides' });
const reason = z.string()
  .max(API_LIMITS.reasonChars, { error: `expected a reason of at most ${API_LIMITS.reasonChars} characters` })
  .regex(/^[^\r\n\u2028\u2029]*$/, { error: 'expected a one-line reason' });

/** A nomination for the group meeting, or null to withdraw it. */
export const nominationSchema = z.strictObject({ reason }).nullable();

/** The value each field takes: a flag, a note (empty: no note), a nomination or null. */
function changeVariants<Extra extends z.core.$ZodLooseShape>(extra: Extra) {
  const base = { paper: paperId, at: changeTime, ...extra };
  return [
    z.strictObject({ ...base, field: z.literal('read'), value: z.boolean() }),
    z.strictObject({ ...base, field: z.literal('starred'), value: z.boolean() }),
    z.strictObject({ ...base, field: z.literal('dismissed'), value: z.boolean() }),
    z.strictObject({ ...base, field: z.literal('note'), value: note }),
    z.strictObject({ ...base, field: z.literal('nominated'), value: nominationSchema }),
  ] as const;
}

const fieldError = { error: `expected field to be one of ${STATE_FIELDS.join(', ')}` };

/**
 * One change a device sends. `member` may be left out; when given it must be the token's member
 * (anything else is 403): a member writes only their own state.
 */
export const stateChangeInputSchema = z.discriminatedUnion('field', changeVariants({ member: z.string().optional() }), fieldError);

/** `POST /api/state` body. */
export const postStateRequestSchema = z.strictObject({
  changes: z.array(stateChangeInputSchema)
    .min(1, { error: 'expected at least one change' })
    .max(API_LIMITS.changesPerPost, { error: `expected at most ${API_LIMITS.changesPerPost} changes in one request` }),
});

/** `POST /api/state` answer: how many changes were newer than the stored ones, and the cursor after them. */
export const postStateResponseSchema = z.object({
  accepted: z.number().int().nonnegative(),
  ignored: z.number().int().nonnegative(),
  cursor: z.number().int().nonnegative(),
});

/**
 * One stored change as the server sends it: whose it is, the device that wrote it (the merge's
 * tie-break: on equal `at`, the larger device id wins) and `at` as the server stores it.
 */
export const stateChangeSchema = z.discriminatedUnion('field', changeVariants({ member: z.string(), device: z.string() }), fieldError);

/** `GET /api/state?since=<cursor>` answer, ordered by the server's sequence. */
export const getStateResponseSchema = z.object({
  cursor: z.number().int().nonnegative(),
  changes: z.array(stateChangeSchema),
  /** True when the answer was cut at `changesPerPull`: ask again with the cursor. */
  more: z.boolean(),
  /**
   * True when the room did not know the cursor asked with (it was restored from a backup since) and
   * answers from the beginning: the device sends all it holds again, as the store may have lost it.
   */
  restarted: z.boolean().optional(),
});

/** `POST /api/join` body (with `Authorization: Invite <code>`). */
export const joinRequestSchema = z.strictObject({
  /** What the device is ("Chrome on Android"); cut to `labelChars`. */
  label: z.string().max(1000, { error: `expected a label of at most 1000 characters (it is cut to ${API_LIMITS.labelChars})` }).optional(),
});

export const deviceSchema = z.object({ id: z.string(), label: z.string() });

/** `POST /api/join` answer: the device token, shown this once. */
export const joinResponseSchema = z.object({ token: z.string(), member: z.string(), device: deviceSchema });

/** `GET /api/me` answer. */
export const meResponseSchema = z.object({
  member: z.string(),
  device: deviceSchema,
  /** Every member of the group's config. */
  members: z.array(z.string()),
  /** The digests too need a token (`server.private`). */
  private: z.boolean(),
});

export const meetingNominationSchema = z.object({ member: z.string(), reason: z.string(), at: z.string() });

/** A paper on the group-meeting list; title, url and sourceLine are null when neither the store nor a digest knows it. */
export const meetingPaperSchema = z.object({
  paper: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  sourceLine: z.string().nullable(),
  nominations: z.array(meetingNominationSchema),
  /** Members who have it starred now. */
  starredBy: z.array(z.string()),
});

/** `GET /api/meeting?week=2026-W49` answer: the week's nominated papers, most nominations first. */
export const meetingResponseSchema = z.object({ week: isoWeekSchema, papers: z.array(meetingPaperSchema) });

export const API_ERROR_CODES = [
  'BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'TOO_LARGE', 'RATE_LIMITED', 'BUSY', 'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Every error answer: `{"error": {"code": "UNAUTHORIZED", "message": "…"}}`. */
export const apiErrorSchema = z.object({ error: z.object({ code: z.enum(API_ERROR_CODES), message: z.string() }) });

export type StateChangeInput = z.infer<typeof stateChangeInputSchema>;
export type StateChange = z.infer<typeof stateChangeSchema>;
export type Nomination = z.infer<typeof nominationSchema>;
export type PostStateRequest = z.infer<typeof postStateRequestSchema>;
export type PostStateResponse = z.infer<typeof postStateResponseSchema>;
export type GetStateResponse = z.infer<typeof getStateResponseSchema>;
export type JoinRequest = z.infer<typeof joinRequestSchema>;
export type JoinResponse = z.infer<typeof joinResponseSchema>;
export type Device = z.infer<typeof deviceSchema>;
export type MeResponse = z.infer<typeof meResponseSchema>;
export type MeetingNomination = z.infer<typeof meetingNominationSchema>;
export type MeetingPaper = z.infer<typeof meetingPaperSchema>;
export type MeetingResponse = z.infer<typeof meetingResponseSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;
