import { defineCommand } from '../command.ts';
import { DEFAULT_DB_PATH, configOption, digestsOption, idfOption, learningDbOption, noLearningOption, type IdfChoiceOptions, type LearningOptions } from '../options.ts';

export default defineCommand<{ papers?: string; config: string } & IdfChoiceOptions & LearningOptions>({
  name: 'explain',
  description: 'show how a paper scores against every area and member: keywords, weights, IDF and the verdict',
  arguments: [{ name: '<paper>', description: 'an id (arxiv:2411.12345, doi:10..., openalex:W...), a bare arXiv id or DOI, or a piece of the title' }],
  options: [
    {
      flags: '-p, --papers <file>',
      description: 'the papers it was ranked with, one JSON object a line (.jsonl or .jsonl.gz); default: the store\'s papers of the digest that holds it, ranked as `digest build` ranked them',
    },
    configOption,
    { ...idfOption, description: 'where IDF comes from, as for digest rank (with --papers; the store\'s papers are ranked as the build ranks them)' },
    { ...learningDbOption, description: `the store: its papers (without --papers) and the signals (stars, dismissals) the ranking learns from (default: ${DEFAULT_DB_PATH}, when it exists)` },
    noLearningOption, digestsOption,
  ],
  help: [
    'Examples:',
    '  digest explain "fast ion transport in solid electrolytes"       (a paper of the store\'s digests)',
    '  digest explain arxiv:2512.03974 --papers fixtures/papers/corpus-slice.jsonl',
    '  digest explain "solid polymer electrolytes via dynamic" --papers fixtures/papers/sample-week.jsonl.gz',
  ].join('\n'),
  run: async ({ args, options, io }) => (await import('../digest/explain-command.ts')).explainCommand(args[0] as string, options, io),
});
