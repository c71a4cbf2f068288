import { defineCommand } from '../command.ts';
import { dbOption } from '../options.ts';

export default defineCommand<{ db: string }>({
  name: 'import',
  description: 'add papers from a file to the store: JSON lines (.jsonl, .jsonl.gz), BibTeX (.bib) or RIS (.ris)',
  arguments: [{ name: '<file>', description: 'the file to import' }],
  options: [dbOption],
  run: async ({ args, options, io }) => (await import('../store/import-command.ts')).importCommand(args[0] as string, options, io),
});
