import { defineCommand } from '../command.ts';
import { dbOption, positiveInt } from '../options.ts';

export default defineCommand<{ limit: number; db: string }>({
  name: 'search',
  description: 'full-text search of the stored titles and abstracts, best match first',
  arguments: [{ name: '<query>', description: 'words to look for (plain words; no search syntax needed)' }],
  options: [
    { flags: '-n, --limit <n>', description: 'at most this many results', parse: positiveInt, default: 20 },
    dbOption,
  ],
  help: 'Example:\n  digest search "polymer electrolyte" --limit 5',
  run: async ({ args, options, io }) => (await import('../store/search-command.ts')).searchCommand(args[0] as string, options, io),
});
