import { defineCommand } from '../command.ts';
import { digestsOption, readerOption } from '../options.ts';

export default defineCommand<{ out: string; reader: string; digests: string }>({
  name: 'publish',
  description: 'write the reader and the digest archive as one static site folder (GitHub Pages, a lab server)',
  options: [{ flags: '-o, --out <dir>', description: 'the site folder (replaced)', required: true }, readerOption, digestsOption],
  help: 'Example:\n  digest build && pnpm --filter @labdigest/reader build && digest publish --out site',
  run: async ({ options, io }) => { (await import('../serve/publish-command.ts')).publishCommand(options, io); },
});
