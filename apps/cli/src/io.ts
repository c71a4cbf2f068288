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
}

export const processIo: Io = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
  errIsTTY: process.stderr.isTTY === true,
  get input() { return process.stdin; },
  inputIsTTY: process.stdin.isTTY === true,
};
