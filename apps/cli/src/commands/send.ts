import { defineCommand } from '../command.ts';
import { configOption, dbOption, digestsOption, waitOption, type WaitOptions } from '../options.ts';

/** Where --dry-run writes the messages: beside the store. */
const DEFAULT_OUTBOX = 'data/outbox';

export default defineCommand<{ config: string; db: string; digests: string; digest?: string; dryRun?: boolean; outbox: string; only?: 'email' | 'chat' } & WaitOptions>({
  name: 'send',
  description: 'e-mail each member their digest and post the picks to the configured chats (once per digest and recipient)',
  options: [
    { flags: '--digest <date|file>', description: 'the digest to send: a day of the archive or a digest file (default: the newest, plus failures of earlier runs)' },
    { flags: '--dry-run', description: 'write the messages (.eml, .json) to the outbox folder instead of sending; records nothing' },
    { flags: '--outbox <dir>', description: 'where --dry-run writes', default: DEFAULT_OUTBOX },
    { flags: '--only <channel>', description: 'only e-mail or only the chats', choices: ['email', 'chat'] },
    configOption, dbOption, digestsOption, waitOption,
  ],
  help: [
    'Needs a `delivery` block in the config (docs/delivery.md). The SMTP password comes from',
    'LABDIGEST_SMTP_PASSWORD, each chat\'s webhook URL from the variable its webhookEnv names; neither is',
    'ever printed or stored. Sample-data digests are never sent. Exit code 1 when any delivery failed',
    '(the summary names each); failed ones are tried again on the next run, sent ones never again.',
    '', 'Examples:', '  digest send --dry-run && ls data/outbox/*', '  digest build && digest send', '  digest send --digest 2026-12-05 --only chat',
  ].join('\n'),
  run: async ({ options, io }) => { await (await import('../deliver/send-command.ts')).sendCommand(options, io); },
});
