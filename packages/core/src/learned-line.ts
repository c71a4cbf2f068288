import type { SectionLearned } from './digest.ts';

/** Who taught it, as the line names them: "the group" (it), "you" (you), "Naibing Wu" (they). */
export interface Teacher {
  readonly name: string;
  readonly pronoun: string;
}

const GROUP: Teacher = { name: 'the group', pronoun: 'it' };

/**
 * The line a section shows under its heading when its area learned from the group: "Learned from 12
 * papers the group starred or read and 3 it dismissed: more weight on thermal stability, ring opening
 * and polymerized; less on aqueous and zinc." A member's profile says the same of what they taught,
 * `who` naming them. Empty when nothing was learned.
 */
export function learnedLine(learned: SectionLearned | undefined, who: Teacher = GROUP): string {
  if (!learned || learned.positives + learned.negatives === 0) return '';
  const papers = (n: number) => `${n} ${n === 1 ? 'paper' : 'papers'}`;
  const { positives, negatives } = learned;
  const taught = negatives === 0 ? `${papers(positives)} ${who.name} starred or read`
    : positives === 0 ? `${papers(negatives)} ${who.name} dismissed`
      : `${papers(positives)} ${who.name} starred or read and ${negatives} ${who.pronoun} dismissed`;
  const forWords = learned.words.filter((w) => w.weight > 0).map((w) => w.word);
  const against = learned.words.filter((w) => w.weight < 0).map((w) => w.word);
  const weights = [
    forWords.length > 0 ? `more weight on ${listed(forWords)}` : '',
    against.length > 0 ? `less on ${listed(against)}` : '',
  ].filter(Boolean).join('; ');
  return `Learned from ${taught}${weights ? `: ${weights}` : ', nothing yet that stands out'}.`;
}

/** "a", "a and b", "a, b and c". */
function listed(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
