import { defineCommand } from '../command.ts';
import { digestsOption, readerOption } from '../options.ts';

export default defineCommand<{ out: string; reader: string; digests: string; force?: boolean }>({
  name: 'publish',
  description: 'write the reader and the digest archive as one static site folder (GitHub Pages, a lab server)',
  options: [
    { flags: '-o, --out <dir>', description: 'the site folder (replaced whole: a new or empty folder, or an earlier site)', required: true },
    readerOption, digestsOption,
    { flags: '--force', description: 'replace --out even when it holds files no publish wrote' },
  ],
  help: [
    'Publishing again replaces an earlier site (a folder holding .labdigest-site, or index.html and',
    'digests/index.json). Any other folder with files in it is left alone unless --force. An --out that',
    'is, holds or lies inside the archive or the reader, or that holds a paper store (*.sqlite), is',
    'refused even with --force.',
    '',
    'Example:',
    '  digest build && pnpm --filter @labdigest/reader build && digest publish --out site',
  ].join('\n'),
  run: async ({ options, io }) => { (await import('../serve/publish-command.ts')).publishCommand(options, io); },
});
