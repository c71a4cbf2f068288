import { defineCommand } from '../command.ts';
import { dbOption, waitOption, type WaitOptions } from '../options.ts';

export default defineCommand<WaitOptions & { db: string }>({
  name: 'import',
  description: 'add papers from a file to the store: JSON lines (.jsonl, .jsonl.gz), BibTeX (.bib) or RIS (.ris)',
  arguments: [{ name: '<file>', description: 'the file to import' }],
  options: [dbOption, waitOption],
  run: async ({ args, options, io }) => (await import('../store/import-command.ts')).importCommand(args[0] as string, options, io),
});
