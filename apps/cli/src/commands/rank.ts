import { defineCommand } from '../command.ts';
import {
  configOption, digestsOption, idfOption, learningDbOption, noLearningOption, positiveInt, type IdfChoiceOptions, type LearningOptions,
} from '../options.ts';

export default defineCommand<{ config: string; papers: string; out?: string; print?: boolean; top: number } & IdfChoiceOptions & LearningOptions>({
  name: 'rank',
  description: 'score papers (JSON lines) against the areas and members of the config',
  options: [
    { flags: '-p, --papers <file>', description: 'papers, one JSON object a line (.jsonl or .jsonl.gz)', required: true },
    configOption,
    { flags: '-o, --out <file>', description: 'write the ranking as JSON here (default or -: standard output)' },
    { flags: '--print', description: 'print the top papers per section for reading' },
    { flags: '--top <n>', description: 'papers per section with --print', parse: positiveInt, default: 5 },
    idfOption,
    learningDbOption, noLearningOption, digestsOption,
  ],
  help: 'Examples:\n  digest rank --papers papers.jsonl --out ranked.json\n  digest rank --papers fixtures/papers/sample-week.jsonl.gz --print --top 3',
  run: async ({ options, io }) => (await import('../digest/rank-command.ts')).rankCommand(options, io),
});
