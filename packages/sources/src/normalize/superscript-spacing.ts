// Superscripts that the source stripped with a space on either side: ion charges ("Li + transport",
// "Zn 2+ flux", "Mn 2 + sites") and the exponents of units ("766 mAh g − 1", "0.158 mS cm −1"). The shared corpus's
// OpenAlex records of Wiley journals arrive like this (1,810 charges and about 2,600 unit exponents in
// its 21,872 records); a digest that prints "Li + transference number" reads as arithmetic.

/**
 * Cations as abstracts name them. A charge is joined only after one of these and only when a space or
 * punctuation follows it, so "Li + Na" (a sum) stays apart only when written with a symbol after it.
 */
const CATION = '(?:Li|Na|K|Rb|Cs|H|Ag|Cu|Mg|Ca|Zn|Al|Fe|Co|Ni|Mn|Cr|Sn|Pb|Bi|Y|La|Sc|Ti|V|Ba|Sr|NH4)';
/** The space the stripped superscript left before punctuation: "cm −2 ," and "(Li + )" lose it too. */
const TRAILING = '(?: (?=[,.;:)\\]/‐–-]))?';
const charge = new RegExp(`(?<![\\p{L}\\p{N}])(${CATION}) (?:([2-6]) ?\\+|\\+)(?![/][−-])(?=[\\s,.;:)\\]/‐–-]|$)(?! ?[A-Z][a-z]?(?:[\\s,.;:)]|$))${TRAILING}`, 'gu');

/**
 * A unit, then a power of another unit with its minus set apart: "mAh g −1", "mA cm − 2", "Wh kg −1",
 * "µg h −1 mg −1", "Wh kg⁻ 1", "Wh·kg − 1", "N mm − 1", a Tafel slope's "mV dec −1". The power must follow a unit, so "10 − 2"
 * (arithmetic) and "Fig. 2 − 1" are left alone. A minus some feeds print as an en dash or a figure dash
 * ("mA cm –2", "mS cm‒1", "Wh kg ‒1": 260 abstracts of the corpus) becomes a minus sign, for "cm–2"
 * reads as a range and a note's pattern would stop at it.
 */
const UNIT = '(?:[kmµμn]?(?:Ah|A h|Wh|A|S|W|g|J|V|C|F|N|mol|Pa)|h|min|ppm)';
const PER = '(?:[kmcµμn]?(?:m|g|L)|s|h|K|mol|dec)';
const power = new RegExp(`(?<![\\p{L}])(${UNIT}(?:[−⁻‒–-][1-4])?[ ·]${PER})(?: ([−⁻‒–-]) ?| ?([−⁻‒–]) |([‒–]))([1-4])(?![\\d.,]?\\d)${TRAILING}`, 'gu');
/** A dash that stands for a minus, as a minus sign. */
const minus = (sign: string) => (sign === '‒' || sign === '–' ? '−' : sign);

/**
 * A number's power of ten with its exponent set apart: "8.4 × 10 −4 S cm −1", "1.4 × 10 –2 Pa" (121
 * abstracts of the corpus). Only after a number and a multiplication sign, so "10 − 2" alone stays.
 */
const powerOfTen = /(?<=\d\s?[×x]\s?)10 ([−–‒⁻-]) ?(\d{1,2})(?![\d.,]?\d)/g;

/**
 * `text` with stripped ion charges and unit powers joined to what they belong to ("Li+", "mAh g−1",
 * "× 10−4"), a dash that stands for their minus made a minus sign. Idempotent.
 */
export function joinSpacedSuperscripts(text: string): string {
  if (!/[+−\-⁻–‒]/.test(text)) return text;
  const joinCharges = (t: string) => t.replace(charge, (_, ion: string, n: string | undefined) => `${ion}${n ?? ''}+`);
  const joinPowers = (t: string) => t.replace(power, (_, unit: string, spaced: string | undefined, tight: string | undefined, dash: string | undefined, n: string) =>
    `${unit}${minus((spaced ?? tight ?? dash) as string)}${n}`);
  const joinTens = (t: string) => (t.includes('10 ') ? t.replace(powerOfTen, (_, sign: string, n: string) => `10${minus(sign)}${n}`) : t);
  // A unit's power joined makes the next one's unit ("µg h−1 mg −1"): twice covers units of three parts.
  return joinTens(joinPowers(joinPowers(joinCharges(text))));
}
