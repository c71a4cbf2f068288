// The command line as a library, for the end-to-end tests and for scripts: run `digest` in-process,
// serve the reader, and replay the recorded feeds.
export { run, buildProgram, type Io } from './cli.ts';
export { serveCommand } from './commands/serve.ts';
export { startRecordedFeeds, RECORDED_FEEDS } from './net/recorded-feeds.ts';
export { loadCorpusBackground } from './digest/background.ts';
