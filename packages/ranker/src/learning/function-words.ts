import { termOf } from '../words/stem.ts';

/**
 * English function words and the connectives abstracts are written with ("thus", "herein", "due",
 * "consequently", "increasingly"), the reporting verbs and adverbs any abstract or title uses whatever
 * its topic ("X electrolytes enable Y", "LZC exhibits", "PEO-based", "notably"; "we introduce", "unveiling",
 * "investigate", which a member's stars taught as "+unveiling"; "this review delves into", whose star
 * taught "+delves"), and the words that
 * name what kind of paper it is or what it offers ("review", "recent advances", "outlook",
 * "insights", "guidance": those specifics.ts `isReview` reads, and their kin), and the adjectives an
 * abstract praises its own result with ("promising candidates", "durable", "robust", "sustainable":
 * six phase-field stars taught them, and any paper that praised itself so rose; a review's "desirable
 * mechanical properties" and "comprehensive overview"): never a learned word,
 * nor part of a learned pair. A group that stars reviews of halides follows halides, not reviews.
 * The corpus's rates cannot tell them apart from the area's words in a handful of papers written in
 * one lab's style ("the underlying", "batteries due", "electrolytes enable").
 */
const WORDS = `a about above across after again against all along also although amid among amongst an and any are around as
at be because been before behind being below beside besides between beyond both but by can could despite did
do does doing down due during each either et etc except few for from further had has have having hence here
herein how however if in into is it its itself just may might more most much must neither no nor not now of
off on once only onto or other our ours out over own per rather same she should since so some such than that
the their them then there therefore these they this those though through throughout thus to too toward towards
under unlike until up upon versus very via was we were what when where whereas whether which while whilst who
whom whose why will with within without would yet you your
achieve achieved achieves achieving additionally allow allows beginning deliver delivered delivering delivers
demonstrate demonstrated demonstrates emphasizing employing enable enabled enables enabling especially
establish established establishes establishing exhibit exhibited exhibits facilitate facilitates furthermore
highlight highlighted highlighting highlights including mainly moreover namely notably offer offered offering
offers particularly present presented presents primarily propose proposed provide provided provides
respectively reveal revealed reveals show showed showing shown shows significantly suggest suggests unlock
unlocks using utilize utilized utilizing harness harnessed harnesses harnessing leverage leveraged leverages leveraging
introduce introduced introduces introducing introduction unveil unveiled unveiling unveils elucidate elucidated
elucidates elucidating investigate investigated investigates investigating explore explored explores exploring
examine examined examines examining report reported reporting reports delve delved delves delving
accordingly consequently finally firstly fundamentally importantly increasingly interestingly lastly
meanwhile nevertheless nonetheless remarkably secondly strikingly surprisingly ultimately
review reviews reviewed perspective perspectives overview roadmap outlook progress advance advances advanced
tutorial summarize summarizes summarise summary recent recently prospect prospects challenge challenges
opportunity opportunities insight insights guidance guideline guidelines
promising durable robust sustainable excellent superior outstanding remarkable facile novel
superb exceptional impressive unprecedented desirable comprehensive`;

let terms: Set<string> | undefined;

export function isFunctionTerm(term: string): boolean {
  terms ??= new Set(WORDS.split(/\s+/).filter(Boolean).map(termOf));
  return terms.has(term);
}
