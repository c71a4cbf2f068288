import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { registerBuild } from './commands/build.ts';
import { registerExplain } from './commands/explain.ts';
import { registerExport } from './commands/export.ts';
import { fetchCommand } from './commands/fetch.ts';
import { importCommand } from './commands/import.ts';
import { registerInit } from './commands/init.ts';
import { papersCommand } from './commands/papers.ts';
import { registerPublish } from './commands/publish.ts';
import { rankCommand } from './commands/rank.ts';
import { searchCommand } from './commands/search.ts';
import { registerServe } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';
import { DEFAULT_DB_PATH } from './store/open-db.ts';
import { IngestError } from './errors.ts';

/**
 * The `digest` command line. Exit codes: 0 done, 1 the input or the run failed (the message says
 * what and where), 2 the command line itself was wrong (unknown option, missing argument).
 */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Standard error is a terminal (progress may rewrite its line). */
  readonly errIsTTY?: boolean;
}

const processIo: Io = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
  errIsTTY: process.stderr.isTTY === true,
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

  const dbOption = () => new Option('--db <path>', 'the paper store (SQLite)').default(DEFAULT_DB_PATH);

  program.command('fetch')
    .description('fetch new papers from the sources of the config into the store')
    .option('-s, --source <name>', 'only this source of the config (even when disabled)')
    .option('--feed <url>', 'only this URL (http, https or file): arXiv, Crossref, OpenAlex, RSS or Atom, recognised by content')
    .option('--since <date>', 'ask for papers since this date (YYYY-MM-DD) instead of each source\'s window', sinceDate)
    .addOption(dbOption())
    .option('-c, --config <file>', 'group config', 'digest.config.yaml')
    .addHelpText('after', '\nExit code 1 only when no source at all could be fetched; the summary lists each source\'s failures.\nOPENALEX_API_KEY, when set, is sent to OpenAlex (and never printed or stored).\n\nExamples:\n  digest fetch\n  digest fetch --source arxiv-mtrl-sci --since 2026-06-01\n  digest fetch --feed https://pubs.acs.org/action/showFeed?type=etoc&feed=rss&jc=jacsat')
    .action(async (options) => fetchCommand(options, io));

  program.command('papers')
    .description('write the stored papers as JSON lines (the input of `digest rank --papers`)')
    .requiredOption('-o, --out <file>', 'where to write them (.jsonl, or .jsonl.gz to compress)')
    .option('--since <date>', 'only papers first seen since this date (YYYY-MM-DD)', sinceDate)
    .addOption(dbOption())
    .addHelpText('after', '\nExample:\n  digest papers --since 2026-06-01 --out week.jsonl && digest rank --papers week.jsonl --print')
    .action((options) => papersCommand(options, io));

  program.command('import')
    .description('add papers from a file to the store: JSON lines (.jsonl, .jsonl.gz), BibTeX (.bib) or RIS (.ris)')
    .argument('<file>', 'the file to import')
    .addOption(dbOption())
    .action(async (file: string, options) => importCommand(file, options, io));

  program.command('search')
    .description('full-text search of the stored titles and abstracts, best match first')
    .argument('<query>', 'words to look for (plain words; no search syntax needed)')
    .option('-n, --limit <n>', 'at most this many results', positiveInt, 20)
    .addOption(dbOption())
    .addHelpText('after', '\nExample:\n  digest search "polymer electrolyte" --limit 5')
    .action((query: string, options) => searchCommand(query, options, io));

  registerBuild(program, io);
  registerServe(program, io);
  registerStart(program, io);
  registerPublish(program, io);
  registerExport(program, io);
  registerExplain(program, io);
  registerInit(program, io);

  return program;
}

/** `--since`: a calendar day (`2026-06-01`, midnight UTC) or an ISO date-time. */
function sinceDate(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) ? new Date(value.trim()) : null;
  if (date === null || Number.isNaN(date.getTime())) throw new InvalidArgumentError(`expected a date like 2026-06-01, saw "${value}"`);
  return date;
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
