// Options that several commands share, declared once, and the parsers of option values. Light on
// purpose: `digest --help` loads this module and the command definitions, nothing else.
import { InvalidArgumentError } from 'commander';
import type { OptionSpec } from './command.ts';
import { OWN_IDF_MIN_PAPERS, type IdfChoice } from './digest/idf-choice.ts';

/** Where the store lives unless `--db PATH` says otherwise (relative to the working directory). */
export const DEFAULT_DB_PATH = 'data/labdigest.sqlite';
/** Where the archive of digests lives by default: beside the store, outside the repository's sources. */
export const DEFAULT_DIGESTS_DIR = 'data/digests';
/** The built reader (`pnpm --filter @labdigest/reader build`). */
export const DEFAULT_READER_DIR = 'apps/reader/dist';

export const configOption: OptionSpec = { flags: '-c, --config <file>', description: 'group config', default: 'digest.config.yaml' };
export const dbOption: OptionSpec = { flags: '--db <path>', description: 'the paper store (SQLite)', default: DEFAULT_DB_PATH };
export const digestsOption: OptionSpec = {
  flags: '--digests <dir>', description: 'digest archive folder (index.json and one file per day)', default: DEFAULT_DIGESTS_DIR,
};
export const readerOption: OptionSpec = { flags: '--reader <dir>', description: 'the built reader', default: DEFAULT_READER_DIR };
export const portOption: OptionSpec = { flags: '-p, --port <n>', description: 'port (0 picks a free one)', default: 8080, parse: parsePort };
export const hostOption: OptionSpec = {
  flags: '--host <address>', description: 'address to listen on: 0.0.0.0 to reach it from a phone on the same network', default: '127.0.0.1',
};
export const waitOption: OptionSpec = {
  flags: '--wait <seconds>', description: 'when another digest run is writing the store, wait this long for it to end',
  default: 60, parse: (value: string) => seconds(value),
};
/** What waitOption gives a command's options. */
export interface WaitOptions { readonly wait?: number | undefined }

export const idfOption: OptionSpec = {
  flags: '--idf <source>',
  description: `where IDF comes from: the batch, the shipped corpus statistics, or auto (the batch alone when it has ${OWN_IDF_MIN_PAPERS}+ papers)`,
  default: 'auto', choices: ['auto', 'batch', 'background'],
};
/** What idfOption gives a command's options. */
export interface IdfChoiceOptions { readonly idf: IdfChoice }

export const EXPORT_FORMATS = ['markdown', 'html', 'text', 'atom', 'bibtex', 'meeting'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The one reading of a date option (`--since`, `--until`): a calendar day (`2026-06-01`, midnight UTC)
 * or an ISO date-time (`2026-06-01T06:00:00Z`). Null for anything else.
 */
export function parseDate(value: string): Date | null {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  if (pastMonthEnd(text) !== null) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** What is wrong with a date option's value. */
export function badDate(value: string): string {
  const pastEnd = pastMonthEnd(value.trim());
  if (pastEnd !== null) return `not a date (${pastEnd})`;
  return `expected a date like 2026-06-01 or an ISO time, saw "${value}"`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "February 2026 has 28 days" when the text starts with a day after its month's last (2026-02-30),
 * else null. JavaScript's Date rolls such a day over into the next month (2026-03-02) without a
 * word, where a 13th month or a 32nd day is an Invalid Date: this is the case it lets through.
 */
function pastMonthEnd(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day > days ? `${MONTHS[month - 1] as string} ${year} has ${days} days` : null;
}

/** A date option's parser: the value as a Date, or a usage error (exit 2) that says why. */
export function dateArgument(value: string): Date {
  const date = parseDate(value);
  if (date === null) throw new InvalidArgumentError(badDate(value));
  return date;
}

/** A date option kept as written (`digest build` reads a bare `--until` day as the whole day), checked. */
export function dateText(value: string): string {
  dateArgument(value);
  return value;
}

/** The schemes a feed URL may have: the web, and recorded responses on disk. */
export const FEED_URL_SCHEMES = ['http:', 'https:', 'file:'] as const;

/**
 * A feed URL option's parser (`--feed`): an http, https or file: URL, or a usage error (exit 2).
 * Other schemes (ftp:, javascript:, data:) could never be fetched, so they are never tried.
 */
export function feedUrlArgument(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`expected an http, https or file: URL, saw "${value}"`);
  }
  if (!(FEED_URL_SCHEMES as readonly string[]).includes(url.protocol)) {
    throw new InvalidArgumentError(`expected an http, https or file: URL, saw "${url.protocol}" (${value})`);
  }
  return value;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number, saw "${value}"`);
  return n;
}

/** A duration option's parser: a positive number of seconds. */
export function positiveSeconds(value: string): number {
  const n = seconds(value);
  if (n <= 0) throw new InvalidArgumentError(`expected a positive number of seconds, saw "${value}"`);
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || value.trim() === '') throw new InvalidArgumentError(`expected a number of seconds, saw "${value}"`);
  return n;
}

export function parsePort(value: string): number {
  const n = Number(value);
  // Number('') is 0, which picks a free port: `--port "$PORT"` with $PORT unset would serve on a port nobody knows.
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError(`expected a port number 1–65535 (0 picks a free one), saw "${value}"`);
  }
  return n;
}

/** What an option's value is, by its placeholder in `--flag <placeholder>`, for messages. */
const PLACEHOLDER_NOUNS: Readonly<Record<string, string>> = {
  n: 'a number', dir: 'a folder', id: 'an id', address: 'an address', url: 'a URL', 'date|file': 'a date or a file', 'ids...': 'ids',
  seconds: 'a number of seconds',
};

/**
 * The parser cli.ts gives an option that takes a value (`--member <name>`): the spec's own, after a
 * check that the value is not the next option. commander takes the word after `--member` as its
 * value whatever it is, so `feedback reset --member --db x.sqlite` would make "--db" the member and
 * leave x.sqlite as a stray argument, and the message would blame the argument. No value of ours
 * starts with "--"; a file that does is named `./--name`. Options with choices are left to
 * commander, which lists the choices; a flag without a value has no parser.
 */
export function valueParser(spec: OptionSpec): OptionSpec['parse'] {
  const placeholder = /<([^>]+)>/.exec(spec.flags)?.[1];
  if (placeholder === undefined || spec.choices) return spec.parse;
  const noun = PLACEHOLDER_NOUNS[placeholder] ?? (/^[a-z]+$/.test(placeholder) ? `a ${placeholder}` : `a value like "${placeholder}"`);
  return (value, previous) => {
    if (value.startsWith('--')) throw new InvalidArgumentError(`expected ${noun}, saw the option ${value}`);
    if (spec.parse) return spec.parse(value, previous);
    // A variadic option's values gather into a list, as commander gathers them when it has no parser.
    if (!placeholder.endsWith('...')) return value;
    return Array.isArray(previous) && previous !== spec.default ? [...(previous as unknown[]), value] : [value];
  };
}

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: unknown): string[] => [...(previous as string[]), value];

/** The longest duration option: a year. */
const MAX_DURATION_DAYS = 365;

/**
 * `7d`, `12h`, `30m`: a duration option, in milliseconds, at most MAX_DURATION_DAYS. Past that an
 * invite is a standing key rather than an invitation, and past about 270,000 years the expiry date
 * cannot be written at all (Date's range).
 */
export function duration(value: string): number {
  const match = /^\s*(\d+)\s*([dhm])\s*$/.exec(value);
  const n = Number(match?.[1]);
  if (!match || n <= 0) throw new InvalidArgumentError(`expected a duration like 7d, 12h or 30m, saw "${value}"`);
  const ms = n * { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm'];
  if (ms > MAX_DURATION_DAYS * 86_400_000) throw new InvalidArgumentError(`at most ${MAX_DURATION_DAYS}d, saw "${value}"`);
  return ms;
}

/** `rank` and `explain` learn from the store's signals when it exists; `--db` names another. */
export const learningDbOption: OptionSpec = {
  flags: '--db <path>', description: `the store whose signals (stars, dismissals) the ranking learns from (default: ${DEFAULT_DB_PATH}, when it exists)`,
};
export const noLearningOption: OptionSpec = {
  flags: '--no-learning', description: 'rank by the keywords alone, not by what the group\'s stars and dismissals taught',
};
export interface LearningOptions { readonly db?: string | undefined; readonly learning?: boolean | undefined; readonly digests: string }
