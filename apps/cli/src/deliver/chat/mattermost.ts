import { escapeMarkdown, linkDestination } from '../../export/markdown.ts';
import { moreText, pack, truncate, type ChatView } from './chat-view.ts';

/**
 * Mattermost incoming webhooks (https://developers.mattermost.com/integrate/webhooks/incoming/):
 * Slack's `{ text }` with Markdown text; a post holds at most 16,383 characters, so a longer digest
 * goes out as several posts.
 */
export const MATTERMOST_LIMITS = { text: 16_383 } as const;

export interface MattermostMessage { readonly text: string }

function link(url: string | null | undefined, text: string): string {
  return url ? `[${escapeMarkdown(text)}](${linkDestination(url)})` : escapeMarkdown(text);
}

export function mattermostMessages(view: ChatView): MattermostMessage[] {
  const lines = [
    `#### ${escapeMarkdown(view.title)}`,
    [escapeMarkdown(view.summary), view.readerLink ? link(view.readerLink, 'Open in the reader') : ''].filter(Boolean).join(' · '),
  ];
  for (const section of view.sections) {
    lines.push('', `**${escapeMarkdown(section.name)}**`);
    for (const p of section.picks) lines.push(`- ${link(p.url, truncate(p.title, 400))}${p.detail ? ` · ${escapeMarkdown(truncate(p.detail, 400))}` : ''}`);
    const more = moreText(section);
    if (more) lines.push(`- _${link(section.moreLink, more)}_`);
  }
  return pack(lines, (g) => g.join('\n').length <= MATTERMOST_LIMITS.text).map((g) => ({ text: g.join('\n').trim() }));
}
