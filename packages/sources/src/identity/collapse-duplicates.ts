import type { Paper } from '@labdigest/core';
import { idsConflict, matchKeys, type MatchKeys } from './match-keys.ts';
import { mergePaper } from './merge-paper.ts';

/** A paper of the batch, merged from one or more records, and the ids of all those records. */
export interface CollapsedPaper {
  paper: Paper;
  ids: string[];
  /** matchKeys(paper), computed once. */
  keys: MatchKeys;
}

type Group = CollapsedPaper;

/**
 * The batch with its duplicates merged (same rules as the store: DOI, arXiv id, id, then title + first
 * author without conflicting ids), in first-seen order. An arXiv listing cross-lists a paper under
 * several categories; a journal feed may repeat an item: each becomes one paper here.
 */
export function collapseDuplicates(papers: readonly Paper[]): CollapsedPaper[] {
  // A bulk import runs this once per record, so the loop creates no closures and no composite keys:
  // one map per kind of identifier, each leading to the group holding it.
  const byDoi = new Map<string, Group>();
  const byArxiv = new Map<string, Group>();
  const byId = new Map<string, Group>();
  const byTitle = new Map<string, Group[]>();
  const index = (group: Group) => {
    const { doi, arxiv, titleKey } = group.keys;
    if (doi !== null) byDoi.set(doi, group);
    if (arxiv !== null) byArxiv.set(arxiv, group);
    byId.set(group.paper.id, group);
    if (titleKey !== null) {
      const list = byTitle.get(titleKey);
      if (list === undefined) byTitle.set(titleKey, [group]);
      else if (!list.includes(group)) list.push(group);
    }
  };

  let groups: (Group | null)[] = [];
  let absorbed = 0;
  for (const paper of papers) {
    const keys = matchKeys(paper);
    const doiGroup = keys.doi === null ? undefined : byDoi.get(keys.doi);
    const arxivGroup = keys.arxiv === null ? undefined : byArxiv.get(keys.arxiv);
    const idGroup = byId.get(paper.id);
    const target = doiGroup ?? arxivGroup ?? idGroup
      ?? (keys.titleKey === null ? undefined : byTitle.get(keys.titleKey)?.find((g) => !idsConflict(keys, g.keys)));
    if (target === undefined) {
      const group: Group = { paper, keys, ids: [paper.id] };
      groups.push(group);
      index(group);
      continue;
    }
    // The groups besides the target that hold one of the record's ids: it bridges them.
    const others: Group[] = [];
    for (const g of [arxivGroup, idGroup]) if (g !== undefined && g !== target && !others.includes(g)) others.push(g);
    let merged = mergePaper(target.paper, paper);
    for (const other of others) {
      merged = mergePaper(merged, other.paper);
      for (const id of other.ids) if (!target.ids.includes(id)) target.ids.push(id);
      groups[groups.indexOf(other)] = null;
      absorbed++;
      // Every key of the absorbed group now leads to the target.
      for (const map of [byDoi, byArxiv, byId]) for (const [key, g] of map) if (g === other) map.set(key, target);
      for (const [key, list] of byTitle) if (list.includes(other)) byTitle.set(key, list.filter((g) => g !== other));
    }
    target.paper = merged;
    target.keys = matchKeys(merged);
    if (!target.ids.includes(paper.id)) target.ids.push(paper.id);
    byId.set(paper.id, target);
    index(target);
  }
  if (absorbed > 0) groups = groups.filter((g) => g !== null);
  return groups as Group[];
}
