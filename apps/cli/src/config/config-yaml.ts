import type { Keyword } from '@labdigest/core';
import { Document, isScalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** What `digest init` asks for: the group, its areas, its members. */
export interface InitSpec {
  readonly group: string;
  readonly areas: readonly { readonly id: string; readonly name: string; readonly keywords: readonly Keyword[] }[];
  readonly members: readonly { readonly name: string; readonly interests: readonly Keyword[]; readonly areas: readonly string[] }[];
  /** The acronyms the group's own papers define, beyond those labdigest knows (`init --from-bib`). */
  readonly acronyms?: Readonly<Record<string, readonly string[]>> | undefined;
  /** The arXiv categories the group's own papers are listed in, most first (`init --from-bib`): the example sources. */
  readonly categories?: readonly string[] | undefined;
}

const HEADER = [
  ' Every field is described in docs/config.md. Keywords are written as a plain string (weight 1),',
  ' as `term: weight`, or as { term, weight }; negative weights penalise. Matching ignores case, plurals',
  ' and hyphens, keeps formulas whole (Li3InCl6) and knows the acronyms of battery materials (SEI, PEO,',
  ' MLIP, ...) and those listed under `acronyms:`.',
];

/** The example sources, commented out: the arXiv listings of the group's own papers when known, else a materials group's. */
function sourcesExample(categories: readonly string[] | undefined): string[] {
  const listed = (categories ?? []).slice(0, 2);
  if (listed.length === 0) {
    return [
      ' The feeds `digest fetch` reads (docs/config.md#sources). For example:',
      '  - name: arxiv-mtrl', '    type: arxiv-listing', '    category: cond-mat.mtrl-sci',
      '  - name: power-sources', '    type: crossref', '    issn: [0378-7753]',
    ];
  }
  return [
    ' The feeds `digest fetch` reads (docs/config.md#sources): the arXiv listings the group\'s papers are in, for example',
    ...listed.flatMap((category) => [`  - name: arxiv-${category.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`, '    type: arxiv-listing', `    category: ${category}`]),
    ' and a journal by its ISSN:', '  - name: a-journal', '    type: crossref', '    issn: [1234-5678]',
  ];
}

/** An example member's interests: the first area's first two keywords (a drafted area's are the group's own words). */
function exampleInterests(spec: InitSpec): string {
  const terms = (spec.areas[0]?.keywords ?? []).slice(0, 2).map((k) => k.term);
  return (terms.length > 0 ? terms : ['phase field', 'dendrite']).map((t) => (/[,[\]{}:#]/.test(t) ? JSON.stringify(t) : t)).join(', ');
}

/** A keyword as the config writes it: the term alone for weight 1, else `term: weight`. */
const keyword = (k: Keyword) => (k.weight === 1 ? k.term : { [k.term]: k.weight });

/**
 * The config file `digest init` writes, built with yaml's Document API (which quotes what must be
 * quoted and keeps comments): every field explained in a comment, optional ones commented out.
 */
export function configYaml(spec: InitSpec): string {
  const doc = new Document({
    group: { name: spec.group },
    ranking: { titleWeight: 2.5, memberThreshold: 0.35 },
    ...(spec.acronyms && Object.keys(spec.acronyms).length > 0 ? { acronyms: spec.acronyms } : {}),
    areas: spec.areas.map((a) => ({ id: a.id, name: a.name, threshold: 0.5, keywords: a.keywords.map(keyword) })),
    members: spec.members.map((m) => ({ name: m.name, interests: m.interests.map(keyword), areas: m.areas })),
    sources: [],
  });
  doc.commentBefore = [` labdigest config for ${spec.group.replace(/\s+/g, ' ')}, written by \`digest init\`.`, ...HEADER].join('\n');
  const root = doc.contents as YAMLMap;

  const group = mapAt(root, 'group');
  group.comment = ' description: "What the group works on, in a sentence: shown in the reader."\n'
    + ' email: you@university.edu   # sent to Crossref and OpenAlex for their polite pools';
  section(root, 'ranking', ' How scores are made: docs/config.md#thresholds.');
  const ranking = mapAt(root, 'ranking');
  note(ranking, 'titleWeight', ' a keyword in the title counts as 2.5 mentions in the abstract');
  note(ranking, 'memberThreshold', ' relevance (0 to 1) a member\'s interests need for a paper to name them');

  if (root.has('acronyms')) {
    section(root, 'acronyms', ' Acronyms the group\'s papers define: a keyword written either way matches both (docs/config.md#acronyms).');
    for (const pair of (pairAt(root, 'acronyms').value as YAMLMap).items) (pair.value as YAMLSeq).flow = true;
  }
  section(root, 'areas', ' Each area is a section of the digest; a paper goes to the area it scores best in (docs/config.md#areas).');
  const firstArea = (pairAt(root, 'areas').value as YAMLSeq).items[0] as YAMLMap | undefined;
  if (firstArea) {
    note(firstArea, 'id', ' lower-case letters, digits and dashes; members refer to it');
    note(firstArea, 'name', ' the section heading');
    note(firstArea, 'threshold', ' relevance (0 to 1) a paper needs to enter the section');
    keyNote(firstArea, 'keywords', ' 3: phrases only this area uses; 1: helpful words; below 1: context');
    firstArea.comment = ' require:                          # lists of keywords; a paper must match one of every list\n'
      + '   - [polymer, PEO]\n'
      + ' exclude: [polymer solar cell]     # a paper matching any of these stays out\n'
      + ' maxPapers: 10                     # at most this many papers in the section';
  }

  section(root, 'members', ' Who the papers concern (docs/config.md#members).');
  const members = (pairAt(root, 'members').value as YAMLSeq).items as YAMLMap[];
  for (const member of members) (pairAt(member, 'areas').value as YAMLSeq).flow = true;
  const firstMember = members[0];
  if (firstMember) {
    if (spec.members[0]?.interests.length) keyNote(firstMember, 'interests', ' keywords, written as an area\'s');
    note(firstMember, 'areas', ' area ids they follow');
    firstMember.comment = ` authors: [${spec.members[0]?.name ?? ''}]   # papers by these authors always concern them`;
  }
  const example = members.length === 0
    ? ['  - name: Ada Lovelace', `    interests: [${exampleInterests(spec)}]`, `    areas: [${spec.areas[0]?.id ?? 'area-id'}]`, '']
    : [];
  const sources = pairAt(root, 'sources');
  if (isScalar(sources.key)) {
    sources.key.commentBefore = [...example, ...sourcesExample(spec.categories)].join('\n');
    sources.key.spaceBefore = members.length > 0;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function pairAt(map: YAMLMap, key: string): Pair<Node, Node | null> {
  const pair = map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
  if (!pair) throw new Error(`configYaml: no "${key}" in the document`);
  return pair as Pair<Node, Node | null>;
}

const mapAt = (map: YAMLMap, key: string) => pairAt(map, key).value as YAMLMap;

/** A blank line and a comment above a top-level key. */
function section(map: YAMLMap, key: string, comment: string): void {
  const pair = pairAt(map, key);
  if (isScalar(pair.key)) {
    pair.key.commentBefore = comment;
    pair.key.spaceBefore = true;
  }
}

/** A comment at the end of a `key: value` line. */
function note(map: YAMLMap, key: string, comment: string): void {
  const { value } = pairAt(map, key);
  if (value) value.comment = comment;
}

/** A comment at the end of a `key:` line whose value follows on the next lines. */
function keyNote(map: YAMLMap, key: string, comment: string): void {
  const pair = pairAt(map, key);
  if (isScalar(pair.key)) pair.key.comment = comment;
}
