import { localDay, type Area } from '@labdigest/core';
import type { LearnedFrom } from '../learning/learning-types.ts';
import { isTopic, listOf, pluralOf, possessive } from '../words/grammar.ts';
import { notSaidIn, type Specifics } from './specifics.ts';

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  return listOf(items);
}

/** A member the note may name: their fit passed the member threshold, or they follow an author. */
export interface NamedMember {
  readonly name: string;
  /** Relevance of the paper to the member's interests, 0 to 1. */
  readonly fit: number;
  /** The member's keywords the paper holds, strongest first, as a note says them. */
  readonly interests: readonly string[];
  /** Followed names among the paper's authors. */
  readonly authors: readonly string[];
}

export interface NoteInput {
  /** The paper's id: which of the note's sentence shapes it gets, so twenty notes do not read as one. */
  readonly id: string;
  readonly group: string;
  readonly area: Area;
  /** The area's written keywords the paper holds, strongest first, as a note says them. */
  readonly areaTerms: readonly string[];
  /** Named members, best fit first. */
  readonly members: readonly NamedMember[];
  /** Keywords that name methods (the focus's, and names such as "NequIP"), as a note says them. */
  readonly methods: ReadonlySet<string>;
  /** When the paper matches its section's focus: the focus's name and the focus keywords it opens with. */
  readonly focus: { readonly name: string | undefined; readonly terms: readonly string[] } | undefined;
  readonly specifics: Specifics;
  /** The paper's summary, when it has one: the note does not name again the formulas and numbers it says. */
  readonly summary?: string | null;
  /** Other areas the paper nearly or fully qualifies for. */
  readonly others: readonly string[];
  /** The taught example it is most like, when learning from the group moved it. */
  readonly learnedFrom?: LearnedFrom | undefined;
  /** A review or perspective (specifics.ts `isReview`): a note says it is one. */
  readonly review?: boolean;
  /** The group's time zone (core's `groupTimeZone`): the day a member starred or dismissed a paper is theirs. UTC without it. */
  readonly timeZone?: string;
  /** When the paper was published: a day of another year is said with its year ("12 Nov 2025"). */
  readonly asOf?: string;
}

const MAX_NOTE_WORDS = 60;

/**
 * The relevance note, as a colleague would write it: who should read the paper and why, in words
 * tied to their interests and to the group's focus; what is specific in it (formulas, numbers); the
 * other areas it bears on. The strength follows the named member's fit, never the area's score; a
 * member is named only past the member threshold (or for a followed author); no scores and no raw
 * keyword lists. Sentence shapes vary with the paper. At most about 60 words: the least needed
 * sentences go first.
 */
export function relevanceNote(input: NoteInput): string {
  const pick = variantPicker(input.id);
  const lead = dismissedLead(input) ?? leadSentence(input, pick);
  const sentences: string[] = [lead];
  // A group-level lead says it already; a member's does not.
  if (input.review && !lead.startsWith('A review')) sentences.push(pick(2) === 0 ? 'A review: one to keep as a reference.' : 'It is a review, a way into the topic.');
  // What learning saw comes second, so the word limit drops it only after the rest.
  // The member the lead names is not named again: "For Naibing Wu, whose work … Starred on 5 Dec."
  const named = input.members[0] && lead.includes(input.members[0].name) ? input.members[0].name : undefined;
  if (input.learnedFrom && lead !== dismissedLead(input)) sentences.push(learnedSentence(input.learnedFrom, input.group, named, input.timeZone, input.asOf));
  const [, second] = input.members;
  const followed = input.members.flatMap((m) => m.authors.map((author) => ({ member: m.name, author })))[0];
  // A member who follows their own name (to see their papers appear) is among the authors, not following themselves.
  if (followed) sentences.push(followed.author === followed.member ? `${followed.member} is among the authors.` : `By ${followed.author}, whom ${followed.member} follows.`);
  const specific = specificsSentence(notSaidIn(input.summary, input.specifics), pick);
  if (specific) sentences.push(specific);
  if (input.focus && input.focus.terms.length > 0) {
    // The lead may have named the methods already: the focus sentence does not name them again.
    const focus = { ...input.focus, terms: input.focus.terms.filter((t) => !lead.includes(t)) };
    const sentence = focusSentence(focus, pick);
    if (sentence) sentences.push(sentence);
  }
  if (second && second.interests.length > 0) {
    const topics = listOf(second.interests.slice(0, 2).map((t) => nounForm(t, input.methods)));
    sentences.push(pick(2) === 0 ? `${second.name} may want it too, for ${topics}.` : `Also one for ${second.name}, on ${topics}.`);
  }
  if (input.others.length > 0) {
    // Areas are sections, not readers: "Phase Field / Dendrites & SEI will find it relevant too" read as a person.
    sentences.push(pick(2) === 0 ? `It also bears on ${listOf(input.others)}.` : `It also belongs under ${listOf(input.others)}.`);
  }
  while (sentences.length > 1 && words(sentences.join(' ')) > MAX_NOTE_WORDS) sentences.pop();
  return sentences.join(' ');
}

/**
 * The lead of a paper the member it would name dismissed ("not for us") in this section: that first,
 * then why its words still place it here. "Highly relevant to Yanhao Deng's work on SEI. Dismissed on
 * 2 Dec." said the keywords' strength of a paper he had turned down.
 */
function dismissedLead(input: NoteInput): string | undefined {
  const from = input.learnedFrom;
  const [member] = input.members;
  if (!from?.self || from.signal !== 'dismiss' || !member || from.member !== member.name) return undefined;
  const day = from.at === undefined ? undefined : dayOf(from.at, input.timeZone, input.asOf);
  const topics = (member.interests.length > 0 ? member.interests : input.areaTerms.filter(isTopic)).slice(0, 3).map((t) => nounForm(t, input.methods));
  return `${member.name} dismissed it${day ? ` on ${day}` : ''}; its words still place it here${topics.length ? `, on ${listOf(topics)}` : ''}.`;
}

/** Who and why: the best-fitting named member's interests and methods, or the group's area. */
function leadSentence(input: NoteInput, pick: (n: number) => number): string {
  const [member] = input.members;
  if (!member || member.interests.length === 0) {
    const terms = input.areaTerms.filter(isTopic).slice(0, 3).map((t) => nounForm(t, input.methods));
    if (member) return `${strength(member.fit, pick)} ${possessive(member.name)} reading${terms.length ? ` on ${listOf(terms)}` : ''}.`;
    if (terms.length === 0) return `For ${possessive(input.group)} ${input.area.name} reading.`;
    if (input.review) return `A review of ${listOf(terms)}: a reference for ${possessive(input.group)} ${input.area.name} reading.`;
    return pick(2) === 0
      ? `On ${listOf(terms)}: part of what ${input.group} follows under ${input.area.name}.`
      : `For ${possessive(input.group)} ${input.area.name} reading: the paper deals with ${listOf(terms)}.`;
  }
  const methods = member.interests.filter((t) => input.methods.has(t)).slice(0, 3);
  const topics = member.interests.filter((t) => !input.methods.has(t) && isTopic(t)).slice(0, 3).map((t) => nounForm(t, input.methods));
  if (methods.length > 0 && (methods.length >= 2 || topics.length === 0 || pick(2) === 0)) {
    const which = methods.length > 1 ? 'the methods' : 'a method';
    return capitalize(`uses ${listOf(methods)}, ${which} ${member.name} works with${topics.length ? `, on ${listOf(topics)}` : ''}.`);
  }
  const interests = [...topics, ...methods].slice(0, 3);
  switch (pick(3)) {
    case 0: return `${strength(member.fit, pick)} ${possessive(member.name)} work on ${listOf(interests)}.`;
    case 1: return `${member.name} works on ${listOf(interests)}; this paper ${member.fit >= 0.8 ? 'is squarely on that' : member.fit >= 0.6 ? 'comes close' : 'bears on that work'}.`;
    default: return `For ${member.name}, whose work on ${listOf(interests)} it ${member.fit >= 0.8 ? 'matches closely' : member.fit >= 0.6 ? 'follows' : 'touches'}.`;
  }
}

const VERB: Readonly<Record<LearnedFrom['signal'], string>> = { star: 'starred', nominate: 'put forward for the group meeting', read: 'read', dismiss: 'dismissed' };
const VERB_IT: Readonly<Record<LearnedFrom['signal'], string>> = { star: 'starred it', nominate: 'put it forward for the group meeting', read: 'read it', dismiss: 'dismissed it' };
const DONE: Readonly<Record<LearnedFrom['signal'], string>> = { star: 'Starred', nominate: 'Put forward for the group meeting', read: 'Read', dismiss: 'Dismissed' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Like 'Coupled Reaction and Diffusion…', which Yanhao Deng starred on 12 Nov." A title past six words
 * is cut there; the day is the time's date in the group's time zone (`timeZone`). Without a member the group did it; without a time it
 * came from the group's or the member's own papers (a bib file): "Like Naibing Wu's own '…'". A paper that is itself the example (`self`):
 * "Naibing Wu starred it on 5 Dec.", "One of DENG.Group's own papers."; "Starred on 5 Dec." when the
 * note's lead has just named the member who did (`named`).
 */
export function learnedSentence(from: LearnedFrom, group: string, named?: string, timeZone = 'UTC', asOf?: string): string {
  const title = shortTitle(from.title);
  const day = from.at === undefined ? undefined : dayOf(from.at, timeZone, asOf);
  const when = day ? ` on ${day}` : '';
  if (from.self) {
    if (isOwnPaper(from)) return `One of ${possessive(from.member ?? group)} own papers.`;
    if (day && from.member !== undefined && from.member === named) return `${DONE[from.signal]}${when}.`;
    return `${from.member ?? group} ${VERB_IT[from.signal]}${when}.`;
  }
  if (isOwnPaper(from)) return `Like ${possessive(from.member ?? group)} own '${title}'.`;
  return `Like '${title}', which ${from.member ?? group} ${VERB[from.signal]}${when}.`;
}

/** A star with no time: one of the group's or a member's own papers (learn --bib), not starred on a day. */
function isOwnPaper(from: LearnedFrom): boolean {
  return from.at === undefined && from.signal === 'star';
}

/** A title cut after its sixth word, as a note or a list names a paper: "Coupled Reaction and Diffusion Governing Interface…". */
export function shortTitle(title: string): string {
  const words = title.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > 6 ? `${words.slice(0, 6).join(' ').replace(/[,;:.]$/, '')}…` : words.join(' ');
}

/**
 * "12 Nov" from an ISO time, the day it was in `timeZone`, or undefined when it is not a time; with its
 * year ("12 Nov 2025") when that is not the year of `asOf` (the noted paper's date): a star of last
 * year read as this year's (found by an audit).
 */
export function dayOf(iso: string, timeZone = 'UTC', asOf?: string): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const [year, month, day] = localDay(new Date(time), timeZone).split('-').map(Number) as [number, number, number];
  const otherYear = asOf !== undefined && /^\d{4}/.test(asOf) && Number(asOf.slice(0, 4)) !== year;
  return `${day} ${MONTHS[month - 1] as string}${otherYear ? ` ${year}` : ''}`;
}

/** The strength of a member's fit, in one of two wordings. */
function strength(fit: number, pick: (n: number) => number): string {
  const [plain, other] = fit >= 0.8 ? ['Directly relevant to', 'Squarely in'] : fit >= 0.6 ? ['Highly relevant to', 'Close to'] : ['Relevant to', 'Touches on'];
  return pick(2) === 0 ? plain : other;
}

function specificsSentence(specifics: Specifics, pick: (n: number) => number): string | undefined {
  const formulas = listOf(specifics.formulas);
  const quantities = listOf(specifics.quantities);
  if (specifics.formulas.length && specifics.quantities.length) return `It works with ${formulas} and reports ${quantities}.`;
  if (specifics.formulas.length) return pick(2) === 0 ? `Materials: ${formulas}.` : `It works with ${formulas}.`;
  if (specifics.quantities.length) return pick(2) === 0 ? `Numbers to note: ${quantities}.` : `It reports ${quantities}.`;
  return undefined;
}

function focusSentence(focus: NonNullable<NoteInput['focus']>, pick: (n: number) => number): string | undefined {
  const terms = listOf(focus.terms.slice(0, 2));
  if (focus.terms.length === 0) return focus.name ? `${capitalize(focus.name)} work, the kind the group does.` : undefined;
  if (focus.name && pick(2) === 0) return `${capitalize(focus.name)} work (${terms}), the kind the group does.`;
  return `The approach is the group's own: ${terms}.`;
}

/** How a keyword reads as a topic: countable nouns in the plural ("dendrites"), methods and names as they are. */
function nounForm(term: string, methods: ReadonlySet<string>): string {
  return methods.has(term) || /[A-Z0-9]/.test(term) ? term : pluralOf(term);
}

/** A fixed sequence of choices per paper, so the same paper always reads the same. */
function variantPicker(id: string): (n: number) => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (n) => {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    return h % n;
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Why a paper is not in the digest, for `digest rank` output and `digest explain`. */
export function leftOutNote(input: {
  readonly best: { readonly area: Area; readonly score: number } | undefined;
  readonly excluded: readonly { readonly area: Area; readonly keyword: string }[];
  readonly unmet: readonly { readonly area: Area; readonly keywords: readonly string[] }[];
  readonly crowdedOut: boolean;
}): string {
  const parts: string[] = [];
  if (!input.best || input.best.score === 0) parts.push(input.unmet.length || input.excluded.length ? 'Left out' : 'Left out: no keyword of any area matches');
  else if (input.crowdedOut) {
    parts.push(`Left out: ${input.best.area.name} scored ${input.best.score.toFixed(2)}, but the section holds only its top ${input.best.area.maxPapers}`);
  } else {
    parts.push(`Left out: best area ${input.best.area.name} scored ${input.best.score.toFixed(2)}, below its threshold ${input.best.area.threshold.toFixed(2)}`);
  }
  for (const e of input.excluded) parts.push(`excluded from ${e.area.name} by "${e.keyword}"`);
  for (const u of input.unmet) {
    const shown = u.keywords.slice(0, 4).map((k) => `"${k}"`);
    parts.push(`not about ${u.area.name}: mentions none of ${shown.join(', ')}${u.keywords.length > 4 ? ', ...' : ''}`);
  }
  return `${parts.join('; ')}.`;
}
