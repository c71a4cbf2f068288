import type { ChatType, Digest } from '@labdigest/core';
import { chatView } from './chat-view.ts';
import { discordMessages } from './discord.ts';
import { matrixMessages } from './matrix.ts';
import { mattermostMessages } from './mattermost.ts';
import { slackMessages } from './slack.ts';
import { teamsMessages } from './teams.ts';

/** The JSON bodies to post to a chat's webhook for a digest, in order (usually one). */
export function chatMessages(type: ChatType, digest: Digest, readerUrl?: string): unknown[] {
  const view = chatView(digest, readerUrl);
  switch (type) {
    case 'slack': return slackMessages(view);
    case 'mattermost': return mattermostMessages(view);
    case 'teams': return teamsMessages(view);
    case 'discord': return discordMessages(view);
    case 'matrix': return matrixMessages(view);
  }
}
