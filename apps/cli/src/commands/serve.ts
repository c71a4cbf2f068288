import { defineCommand, untilStopped } from '../command.ts';
import { configOption, dbOption, digestsOption, hostOption, portOption, readerOption } from '../options.ts';

export default defineCommand<{ reader: string; digests: string; port: number; host: string; config: string; db: string }>({
  name: 'serve',
  description: 'serve the built reader, the digest archive and the group\'s reading room (shared stars, notes, meeting list) over HTTP',
  options: [readerOption, { ...digestsOption, description: 'digest archive, served at /digests/' }, portOption, hostOption, configOption, dbOption],
  help: 'Members join with a link from `digest members invite NAME`; docs/server.md says how to run it for the lab (TLS, systemd, backups).',
  run: async ({ options, io }) => {
    const running = await (await import('../serve/serve-command.ts')).serveCommand(options, io);
    await untilStopped(running.close, io.err);
  },
});
