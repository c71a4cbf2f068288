import { z } from 'zod';
import { isTimeZone, machineTimeZone } from './zoned.ts';

/**
 * The group's config, as `digest.config.yaml` holds it (see docs/config.md).
 * Keywords are written as a plain string (weight 1), as `term: weight`, or as `{ term, weight }`.
 */
export interface Keyword {
  readonly term: string;
  readonly weight: number;
}

const keywordText = z.string().trim().min(1, { error: 'a keyword cannot be empty' });
const weight = z.number({ error: 'expected a number for the weight' })
  .refine((w) => Number.isFinite(w) && w !== 0 && Math.abs(w) <= 10, {
    error: 'expected a weight between -10 and 10 (not 0); negative weights penalise',
  });

export const keywordSchema = z.union([
  keywordText.transform((term): Keyword => ({ term, weight: 1 })),
  z.strictObject({ term: keywordText, weight: weight.default(1) }),
  z.record(keywordText, weight)
    .refine((o) => Object.keys(o).length === 1, { error: 'expected one `term: weight` pair per list item' })
    .transform((o): Keyword => {
      const [term, w] = Object.entries(o)[0] as [string, number];
      return { term, weight: w };
    }),
], { error: 'expected a keyword: a string, `term: weight`, or { term, weight }' });

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  error: 'expected an id of lower-case letters, digits and dashes, like "polymer-electrolytes"',
});
const unit = z.number().min(0, { error: 'expected a number between 0 and 1' })
  .max(1, { error: 'expected a number between 0 and 1' });

/**
 * What kind of work a group does and wants first ("modelling and simulation": phase field, DFT, MD).
 * Papers that match lead their section and are preferred as picks; the focus never decides whether a
 * paper is in the digest. `name` is how notes speak of it; keywords are written as an area's.
 */
export const focusSchema = z.strictObject({
  name: z.string().trim().min(1).optional(),
  keywords: z.array(keywordSchema).min(1, { error: 'a focus needs at least one keyword' }),
  /**
   * Fields next to the group's ("solar cell" for a battery group): a paper whose title or opening names
   * one, and none of `field`, is never a pick. It stays in its section, with the rest.
   */
  outside: z.array(keywordText).optional(),
  /** The group's own field as its papers name it ("battery", "electrolyte"): what keeps a paper from being `outside`. */
  field: z.array(keywordText).optional(),
}, { error: 'expected a focus: `name` (optional), `keywords`, a list written as an area\'s keywords, and `outside` and `field` (optional)' });

const picks = z.number({ error: 'expected a number of picks' }).int({ error: 'expected a whole number of picks' })
  .min(0, { error: 'expected a number of picks from 0 to 20' }).max(20, { error: 'expected a number of picks from 0 to 20' });

export const areaSchema = z.strictObject({
  id,
  name: z.string().trim().min(1),
  description: z.string().optional(),
  keywords: z.array(keywordSchema).min(1, { error: 'an area needs at least one keyword' }),
  /**
   * Lists of keywords a paper must touch to enter this area: at least one keyword of every list.
   * They say what the area is about in any case ("polymer" and "electrolyte" for polymer electrolytes),
   * so a paper that shares only side words with the area (a chloride electrocatalyst for halide
   * electrolytes) stays out. Required keywords do not add to the score unless also listed in keywords.
   */
  require: z.array(z.array(keywordText).min(1, { error: 'a require list needs at least one keyword' })).default([]),
  /** A paper matching any of these is left out of this area (other areas still see it). */
  exclude: z.array(keywordText).default([]),
  /** Relevance in [0, 1] a paper needs to enter this section (see docs/config.md#thresholds). */
  threshold: unit.default(0.5),
  /** At most this many papers in the section (the lowest-scoring are left out); no cap when absent. */
  maxPapers: z.number().int().positive().optional(),
  /** The section's picks, the papers the group should read; `ranking.picks` when absent. */
  picks: picks.optional(),
  /** This area's focus, in place of the group's. */
  focus: focusSchema.optional(),
  /**
   * The ids this area had before (renamed, or areas merged into it): the stars, dismissals and resets
   * given under them still teach it (docs/config.md, "Renaming an area or a member").
   */
  formerly: z.array(id).default([]),
});

// ---- Delivery (docs/delivery.md): who gets the digest by e-mail, and which chats get the picks. ----
// Kept in one block, spread into the member and group schemas, so other changes to them merge cleanly.

/** How often a member gets an e-mail: each digest, one a week, or none. */
export const MEMBER_DELIVERIES = ['daily', 'weekly', 'off'] as const;
export type MemberDelivery = (typeof MEMBER_DELIVERIES)[number];

const emailAddress = z.email({ error: 'expected an e-mail address like naibing.wu@university.edu' });

const memberDeliveryFields = {
  /** Where `digest send` e-mails this member their digest. */
  email: emailAddress.optional(),
  /** daily (every digest), weekly (one e-mail a week) or off; daily when an e-mail is given. */
  delivery: z.enum(MEMBER_DELIVERIES, { error: 'expected daily, weekly or off' }).optional(),
};

/** The member's delivery: as configured, else daily with an e-mail address and off without. */
export function memberDelivery(member: { readonly email?: string | undefined; readonly delivery?: MemberDelivery | undefined }): MemberDelivery {
  return member.delivery ?? (member.email ? 'daily' : 'off');
}

/** `Name <address>` or a bare address, split; null when the text is neither. */
export function parseMailbox(text: string): { readonly name: string | null; readonly address: string } | null {
  const match = /^\s*(?:"?([^"<>]*?)"?\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(text);
  const address = match?.[2] ?? match?.[3];
  if (!address || !emailAddress.safeParse(address).success) return null;
  return { name: match?.[1]?.trim() || null, address };
}

const mailbox = z.string().refine((text) => parseMailbox(text) !== null, {
  error: 'expected an e-mail address, alone or as `Name <address>`',
});

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CHAT_TYPES = ['slack', 'mattermost', 'teams', 'discord', 'matrix'] as const;
export type ChatType = (typeof CHAT_TYPES)[number];

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
  error: 'expected the name of an environment variable, like LABDIGEST_SLACK_WEBHOOK (the URL itself never goes in this file)',
});

export const smtpSchema = z.strictObject({
  host: z.string().trim().min(1),
  /** Default: 465 for tls, 587 for starttls, 25 for none. */
  port: z.number().int().min(1).max(65535).optional(),
  /** tls: TLS from the first byte (port 465); starttls: plain, then upgraded, TLS required (587); none: no TLS. */
  security: z.enum(['tls', 'starttls', 'none'], { error: 'expected tls, starttls or none' }).default('starttls'),
  /** The login; its password comes from LABDIGEST_SMTP_PASSWORD, never from this file. */
  user: z.string().trim().min(1).optional(),
});

export const deliveryEmailSchema = z.strictObject({
  /** The sender: `DENG.Group digest <digest@lab.example.org>`. Message-IDs use its domain. */
  from: mailbox,
  replyTo: mailbox.optional(),
  /** The day weekly members get their e-mail. */
  weeklyOn: z.enum(WEEKDAYS, { error: `expected a weekday: ${WEEKDAYS.join(', ')}` }).default('monday'),
  smtp: smtpSchema,
});

export const chatTargetSchema = z.strictObject({
  type: z.enum(CHAT_TYPES, { error: `expected a chat type: ${CHAT_TYPES.join(', ')}` }),
  /** The environment variable holding the webhook URL (the URL is a secret: it never goes in this file). */
  webhookEnv: envName,
  /** What the summary and the store call it; the type when absent. */
  name: id.optional(),
});

export const deliverySchema = z.strictObject({
  /** The reader's address: e-mails and chats link to `?d=<date>` and `?member=<name>` there. */
  readerUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, like https://lab.example.org/digest/' }).optional(),
  email: deliveryEmailSchema.optional(),
  chat: z.array(chatTargetSchema).default([]),
});

export type Smtp = z.infer<typeof smtpSchema>;
export type DeliveryEmail = z.infer<typeof deliveryEmailSchema>;
export type ChatTarget = z.infer<typeof chatTargetSchema>;
export type Delivery = z.infer<typeof deliverySchema>;

/** A chat target's name in the summary and the store: its name, else its type. */
export function chatName(chat: Pick<ChatTarget, 'type' | 'name'>): string {
  return chat.name ?? chat.type;
}
// ---- end of delivery ----

/**
 * A member's name: composed (NFC), so that "Zoë" typed with a combining diaeresis is the same name, and
 * without control or invisible formatting characters (a tab, a right-to-left override), which show one
 * name on a screen and are another to every command that looks it up.
 */
const personName = z.string().trim().min(1)
  .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), { error: 'expected a name without control or invisible characters (tabs, direction marks)' })
  .transform((name) => name.normalize('NFC'));

export const memberSchema = z.strictObject({
  name: personName,
  ...memberDeliveryFields,
  /** What the member works on, as keywords: the same notation as an area's. */
  interests: z.array(keywordSchema).default([]),
  /** Area ids the member follows. */
  areas: z.array(id).default([]),
  /** Author names whose papers always concern this member ("Kozinsky", "Boris Kozinsky"). */
  authors: z.array(z.string().trim().min(1)).default([]),
  /** The names this member was listed under before (a typo fixed, a name changed): what they taught, and their papers in older digests, stay theirs. */
  formerly: z.array(personName).default([]),
});

const sourceBase = {
  name: id,
  /** Days back to ask for on each fetch. */
  window: z.number().int().positive().max(365).default(7),
  enabled: z.boolean().default(true),
};

export const sourceSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...sourceBase, type: z.literal('arxiv'), query: z.string().min(1), maxResults: z.number().int().positive().max(2000).default(200) }),
  z.strictObject({ ...sourceBase, type: z.literal('arxiv-listing'), category: z.string().min(1) }),
  z.strictObject({ ...sourceBase, type: z.literal('crossref'), issn: z.array(z.string()).default([]), query: z.string().optional(), rows: z.number().int().positive().max(1000).default(100) }),
  z.strictObject({ ...sourceBase, type: z.literal('openalex'), filter: z.string().optional(), search: z.string().optional(), perPage: z.number().int().positive().max(200).default(100) }),
  z.strictObject({ ...sourceBase, type: z.literal('feed'), url: z.url({ protocol: /^(https?|file)$/ }) }),
], { error: 'expected a source type: arxiv, arxiv-listing, crossref, openalex or feed' });

/** `digest serve`'s reading room (docs/server.md). */
export const serverSchema = z.strictObject({
  /** The digests too need a member's device token; the reader's shell still loads without one. */
  private: z.boolean().default(false),
  /** Where members reach the server (`https://digest.lab.example.org/`): the address invite links start with. */
  publicUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) address, like https://digest.lab.example.org/' }).optional(),
  /** Requests a device may make: `perMinute` on average, up to `burst` at once. */
  rateLimit: z.strictObject({
    perMinute: z.number().int().positive().max(1_000_000).default(120),
    burst: z.number().int().positive().max(1_000_000).default(60),
  }).default({ perMinute: 120, burst: 60 }),
});

export const groupConfigSchema = z.strictObject({
  group: z.strictObject({
    name: z.string().trim().min(1),
    description: z.string().optional(),
    /** Contact e-mail: sent to Crossref and OpenAlex for their polite pools. */
    email: z.email().optional(),
    /**
     * The group's time zone (IANA: `Asia/Shanghai`, `Europe/Berlin`): what day a digest is dated by,
     * where `--since 2026-07-21` starts, which weekday weekly e-mails go on. The machine's own when absent.
     */
    timezone: z.string().refine(isTimeZone, { error: 'expected a time zone as the IANA database names it, like Asia/Shanghai, Europe/Berlin or UTC' }).optional(),
  }),
  ranking: z.strictObject({
    /** A title occurrence counts this many abstract occurrences. */
    titleWeight: z.number().min(1).max(10).default(2.5),
    /** Relevance in [0, 1] a member's interests need for a paper to concern them. */
    memberThreshold: unit.default(0.35),
    /** Picks per section, the few papers the group should read; an area's `picks` overrides it. */
    picks: picks.default(3),
  }).default({ titleWeight: 2.5, memberThreshold: 0.35, picks: 3 }),
  /** The kind of work the group wants first, in every area that does not name its own. */
  focus: focusSchema.optional(),
  /**
   * The field's acronyms and what they stand for, beyond those labdigest knows (docs/config.md): a
   * keyword written either way then matches both, counted once ("DMRG" and "density matrix
   * renormalization group").
   */
  acronyms: z.record(
    z.string().regex(/^[A-Z]{2,12}$/, { error: 'expected an acronym in capitals, like DMRG or ORR' }),
    z.array(keywordText).min(1, { error: 'an acronym needs at least one phrase it stands for' }),
  ).optional(),
  areas: z.array(areaSchema).min(1, { error: 'the group needs at least one area' }),
  members: z.array(memberSchema).default([]),
  sources: z.array(sourceSchema).default([]),
  /** Sending the digest by e-mail and to chats (`digest send`); nothing is sent without it. */
  delivery: deliverySchema.optional(),
  server: serverSchema.default({ private: false, rateLimit: { perMinute: 120, burst: 60 } }),
});

export type Area = z.infer<typeof areaSchema>;
export type Focus = z.infer<typeof focusSchema>;
export type Member = z.infer<typeof memberSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type SourceType = Source['type'];
export type ServerConfig = z.infer<typeof serverSchema>;
export type GroupConfig = z.infer<typeof groupConfigSchema>;
export type GroupConfigInput = z.input<typeof groupConfigSchema>;

/** The group's time zone: the config's, else the machine's (zoned.ts). */
export function groupTimeZone(config: { readonly group: { readonly timezone?: string | undefined } }): string {
  return config.group.timezone ?? machineTimeZone();
}
