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
  const groups: Group[] = [];
  // `doi:…`, `arxiv:…`, `id:…` → the group holding that identifier.
  const byKey = new Map<string, Group>();
  const byTitle = new Map<string, Group[]>();

  const index = (group: Group) => {
    const { doi, arxiv, titleKey } = group.keys;
    if (doi !== null) byKey.set(`doi:${doi}`, group);
    if (arxiv !== null) byKey.set(`arxiv:${arxiv}`, group);
    byKey.set(`id:${group.paper.id}`, group);
    if (titleKey !== null) {
      const list = byTitle.get(titleKey) ?? [];
      if (!list.includes(group)) byTitle.set(titleKey, [...list, group]);
    }
  };

  for (const paper of papers) {
    const keys = matchKeys(paper);
    const found: Group[] = [];
    const add = (g: Group | undefined) => { if (g && !found.includes(g)) found.push(g); };
    if (keys.doi !== null) add(byKey.get(`doi:${keys.doi}`));
    if (keys.arxiv !== null) add(byKey.get(`arxiv:${keys.arxiv}`));
    add(byKey.get(`id:${paper.id}`));
    if (found.length === 0 && keys.titleKey !== null) add(byTitle.get(keys.titleKey)?.find((g) => !idsConflict(keys, g.keys)));

    const [target, ...others] = found;
    if (target === undefined) {
      const group: Group = { paper, keys, ids: [paper.id] };
      groups.push(group);
      index(group);
      continue;
    }
    let merged = mergePaper(target.paper, paper);
    for (const other of others) {
      merged = mergePaper(merged, other.paper);
      for (const id of other.ids) if (!target.ids.includes(id)) target.ids.push(id);
      groups.splice(groups.indexOf(other), 1);
      // Every key of the absorbed group now leads to the target.
      for (const [key, g] of byKey) if (g === other) byKey.set(key, target);
      for (const [key, list] of byTitle) if (list.includes(other)) byTitle.set(key, list.filter((g) => g !== other));
    }
    target.paper = merged;
    target.keys = matchKeys(merged);
    if (!target.ids.includes(paper.id)) target.ids.push(paper.id);
    byKey.set(`id:${paper.id}`, target);
    index(target);
  }
  return groups;
}
