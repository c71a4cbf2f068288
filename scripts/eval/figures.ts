// The evaluation's figures from a ranking of labelled papers: per-area nDCG@10 and AP, and what the
// digest would hold (irrelevant papers left out, core papers included and in the right section, picks).
import type { GroupConfig } from '@labdigest/core';
import type { Grades } from './data.ts';

/** What a system says about one paper: its scores, its section, whether it is a pick. */
export interface Judged {
  readonly id: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly section: string | null;
  readonly pick?: boolean;
}

export interface Figures {
  readonly perArea: readonly { readonly area: string; readonly ndcg: number; readonly ap: number; readonly relevant: number }[];
  readonly map: number;
  readonly ndcg: number;
  readonly leftOut: number;
  readonly included: number;
  readonly rightSection: number;
  /** Picks graded 2 in their section, of all picks (NaN when there are none). */
  readonly picksPrecision: number;
  readonly picks: number;
  readonly counts: { readonly papers: number; readonly irrelevant: number; readonly core: number };
}

export function figuresOf(judged: readonly Judged[], labels: ReadonlyMap<string, Grades>, config: GroupConfig): Figures {
  const gradesOf = (id: string) => labels.get(id) ?? {};
  const perArea = config.areas.map((area) => {
    const list = judged.map((p) => ({ id: p.id, score: p.scores[area.id] ?? 0, grade: gradesOf(p.id)[area.id] ?? 0 }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const dcg = (gs: number[]) => gs.slice(0, 10).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
    const ideal = dcg(list.map((x) => x.grade).sort((a, b) => b - a));
    const ndcg = ideal > 0 ? dcg(list.map((x) => x.grade)) / ideal : 1;
    let hits = 0;
    let sum = 0;
    list.forEach((x, i) => { if (x.grade === 2) { hits++; sum += hits / (i + 1); } });
    const relevant = list.filter((x) => x.grade === 2).length;
    return { area: area.id, ndcg, ap: relevant ? sum / relevant : 1, relevant };
  });
  const all = judged.map((p) => ({ grades: gradesOf(p.id), section: p.section, pick: p.pick ?? false }));
  const irrelevant = all.filter((x) => Object.values(x.grades).every((g) => g === 0));
  const core = all.filter((x) => Object.values(x.grades).some((g) => g === 2));
  const picks = all.filter((x) => x.pick && x.section !== null);
  return {
    perArea,
    map: perArea.reduce((s, a) => s + a.ap, 0) / perArea.length,
    ndcg: perArea.reduce((s, a) => s + a.ndcg, 0) / perArea.length,
    leftOut: irrelevant.filter((x) => x.section === null).length / irrelevant.length,
    included: core.filter((x) => x.section !== null).length / core.length,
    rightSection: core.filter((x) => x.section !== null && x.grades[x.section] === 2).length / core.length,
    picksPrecision: picks.filter((x) => x.grades[x.section as string] === 2).length / picks.length,
    picks: picks.length,
    counts: { papers: all.length, irrelevant: irrelevant.length, core: core.length },
  };
}

export const f3 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
