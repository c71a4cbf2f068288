import { defineCommand } from '../command.ts';
import { configOption, dateArgument, dbOption, feedUrlArgument, positiveSeconds, waitOption, type WaitOptions } from '../options.ts';

export default defineCommand<WaitOptions & { config: string; db: string; source?: string; feed?: string; since?: Date; budget: number }>({
  name: 'fetch',
  description: 'fetch new papers from the sources of the config into the store',
  options: [
    { flags: '-s, --source <name>', description: 'only this source of the config (even when disabled)' },
    { flags: '--feed <url>', description: 'only this URL (http, https or file): arXiv, Crossref, OpenAlex, RSS or Atom, recognised by content', parse: feedUrlArgument },
    { flags: '--since <date>', description: 'ask for papers since this date (YYYY-MM-DD) instead of each source\'s window', parse: dateArgument },
    { flags: '--budget <seconds>', description: 'the most time one source may take (all its pages, waits and retries); then it is reported as failed and the next goes on', default: 300, parse: positiveSeconds },
    dbOption,
    configOption,
    waitOption,
  ],
  help: [
    'Exit code 1 when no source at all could be fetched, or a source failed with an internal error;',
    'the summary lists each source\'s failures. docs/reliability.md says what is retried and capped.',
    'OPENALEX_API_KEY, when set, is sent to OpenAlex (and never printed or stored).',
    '', 'Examples:', '  digest fetch', '  digest fetch --source arxiv-mtrl-sci --since 2026-06-01',
    '  digest fetch --feed https://pubs.acs.org/action/showFeed?type=etoc&feed=rss&jc=jacsat',
  ].join('\n'),
  run: async ({ options, io }) => (await import('../net/fetch-command.ts')).fetchCommand(options, io),
});
