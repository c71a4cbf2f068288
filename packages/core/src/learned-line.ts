import type { SectionLearned } from './digest.ts';
import { listOf, possessive } from './english.ts';

/**
 * Who taught it, as the line names them: "the group" (it, the group's), "you" (you, your), "Naibing
 * Wu" (they, Naibing Wu's).
 */
export interface Teacher {
  readonly name: string;
  readonly pronoun: string;
  readonly possessive: string;
}

const GROUP: Teacher = { name: 'the group', pronoun: 'it', possessive: "the group's" };

/** A member named in the third person: "Naibing Wu" (they, Naibing Wu's). */
export function memberTeacher(name: string): Teacher {
  return { name, pronoun: 'they', possessive: possessive(name) };
}

/** The member a line is written to: "you" (you, your). */
export const YOU: Teacher = { name: 'you', pronoun: 'you', possessive: 'your' };

const KINDS = [
  ['star', 'star', 'stars'], ['nominate', 'nomination', 'nominations'], ['read', 'read', 'reads'], ['dismiss', 'dismissal', 'dismissals'],
] as const;

/**
 * The line a section shows under its heading when its area learned from the group: "Learned from the
 * group's 10 stars, 2 reads and 3 dismissals: more weight on thermal stability, ring opening and
 * polymerized; less on aqueous and zinc." A member's profile says the same of what they taught, `who`
 * naming them. A digest from before the signals were counted says "12 papers the group starred or read
 * and 3 it dismissed". When the papers that taught it were already the keywords' best (`novelty`
 * below `LIGHT_NOVELTY`), it says that they move the ranking little, and what would teach more.
 * Empty when nothing was learned.
 */
export function learnedLine(learned: SectionLearned | undefined, who: Teacher = GROUP): string {
  if (!learned || learned.positives + learned.negatives === 0) return '';
  const papers = (n: number) => `${n} ${n === 1 ? 'paper' : 'papers'}`;
  const { positives, negatives, signals } = learned;
  const kinds = signals ? KINDS.filter(([kind]) => signals[kind] > 0).map(([kind, one, many]) => `${signals[kind]} ${signals[kind] === 1 ? one : many}`) : [];
  // The group's own papers are its work, not its stars: "Learned from 4 of the group's own papers and its 2 stars".
  const own = signals?.own ?? 0;
  const ownPart = own > 0 ? `${own === 1 ? 'one' : own} of ${who.possessive} own papers` : '';
  let taught: string;
  if (ownPart) taught = kinds.length > 0 ? `${ownPart} and ${who === YOU ? 'your' : who.pronoun === 'they' ? 'their' : 'its'} ${listOf(kinds)}` : ownPart;
  else if (kinds.length > 0) taught = `${who.possessive} ${listOf(kinds)}`;
  else if (negatives === 0) taught = `${papers(positives)} ${who.name} starred or read`;
  else if (positives === 0) taught = `${papers(negatives)} ${who.name} dismissed`;
  else taught = `${papers(positives)} ${who.name} starred or read and ${negatives} ${who.pronoun} dismissed`;
  const forWords = learned.words.filter((w) => w.weight > 0).map((w) => w.word);
  const against = learned.words.filter((w) => w.weight < 0).map((w) => w.word);
  const weights = [
    forWords.length > 0 ? `more weight on ${listOf(forWords)}` : '',
    against.length > 0 ? `less on ${listOf(against)}` : '',
  ].filter(Boolean).join('; ');
  const line = `Learned from ${taught}${weights ? `: ${weights}` : ', nothing yet that stands out'}.`;
  return positives > 0 && learned.novelty !== undefined && learned.novelty < LIGHT_NOVELTY
    ? `${line} Most of the papers that added weight were the keywords' best already, so they move the ranking little; a star on a paper the keywords score lower teaches more.`
    : line;
}

/**
 * Below this novelty (`SectionLearned.novelty`: half the papers that taught a profile scored 0.75 or
 * more by its keywords) its examples are said to count lightly, in a section's line and in `digest
 * feedback show`. Papers of a section's "more" list score 0.55 and up: stars on them teach more.
 */
export const LIGHT_NOVELTY = 0.25;
