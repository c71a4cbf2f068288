import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { rankCommand } from './commands/rank.ts';
import { IngestError } from './errors.ts';

/**
 * The `digest` command line. Exit codes: 0 done, 1 the input or the run failed (the message says
 * what and where), 2 the command line itself was wrong (unknown option, missing argument).
 */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
};

export function buildProgram(io: Io = processIo): Command {
  const program = new Command('digest')
    .description('labdigest: collect new papers, rank them for your research group, publish a digest.')
    .version('0.1.0', '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .addHelpText('after', '\nExit codes: 0 done, 1 bad input or failed run, 2 wrong usage.\nRun `digest <command> --help` for a command\'s options.');

  program.command('rank')
    .description('score papers (JSON lines) against the areas and members of the config')
    .requiredOption('-p, --papers <file>', 'papers, one JSON object a line (.jsonl or .jsonl.gz)')
    .option('-c, --config <file>', 'group config', 'digest.config.yaml')
    .option('-o, --out <file>', 'write the ranking as JSON here (default: standard output)')
    .option('--print', 'print the top papers per section for reading')
    .option('--top <n>', 'papers per section with --print', positiveInt, 5)
    .addOption(new Option('--idf <source>', 'where IDF comes from: the batch, the shipped corpus statistics, or auto (batch when it has 5000+ papers)')
      .choices(['auto', 'batch', 'background']).default('auto'))
    .addHelpText('after', '\nExamples:\n  digest rank --papers papers.jsonl --out ranked.json\n  digest rank --papers fixtures/papers/sample-week.jsonl.gz --print --top 3')
    .action(async (options) => rankCommand(options, io));

  return program;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number, saw "${value}"`);
  return n;
}

/** Runs the program and returns the exit code; never throws. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const { err } = io;
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (error instanceof IngestError) {
      err(`digest: ${error.message}\n`);
      return error.code === 'USAGE' ? 2 : 1;
    }
    err(`digest: internal error (please report it):\n${describeBug(error)}\n`);
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

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/bin/digest.js')) {
  process.exitCode = await run(process.argv.slice(2));
}
