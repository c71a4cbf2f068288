import { defineCommand } from '../command.ts';
import { dateArgument, dbOption } from '../options.ts';

export default defineCommand<{ out?: string; since?: Date; db: string }>({
  name: 'papers',
  description: 'write the stored papers as JSON lines (the input of `digest rank --papers`)',
  options: [
    { flags: '-o, --out <file>', description: 'where to write them (.jsonl, or .jsonl.gz to compress; default or -: standard output)' },
    { flags: '--since <date>', description: 'only papers first seen since this date (YYYY-MM-DD)', parse: dateArgument },
    dbOption,
  ],
  help: 'Examples:\n  digest papers --since 2026-06-01 --out week.jsonl && digest rank --papers week.jsonl --print\n  digest papers --since 2026-06-01 | grep -c electrolyte',
  run: async ({ options, io }) => (await import('../store/papers-command.ts')).papersCommand(options, io),
});
