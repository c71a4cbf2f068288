import { defineCommand } from '../command.ts';
import { dbOption } from '../options.ts';

export default defineCommand<{ db: string; out: string }>({
  name: 'backup',
  description: 'write a consistent copy of the store (papers and the reading room) while it is in use',
  options: [
    dbOption,
    {
      flags: '-o, --out <path>', required: true,
      description: 'where the copy goes: a file (replaced if it exists), or a folder (one that exists, or ending in /), which gets labdigest-YYYY-MM-DD.sqlite (today)',
    },
  ],
  help: [
    'Safe while `digest serve` takes writes and `digest fetch` runs: SQLite\'s online backup copies one consistent state.',
    'A symlink as --out keeps its link (the file it leads to is replaced); the store itself, a device and - are refused.',
    '',
    'Examples:',
    '  digest backup --out /var/backups/labdigest-$(date +%F).sqlite',
    '  digest backup --out /var/backups/',
  ].join('\n'),
  run: async ({ options, io }) => { await (await import('../store/backup-command.ts')).backupCommand(options, io); },
});
