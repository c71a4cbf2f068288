import { redactSecrets } from './redact.ts';

/** What a fetch run reports while it works. */
export interface Progress {
  /** A page came in: the source, the page number (1-based), papers collected so far for the source. */
  page(source: string, page: number, papers: number): void;
  /** Something worth a line of its own (a retry, a failed source). */
  note(text: string): void;
  /** The run is over: a TTY's updating line is cleared. */
  done(): void;
}

/**
 * On a terminal, one line rewritten in place (`\r` + erase line, written through `control`, which
 * the command line does not filter); elsewhere (CI logs, pipes) plain lines, so a log file holds no
 * control characters. Everything is redacted.
 */
export function createProgress(write: (text: string) => void, isTTY: boolean, control: (sequence: string) => void = write): Progress {
  let live = false;
  const clear = () => {
    if (live) control('\r\x1b[2K');
    live = false;
  };
  return {
    page(source, page, papers) {
      const text = `${source}: page ${page}, ${papers} paper${papers === 1 ? '' : 's'}`;
      if (isTTY) {
        control('\r\x1b[2K');
        write(text);
        live = true;
      } else {
        write(`${text}\n`);
      }
    },
    note(text) {
      clear();
      write(`${redactSecrets(text)}\n`);
    },
    done: clear,
  };
}

/** A Progress that says nothing (library use, tests that only look at the result). */
export const silentProgress: Progress = { page: () => {}, note: () => {}, done: () => {} };
