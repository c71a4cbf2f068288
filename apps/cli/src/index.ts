// The command line as a library, for the end-to-end tests and for scripts: run `digest` in-process,
// serve the reader, and replay the recorded feeds.
export { run, buildProgram } from './cli.ts';
export type { Io } from './io.ts';
export { serveCommand } from './serve/serve-command.ts';
export { startRecordedFeeds, RECORDED_FEEDS } from './net/recorded-feeds.ts';
export { loadCorpusBackground } from './digest/background.ts';
// The HTML e-mail's size in bytes, for the eval's digest checks (Gmail clips past about 102 KB).
export { htmlEmailBytes, HTML_EMAIL_BUDGET } from './export/html-email.ts';
