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
  // Each line with the section it belongs to: a post that starts inside a section says which, and
  // which part of the digest it is (found by an audit: later posts began mid-list, with no heading).
  const lines: { text: string; section: string | null; heading: boolean }[] = [
    { text: `#### ${escapeMarkdown(view.title)}`, section: null, heading: true },
    { text: [escapeMarkdown(view.summary), view.readerLink ? link(view.readerLink, 'Open in the reader') : ''].filter(Boolean).join(' · '), section: null, heading: false },
  ];
  for (const section of view.sections) {
    lines.push({ text: '', section: null, heading: false }, { text: `**${escapeMarkdown(section.name)}**`, section: section.name, heading: true });
    for (const p of section.picks) {
      lines.push({ text: `- ${link(p.url, truncate(p.title, 400))}${p.detail ? ` · ${escapeMarkdown(truncate(p.detail, 400))}` : ''}`, section: section.name, heading: false });
    }
    const more = moreText(section);
    if (more) lines.push({ text: `- _${link(section.moreLink, more)}_`, section: section.name, heading: false });
  }
  const text = (g: readonly { text: string }[]) => g.map((l) => l.text).join('\n');
  const groups = pack(lines, (g) => text(g).length + CONTINUED_ROOM <= MATTERMOST_LIMITS.text);
  return groups.map((g, k) => {
    const [first] = g;
    const continued = k > 0 && first && !first.heading && first.section !== null
      ? `**${escapeMarkdown(first.section)}, continued** (part ${k + 1} of ${groups.length})\n` : k > 0 ? `_(part ${k + 1} of ${groups.length})_\n` : '';
    return { text: `${continued}${text(g)}`.trim() };
  });
}

/** Room kept in each post for the line a later part opens with ("**Polymer Electrolytes, continued** (part 2 of 3)"). */
const CONTINUED_ROOM = 300;
