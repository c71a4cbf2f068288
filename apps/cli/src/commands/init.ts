import { defineCommand } from '../command.ts';
import { collect } from '../options.ts';

export default defineCommand<{ group?: string; area: string[]; member: string[]; out: string; force?: boolean; fromBib?: string; offline?: boolean }>({
  name: 'init',
  description: 'write a commented digest.config.yaml for your group (asks questions when run without flags)',
  options: [
    { flags: '--group <name>', description: 'the group\'s name, shown on every digest' },
    {
      flags: '--area <id:Name:keywords>', parse: collect, default: [],
      description: 'an area (a section of the digest): id, name and comma-separated keywords, term=weight for a weight other than 1 (a keyword with "=" in it goes in the written file); repeatable',
    },
    { flags: '--member <Name:interests:areas>', description: 'a member: name, comma-separated interests and the area ids they follow; repeatable', parse: collect, default: [] },
    { flags: '-o, --out <file>', description: 'where to write the config', default: 'digest.config.yaml' },
    { flags: '--force', description: 'overwrite the file if it exists' },
    { flags: '--from-bib <file>', description: 'draft the areas and their keywords from the group\'s own papers (.bib, .ris, .jsonl), for you to edit' },
    { flags: '--offline', description: 'with --from-bib: do not look up the abstracts papers lack on OpenAlex (by DOI) and arXiv (by id)' },
  ],
  help: [
    'Examples:',
    '  digest init                       # asks for the group, its areas and members',
    '  digest init --group DENG.Group \\',
    '    --area "polymer-electrolytes:Polymer Electrolytes:polymer electrolyte=3,PEO=2,ionic conductivity" \\',
    '    --member "Naibing Wu:polymer electrolyte,segmental motion:polymer-electrolytes"',
    '  digest init --group DENG.Group --from-bib our-papers.bib   # areas drafted from your publications',
  ].join('\n'),
  run: async ({ options, io }) => (await import('../config/init-command.ts')).initCommand(options, io),
});
