import { defineCommand } from '../command.ts';
import { configOption, dbOption, digestsOption, waitOption, type WaitOptions } from '../options.ts';

interface FeedbackOptions extends WaitOptions { config: string; db: string; digests: string }

const importSignals = defineCommand<FeedbackOptions>({
  name: 'import',
  description: 'add signals from a JSON-lines file (the reader\'s "Export feedback", or any tool\'s) to the store',
  arguments: [{ name: '<file>', description: 'one signal a line: {"paper": "<id>", "signal": "star"|"dismiss"|"read"|"nominate", "member"?, "area"?, "at"?}' }],
  options: [configOption, dbOption, waitOption],
  help: 'A bad line is reported with its number and skipped. Signals on papers not in the store yet count once the paper is fetched.\n\n'
    + 'Example:\n  digest feedback import labdigest-feedback-2026-11-12.jsonl',
  run: async ({ args, options, io }) => (await import('../learning/feedback-command.ts')).feedbackImportCommand(args[0] as string, options, io),
});

const show = defineCommand<FeedbackOptions>({
  name: 'show',
  description: 'what the group taught the ranking: signals per area and member, and the words each learned',
  options: [configOption, dbOption, digestsOption],
  run: async ({ options, io }) => (await import('../learning/feedback-command.ts')).feedbackShowCommand(options, io),
});

const reset = defineCommand<FeedbackOptions & { member?: string; area?: string }>({
  name: 'reset',
  description: 'forget what was learned so far: everything, one member\'s signals or one area\'s',
  options: [
    configOption, dbOption,
    { flags: '--member <name>', description: 'only what this member\'s signals taught' },
    { flags: '--area <id>', description: 'only what the signals on this area taught' },
    waitOption,
  ],
  help: 'The reading room\'s stars and reads stay: only learning forgets them. Signals given afterwards teach again.',
  run: async ({ options, io }) => (await import('../learning/feedback-command.ts')).feedbackResetCommand(options, io),
});

export default defineCommand({
  name: 'feedback',
  description: 'what the group teaches the ranking: import signals, show what was learned, forget it',
  subcommands: [importSignals, show, reset] as never[],
});
