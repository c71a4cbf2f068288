import { z } from 'zod';
import { API_LIMITS } from './api.ts';

/**
 * What the group tells the ranking (issue 19, docs/learning.md): one signal a JSON line, as the
 * reader's "Export feedback" writes it and `digest feedback import FILE` reads it:
 * `{"paper": "<paper id>", "signal": "star", "member": "Naibing Wu", "area": "polymer-electrolytes", "at": "2026-11-12T09:15:02Z"}`.
 * A star or a nomination for the group meeting says "more like this", a dismissal ("not for us")
 * "less like this", a read a little of "more like this".
 */
export const SIGNAL_KINDS = ['star', 'dismiss', 'read', 'nominate'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const feedbackLineSchema = z.strictObject({
  paper: z.string().trim().min(1, 'expected a paper id').max(API_LIMITS.paperIdChars),
  signal: z.enum(SIGNAL_KINDS, { error: `expected one of ${SIGNAL_KINDS.join(', ')}` }),
  /** A member of the config; without one the signal is the group's. */
  member: z.string().trim().min(1).max(200).optional(),
  /** The area (section) the paper was in, or is meant for. */
  area: z.string().trim().min(1).max(200).optional(),
  at: z.iso.datetime({ offset: true, error: 'expected an ISO time with a zone, like 2026-11-12T09:15:02Z' }).optional(),
});
export type FeedbackLine = z.infer<typeof feedbackLineSchema>;

/** One signal as a JSON line (no newline), fields in the documented order, absent ones left out. */
export function feedbackLineText(line: FeedbackLine): string {
  const { paper, signal, member, area, at } = line;
  return JSON.stringify({ paper, signal, ...(member !== undefined && { member }), ...(area !== undefined && { area }), ...(at !== undefined && { at }) });
}
