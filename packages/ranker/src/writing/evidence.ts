import { groupTimeZone, type Area, type GroupConfig, type MatchedTerm, type MemberMatch, type Paper } from '@labdigest/core';
import type { createAnalyzer, Match, PaperFeatures } from '../scan/analyze.ts';
import { NO_ONE } from '../scoring/authors.ts';
import { insertionSort } from '../util/insertion-sort.ts';
import { ACRONYMS } from '../words/acronyms.ts';
import { isFormula, joinLoneCounts } from '../words/formula.ts';
import { displayKeyword, mayNameTopic } from '../words/grammar.ts';
import { leftOutNote, listWords, relevanceNote, type NamedMember } from './notes.ts';
import type { LearnedFrom } from '../learning/learning-types.ts';
import type { CompiledProfile, Feature, Lexicon } from '../profiles/profiles.ts';
import type { RankedPaper } from '../rank.ts';
import { eachRelevance, type BatchScores, type Scored } from '../scoring/score-batch.ts';
import type { Placement } from '../scoring/sections.ts';
import { untouchedScore } from '../scoring/score.ts';
import { isReview, specificsOf } from './specifics.ts';
import { NO_ABSTRACT, summarize } from './summary.ts';
import { withoutHerein, withoutPraise } from './plain-words.ts';
import { inThirdPerson } from './third-person.ts';

/**
 * Matched terms of a paper, strongest first: keyword, the words the paper used (when spans are
 * known), whether the title has it, how often, and which profiles hold it.
 */
export function matchedTermsOf(
  lexicon: Lexicon,
  paper: PaperFeatures,
  spans: Spans | undefined,
  profilesOf: readonly (readonly string[])[],
  pool?: TermPool,
  shown: (feature: number) => string | undefined = keywordOf(lexicon),
): MatchedTerm[] {
  const terms: MatchedTerm[] = [];
  // Each feature's words as the texts write them, title first, in the order met.
  let formsOf: Map<number, Set<string>> | undefined;
  if (spans) {
    formsOf = new Map();
    for (const field of [spans.title, spans.abstract]) {
      for (const m of field.matches) {
        let found = formsOf.get(m.feature);
        if (!found) formsOf.set(m.feature, found = new Set());
        found.add(withClosingBracket(field.text, m.start, m.end));
      }
    }
  }
  paper.ids.forEach((f, i) => {
    // A focus keyword that no area or member holds orders the section; it is not evidence.
    if ((profilesOf[f]?.length ?? 0) === 0) return;
    // Nor is a learned word its section's line would not show ("synchronize ion", "xLixF2"): it weighs unshown.
    const keyword = shown(f);
    if (keyword === undefined) return;
    const inTitle = paper.inTitle[i] ?? 0;
    const count = inTitle + (paper.inAbstract[i] ?? 0);
    // Without spans a term is its feature, place and count: thousands of papers share each one.
    const key = !spans && pool && count < 2048 ? f * 4096 + (inTitle > 0 ? 2048 : 0) + count : -1;
    const known = key >= 0 ? pool?.get(key) : undefined;
    if (known) { terms.push(known); return; }
    const forms = formsOf ? [...(formsOf.get(f) ?? [])] : NO_FORMS;
    const term: MatchedTerm = {
      keyword,
      forms,
      inTitle: inTitle > 0,
      count,
      // Shared between papers (thousands hold the same keyword); never changed after ranking.
      profiles: (profilesOf[f] ?? NO_FORMS) as string[],
    };
    if (key >= 0) pool?.set(key, Object.freeze(term));
    terms.push(term);
  });
  return insertionSort(terms, (a, b) => Number(b.inTitle) - Number(a.inTitle) || b.count - a.count || (a.keyword < b.keyword ? -1 : 1));
}

const NO_FORMS: string[] = Object.freeze([]) as unknown as string[];
/** Every matched feature listed as its keyword. */
const keywordOf = (lexicon: Lexicon) => (f: number): string => lexicon.features[f]?.keyword ?? String(f);

/** Matched terms without spans, shared between the papers of a ranking: see `matchedTermsOf`. */
export type TermPool = Map<number, MatchedTerm>;

/**
 * Makes records keyed by area ids or member names from a paper's sparse scores (score-batch.ts), for
 * the profiles from `first` on: each a copy of one template, so all share one shape and no property is
 * added one by one.
 */
export function recordMaker(keys: readonly string[], first: number) {
  const template: Record<string, number> = {};
  for (const key of keys) template[key] = 0;
  const zero = Object.freeze({ ...template });
  const end = first + keys.length;
  return (scores: BatchScores, i: number): Record<string, number> => {
    let record: Record<string, number> | undefined;
    for (let e = scores.start[i] as number; e < (scores.start[i + 1] as number); e++) {
      const p = scores.profile[e] as number;
      if (p < first) continue;
      if (p >= end) break;
      record ??= { ...template };
      record[keys[p - first] as string] = round(scores.relevance[e] as number);
    }
    // Most papers score 0 against every member, or every area: they share one frozen record.
    return record ?? zero;
  };
}

/**
 * How a matched feature is listed among a paper's matched terms (and so highlighted), or undefined
 * when it is not: every written keyword is, as written, and a learned word unless every area and
 * member holding it learned it and its section's line would not show it (digest.ts
 * `shownLearnedWords`): a word the taught papers write only before the rest of its phrase
 * (`modifiers`, as the ranker compiles them), or one that names no topic (grammar.ts `mayNameTopic`:
 * "coordination synchronizes", "xLixF2"). A learned word is listed as its section's line shows it
 * (`labels`, by the compiled word in lower case: "initio" as "ab initio"). Worked out when a matched
 * feature is first listed, once per feature: an included paper's few, not a department's thousands.
 */
export function shownTerms(lexicon: Lexicon, modifiers: ReadonlySet<string>, labels: ReadonlyMap<string, string> = new Map()): (feature: number) => string | undefined {
  const learnedOnly = new Uint8Array(lexicon.features.length);
  const written = new Uint8Array(lexicon.features.length);
  for (const profile of lexicon.profiles) {
    if (profile.kind === 'focus' || profile.kind === 'outside') continue;
    profile.features.forEach((f, k) => {
      if ((profile.weights[k] ?? 0) <= 0) return;
      if (profile.learned[k] === 1) learnedOnly[f] = 1;
      else written[f] = 1;
    });
  }
  const keyword = keywordOf(lexicon);
  if (!learnedOnly.some((x, f) => x === 1 && written[f] === 0)) return keyword;
  // 0: not worked out yet; 1 shown; 2 not.
  const known = new Uint8Array(lexicon.features.length);
  return (f) => {
    if (learnedOnly[f] === 0 || written[f] === 1) return keyword(f);
    const word = (lexicon.features[f] as Feature).keyword;
    if (known[f] === 0) known[f] = !modifiers.has(word.toLowerCase()) && mayNameTopic(word) ? 1 : 2;
    return known[f] === 1 ? labels.get(word.toLowerCase()) ?? word : undefined;
  };
}

export function featureOwners(lexicon: Lexicon): string[][] {
  const owners: string[][] = lexicon.features.map(() => []);
  for (const profile of lexicon.profiles) {
    if (profile.kind === 'focus' || profile.kind === 'outside') continue;
    profile.features.forEach((f, k) => { if ((profile.weights[k] ?? 0) > 0) owners[f]?.push(profile.id); });
  }
  return owners;
}

export interface EvidenceContext {
  readonly config: GroupConfig;
  readonly lexicon: Lexicon;
  readonly analyzer: ReturnType<typeof createAnalyzer>;
  readonly profilesOf: string[][];
  /** How a matched feature is listed among a paper's matched terms, if it is: see `shownTerms`. */
  readonly shownTerm: (feature: number) => string | undefined;
  /** `lazy`: the records are made when read (`recordsWhenRead`), for a department's thousands of profiles. */
  readonly records: { readonly areas: RecordMaker; readonly members: RecordMaker; readonly lazy: boolean };
  readonly terms: TermPool;
  readonly notes: LeftOutNotes;
  /** Which areas and members hold each feature, as bits: see `holderBits`. */
  readonly holders: HolderBits;
  readonly summaries: boolean;
  /** How notes write each feature (by id), and which features name methods: see `noteVocabulary`. */
  readonly vocabulary: NoteVocabulary;
  /** The taught example an included paper is most like (learned-from.ts), when the ranker learned from feedback. */
  readonly learnedFrom: ((area: number, features: PaperFeatures, id: string) => LearnedFrom | undefined) | undefined;
  /** Areas whose id is also a member's name (almost never): see the left-out notes' unmet lists. */
  readonly namedLikeMembers: readonly number[];
  /** Area index -> its focus profile and the focus's name, if it has one. */
  readonly focusOf: (area: number) => { readonly profile: CompiledProfile; readonly name: string | undefined } | undefined;
}

/** How relevance notes write a lexicon's features. */
export interface NoteVocabulary {
  /** Feature id -> the words a note uses: the acronym when the field has one ("MLIP"), else the keyword. */
  readonly display: readonly string[];
  /** Display forms that name methods: the focus's keywords, and names such as "NequIP" or "FLARE". */
  readonly methods: ReadonlySet<string>;
  /** Feature id -> 1 when an area or member uses it (keyword, exclusion or `require`), 0 for focus keywords alone. */
  readonly evidential: Uint8Array;
  /** The features without those another of them contains ("polymer electrolyte" inside "solid polymer electrolyte"). */
  readonly withoutContained: (features: readonly number[]) => number[];
}

/**
 * The note vocabulary of a lexicon, made once per ranker; how notes write its features (`display`,
 * `methods`) is worked out when a note first asks: a ranking whose notes are never read (a corpus's,
 * a department's 9,000 features) does not pay for it.
 */
export function noteVocabulary(lexicon: Lexicon, own?: Readonly<Record<string, readonly string[]>>): NoteVocabulary {
  let words: { display: readonly string[]; methods: ReadonlySet<string> } | undefined;
  const wordsOf = () => (words ??= noteWords(lexicon, own));
  const contains = new Map<number, boolean>();
  const inside = (outer: number, inner: number) => {
    const key = outer * lexicon.features.length + inner;
    let known = contains.get(key);
    if (known === undefined) {
      const longer = (lexicon.features[outer]?.sequences ?? []).map((q) => ` ${q.join(' ')} `);
      known = (lexicon.features[inner]?.sequences ?? []).some((q) => longer.some((l) => l.includes(` ${q.join(' ')} `)));
      contains.set(key, known);
    }
    return known;
  };
  const evidential = new Uint8Array(lexicon.features.length);
  for (const profile of lexicon.profiles) {
    if (profile.kind !== 'area' && profile.kind !== 'member') continue;
    // What `touches` holds, without making it.
    for (const f of profile.features) evidential[f] = 1;
    for (const f of profile.exclude) evidential[f] = 1;
    for (const group of profile.require) for (const f of group) evidential[f] = 1;
  }
  return {
    get display() { return wordsOf().display; },
    get methods() { return wordsOf().methods; },
    evidential,
    withoutContained: (features) => features.filter((f) => !features.some((g) => g !== f && inside(g, f))),
  };
}

/** Feature id -> the words a note uses for it, and those that name methods: see `NoteVocabulary`. */
function noteWords(lexicon: Lexicon, own?: Readonly<Record<string, readonly string[]>>): { display: readonly string[]; methods: ReadonlySet<string> } {
  const display = lexicon.features.map((f) => displayKeyword(f.keyword, ACRONYMS, own));
  const methods = new Set<string>();
  const isAcronym = new Set([...Object.keys(ACRONYMS), ...Object.keys(own ?? {})]);
  for (const profile of lexicon.profiles) {
    if (profile.kind === 'outside') continue;
    profile.features.forEach((f) => {
      const shown = display[f] as string;
      // A name: capitals past the first letter, not a formula and not one of the field's acronyms for a thing.
      const isName = /[A-Z]/.test(shown.slice(1)) && !isFormula(shown) && !isAcronym.has(shown) && !shown.includes(' ');
      if (profile.kind === 'focus' || isName) methods.add(shown);
    });
  }
  return { display, methods };
}

export type RecordMaker = ReturnType<typeof recordMaker>;

/** A paper's evidence from its scores: matched terms, members, the note, the summary. `section`: area index or -1. */
export function evidenceFor(context: EvidenceContext, paper: Paper, scored: Scored, section: number, placement: Placement | undefined): RankedPaper {
  const { config, lexicon, analyzer, records } = context;
  const batch = scored.scores;
  const i = scored.paper;
  const areas = config.areas;
  if (!scored.authors && !holdsEvidence(scored.features.ids, context.vocabulary.evidential)) {
    // Most of a day's papers hold no keyword of an area or member (at most a focus word, "simulation"):
    // they share their all-zero evidence.
    // Written out, not spread: copying a frozen object's properties takes V8's slow path.
    const nothing = nothingFor(config);
    return {
      id: paper.id, title: paper.title, section: null, score: 0, scores: nothing.scores, memberScores: nothing.memberScores,
      matchedTerms: nothing.matchedTerms, members: nothing.members, summary: null, excludedBy: nothing.excludedBy, note: nothing.note,
      pick: false, rank: null, focus: false,
    };
  }
  // Read in place, never from a closure: a closure here would keep the paper's view, and the batch with it.
  const row = scored.row;
  let best = 0;
  for (let a = 1; a < areas.length; a++) if ((row[a] as number) > (row[best] as number)) best = a;
  const here = section >= 0 ? areas[section] : undefined;
  const { features } = scored;
  // Spans (the words to highlight) only for papers the digest shows. A department's thousands of
  // included papers find them, and their matched terms' words, when read (unless summaries need them
  // now), and its left-out papers (whose notes are written when read) their matched terms.
  const later = records.lazy && (here !== undefined ? !context.summaries : batch.partial) ? readLater(context, paper, here, features) : undefined;
  // Not kept by any closure here: a group's notes would keep every included paper's spans alive.
  const spans = !later && here ? { title: analyzer.matches(paper.title), abstract: analyzer.matches(paper.abstract ?? '') } : undefined;
  const terms = later ? NO_TERMS : matchedTermsOf(lexicon, features, spans, context.profilesOf, context.terms, context.shownTerm);

  // The areas the paper meets an exclusion or misses a `require` list of, ascending (score-batch.ts).
  const limitFrom = batch.limitStart[i] as number;
  const limitTo = batch.limitStart[i + 1] as number;
  let excludedBy: Record<string, string> = NO_EXCLUSIONS;
  for (let e = limitFrom; e < limitTo; e++) {
    const f = batch.excludedBy[e] as number;
    if (f >= 0) (excludedBy === NO_EXCLUSIONS ? (excludedBy = {}) : excludedBy)[(areas[batch.limitArea[e] as number] as Area).id] = lexicon.features[f]?.keyword ?? '';
  }

  if (here === undefined) {
    const bestArea = areas[best];
    const bestScore = areas.length ? row[best] as number : 0;
    const crowdedOut = bestArea !== undefined && bestScore >= bestArea.threshold && bestScore > 0;
    const ids = scored.features.ids;
    const note = leftOutNoteWriter(context, batch, i, ids, bestArea && { area: bestArea, score: bestScore }, crowdedOut);
    // A department's note may list hundreds of areas: it is written when read.
    if (later) {
      const ranked = leftOutPaper(records, batch, i, paper, round(bestScore), terms, excludedBy, note);
      whenRead(ranked, 'matchedTerms', later.terms);
      return ranked;
    }
    // Below the threshold and nothing more to say (most left-out papers): one note per area and score.
    const reasons = leftOutReasons(context, batch, i, ids);
    if (!crowdedOut && !reasons.excluded && !reasons.unmet) {
      return leftOutPaper(records, batch, i, paper, round(bestScore), terms, excludedBy, sharedNote(context.notes, best, bestScore, note));
    }
    return leftOutPaper(records, batch, i, paper, round(bestScore), terms, excludedBy, leftOutNote({
      best: bestArea && { area: bestArea, score: bestScore }, crowdedOut, excluded: reasons.excluded ?? [], unmet: reasons.unmet ?? [],
    }));
  }


  // A department's paper concerns hundreds of its 2,000 areas and members: there its members, the
  // members the note may name and the other areas it bears on are worked out when read, from the
  // batch's sparse scores. A group's few are worked out at once, and the batch is let go.
  const eager = records.lazy ? undefined : concernedMembers(context, batch, i, terms, here);
  const eagerOthers = records.lazy ? undefined : otherAreas(areas, batch, i, section);
  // The note is written when first read: a digest reads its few papers' notes; a ranking of a
  // whole corpus, most of which nobody reads, does not pay for a thousand of them.
  let note: string | undefined;
  // A group's closure holds this paper's own pieces only, never the batch's score arrays (a
  // department's keeps the batch for its records).
  const texts = later ? undefined : { title: spans?.title.text ?? paper.title, abstract: spans?.abstract.text ?? '' };
  const learnedFrom = context.learnedFrom?.(section, features, paper.id);
  // Made apart, so that no closure of this function holds the batch: a group's notes would keep a
  // whole ranking's scores and features alive.
  const namedOf = eager ? constant(eager.named) : fromBatch(batch, i, (b, at) => namedMembers(context.config, b, at));
  const othersOf = eagerOthers ? constant(eagerOthers) : fromBatch(batch, i, (b, at) => otherAreas(areas, b, at, section));
  const summary = context.summaries
    ? (paper.abstract ? joinLoneCounts(withoutPraise(withoutHerein(inThirdPerson(summarize(spans?.abstract.text ?? paper.abstract,
      sentenceWeigher(spans?.abstract.matches ?? [], context.profilesOf, here.id)), paper.authors)))) : NO_ABSTRACT) : null;
  const published = paper.published;
  const writeNote = () => (note ??= noteFor(context, paper.id, features, section, placement, namedOf(), othersOf(), texts ?? (later as Later).texts(), learnedFrom, summary, published));
  const ranked: RankedPaper = {
    id: paper.id, title: paper.title, section: here.id, score: round(row[section] as number),
    scores: records.lazy ? NO_SCORES : records.areas(batch, i), memberScores: records.lazy ? NO_SCORES : records.members(batch, i),
    matchedTerms: terms, members: eager ? eager.members : NO_MEMBERS, excludedBy, summary,
    get note() { return writeNote(); },
    pick: placement?.pick ?? false, rank: placement?.rank ?? null, focus: placement?.focus ?? false,
  };
  if (records.lazy) {
    recordsWhenRead(ranked, records, batch, i);
    if (later) whenRead(ranked, 'matchedTerms', later.terms);
    whenRead(ranked, 'members', fromBatch(batch, i, (b, at) => concernedMembers(context, b, at, later ? later.terms() : terms, here).members));
  }
  // Only where learning moved the paper: a ranking without feedback is the same object it always was.
  if (learnedFrom) (ranked as { learnedFrom?: LearnedFrom }).learnedFrom = learnedFrom;
  if (placement?.outside) (ranked as { outside?: true }).outside = true;
  if (placement?.dismissed) (ranked as { dismissed?: true }).dismissed = true;
  return ranked;
}

/** A paper's matched terms and texts, worked out (with its spans, for an included paper) when first asked. */
interface Later {
  readonly terms: () => MatchedTerm[];
  readonly texts: () => { readonly title: string; readonly abstract: string };
}

function readLater(context: EvidenceContext, paper: Paper, here: Area | undefined, features: PaperFeatures): Later {
  let spans: Spans | undefined;
  const spansOf = () => (here ? (spans ??= { title: context.analyzer.matches(paper.title), abstract: context.analyzer.matches(paper.abstract ?? '') }) : undefined);
  let terms: MatchedTerm[] | undefined;
  return {
    terms: () => (terms ??= matchedTermsOf(context.lexicon, features, spansOf(), context.profilesOf, context.terms, context.shownTerm)),
    texts: () => {
      const made = spansOf();
      return { title: made?.title.text ?? paper.title, abstract: made?.abstract.text ?? '' };
    },
  };
}

/** A function of a paper's batch scores, made outside `evidenceFor` so its closures never hold the batch. */
function fromBatch<T>(batch: BatchScores, i: number, make: (batch: BatchScores, i: number) => T): () => T {
  return () => make(batch, i);
}

function constant<T>(value: T): () => T {
  return () => value;
}

/** A left-out paper's note, written from its scores (completed: a department's batch keeps no unmet lists). */
function leftOutNoteWriter(
  context: EvidenceContext, batch: BatchScores, i: number, ids: readonly number[],
  best: { readonly area: Area; readonly score: number } | undefined, crowdedOut: boolean,
): () => string {
  return () => {
    const { scores, paper } = batch.complete(i);
    const { excluded, unmet } = leftOutReasons(context, scores, paper, ids);
    return leftOutNote({ best, crowdedOut, excluded: excluded ?? [], unmet: unmet ?? [] });
  };
}

/**
 * Why a left-out paper is not in the areas it touches: the exclusions it meets and the `require` lists
 * it misses, in area order (each undefined when there are none: most papers).
 */
function leftOutReasons(context: EvidenceContext, batch: BatchScores, i: number, ids: readonly number[]): {
  excluded: { area: Area; keyword: string }[] | undefined; unmet: { area: Area; keywords: readonly string[] }[] | undefined;
} {
  const { lexicon } = context;
  const areas = context.config.areas;
  const limitFrom = batch.limitStart[i] as number;
  let excluded: { area: Area; keyword: string }[] | undefined;
  let unmet: { area: Area; keywords: readonly string[] }[] | undefined;
  // An area the paper does not touch has no exclusion, and an unmet list is only said of an area
  // some matched term belongs to (a matched term of an area touches it), unless a member shares its name.
  const limited = context.namedLikeMembers.length === 0 ? undefined : withNamesakes(batch, i, context.namedLikeMembers);
  let held: Int32Array | undefined;
  const count = limited ? limited.length : (batch.limitStart[i + 1] as number) - limitFrom;
  for (let k = 0; k < count; k++) {
    const a = limited ? limited[k] as number : batch.limitArea[limitFrom + k] as number;
    const at = limited ? limitIndex(batch, i, a) : limitFrom + k;
    const area = areas[a] as Area;
    const f = at < 0 ? -1 : batch.excludedBy[at] as number;
    if (f >= 0) (excluded ??= []).push({ area, keyword: lexicon.features[f]?.keyword ?? '' });
    const g = at < 0 ? untouchedScore(lexicon.profiles[a] as CompiledProfile).unmet : batch.unmet[at] as number;
    // Whether a matched term is the area's (`t.profiles`, names, holds its id): through the bits.
    if (g >= 0 && heldByNamed(context.holders, held ??= holdersOf(context.holders, ids), a)) {
      (unmet ??= []).push({ area, keywords: area.require[g] ?? [] });
    }
  }
  return { excluded, unmet };
}

/**
 * A left-out paper's evidence, its score records made now or when read (`recordsWhenRead`), and its
 * note given, or written when first read.
 */
function leftOutPaper(
  records: EvidenceContext['records'], batch: BatchScores, i: number, paper: Paper, score: number, terms: readonly MatchedTerm[],
  excludedBy: Record<string, string>, note: string | (() => string),
): RankedPaper {
  const ranked: RankedPaper = {
    id: paper.id, title: paper.title, section: null, score,
    scores: records.lazy ? NO_SCORES : records.areas(batch, i), memberScores: records.lazy ? NO_SCORES : records.members(batch, i),
    matchedTerms: terms, members: NO_MEMBERS, summary: null, excludedBy, note: typeof note === 'string' ? note : '',
    pick: false, rank: null, focus: false,
  };
  if (records.lazy) recordsWhenRead(ranked, records, batch, i);
  if (typeof note !== 'string') {
    let written: string | undefined;
    Object.defineProperty(ranked, 'note', { get: () => (written ??= note()), enumerable: true, configurable: true });
  }
  return ranked;
}

/**
 * Makes a paper's `scores` and `memberScores` getters, in their place, that make the records from the
 * batch's sparse scores when read: a department's thousands of areas and members would take a record
 * of every one for every paper (2,000 profiles grew past 2.7 GB). A group's few records cost less than
 * the getters, and are made at once.
 */
function recordsWhenRead(ranked: RankedPaper, records: EvidenceContext['records'], batch: BatchScores, i: number): void {
  Object.defineProperty(ranked, 'scores', { get: () => records.areas(batch, i), enumerable: true, configurable: true });
  // A department's batch keeps members' scores past the member threshold alone: the record scores the paper again.
  Object.defineProperty(ranked, 'memberScores', {
    get: () => { const { scores, paper } = batch.complete(i); return records.members(scores, paper); }, enumerable: true, configurable: true,
  });
}

const NO_SCORES: Record<string, number> = Object.freeze({}) as Record<string, number>;

/** Paper i's limited areas (score-batch.ts) and the areas that share a member's name, ascending. */
function withNamesakes(batch: BatchScores, i: number, namesakes: readonly number[]): number[] {
  const areas = new Set(namesakes);
  for (let e = batch.limitStart[i] as number; e < (batch.limitStart[i + 1] as number); e++) areas.add(batch.limitArea[e] as number);
  return [...areas].sort((a, b) => a - b);
}

/** The entry of area a among paper i's limited areas, or -1. */
function limitIndex(batch: BatchScores, i: number, a: number): number {
  for (let e = batch.limitStart[i] as number; e < (batch.limitStart[i + 1] as number); e++) if (batch.limitArea[e] === a) return e;
  return -1;
}

/** The relevance note of an included paper (notes.ts), from its evidence. */
function noteFor(
  context: EvidenceContext, id: string, features: PaperFeatures, section: number, placement: Placement | undefined,
  named: readonly NamedCandidate[], others: readonly string[], texts: { readonly title: string; readonly abstract: string },
  learnedFrom: LearnedFrom | undefined, summary: string | null, published: string | null,
): string {
  const { config, lexicon, vocabulary } = context;
  const profile = lexicon.profiles[section] as CompiledProfile;
  const focus = context.focusOf(section);
  const focusTerms = focus && placement?.focus ? specificFirst(focus.profile, vocabulary.withoutContained(strongest(features, (f, at) =>
    focus.profile.slotOf[f] !== -1 && ((features.inTitle[at] as number) + (features.inLead[at] as number)) > 0, focus.profile))) : [];
  // A note speaks of two members at most: only theirs are worked out.
  const members = named.slice(0, 2).map((m): NamedMember => {
    const memberProfile = lexicon.profiles[config.areas.length + m.j] as CompiledProfile;
    // Written interests only: a learned word is not what the member said they work on.
    const interests = vocabulary.withoutContained(strongest(features, (f) => memberProfile.slotOf[f] !== -1
      && memberProfile.learned[memberProfile.slotOf[f] as number] === 0 && (memberProfile.weights[memberProfile.slotOf[f] as number] as number) > 0, memberProfile))
      .map((f) => vocabulary.display[f] as string);
    return { name: m.name, fit: m.fit, authors: m.authors, interests: [...new Set(interests)] };
  });
  return relevanceNote({
    id, group: config.group.name, area: config.areas[section] as Area,
    // Written keywords only: a related or learned word is evidence, not a reason a colleague would give
    // (what learning saw is said by `learnedFrom`).
    areaTerms: vocabulary.withoutContained(strongest(features, (f) => profile.slotOf[f] !== -1 && profile.related[profile.slotOf[f] as number] === 0
      && profile.learned[profile.slotOf[f] as number] === 0 && (profile.weights[profile.slotOf[f] as number] as number) > 0, profile))
      .map((f) => vocabulary.display[f] as string),
    members, methods: vocabulary.methods,
    focus: placement?.focus && focus ? { name: focus.name, terms: focusTerms.map((f) => vocabulary.display[f] as string) } : undefined,
    specifics: specificsOf(texts.title, texts.abstract),
    others, learnedFrom, review: isReview(texts.title, texts.abstract), summary, timeZone: groupTimeZone(config), ...(published ? { asOf: published } : {}),
  });
}

type Spans = { title: { text: string; matches: readonly Match[] }; abstract: { text: string; matches: readonly Match[] } };

/**
 * A focus's keywords as a note names them: the specific ones ("phase field", "DFT") when the paper
 * has any, the general ones ("simulation", "computational") only when it has nothing else.
 */
function specificFirst(profile: CompiledProfile, features: readonly number[]): number[] {
  const weight = (f: number) => profile.weights[profile.slotOf[f] as number] as number;
  const specific = features.filter((f) => weight(f) >= 2);
  return specific.length > 0 ? specific : [...features];
}

/**
 * A paper's features that pass `keep`, the strongest first: title occurrences first, then the most
 * often named; with a profile, by what each adds (its weight, title occurrences counting more).
 */
function strongest(features: PaperFeatures, keep: (feature: number, at: number) => boolean, profile?: CompiledProfile): number[] {
  const at: number[] = [];
  features.ids.forEach((f, i) => { if (keep(f, i)) at.push(i); });
  const count = (i: number) => (features.inTitle[i] as number) + (features.inAbstract[i] as number);
  const weight = (i: number) => (profile ? Math.abs(profile.weights[profile.slotOf[features.ids[i] as number] as number] ?? 1) : 1);
  const strength = (i: number) => weight(i) * ((features.inTitle[i] as number) > 0 ? 2.5 : 1) * Math.min(count(i), 3);
  return insertionSort(at, (a, b) => strength(b) - strength(a) || Number((features.inTitle[b] as number) > 0) - Number((features.inTitle[a] as number) > 0)
    || count(b) - count(a) || a - b).map((i) => features.ids[i] as number);
}

/** Whether any of a paper's features is used by an area or a member (a focus keyword alone is not). */
function holdsEvidence(ids: readonly number[], evidential: Uint8Array): boolean {
  for (let k = 0; k < ids.length; k++) if (evidential[ids[k] as number] === 1) return true;
  return false;
}

/**
 * `featureOwners` as bits, 32 profiles to a word: which areas and members hold each feature with a
 * positive weight (the profiles a matched term lists); and per area, the profiles named as it (the
 * area, and a member of the same name, if any: a term's profiles are names). `scratch` holds one
 * paper's bits at a time.
 */
export interface HolderBits {
  readonly words: number;
  readonly bits: Int32Array;
  /** Per area and member: the profiles of its name. */
  readonly named: readonly (readonly number[])[];
  /** A matched term's profiles (`featureOwners`' list, one per feature) -> the feature. */
  readonly featureOf: ReadonlyMap<readonly string[], number>;
  readonly scratch: Int32Array;
}

export function holderBits(lexicon: Lexicon, profilesOf: readonly (readonly string[])[]): HolderBits {
  const profiles = lexicon.profiles.filter((p) => p.kind === 'area' || p.kind === 'member');
  const words = Math.ceil(profiles.length / 32);
  const bits = new Int32Array(lexicon.features.length * words);
  profiles.forEach((profile, k) => profile.features.forEach((f, slot) => {
    if ((profile.weights[slot] ?? 0) > 0) bits[f * words + (k >> 5)] = (bits[f * words + (k >> 5)] as number) | (1 << (k & 31));
  }));
  const byId = new Map<string, number[]>();
  profiles.forEach((p, k) => { const list = byId.get(p.id); if (list) list.push(k); else byId.set(p.id, [k]); });
  const named = profiles.map((p) => byId.get(p.id) as number[]);
  const featureOf = new Map<readonly string[], number>();
  profilesOf.forEach((list, f) => { if (list.length > 0) featureOf.set(list, f); });
  return { words, bits, named, featureOf, scratch: new Int32Array(words) };
}

/** The bits of the profiles that hold any of a paper's features (in `holders.scratch`). */
function holdersOf(holders: HolderBits, ids: readonly number[]): Int32Array {
  const { words, bits, scratch } = holders;
  scratch.fill(0);
  for (const f of ids) for (let w = 0; w < words; w++) scratch[w] = (scratch[w] as number) | (bits[f * words + w] as number);
  return scratch;
}

/** Whether a profile named as profile `p` (an area or member) is among `held`. */
function heldByNamed(holders: HolderBits, held: Int32Array, p: number): boolean {
  for (const k of holders.named[p] as readonly number[]) if (((held[k >> 5] as number) & (1 << (k & 31))) !== 0) return true;
  return false;
}

/**
 * Whether a matched term (its feature, `featureOf` its profiles, or undefined) lists profile `p`'s name:
 * `term.profiles.includes(name)`, through the bits.
 */
function listsNamed(holders: HolderBits, f: number | undefined, p: number): boolean {
  if (f === undefined) return false;
  for (const k of holders.named[p] as readonly number[]) if (((holders.bits[f * holders.words + (k >> 5)] as number) & (1 << (k & 31))) !== 0) return true;
  return false;
}

/** Left-out notes by best area and score as the note prints it: "… scored 0.12, below its threshold …". */
type LeftOutNotes = Map<number, Map<string, string>>;

function sharedNote(notes: LeftOutNotes, area: number, score: number, make: () => string): string {
  let byScore = notes.get(area);
  if (!byScore) notes.set(area, byScore = new Map());
  const printed = score === 0 ? 'none' : score.toFixed(2); // 0 reads "no keyword matches", 0.001 "scored 0.00"
  let note = byScore.get(printed);
  if (note === undefined) byScore.set(printed, note = make());
  return note;
}

const NO_MEMBERS: readonly MemberMatch[] = Object.freeze([]);
const NO_TERMS: MatchedTerm[] = Object.freeze([]) as unknown as MatchedTerm[];
const NO_EXCLUSIONS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * The members a paper concerns, with reasons, for the digest; and those the note may name: a fit
 * past the member threshold, or a followed author. When nobody's interests are hit hard enough the
 * paper goes to those who follow its area, unnamed.
 */
function concernedMembers(
  context: EvidenceContext, batch: BatchScores, i: number, terms: readonly MatchedTerm[], area: Area,
): { members: MemberMatch[]; named: NamedCandidate[] } {
  const { config } = context;
  const named = namedMembers(config, batch, i);
  if (named.length > 0) {
    // Each term's feature, looked up once for all the members named.
    const termFeatures = terms.map((t) => context.holders.featureOf.get(t.profiles));
    const members = named.map((m) => {
      const profile = context.lexicon.profiles[config.areas.length + m.j] as CompiledProfile;
      // What the member wrote apart from what the group's signals taught their profile: "interests: LIBs and
      // carbonate" said the member had written words they never had.
      const learned = (k: number) => {
        const f = termFeatures[k];
        const slot = f === undefined ? -1 : profile.slotOf[f] as number;
        return slot >= 0 && profile.learned[slot] === 1;
      };
      const theirs = terms.map((t, k) => ({ t, k })).filter(({ k }) => listsNamed(context.holders, termFeatures[k], config.areas.length + m.j));
      const interests = theirs.filter(({ k }) => !learned(k)).slice(0, 3).map(({ t }) => t.keyword);
      const taught = theirs.filter(({ k }) => learned(k)).slice(0, 3).map(({ t }) => t.keyword);
      const reasons = [
        ...(interests.length ? [`interests: ${listWords(interests)}`] : []),
        ...(taught.length ? [`learned from the group: ${listWords(taught)}`] : []),
        ...m.authors.map((a) => `follows ${a}`),
      ];
      return { name: m.name, score: round(m.fit), reasons };
    });
    return { members, named };
  }
  const members: MemberMatch[] = [];
  // Their scores below the member threshold too (a department's batch keeps them only when asked).
  const { scores, paper } = batch.complete(i);
  eachRelevance(scores, paper, config.areas.length, config.members.length, (j, fit) => {
    const member = config.members[j] as GroupConfig['members'][number];
    if (member.areas.includes(area.id)) members.push({ name: member.name, score: round(fit), reasons: [`follows ${area.name}`] });
  });
  return { members, named: [] };
}

/** The members the note may name, best fit first: a fit past the member threshold, or a followed author. */
function namedMembers(config: GroupConfig, batch: BatchScores, i: number): NamedCandidate[] {
  const threshold = config.ranking.memberThreshold;
  const found = batch.authors.get(i);
  const named: NamedCandidate[] = [];
  eachRelevance(batch, i, config.areas.length, config.members.length, (j, fit) => {
    const authors = found?.[j] ?? NO_ONE;
    if (fit >= threshold || authors.length > 0) named.push({ name: (config.members[j] as GroupConfig['members'][number]).name, fit, authors, j });
  });
  return named.sort((a, b) => b.fit - a.fit || (a.name < b.name ? -1 : 1));
}

/** The names of the areas but its section a paper nearly or fully qualifies for (80% of their threshold). */
function otherAreas(areas: readonly Area[], batch: BatchScores, i: number, section: number): string[] {
  const others: string[] = [];
  eachRelevance(batch, i, 0, areas.length, (a, score) => {
    const area = areas[a] as Area;
    if (a !== section && score >= area.threshold * 0.8) others.push(area.name);
  });
  return others;
}

/**
 * Makes a paper's field a getter that makes it when first read, then keeps it: a department's paper
 * names hundreds of members, and a ranking of a corpus reads few papers' members and matched terms.
 */
function whenRead<K extends 'members' | 'matchedTerms'>(ranked: RankedPaper, key: K, make: () => RankedPaper[K]): void {
  Object.defineProperty(ranked, key, {
    get() {
      const value = make();
      Object.defineProperty(ranked, key, { value, enumerable: true, configurable: true, writable: false });
      return value;
    },
    enumerable: true, configurable: true,
  });
}

/** A member the note may name, before their interests are worked out. */
interface NamedCandidate {
  readonly name: string;
  readonly fit: number;
  readonly authors: readonly string[];
  /** The member's index in the config. */
  readonly j: number;
}

/** Weight of the area's keyword occurrences inside a span of the abstract, for the summary. */
function sentenceWeigher(matches: readonly { feature: number; start: number; end: number }[], owners: string[][], areaId: string) {
  return (start: number, end: number) => {
    let w = 0;
    for (const m of matches) {
      if (m.start >= start && m.end <= end) w += owners[m.feature]?.includes(areaId) ? 1 : 0.3;
    }
    return w;
  };
}

const nothingCache = new WeakMap<GroupConfig, Omit<RankedPaper, 'id' | 'title' | 'section' | 'score' | 'pick' | 'rank' | 'focus'>>();

/** The evidence of a paper that matches no keyword and no followed author, made once per config. */
function nothingFor(config: GroupConfig) {
  let nothing = nothingCache.get(config);
  if (!nothing) {
    nothing = Object.freeze({
      scores: Object.freeze(Object.fromEntries(config.areas.map((a) => [a.id, 0]))),
      memberScores: Object.freeze(Object.fromEntries(config.members.map((m) => [m.name, 0]))),
      matchedTerms: Object.freeze([]), members: Object.freeze([]), summary: null,
      excludedBy: Object.freeze({}),
      note: leftOutNote({ best: undefined, crowdedOut: false, excluded: [], unmet: [] }),
    });
    nothingCache.set(config, nothing);
  }
  return nothing;
}

export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * The text of a match, with the closing bracket its words leave open: "poly(ethylene oxide" is matched
 * word by word and ends on "oxide", but the reader and the e-mail mark "poly(ethylene oxide)" whole.
 */
function withClosingBracket(text: string, start: number, end: number): string {
  const form = text.slice(start, end);
  let open = 0;
  for (const c of form) {
    if (c === '(' || c === '[') open++;
    else if (c === ')' || c === ']') open--;
  }
  let closed = end;
  while (open > 0 && (text[closed] === ')' || text[closed] === ']')) { closed++; open--; }
  return closed === end ? form : text.slice(start, closed);
}
