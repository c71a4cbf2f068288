import { termOf } from './stem.ts';

/**
 * English function words and the connectives abstracts are written with ("thus", "herein", "due"),
 * and the reporting verbs and adverbs any abstract or title uses whatever its topic ("X electrolytes
 * enable Y", "LZC exhibits", "PEO-based", "notably"): never a learned word, nor part of a learned pair.
 * The corpus's rates cannot tell them apart from the area's words in a handful of papers written in
 * one lab's style ("the underlying", "batteries due", "electrolytes enable").
 */
const WORDS = `a about above after again against all also although among an and any are as at be because been before
being below between both but by can could did do does doing down due during each either et etc few for from
further had has have having here herein hence how however if in into is it its itself just may might more most
much must neither no nor not now of off on once only or other our ours out over own per rather same she should
so some such than that the their them then there therefore these they this those though through thus to too
toward towards under until up upon very via was we were what when where whereas which while who whom whose why
will with within without would yet you your
achieve achieved achieves achieving additionally allow allows demonstrate demonstrated demonstrates
enable enabled enables enabling especially exhibit exhibited exhibits facilitate facilitates furthermore
mainly moreover namely notably particularly present presented presents primarily propose proposed
provide provided provides respectively reveal revealed reveals significantly suggest suggests unlock unlocks
using utilize utilized utilizing`;

let terms: Set<string> | undefined;

export function isFunctionTerm(term: string): boolean {
  terms ??= new Set(WORDS.split(/\s+/).filter(Boolean).map(termOf));
  return terms.has(term);
}
