import { Command, CommanderError, Option } from 'commander';
import type { CommandDefinition } from './command.ts';
import build from './commands/build.ts';
import explain from './commands/explain.ts';
import feedback from './commands/feedback.ts';
import exportCommand from './commands/export.ts';
import fetch from './commands/fetch.ts';
import importCommand from './commands/import.ts';
import init from './commands/init.ts';
import learn from './commands/learn.ts';
import members from './commands/members.ts';
import backup from './commands/backup.ts';
import papers from './commands/papers.ts';
import publish from './commands/publish.ts';
import rank from './commands/rank.ts';
import search from './commands/search.ts';
import send from './commands/send.ts';
import serve from './commands/serve.ts';
import start from './commands/start.ts';
// The sanitizer alone: the parsers behind '@labdigest/sources' load only with the commands that use them.
import { withoutControls } from '@labdigest/sources/controls';
import { printableIo, processIo, type Io } from './io.ts';
import { valueParser } from './options.ts';

/** The commands, in the order `digest --help` lists them. */
export const COMMANDS: readonly CommandDefinition<never>[] = [
  rank, fetch, papers, importCommand, search, build, serve, start, publish, send, exportCommand, explain, feedback, learn, init, members, backup,
] as readonly CommandDefinition<never>[];

/**
 * The `digest` command line, assembled from the definitions in commands/. Each command's code is
 * loaded when it runs, so `--help` loads none of it. Exit codes: 0 done, 1 the input or the run
 * failed (the message says what and where), 2 the command line itself was wrong.
 */
export function buildProgram(io: Io = processIo): Command {
  const program = new Command('digest')
    .description('labdigest: collect new papers, rank them for your research group, publish a digest.')
    .version('0.1.0', '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .addHelpText('after', '\nExit codes: 0 done, 1 bad input or failed run, 2 wrong usage.\nRun `digest <command> --help` for a command\'s options.');
  for (const definition of COMMANDS) addCommand(program, definition as CommandDefinition, io);
  return program;
}

function addCommand(program: Command, definition: CommandDefinition, io: Io): void {
  const command = program.command(definition.name).description(definition.description);
  for (const arg of definition.arguments ?? []) command.argument(arg.name, arg.description);
  for (const spec of definition.options ?? []) {
    const option = new Option(spec.flags, spec.description);
    const parse = valueParser(spec);
    if (parse) option.argParser(parse);
    if (spec.choices) option.choices(spec.choices);
    if (spec.default !== undefined) option.default(spec.default);
    command.addOption(option);
  }
  // A required option is checked in the action, after commander's check of unknown options: a typo
  // ("--bibb") gets "did you mean --bib?", not "required option '--bib' not specified".
  const required = (definition.options ?? []).filter((spec) => spec.required).map((spec) => new Option(spec.flags, spec.description));
  if (definition.help) command.addHelpText('after', `\n${definition.help}`);
  for (const sub of definition.subcommands ?? []) addCommand(command, sub as CommandDefinition, io);
  const { run } = definition;
  if (!run) return; // commander prints the subcommands' help, or "unknown command", with exit code 2
  command.action(async (...values: unknown[]) => {
    const missing = required.find((option) => command.getOptionValue(option.attributeName()) === undefined);
    if (missing) command.error(`error: required option '${missing.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: 2 });
    // commander passes the positional arguments, then the options, then the command.
    const args = values.slice(0, definition.arguments?.length ?? 0) as string[];
    await run({ args, options: command.opts(), io });
  });
}

/** Runs the program and returns the exit code; never throws. */
export async function run(argv: readonly string[], rawIo: Io = processIo): Promise<number> {
  const io = printableIo(rawIo, withoutControls);
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2; // help asked for, or shown for a missing subcommand
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    // errors.ts is loaded already whenever one of its errors was thrown; help alone never loads it.
    const { IngestError } = await import('./errors.ts');
    if (error instanceof IngestError) {
      io.err(`digest: ${error.message}\n`);
      return error.code === 'USAGE' ? 2 : 1;
    }
    io.err(`digest: internal error (please report it):\n${describeBug(error)}\n`);
    return 1;
  }
}

function describeBug(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  return parts.join('\ncaused by: ');
}

/**
 * A reader that stops early (`digest export … | head`) closes the pipe: what is left of the output has
 * nowhere to go, which is no error of the command's, and ends it quietly, as it ends `cat`. Any other
 * failure to write the output is said in one line.
 */
function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`digest: cannot write the output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? 0 : 1);
  });
  process.stderr.on('error', () => process.exit(1));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/bin/digest.js')) {
  endQuietlyOnClosedPipe();
  process.exitCode = await run(process.argv.slice(2));
}
