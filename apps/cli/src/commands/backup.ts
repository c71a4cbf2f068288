import { defineCommand } from '../command.ts';
import { dbOption } from '../options.ts';

export default defineCommand<{ db: string; out: string }>({
  name: 'backup',
  description: 'write a consistent copy of the store (papers and the reading room) while it is in use',
  options: [dbOption, { flags: '-o, --out <file>', description: 'where the copy goes (replaced if it exists)', required: true }],
  help: 'Safe while `digest serve` takes writes and `digest fetch` runs: SQLite\'s online backup copies one consistent state.\n\nExample:\n  digest backup --out /var/backups/labdigest-$(date +%F).sqlite',
  run: async ({ options, io }) => { await (await import('../store/backup-command.ts')).backupCommand(options, io); },
});
