import { z } from 'zod';

/**
 * What each chat service accepts from an incoming webhook, written from its documentation, to check
 * the payloads `digest send` posts. Strict objects: a field the service does not document fails.
 */

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
const chars = (text: string) => [...text].length;

// Slack: https://api.slack.com/messaging/webhooks (a message is { text, blocks }), Block Kit
// https://api.slack.com/reference/block-kit/blocks: up to 50 blocks; header: plain_text up to 150
// characters; section: a text object up to 3000; context: up to 10 elements. A message's text is cut
// at 40,000 characters (https://api.slack.com/methods/chat.postMessage#truncating).
const slackText = z.strictObject({ type: z.enum(['plain_text', 'mrkdwn']), text: z.string().min(1).max(3000), emoji: z.boolean().optional() });
export const slackMessageShape = z.strictObject({
  text: z.string().min(1).max(40_000),
  blocks: z.array(z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('header'), text: z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(150), emoji: z.boolean().optional() }) }),
    z.strictObject({ type: z.literal('section'), text: slackText }),
    z.strictObject({ type: z.literal('context'), elements: z.array(slackText).min(1).max(10) }),
  ])).min(1).max(50),
});

// Mattermost: https://developers.mattermost.com/integrate/webhooks/incoming/ — `text` (Markdown) is
// required unless attachments are given; a post holds at most 16,383 characters.
export const mattermostMessageShape = z.strictObject({
  text: z.string().min(1).refine((t) => chars(t) <= 16_383, { error: 'a Mattermost post holds at most 16,383 characters' }),
  username: z.string().optional(), icon_url: z.string().optional(), channel: z.string().optional(),
});

// Microsoft Teams, Workflows webhook: https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
// ("Send Adaptive Cards using an Incoming Webhook"): { type: "message", attachments: [{ contentType:
// "application/vnd.microsoft.card.adaptive", contentUrl: null, content: <AdaptiveCard> }] }; the
// message size limit is 28 KB. Adaptive Card schema: https://adaptivecards.io/explorer/ (AdaptiveCard,
// TextBlock, Action.OpenUrl).
const textBlock = z.strictObject({
  type: z.literal('TextBlock'), text: z.string().min(1), wrap: z.boolean().optional(),
  weight: z.enum(['Default', 'Lighter', 'Bolder']).optional(), size: z.enum(['Default', 'Small', 'Medium', 'Large', 'ExtraLarge']).optional(),
  isSubtle: z.boolean().optional(), separator: z.boolean().optional(),
});
export const teamsMessageShape = z.strictObject({
  type: z.literal('message'),
  attachments: z.array(z.strictObject({
    contentType: z.literal('application/vnd.microsoft.card.adaptive'),
    contentUrl: z.null(),
    content: z.strictObject({
      $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json'),
      type: z.literal('AdaptiveCard'),
      version: z.string().regex(/^1\.[0-6]$/),
      body: z.array(textBlock).min(1),
      actions: z.array(z.strictObject({ type: z.literal('Action.OpenUrl'), title: z.string().min(1), url: z.url({ protocol: /^https?$/ }) })).optional(),
    }),
  })).length(1),
}).refine((m) => bytes(m) <= 28 * 1024, { error: 'a Teams message weighs at most 28 KB' });

// Discord: https://discord.com/developers/docs/resources/webhook#execute-webhook — at least one of
// content (up to 2000 characters) and embeds (up to 10); embed limits
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits: title 256,
// description 4096, and titles, descriptions, fields, footers and authors of all embeds together 6000.
const embed = z.strictObject({
  title: z.string().refine((t) => chars(t) <= 256).optional(),
  description: z.string().refine((t) => chars(t) <= 4096).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  color: z.number().int().min(0).max(0xffffff).optional(),
});
export const discordMessageShape = z.strictObject({
  content: z.string().refine((t) => chars(t) <= 2000, { error: 'content holds at most 2000 characters' }).optional(),
  embeds: z.array(embed).max(10).optional(),
  allowed_mentions: z.strictObject({ parse: z.array(z.enum(['roles', 'users', 'everyone'])) }).optional(),
  username: z.string().optional(),
}).refine((m) => (m.content ?? '') !== '' || (m.embeds?.length ?? 0) > 0, { error: 'a message needs content or embeds' })
  .refine((m) => (m.embeds ?? []).reduce((n, e) => n + chars(e.title ?? '') + chars(e.description ?? ''), 0) <= 6000,
    { error: 'the embeds of a message hold at most 6000 characters together' });

// Matrix via matrix-hookshot generic webhooks: https://matrix-org.github.io/matrix-hookshot/latest/setup/webhooks.html
// — { text, html?, username? }; the event it becomes may weigh at most 65,536 bytes (Matrix
// client-server API, "Size limits").
export const matrixMessageShape = z.strictObject({
  text: z.string().min(1), html: z.string().optional(), username: z.string().optional(),
}).refine((m) => bytes(m) < 65_536, { error: 'a Matrix event weighs at most 65,536 bytes' });

export const CHAT_SHAPES = {
  slack: slackMessageShape, mattermost: mattermostMessageShape, teams: teamsMessageShape,
  discord: discordMessageShape, matrix: matrixMessageShape,
} as const;
