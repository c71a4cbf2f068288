import { dirname, join } from 'node:path';
import type { GroupConfig } from '@labdigest/core';
import type { Io } from '../io.ts';
import { IngestError } from '../errors.ts';
import { sendCommand, type SendOptions } from './send-command.ts';

/**
 * The delivery step of `digest start` (and of any run that builds and then sends): when the config
 * has a delivery block, send the digest just built, unless it is sample data. A failed delivery is
 * reported and the run goes on (the reader is still served); it is tried again on the next run.
 */
export async function deliverAfterBuild(
  input: { readonly config: GroupConfig; readonly configFile: string; readonly db: string; readonly digests: string; readonly sample: boolean },
  io: Io, overrides: Partial<SendOptions> = {},
): Promise<void> {
  if (!input.config.delivery) return;
  if (input.sample) {
    io.err('sample data: nothing sent (e-mail and chat delivery is for digests of a live fetch)\n');
    return;
  }
  try {
    await sendCommand({ config: input.configFile, db: input.db, digests: input.digests, outbox: join(dirname(input.db), 'outbox'), ...overrides }, io);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    io.err(`digest: ${error.message}\n`);
  }
}
