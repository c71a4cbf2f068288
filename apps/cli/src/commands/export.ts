import { defineCommand } from '../command.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../options.ts';

export default defineCommand<{
  digest?: string; format: ExportFormat; out?: string; starredOnly?: string[]; selfUrl?: string; readerUrl?: string; week?: string; db?: string; digests?: string;
}>({
  name: 'export',
  description: 'write a digest (JSON) as Markdown, an HTML e-mail, plain text, an Atom feed or BibTeX, or the group-meeting list as Markdown',
  options: [
    { flags: '--digest <file>', description: 'the digest JSON file (docs/digest-format.md); every format but meeting' },
    { flags: '--format <format>', description: 'what to write', choices: EXPORT_FORMATS, required: true },
    { flags: '-o, --out <file>', description: 'write here (default or -: standard output)' },
    { flags: '--starred-only <ids...>', description: 'only these papers: ids as in the digest (arxiv:2506.10944, doi:...), bare arXiv ids or DOIs' },
    { flags: '--self-url <url>', description: 'atom: the address the feed is published at' },
    { flags: '--reader-url <url>', description: 'atom: the address of the digest reader' },
    { flags: '--week <week>', description: 'meeting: the ISO week, like 2026-W49 (default: this week, in UTC)' },
    { flags: '--db <path>', description: 'meeting: the store the reading room writes (default data/labdigest.sqlite)' },
    { flags: '--digests <dir>', description: 'meeting: the archive, for papers the store does not hold (default data/digests)' },
  ],
  help: [
    'Examples:',
    '  digest export --digest digests/2026-06-08.json --format markdown --out digest.md',
    '  digest export --digest digests/2026-06-08.json --format bibtex --starred-only arxiv:2506.10944 10.1021/acsenergylett.5c02748',
    '  digest export --format meeting --week 2026-W49 --out meeting.md',
  ].join('\n'),
  run: async ({ options, io }) => { (await import('../export/export-command.ts')).exportCommand(options, io); },
});
