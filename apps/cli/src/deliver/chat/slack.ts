import { moreText, pack, truncate, type ChatSection, type ChatView } from './chat-view.ts';

/**
 * Slack incoming webhooks (https://api.slack.com/messaging/webhooks): `{ text, blocks }`, Block Kit
 * blocks (https://api.slack.com/reference/block-kit/blocks): at most 50 blocks a message, a header's
 * plain text at most 150 characters, a section's mrkdwn text at most 3000. A digest that needs more
 * blocks goes out as several messages. `text` is the notification's fallback.
 */
export const SLACK_LIMITS = { blocks: 50, headerText: 150, sectionText: 3000 } as const;

export interface SlackText { readonly type: 'plain_text' | 'mrkdwn'; readonly text: string }
export type SlackBlock =
  | { readonly type: 'header'; readonly text: SlackText }
  | { readonly type: 'context'; readonly elements: readonly SlackText[] }
  | { readonly type: 'section'; readonly text: SlackText };
export interface SlackMessage { readonly text: string; readonly blocks: readonly SlackBlock[] }

/** mrkdwn needs only &, < and > escaped (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<url|text>`: a `|` in the text would end the URL part early, so it becomes a look-alike. */
function slackLink(url: string | null | undefined, text: string): string {
  const label = escapeSlack(text).replace(/\|/g, '∣');
  return url ? `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${label}>` : label;
}

export function slackMessages(view: ChatView): SlackMessage[] {
  const head: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(view.title, SLACK_LIMITS.headerText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: [escapeSlack(view.summary), view.readerLink ? slackLink(view.readerLink, 'Open in the reader') : ''].filter(Boolean).join(' · ') }] },
  ];
  const body = view.sections.flatMap(sectionBlocks);
  const groups = pack([...head, ...body], (g) => g.length <= SLACK_LIMITS.blocks);
  return groups.map((blocks, i) => ({
    text: groups.length > 1 ? `${view.title}: ${view.summary} (${i + 1}/${groups.length})` : `${view.title}: ${view.summary}`,
    blocks,
  }));
}

/** A section as mrkdwn section blocks of at most 3000 characters: its name, a line per pick, "and N more". */
function sectionBlocks(section: ChatSection): SlackBlock[] {
  const lines = [
    `*${escapeSlack(section.name)}*`,
    ...section.picks.map((p) => `• ${slackLink(p.url, truncate(p.title, 400))}${p.detail ? ` — ${escapeSlack(truncate(p.detail, 400))}` : ''}`),
  ];
  const more = moreText(section);
  if (more) lines.push(`_${slackLink(section.moreLink, more)}_`);
  return pack(lines, (g) => g.join('\n').length <= SLACK_LIMITS.sectionText)
    .map((g) => ({ type: 'section', text: { type: 'mrkdwn', text: g.join('\n') } }));
}
