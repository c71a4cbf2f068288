import { defineCommand, untilStopped } from '../command.ts';
import { digestsOption, hostOption, portOption, readerOption } from '../options.ts';

export default defineCommand<{ reader: string; digests: string; port: number; host: string }>({
  name: 'serve',
  description: 'serve the built reader and the digest archive over HTTP',
  options: [readerOption, { ...digestsOption, description: 'digest archive, served at /digests/' }, portOption, hostOption],
  run: async ({ options, io }) => {
    await (await import('../serve/serve-command.ts')).serveCommand(options, io);
    await untilStopped();
  },
});
