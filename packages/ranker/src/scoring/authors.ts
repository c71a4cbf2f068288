/**
 * Author names compare by surname, by first initial when both sides give one, and by first name when
 * both spell it out: "Boris Kozinsky", "B. Kozinsky", "Kozinsky, Boris" and "KOZINSKY B" are one
 * person; "Yanhao Deng" is not "Yixiao Deng", though both are "Y. Deng" ("Yan-Hao" is "Yanhao"); a
 * followed name given as a surname alone ("Kozinsky") matches any first name.
 */
import { escapeRegExp } from '../util/regexp.ts';

interface NameKey {
  readonly surname: string;
  readonly initial: string | undefined;
  /** The first name when spelt out (two letters or more), without hyphens or apostrophes. */
  readonly given?: string | undefined;
}

/** A first name's initial, and the name itself when it is more than an initial. */
function firstName(word: string | undefined): Pick<NameKey, 'initial' | 'given'> {
  const letters = word?.replace(/[-']/g, '') ?? '';
  return { initial: letters[0], given: letters.length > 1 ? letters : undefined };
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z\s,'-]/g, ' ').trim();
}

export function nameKey(name: string): NameKey | undefined {
  const folded = fold(name);
  if (!folded) return undefined;
  if (folded.includes(',')) {
    const [last, first] = folded.split(',', 2).map((s) => s.trim());
    return last ? { surname: last.split(/\s+/).join(' '), ...firstName(first?.split(/\s+/)[0]) } : undefined;
  }
  const parts = folded.split(/\s+/).filter(Boolean);
  if (parts.length === 1) return { surname: parts[0] as string, initial: undefined };
  // "KOZINSKY B": a trailing lone initial comes after the surname.
  const last = parts.at(-1) as string;
  if (last.length === 1 && /^[A-Z]+$/.test(name.trim().split(/\s+/)[0] ?? '')) {
    return { surname: parts.slice(0, -1).join(' '), initial: last };
  }
  return { surname: last, ...firstName(parts[0]) };
}

/** The answer for most papers, shared. */
export const NO_ONE: readonly string[] = Object.freeze([]);

/** The followed names that appear among a paper's authors. */
export function followedAuthorsIn(followed: readonly string[], authors: readonly string[]): string[] {
  return [...authorMatcher(followed)(authors)];
}

/**
 * A matcher for one member's followed names, to run on many papers: the names are parsed once, and
 * a paper whose author list holds none of the surnames (most papers) is passed over without parsing.
 */
export function authorMatcher(followed: readonly string[]): (authors: readonly string[]) => readonly string[] {
  const wanted = parseFollowed(followed);
  if (wanted.length === 0) return () => NO_ONE;
  const mayBe = surnameTest(wanted);
  return (authors) => {
    const keys = candidateKeys(authors, mayBe);
    return keys ? followedAmong(wanted, keys) : NO_ONE;
  };
}

/**
 * Matchers for every member's followed names at once: per member, the followed names among a
 * paper's authors, or undefined when the paper is by none of them. One test of every member's
 * surnames per author passes over most papers, however many members follow whom.
 */
export function groupAuthorMatcher(lists: readonly (readonly string[])[]): (authors: readonly string[]) => (readonly string[])[] | undefined {
  const members = lists.map(parseFollowed);
  const everyone = members.flat();
  if (everyone.length === 0) return () => undefined;
  const mayBe = surnameTest(everyone);
  return (authors) => {
    const keys = candidateKeys(authors, mayBe); // parsed once for every member
    if (!keys) return undefined;
    const found = members.map((wanted) => (wanted.length > 0 ? followedAmong(wanted, keys) : NO_ONE));
    return found.some((names) => names.length > 0) ? found : undefined;
  };
}

/**
 * The parsed names of the authors whose name holds one of the surnames, or undefined when none does
 * (most papers): only those can match, and parsing a name costs far more than the test.
 */
function candidateKeys(authors: readonly string[], mayBe: (author: string) => boolean): NameKey[] | undefined {
  let keys: NameKey[] | undefined;
  for (const author of authors) {
    if (!mayBe(author)) continue;
    const key = nameKey(author);
    if (key) (keys ??= []).push(key);
  }
  return keys;
}

/**
 * The followed names among authors' parsed names: same surname, the same initial where both give one,
 * and the same first name where both spell it out.
 */
function followedAmong(wanted: readonly { name: string; key: NameKey }[], keys: readonly NameKey[]): readonly string[] {
  const names = wanted.filter(({ key: want }) => keys.some((k) => k.surname === want.surname
    && (want.initial === undefined || k.initial === undefined || k.initial === want.initial)
    && (want.given === undefined || k.given === undefined || k.given === want.given))).map((w) => w.name);
  return names.length > 0 ? names : NO_ONE;
}

function parseFollowed(followed: readonly string[]): { name: string; key: NameKey }[] {
  return followed.map((name) => ({ name, key: nameKey(name) }))
    .filter((w): w is { name: string; key: NameKey } => w.key !== undefined);
}

/** Whether an author's name holds one of the surnames, accents aside: one regex test, no string built for most names. */
function surnameTest(wanted: readonly { key: NameKey }[]): (author: string) => boolean {
  const anySurname = new RegExp(wanted.map((w) => escapeRegExp(w.key.surname)).join('|'), 'i');
  return (author) => anySurname.test(author) || (/[^\x00-\x7f]/.test(author) && anySurname.test(fold(author)));
}
