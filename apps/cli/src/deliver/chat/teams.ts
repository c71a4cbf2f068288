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
  const blocks: TeamsTextBlock[] = [
    { type: 'TextBlock', text: escapeMarkdown(view.title), weight: 'Bolder', size: 'Large', wrap: true },
    { type: 'TextBlock', text: escapeMarkdown(view.summary), isSubtle: true, wrap: true },
  ];
  for (const section of view.sections) {
    blocks.push({ type: 'TextBlock', text: escapeMarkdown(section.name), weight: 'Bolder', size: 'Medium', wrap: true, separator: true });
    for (const p of section.picks) {
      blocks.push({ type: 'TextBlock', text: `${link(p.url, truncate(p.title, 400))}${p.detail ? `\n\n${escapeMarkdown(truncate(p.detail, 400))}` : ''}`, wrap: true });
    }
    const more = moreText(section);
    if (more) blocks.push({ type: 'TextBlock', text: link(section.moreLink, more), isSubtle: true, wrap: true });
  }
  return pack(blocks, (g) => size(message(g, view.readerLink)) <= TEAMS_LIMITS.bytes).map((g) => message(g, view.readerLink));
}
