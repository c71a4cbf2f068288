import {
  DIGEST_SCHEMA_VERSION, paperArxivId, paperSourceLine, venueName, type Digest, type DigestEntry, type GroupConfig, type Paper, type SectionLearned,
} from '@labdigest/core';
import { expansionsOf } from '../words/acronyms.ts';
import { termOf } from '../words/stem.ts';
import { mayNameTopic } from '../words/grammar.ts';
import type { LearnedModel, LearnedProfile } from '../learning/learning-types.ts';
import type { RankedPaper } from '../rank.ts';

export interface DigestOptions {
  /** The digest's day, YYYY-MM-DD. */
  readonly date: string;
  readonly since?: string | null;
  readonly until?: string | null;
  /** ISO time the digest was made; pass it in so the same input gives the same document. */
  readonly generatedAt: string;
  /** True when built from bundled recorded data rather than a live fetch. */
  readonly sample?: boolean;
  /** What the ranker learned from the group (`ranker.learned`): each taught area's section says so, and each taught member. */
  readonly learned?: LearnedModel;
}

/** Words a section shows it learned: the strongest for, then against. */
const SHOWN_FOR = 6;
const SHOWN_AGAINST = 3;

/**
 * The digest document from ranked papers: one section per area in config order, each opening with
 * its picks and then the rest, in the ranker's order (`RankedPaper.rank`), numbered through the whole
 * digest as in docs/digest-format.md. Sections may be empty.
 */
export function assembleDigest(
  config: GroupConfig,
  papers: readonly Paper[],
  ranked: readonly RankedPaper[],
  options: DigestOptions,
): Digest {
  const byId = new Map(papers.map((p) => [p.id, p]));
  let number = 0;
  const sections = config.areas.map((area) => {
    const entries = ranked
      .filter((r) => r.section === area.id)
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score || (a.id < b.id ? -1 : 1))
      .map((r, i): DigestEntry => {
        const paper = byId.get(r.id);
        if (!paper) throw new Error(`ranked paper ${r.id} is not among the papers given`);
        number += 1;
        return {
          number, id: paper.id, title: paper.title, authors: paper.authors,
          published: paper.published ? paper.published.slice(0, 10) : null,
          url: safeUrl(paper.url) ?? (paper.doi ? `https://doi.org/${paper.doi}` : null),
          doi: paper.doi, arxivId: paperArxivId(paper), venue: venueName(paper.venue),
          sourceLine: paperSourceLine(paper),
          score: r.score, scores: r.scores, summary: r.summary ?? '', abstract: paper.abstract, note: r.note,
          matchedTerms: [...r.matchedTerms], members: [...r.members],
          pick: r.pick, rank: i + 1,
        };
      });
    const learned = sectionLearned(options.learned?.find((p) => p.kind === 'area' && p.id === area.id));
    return {
      id: area.id, name: area.name, ...(area.description ? { description: area.description } : {}),
      ...(learned ? { learned } : {}), papers: entries,
    };
  });
  return {
    schemaVersion: DIGEST_SCHEMA_VERSION,
    group: { name: config.group.name, ...(config.group.description ? { description: config.group.description } : {}) },
    title: `Research Digest — ${options.date}`,
    date: options.date,
    window: { since: options.since ?? null, until: options.until ?? null },
    generatedAt: options.generatedAt,
    sample: options.sample ?? false,
    sections,
    members: config.members.map((m) => {
      const learned = sectionLearned(options.learned?.find((p) => p.kind === 'member' && p.id === m.name));
      return { name: m.name, areas: [...m.areas], ...(learned ? { learned } : {}) };
    }),
    stats: { considered: ranked.length, included: number },
  };
}

/** What a taught area's section (or a taught member) shows it learned (`shownLearnedWords`). */
function sectionLearned(profile: LearnedProfile | undefined): SectionLearned | undefined {
  if (!profile || profile.positives + profile.negatives === 0) return undefined;
  return {
    positives: profile.positives, negatives: profile.negatives, ...(profile.signals ? { signals: { ...profile.signals } } : {}),
    words: shownLearnedWords(profile, SHOWN_FOR, SHOWN_AGAINST),
    ...(profile.novelty !== undefined ? { novelty: profile.novelty } : {}),
  };
}

/**
 * The words a profile learned, as the group is shown them (a section's line, `digest feedback show`):
 * up to `forCount` for and `againstCount` against that name a topic, the words the taught papers are
 * about first, then by weight (one starred paper teaches its title's "excited state" and a passing
 * "descriptions" alike); a word left out when a phrase shown holds it ("ring" beside "ring opening"),
 * and an acronym beside the words it spells out. An adverb or a participle alone ("stably",
 * "fabricated": grammar.ts `mayNameTopic`), or a word the papers write only before the rest of its
 * phrase ("molecular" of "molecular dynamics": `modifier`), still weighs in the ranking, where it carries some signal
 * (learning it not at all cost the bibliography checks 0.01 AP), but a line that says "more weight on
 * stably" tells the group nothing; `digest explain` shows the learned terms a paper matched, with
 * their weights.
 */
export function shownLearnedWords(profile: LearnedProfile, forCount: number, againstCount: number): { word: string; weight: number }[] {
  return [...shownWords(profile, 1, forCount), ...shownWords(profile, -1, againstCount)];
}

function shownWords(profile: LearnedProfile, sign: number, count: number): { word: string; weight: number }[] {
  const shown: { word: string; weight: number; written: string | undefined }[] = [];
  const words = new Set<string>();
  // The terms an acronym shown spells out ("LMB" says "lithium metal" and "metal batteries"), and
  // the terms shown (which say what "LMB" would).
  const spelt = new Set<string>();
  const said = new Set<string>();
  const byShown = profile.terms.filter((x) => Math.sign(x.weight) === sign)
    .map((x, i) => ({ x, i, key: Math.abs(x.weight) * (x.about ?? 1) }))
    .sort((a, b) => b.key - a.key || a.i - b.i).map(({ x }) => x);
  for (const t of byShown) {
    if (t.modifier || !mayNameTopic(t.word)) continue;
    const parts = t.word.toLowerCase().split(' ');
    // Compared as terms, so a plural is its word: "reaction pathways" holds "pathway" (found by an audit,
    // whose line showed both).
    const stems = parts.map(termOf);
    const terms = t.term.split(' ');
    // A pair says what a word of it shown alone said, and more: "excited state", not "excited" too. It
    // takes the word's place, on a full line too ("carbon monolith" for "monolith").
    const holds = (x: { word: string }) => !x.word.includes(' ') && stems.includes(termOf(x.word.toLowerCase()));
    const replaced = parts.length > 1 ? shown.findIndex(holds) : -1;
    if (shown.length >= count && replaced < 0) continue;
    if (stems.every((w) => words.has(w)) || terms.every((x) => spelt.has(x))
      || terms.some((x) => expansionsOf(x).some((expansion) => expansion.every((e) => said.has(e))))) continue;
    for (const w of stems) words.add(w);
    for (const x of terms) said.add(x);
    // The words shown as well as the terms: a pair shown with its lead, "lithium metal batteries" of
    // "metal batteries", says the "lithium" an "LMBs" after it would spell (the audit's line showed both).
    for (const w of parts) said.add(termOf(w));
    for (const x of terms) for (const expansion of expansionsOf(x)) for (const e of expansion) spelt.add(e);
    const entry = { word: t.word, weight: t.weight, written: t.written };
    if (replaced < 0) {
      shown.push(entry);
      continue;
    }
    shown[replaced] = entry;
    for (let k = shown.length - 1; k > replaced; k--) if (holds(shown[k] as { word: string })) shown.splice(k, 1);
  }
  // Chosen by their words, shown as the papers write them: "non-uniform", not "non uniform".
  return shown.map(({ word, weight, written }) => ({ word: written ?? word, weight }));
}

/**
 * Only http(s) links reach the digest: a feed's `javascript:` URL must not become a link. A DOI's link
 * goes to doi.org over https, and an arXiv link over https ("http://dx.doi.org/10.1021/…", as a
 * journal's feed writes it, is "https://doi.org/10.1021/…").
 */
function safeUrl(url: string | null): string | null {
  const link = url?.trim();
  if (!link || !/^https?:\/\/[^\s]+$/i.test(link)) return null;
  return link.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, 'https://doi.org/').replace(/^http:\/\/arxiv\.org\//i, 'https://arxiv.org/');
}
