import { linkDestination } from '../../export/markdown.ts';
import { moreText, pack, truncate, type ChatSection, type ChatView } from './chat-view.ts';

/**
 * Discord webhooks (https://discord.com/developers/docs/resources/webhook#execute-webhook): content at
 * most 2000 characters, at most 10 embeds, and the embeds' titles, descriptions, field names and
 * values, footers and authors together at most 6000 characters; an embed's title at most 256, its
 * description at most 4096 (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * One embed per section; a digest that needs more goes out as several messages. Mentions are off, so
 * an "@everyone" in a title pings nobody.
 */
export const DISCORD_LIMITS = { content: 2000, embeds: 10, embedTotal: 6000, title: 256, description: 4096 } as const;

export interface DiscordEmbed { readonly title: string; readonly description: string; readonly url?: string; readonly color: number }
export interface DiscordMessage {
  readonly content: string;
  readonly embeds: readonly DiscordEmbed[];
  readonly allowed_mentions: { readonly parse: readonly [] };
}

/** Discord's Markdown, backslash-escaped: emphasis, code, spoilers, quotes, headings, lists, masked links. */
export function escapeDiscord(text: string): string {
  return text.replace(/[\\*_~`|>#\-[\]()]/g, '\\$&');
}

function link(url: string | null | undefined, text: string): string {
  return url ? `[${escapeDiscord(text)}](${linkDestination(url)})` : escapeDiscord(text);
}

const chars = (text: string) => [...text].length;
const embedChars = (e: DiscordEmbed) => chars(e.title) + chars(e.description);

/** A section's embed: its picks while the description stays within 4096 characters, then "and N more". */
function sectionEmbed(section: ChatSection): DiscordEmbed {
  const lines = section.picks.map((p) => `**${link(p.url, truncate(p.title, 300))}**${p.detail ? `\n${escapeDiscord(truncate(p.detail, 300))}` : ''}`);
  for (let shown = lines.length; shown >= 0; shown--) {
    const more = moreText({ ...section, more: section.more + lines.length - shown });
    const description = [...lines.slice(0, shown), more ? link(section.moreLink, more) : ''].filter(Boolean).join('\n\n');
    if (chars(description) <= DISCORD_LIMITS.description) {
      return { title: truncate(section.name, DISCORD_LIMITS.title), description, ...(section.moreLink ? { url: section.moreLink } : {}), color: 0x0969da };
    }
  }
  return { title: truncate(section.name, DISCORD_LIMITS.title), description: '', color: 0x0969da };
}

export function discordMessages(view: ChatView): DiscordMessage[] {
  const embeds = view.sections.map(sectionEmbed);
  const groups = pack(embeds, (g) => g.length <= DISCORD_LIMITS.embeds && g.reduce((n, e) => n + embedChars(e), 0) <= DISCORD_LIMITS.embedTotal);
  const head = `**${escapeDiscord(view.title)}** · ${escapeDiscord(view.summary)}${view.readerLink ? `\n<${view.readerLink}>` : ''}`;
  return (groups.length ? groups : [[]]).map((g, i) => ({
    content: truncate(i === 0 ? head : `**${escapeDiscord(view.title)}** (${i + 1}/${groups.length})`, DISCORD_LIMITS.content),
    embeds: g,
    allowed_mentions: { parse: [] },
  }));
}
