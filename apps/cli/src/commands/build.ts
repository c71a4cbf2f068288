import { defineCommand } from '../command.ts';
import { configOption, dateText, dbOption, digestsOption, waitOption, type WaitOptions } from '../options.ts';

export default defineCommand<WaitOptions & { config: string; db: string; digests: string; since?: string; until?: string; sample?: boolean; learning?: boolean; force?: boolean }>({
  name: 'build',
  description: 'write the digest of the papers first seen in a window into the archive (default: since the last digest, else 7 days)',
  options: [
    configOption,
    dbOption,
    digestsOption,
    { flags: '--since <date>', description: 'papers first seen at or after this date or ISO time', parse: dateText },
    { flags: '--until <date>', description: 'papers first seen before the end of this date (default: now)', parse: dateText },
    { flags: '--sample', description: 'mark the digest as built from bundled recorded data' },
    { flags: '--no-learning', description: 'rank by the keywords alone, not by what the group\'s stars and dismissals taught' },
    { flags: '--force', description: 'write the digest even when no paper was first seen in the window, or over a day\'s digest that holds papers with an empty one' },
    waitOption,
  ],
  help: 'Rebuilding the same day replaces that day\'s digest, unless the new one would be empty and the old one is not. A window no paper was first seen in (a weekend, a second run after midnight) writes no digest: the latest stays the reader\'s first page.\n\nExamples:\n  digest build\n  digest build --since 2026-06-01 --until 2026-06-07',
  run: async ({ options, io }) => { await (await import('../digest/build-command.ts')).buildCommand(options, io); },
});
