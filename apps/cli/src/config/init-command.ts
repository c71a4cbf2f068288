import { existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { formatPath, parseGroupConfig, type Keyword } from '@labdigest/core';
import { configYaml, type InitSpec } from './config-yaml.ts';
import type { Io } from '../io.ts';
import { InputError, UsageError } from '../errors.ts';
import type { LookupDeps } from '../learning/abstract-lookup.ts';

export interface InitOptions {
  readonly group?: string | undefined;
  readonly area: readonly string[];
  readonly member: readonly string[];
  readonly out: string;
  readonly force?: boolean | undefined;
  /** Draft the areas from the group's own papers (BibTeX, RIS, JSON lines). */
  readonly fromBib?: string | undefined;
  /** With fromBib: never look up missing abstracts online. */
  readonly offline?: boolean | undefined;
}

/** `digest init`: refuses to overwrite, gathers the spec, checks it round-trips, writes it. */
export async function initCommand(options: InitOptions, io: Io, deps: LookupDeps = {}): Promise<void> {
  if (existsSync(options.out) && !options.force) {
    throw new InputError(options.out, 'already exists; pass --force to overwrite it, or --out to write elsewhere');
  }
  const fromFlags = options.group !== undefined || options.area.length > 0 || options.member.length > 0;
  if (options.fromBib !== undefined) {
    await writeSpec(await specFromBib(options, io, deps), options, io);
    return;
  }
  if (!fromFlags && io.inputIsTTY !== true) {
    throw new UsageError('digest init without flags asks questions, but its input is not a terminal: pass --group NAME and --area "id:Name:keyword,keyword" (see digest init --help)');
  }
  await writeSpec(fromFlags ? specFromFlags(options) : await askSpec(io.input ?? process.stdin, io), options, io);
}

/**
 * `--from-bib FILE`: areas drafted from the group's papers (ranker's draftAreas: clusters of papers,
 * named and keyed by the phrases they share and the corpus rarely uses), for the group to edit.
 */
async function specFromBib(options: InitOptions, io: Io, deps: LookupDeps): Promise<InitSpec> {
  if (!options.group?.trim()) throw new UsageError('pass --group NAME with --from-bib: the group\'s name');
  const [{ readPaperFile }, { draftAreas, acronymsDefined }, { loadCorpusBackground }, { isOffline, lookUpAbstracts, lookupSummary }] = await Promise.all([
    import('../store/import-command.ts'), import('@labdigest/ranker'), import('../digest/background.ts'), import('../learning/abstract-lookup.ts'),
  ]);
  const { papers: read } = await readPaperFile(options.fromBib as string, io);
  // Clusters of titles alone are clusters of a dozen words each: the abstracts a bibliography lacks are looked up first.
  const lookup = await lookUpAbstracts(read, {
    online: !isOffline(options.offline), openAlexKey: process.env['OPENALEX_API_KEY'] || undefined, note: io.err,
  }, deps);
  if (lookup.lacking > 0) io.err(`${lookupSummary(lookup)}\n`);
  const papers = lookup.papers;
  const drafts = draftAreas(papers, loadCorpusBackground());
  if (drafts.length === 0) throw new InputError(options.fromBib as string, 'has no paper with a title to draft areas from');
  const extra = [...options.area.map(parseAreaFlag)];
  io.err(`drafted ${drafts.length} area${drafts.length === 1 ? '' : 's'} from ${papers.length} paper${papers.length === 1 ? '' : 's'} of ${options.fromBib}:\n`
    + drafts.map((d) => `  ${d.name} (${d.papers.length} paper${d.papers.length === 1 ? '' : 's'}, e.g. "${d.papers[0] ?? ''}")`).join('\n') + '\n');
  const acronyms = acronymsDefined(papers);
  if (Object.keys(acronyms).length > 0) {
    io.err(`acronyms the papers define: ${Object.entries(acronyms).map(([a, [phrase]]) => `${a} (${phrase})`).join(', ')}\n`);
  }
  // The arXiv listings the papers are in, most first: the config's example sources.
  const counts = new Map<string, number>();
  for (const p of papers) for (const c of p.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  const categories = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  return {
    group: options.group.trim(),
    areas: [...drafts.map((d) => ({ id: d.id, name: d.name, keywords: d.keywords })), ...extra],
    members: options.member.map(parseMemberFlag),
    acronyms,
    categories,
  };
}

async function writeSpec(spec: InitSpec, options: InitOptions, io: Io): Promise<void> {
  const text = configYaml(spec);
  // The file must load as it is written: check with the parser `digest` itself uses.
  const parsed = parseGroupConfig(text, options.out);
  // The field alone: the file is not written yet, so its lines mean nothing to the reader.
  if (!parsed.ok) throw new UsageError(parsed.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n'));
  try {
    writeFileSync(options.out, text);
  } catch (error) {
    throw new InputError(options.out, `cannot be written: ${(error as Error).message}`, { cause: error });
  }
  const { areas, members } = parsed.config;
  // A drafted config has its weights: what is left is to read the draft and name the sources.
  const next = options.fromBib !== undefined
    ? 'Next: read the drafted areas (rename them, drop keywords that name no topic of yours) and add sources (docs/config.md), then try `digest rank --papers FILE --print`.\n'
    : 'Next: give keywords weights and add sources (docs/config.md), then try `digest rank --papers FILE --print`.\n';
  io.err(`wrote ${options.out}: ${areas.length} area${areas.length === 1 ? '' : 's'}, ${members.length} member${members.length === 1 ? '' : 's'}.\n${next}`);
}

function specFromFlags(options: InitOptions): InitSpec {
  if (!options.group?.trim()) throw new UsageError('pass --group NAME: the group\'s name');
  if (options.area.length === 0) throw new UsageError('pass at least one --area "id:Name:keyword,keyword": each area is a section of the digest');
  return { group: options.group.trim(), areas: options.area.map(parseAreaFlag), members: options.member.map(parseMemberFlag) };
}

/** `id:Name:kw1,kw2=3`, or `Name:kw1,kw2` with the id made from the name. */
export function parseAreaFlag(text: string): InitSpec['areas'][number] {
  const parts = text.split(':');
  if (parts.length < 2) throw new UsageError(`--area "${text}": expected "id:Name:keyword,keyword"`);
  const keywords = parseKeywords(parts.at(-1) ?? '', `--area "${text}"`);
  const name = (parts.length === 2 ? parts[0] ?? '' : parts.slice(1, -1).join(':')).trim();
  const id = parts.length === 2 ? slug(name) : (parts[0] ?? '').trim();
  if (!name) throw new UsageError(`--area "${text}": the area needs a name`);
  checkId(id, `--area "${text}"`);
  if (keywords.length === 0) throw new UsageError(`--area "${text}": the area needs at least one keyword`);
  return { id, name, keywords };
}

/** `Name:interest1,interest2:area-id,area-id` (interests and areas optional). */
export function parseMemberFlag(text: string): InitSpec['members'][number] {
  const parts = text.split(':');
  if (parts.length > 3) throw new UsageError(`--member "${text}": expected "Name:interest,interest:area-id,area-id"`);
  const name = (parts[0] ?? '').trim();
  if (!name) throw new UsageError(`--member "${text}": the member needs a name`);
  return { name, interests: parseKeywords(parts[1] ?? '', `--member "${text}"`), areas: list(parts[2] ?? '') };
}

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * `a, b=3, c=-1` -> keywords; a weight must be a number between -10 and 10, not 0. The first "="
 * always starts the weight, so a keyword typed here never holds one: "kw=abc" is a weight that is not
 * a number, not the keyword "kw=abc". A keyword that needs "=" ("C=O") is written into the config file.
 */
function parseKeywords(text: string, where: string): Keyword[] {
  return list(text).map((item) => {
    const at = item.indexOf('=');
    if (at === -1) return { term: item, weight: 1 };
    const term = item.slice(0, at).trim();
    const written = item.slice(at + 1).trim();
    if (!term) throw new UsageError(`${where}: "${item}" has a weight but no keyword before the "="`);
    if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(written)) throw new UsageError(`${where}: the weight of "${term}" must be a number, saw "${written}"`);
    const weight = Number(written);
    if (weight === 0 || Math.abs(weight) > 10) throw new UsageError(`${where}: weight of "${term}" must be between -10 and 10 and not 0, saw ${written}`);
    return { term, weight };
  });
}

function slug(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function checkId(id: string, where: string): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new UsageError(`${where}: id "${id}" must be lower-case letters, digits and dashes, like "${slug(id) || 'polymer-electrolytes'}"`);
  }
}

/**
 * Asks for the group, then areas and members one by one, until an empty answer. A bad answer is
 * explained and asked again. Lines are read through the interface's iterator, which buffers them:
 * answers piped in all at once are not lost between questions.
 */
async function askSpec(input: NodeJS.ReadableStream, io: Io): Promise<InitSpec> {
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string> => {
    io.out(question);
    const next = await lines.next();
    if (next.done) throw new UsageError('the input ended before every question was answered; nothing was written');
    return String(next.value).trim();
  };
  const askUntil = async <T>(question: string, accept: (answer: string) => T): Promise<T> => {
    for (;;) {
      const answer = await ask(question);
      try {
        return accept(answer);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        io.out(`  ${error.message}\n`);
      }
    }
  };
  try {
    io.out('Setting up labdigest for your group (docs/config.md explains every field).\n');
    const group = await askUntil('Group name: ', (a) => a || fail('the group needs a name'));
    io.out('\nAreas: each area is a section of the digest. An empty name ends the list.\n');
    const areas: InitSpec['areas'][number][] = [];
    for (;;) {
      const name = await ask(`Area ${areas.length + 1} name: `);
      if (!name && areas.length > 0) break;
      if (!name) { io.out('  the group needs at least one area\n'); continue; }
      const id = await askUntil(`  id [${slug(name)}]: `, (a) => {
        const chosen = a || slug(name);
        checkId(chosen, 'the id');
        if (areas.some((x) => x.id === chosen)) fail(`another area has id "${chosen}"`);
        return chosen;
      });
      const keywords = await askUntil('  keywords, comma-separated (term=3 for a weight other than 1): ', (a) => {
        const k = parseKeywords(a, 'keywords');
        return k.length ? k : fail('the area needs at least one keyword');
      });
      areas.push({ id, name, keywords });
    }
    io.out('\nMembers: whom a paper concerns. An empty name ends the list.\n');
    const members: InitSpec['members'][number][] = [];
    const ids = areas.map((a) => a.id);
    for (;;) {
      const name = await ask(`Member ${members.length + 1} name: `);
      if (!name) break;
      const interests = await askUntil('  interests, comma-separated keywords: ', (a) => parseKeywords(a, 'interests'));
      const followed = await askUntil(`  areas they follow (${ids.join(', ')}), comma-separated: `, (a) => {
        const chosen = list(a);
        const unknown = chosen.filter((id) => !ids.includes(id));
        if (unknown.length) fail(`no area has id ${unknown.map((u) => `"${u}"`).join(', ')}; expected some of ${ids.join(', ')}`);
        if (chosen.length === 0 && interests.length === 0) fail('give interests or areas: with neither, no paper would concern them');
        return chosen;
      });
      members.push({ name, interests, areas: followed });
    }
    return { group, areas, members };
  } finally {
    rl.close();
  }
}

function fail(message: string): never {
  throw new UsageError(message);
}
