/**
 * Where a command writes and reads: the process's streams, or a test's strings. Commands write
 * results to `out` and progress, notes and errors to `err`.
 */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Standard error is a terminal (progress may rewrite its line). */
  readonly errIsTTY?: boolean | undefined;
  /** Where `digest init` reads its answers; standard input unless a test passes a stream. */
  readonly input?: NodeJS.ReadableStream | undefined;
  /** The input is a terminal (a person can answer questions). */
  readonly inputIsTTY?: boolean | undefined;
  /**
   * Writes the progress line's own terminal controls (`\r`, erase line) to stderr as they are.
   * Only progress uses it, on a terminal; `err` strips every control (see printableIo).
   */
  readonly errControl?: ((sequence: string) => void) | undefined;
}

export const processIo: Io = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
  errIsTTY: process.stderr.isTTY === true,
  get input() { return process.stdin; },
  inputIsTTY: process.stdin.isTTY === true,
};

/**
 * The command line's streams with nothing but printable text: escape sequences, control characters
 * (but newline and tab) and bidi overrides are taken out of everything written to `out` and `err`,
 * whatever it quotes (titles, authors, error previews, summaries, commander's own messages). The
 * progress line keeps its controls through `errControl`.
 */
export function printableIo(io: Io, clean: (text: string) => string): Io {
  return { ...io, out: (text) => io.out(clean(text)), err: (text) => io.err(clean(text)), errControl: io.errControl ?? io.err };
}
