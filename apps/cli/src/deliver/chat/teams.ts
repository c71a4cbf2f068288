import { escapeMarkdown, linkDestination } from '../../export/markdown.ts';
import { moreText, pack, truncate, type ChatView } from './chat-view.ts';

/**
 * Microsoft Teams through a Workflows webhook ("Post to a channel when a webhook request is
 * received"): a message with one Adaptive Card attachment
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#send-adaptive-cards-using-an-incoming-webhook).
 * TextBlocks take a subset of Markdown (links, bold); a message may weigh at most 28 KB, so a longer
 * digest goes out as several cards.
 */
export const TEAMS_LIMITS = { bytes: 28_000 } as const;

export interface TeamsTextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly weight?: 'Bolder';
  readonly size?: 'Large' | 'Medium' | 'Small';
  readonly isSubtle?: true;
  readonly separator?: true;
}
export interface TeamsMessage {
  readonly type: 'message';
  readonly attachments: readonly [{
    readonly contentType: 'application/vnd.microsoft.card.adaptive';
    readonly contentUrl: null;
    readonly content: {
      readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
      readonly type: 'AdaptiveCard';
      readonly version: '1.4';
      readonly body: readonly TeamsTextBlock[];
      readonly actions?: readonly { readonly type: 'Action.OpenUrl'; readonly title: string; readonly url: string }[];
    };
  }];
}

function link(url: string | null | undefined, text: string): string {
  return url ? `[${escapeMarkdown(text)}](${linkDestination(url)})` : escapeMarkdown(text);
}

function message(body: readonly TeamsTextBlock[], readerLink: string | undefined): TeamsMessage {
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body,
        ...(readerLink ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in the reader', url: readerLink }] } : {}),
      },
    }],
  };
}

const size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

export function teamsMessages(view: ChatView): TeamsMessage[] {
  // Each block with the section it belongs to: a card that starts inside a section says which, and
  // which part of the digest it is (found by an audit: later cards began mid-list, with no heading).
  const blocks: { block: TeamsTextBlock; section: string | null; heading: boolean }[] = [
    { block: { type: 'TextBlock', text: escapeMarkdown(view.title), weight: 'Bolder', size: 'Large', wrap: true }, section: null, heading: true },
    { block: { type: 'TextBlock', text: escapeMarkdown(view.summary), isSubtle: true, wrap: true }, section: null, heading: false },
  ];
  for (const section of view.sections) {
    blocks.push({ block: { type: 'TextBlock', text: escapeMarkdown(section.name), weight: 'Bolder', size: 'Medium', wrap: true, separator: true }, section: section.name, heading: true });
    for (const p of section.picks) {
      blocks.push({ block: { type: 'TextBlock', text: `${link(p.url, truncate(p.title, 400))}${p.detail ? `\n\n${escapeMarkdown(truncate(p.detail, 400))}` : ''}`, wrap: true }, section: section.name, heading: false });
    }
    const more = moreText(section);
    if (more) blocks.push({ block: { type: 'TextBlock', text: link(section.moreLink, more), isSubtle: true, wrap: true }, section: section.name, heading: false });
  }
  const groups = pack(blocks, (g) => size(message(g.map((b) => b.block), view.readerLink)) + CONTINUED_ROOM <= TEAMS_LIMITS.bytes);
  return groups.map((g, k) => {
    const [first] = g;
    const continued: TeamsTextBlock[] = k === 0 ? [] : [{
      type: 'TextBlock', weight: 'Bolder', size: 'Medium', wrap: true,
      text: `${first && !first.heading && first.section !== null ? `${escapeMarkdown(first.section)}, continued ` : ''}(part ${k + 1} of ${groups.length})`,
    }];
    return message([...continued, ...g.map((b) => b.block)], view.readerLink);
  });
}

/** Room kept in each card for the block a later part opens with ("Polymer Electrolytes, continued (part 2 of 3)"). */
const CONTINUED_ROOM = 600;
