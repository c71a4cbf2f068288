/**
 * A summary without the abstract's praise of itself: "a novel electrostatic suspension strategy" is
 * "an electrostatic suspension strategy", "excellent cycling stability" is "cycling stability",
 * "remarkably high conductivity" is "high conductivity". A colleague says what was found and lets the
 * numbers speak (the example digest: ../shared/examples/research-digest-2026-06-08.txt); the audit of
 * 45 picks found such words in seven. Only where the word stands before another ("superior to PEO",
 * "is remarkable." keep theirs), with the article before it mended ("a novel electrostatic" -> "an
 * electrostatic").
 */
export function withoutPraise(text: string): string {
  if (!PRAISE_ANYWHERE.test(text)) return text;
  return text.replace(PRAISE, (match: string, article: string | undefined, word: string, next: string) => {
    // The word's capital goes to the next one: "Outstanding rate capability" is "Rate capability"; a
    // note's "outstanding ionic conductivity of …" stays in lower case.
    const startsSentence = /^\p{Lu}/u.test(word);
    let out = next;
    if (article !== undefined) {
      const lower = article.toLowerCase();
      const mended = lower === 'the' ? article : /^[aeiou]/i.test(next) && !/^(?:uni|use|usu|one|eu)/i.test(next) ? 'an' : 'a';
      const cased = lower === 'the' ? mended : article.charAt(0) === 'A' ? mended.charAt(0).toUpperCase() + mended.slice(1) : mended;
      out = `${cased} ${next}`;
    } else if (startsSentence) {
      out = next.charAt(0).toUpperCase() + next.slice(1);
    }
    return match.startsWith(' ') ? ` ${out}` : out;
  });
}

/**
 * A note's quantity without the adjectives that rate it before its name: "high ionic conductivity of
 * 1.56 mS cm−1" is "ionic conductivity of 1.56 mS cm−1", "ultra-long stable cycle life of over 1700
 * hours" is "stable cycle life of over 1700 hours", "enhanced ionic conductivity on the order of 10−4
 * S cm−1" is "ionic conductivity on the order of 10−4 S cm−1": the number says how high. A summary
 * keeps them (its sentence may be the claim: "high conductivity and low cost"); a name that needs the
 * word keeps it ("maximum tolerable current density", "initial discharge capacity", "high-voltage"),
 * and "stable" stays: "stable cycling for 1400 h" says the cells held, "cycling for 1400 h" does not.
 */
export function plainQuantity(quantity: string): string {
  const plain = quantity.replace(RATING, '');
  return plain.length > 0 && plain !== quantity && /^\p{L}/u.test(plain) ? plain : quantity;
}

/** One or more rating adjectives at the start, each followed by a space (so "high‐voltage" is not one). */
const RATING = /^(?:(?:ultra[‐‑-]?)?(?:high|higher|highest|long|longer|enhanced|improved|large|fast|rapid|low|lower|superior|good|great)\s+)+/iu;

const WORDS = 'novel|remarkable|outstanding|excellent|superb|superior|exceptional|unprecedented|impressive|extraordinary|remarkably|exceptionally|impressively|extraordinarily';
const PRAISE_ANYWHERE = new RegExp(`\\b(?:${WORDS})\\b`, 'i');
/**
 * An article (kept, mended), the word, and the next word, which must be a word that goes on the
 * phrase: not "to" or "than" ("superior to"), not a full stop.
 */
const PRAISE = new RegExp(`(?:\\b(a|an|the|A|An|The)\\s+)?\\b(${WORDS})\\s+(?!(?:to|than|and|or|in|for|at|with)\\b)([\\p{L}\\d][\\p{L}\\d‐-]*)`, 'giu');

/**
 * A sentence opening on "Herein," or "In this work," that the third person left as it was (its subject
 * is the thing, not "we": "Herein, a "chemical‐structural dual regulation" strategy introduces …"): the
 * opening only announced the paper, which a summary under its title need not. The next word takes the
 * capital.
 */
export function withoutHerein(text: string): string {
  if (!HEREIN_ANYWHERE.test(text)) return text;
  // A Latin letter takes the capital; a Greek one or a digit stays as it is ("α-Li3N", not "Α-Li3N").
  return text.replace(HEREIN, (_match: string, before: string, next: string) => `${before}${/[a-z]/.test(next) ? next.toUpperCase() : next}`);
}

const HEREIN_ANYWHERE = /\b(?:herein|here|in this (?:work|study|paper|article))\s*,/i;
/** At a sentence's start, the opening and its comma, then the next character (a letter or a quotation mark's word). */
const HEREIN = /(^|[.!?]["”)]?\s+)(?:Herein|Here|In this (?:work|study|paper|article))\s*,\s*(?!we\b)(\S)/g;
