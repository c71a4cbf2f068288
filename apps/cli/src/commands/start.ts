import { defineCommand, untilStopped } from '../command.ts';
import { configOption, dbOption, digestsOption, hostOption, portOption, readerOption, waitOption, type WaitOptions } from '../options.ts';

export default defineCommand<WaitOptions & {
  config: string; db: string; digests: string; reader: string; port: number; host: string; offline?: boolean; buildReader?: boolean;
}>({
  name: 'start',
  description: 'fetch, rank, write today\'s digest, send it when delivery is configured, build the reader and serve it (the one command of `pnpm start`)',
  options: [
    configOption, dbOption, digestsOption, readerOption, portOption, hostOption,
    { flags: '--offline', description: 'do not try the live sources: use the bundled recorded feeds' },
    { flags: '--no-build-reader', description: 'serve the reader already built' },
    waitOption,
  ],
  run: async ({ options, io }) => {
    const running = await (await import('../digest/start-command.ts')).startCommand(options, io);
    await untilStopped(running.close, io.err);
  },
});
