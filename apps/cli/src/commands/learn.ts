import { defineCommand } from '../command.ts';
import { configOption, dbOption, waitOption, type WaitOptions } from '../options.ts';

export default defineCommand<WaitOptions & { config: string; db: string; bib: string; member?: string; area?: string; offline?: boolean }>({
  name: 'learn',
  description: 'teach the ranking from the group\'s own papers: a BibTeX, RIS or JSON-lines file of what it publishes or reads',
  options: [
    { flags: '--bib <file>', description: 'the papers (.bib, .ris, .jsonl): members\' publications, a Zotero export', required: true },
    { flags: '--member <name>', description: 'they are this member\'s work (default: the group\'s)' },
    { flags: '--area <id>', description: 'they belong to this area' },
    { flags: '--offline', description: 'do not look up the abstracts papers lack on OpenAlex (by DOI) and arXiv (by id); the store is still asked' },
    configOption, dbOption, waitOption,
  ],
  help: 'The papers teach as stars do; they are kept for learning only and never appear in a digest. A paper without an abstract\n'
    + '(Google Scholar and ORCID exports have none) is looked up in the store, then on OpenAlex and arXiv: it teaches by its title alone otherwise.\n\n'
    + 'Examples:\n  digest learn --bib deng-group-2025.bib\n  digest learn --bib naibing-wu.ris --member "Naibing Wu"',
  run: async ({ options, io }) => (await import('../learning/learn-command.ts')).learnCommand(options, io),
});
