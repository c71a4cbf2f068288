import type { Io } from './io.ts';

/** One option of a command, as data; cli.ts turns it into commander's Option. */
export interface OptionSpec {
  /** `-c, --config <file>`, `--print`, `--no-build-reader`. */
  readonly flags: string;
  readonly description: string;
  readonly default?: unknown;
  readonly required?: boolean;
  readonly choices?: readonly string[];
  /** Turns the text into the option's value; throws commander's InvalidArgumentError (exit 2). */
  readonly parse?: (value: string, previous: unknown) => unknown;
}

/**
 * A command of `digest`: what `--help` shows, and `run`, which loads the implementation only when
 * the command runs (so `digest --help` loads none of them). Definitions import nothing but this
 * file, io.ts and options.ts; cli.ts assembles them.
 */
export interface CommandDefinition<Options = Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  /** Positional arguments: `<file>`. */
  readonly arguments?: readonly { readonly name: string; readonly description: string }[];
  readonly options?: readonly OptionSpec[];
  /** Shown after the options: notes, then examples. */
  readonly help?: string;
  /** Commands under this one (`digest members invite`); a command that only groups them has no `run`. */
  readonly subcommands?: readonly CommandDefinition<never>[];
  /** Runs the command; resolves when it is done (`serve` and `start` resolve only when stopped). */
  readonly run?: (input: { readonly args: readonly string[]; readonly options: Options; readonly io: Io }) => Promise<void>;
}

/** Returns its argument: a definition typed by its options (as citty's defineCommand). */
export function defineCommand<Options>(definition: CommandDefinition<Options>): CommandDefinition<Options> {
  return definition;
}

/**
 * Until the process is asked to stop (Ctrl-C, or SIGTERM from systemd or `docker stop`): what `serve`
 * and `start` wait for once they serve. Then `stop` finishes the requests in flight and closes the
 * store, and the command ends (exit 0); a second signal while it does ends the process at once.
 */
export function untilStopped(stop: () => Promise<void>, note: (text: string) => void): Promise<void> {
  return new Promise<void>((done) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once(signal, () => process.exit(130));
      note(`${signal}: stopping, after the requests in flight\n`);
      void stop().finally(done);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}
