// The reading room's limits and fields (docs/server.md, "Limits"), apart from api.ts's zod schemas: the
// reader uses these values, and importing api.ts would bring zod into its bundle (core is side-effect
// free, but a module whose values are used keeps its top-level schema calls).

/** Limits the server enforces; the reader may use them to say so before it sends. */
export const API_LIMITS = {
  /** Bytes of a request body (413 past it). */
  bodyBytes: 64 * 1024,
  /** Changes in one `POST /api/state`. */
  changesPerPost: 500,
  /** Changes in one `GET /api/state` answer (`more: true` when there are more). */
  changesPerPull: 5000,
  noteChars: 500,
  reasonChars: 200,
  /** A device label is cut to this many characters. */
  labelChars: 80,
  paperIdChars: 300,
  /** A change's `at` later than the server's clock by more than this is taken as the server's now. */
  futureSkewMs: 5 * 60_000,
} as const;

/** What a member keeps per paper (`read`, `starred`, `dismissed`: "not for us", `note`) and `nominated` for the group meeting. */
export const STATE_FIELDS = ['read', 'starred', 'dismissed', 'note', 'nominated'] as const;
export type StateField = (typeof STATE_FIELDS)[number];
