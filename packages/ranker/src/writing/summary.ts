import nlp from 'compromise/one';
import { escapeRegExp } from '../util/regexp.ts';

/** What a digest entry says when its source gave no abstract. */
export const NO_ABSTRACT = 'The source gives no abstract; the title is all there is to go on.';

/**
 * A short extractive summary: one or two of the abstract's sentences, whole (but for a closing clause
 * on what the work may mean, `withoutImplication`, and an opening connective that only links,
 * `withoutConnective`), that say what the paper did or found. Sentences are
 * chosen by role: a finding ("we show", "results reveal", a number with its unit) or what was done
 * ("here we develop", "this work presents"), the two together where both fit, over background ("X is
 * promising but remains limited", and the field as the abstract opens on it) and claims ("this work
 * paves the way for"), with the area's keywords
 * as a tie-breaker. A summary never opens on a
 * sentence that leans on the one before ("However, ...", "This approach ..."): such a sentence comes
 * only right after its predecessor; nor on one that names what an earlier sentence made ("The resulting
 * …", "Owing to …"), which may come second. At most `maxWords` words (about 60); one sentence may run to
 * `maxSingleWords` when no pair fits, and a sentence longer than that is cut at a clause boundary.
 */
export function summarize(
  abstract: string,
  weightAt: (start: number, end: number) => number,
  options: { maxWords?: number; maxSingleWords?: number } = {},
): string {
  const maxWords = options.maxWords ?? 60;
  const maxSingleWords = options.maxSingleWords ?? 75;
  // Publishers prefix abstracts with a heading ("Abstract", "ABSTRACT", "Summary:"): not a sentence.
  const heading = HEADING.exec(abstract)?.[0].length ?? 0;
  const body = abstract.slice(heading);
  if (body.trim() === '' || isPlaceholder(body)) return NO_ABSTRACT;
  // A finding's closing clause on what it may mean for others (", providing new insights into …") is
  // left out of the sentence: the finding stands without it.
  const split = splitSentences(body).map(withoutBullet).map(withoutImplication).map(withoutBackPurpose).map(withoutConnective);
  const sentences = split.map((s, index) => {
    const words = s.text.split(/\s+/).filter(Boolean).length;
    let score = sentenceScore(s.text, index, words, weightAt(s.start + heading, s.end + heading));
    // "The inner layer is ..." after "a dual-layer interphase forms": the sentence leans on the one
    // before without a connective. Not forbidden (it often reads well alone), but a summary prefers another.
    if (index > 0 && pointsBack(s.text, (split[index - 1] as Sentence).text)) score -= 0.8;
    // A sentence with a hole where the publisher's feed dropped inline math ("replacement of solvent
    // molecules with nucleophilic , decreasing …") is picked only when nothing else is left.
    if (MISSING_MATH.test(s.text)) score -= 5;
    const closing = index > 0 && index >= split.length - 2 && (CLOSING_CLAIM.test(s.text) || CLOSING_HIGHLIGHT.test(s.text));
    return {
      ...s, index, words, score, leans: leansOnPrevious(s.text) || (index === 0 && isFragment(s.text)), opensBadly: opensOnAntecedent(s.text),
      background: isBackground(s.text) || IMPLICATION.test(s.text) || closing,
      method: isMethod(s.text),
      vocabulary: vocabularyOf(s.text),
    };
  });
  if (sentences.length === 0) return NO_ABSTRACT;
  // What the field needs or lacks ("... require gel electrolytes, yet their development is limited") is
  // not what the paper did: such a sentence is left out whenever the abstract says what it did.
  const saysWhatItDid = sentences.some((s) => !s.leans && roleOf(s.text) !== 'other');
  // So is the field as the abstract opens on it ("Electrode potential controls electrochemical
  // reactivity by governing interfacial electron-transfer processes."): the sentences from the first
  // on, up to the first that says what the paper did, while they say nothing of the paper's own.
  const firstDid = sentences.findIndex((s) => !s.leans && roleOf(s.text) !== 'other');
  for (let k = 0; k < firstDid; k++) {
    const s = sentences[k] as (typeof sentences)[number];
    if (!isContext(s.text)) break;
    sentences[k] = { ...s, background: true };
  }

  // Candidates: one sentence, or two in the abstract's order; a sentence that leans on the one before
  // only right after it. Where a sentence that stands alone says what the paper made or did ("Herein,
  // we report a gel electrolyte …"), a summary holds one: two results without it ("The strong Lewis
  // acid Mg center anchors free anions …") leave the reader asking what "the electrolyte" is.
  const saysWhatItMade = sentences.some((s) => !s.leans && !s.background && s.words <= maxSingleWords && s.method);
  let best: { picked: typeof sentences; score: number } | undefined;
  const consider = (picked: typeof sentences, score: number) => {
    if (saysWhatItMade && !picked.some((s) => s.method)) return;
    if (!best || score > best.score + 1e-9) best = { picked, score };
  };
  for (const a of sentences) {
    if (a.leans || a.opensBadly || (a.background && saysWhatItDid)) continue;
    if (a.words <= maxSingleWords) consider([a], a.score);
    for (const b of sentences) {
      if (b.index <= a.index || a.words + b.words > maxWords || (b.background && saysWhatItDid)) continue;
      if (b.leans && b.index !== a.index + 1) continue;
      // A second sentence must add something: its score counts when it does, and it must not say the
      // first again (a journal's editor's summary after the abstract: "Here we report X. Here, the
      // authors report X.").
      if (b.score <= 0 || restates(a.vocabulary, b.vocabulary)) continue;
      // What was done and what was found, the pair a reader wants, over two results: a result's number
      // (+0.5) and the second result's role no longer outweigh it.
      const [ra, rb] = [roleOf(a.text), roleOf(b.text)];
      consider([a, b], a.score + b.score + (ra !== rb && ra !== 'other' && rb !== 'other' ? 1 : 0));
    }
  }
  if (best) return best.picked.map((s) => s.text).join(' ');
  // Every sentence too long or leaning: the best one that stands alone, cut at a clause boundary.
  const bestOf = (ok: (s: (typeof sentences)[number]) => boolean) => sentences.filter(ok).sort((x, y) => y.score - x.score || x.index - y.index)[0];
  const alone = bestOf((s) => !s.leans && !s.opensBadly) ?? bestOf((s) => !s.leans) ?? sentences[0];
  // An abstract cut before it began ("as a benchmark SSE, we directly visualize …") whose other
  // sentences all lean on what was cut is no abstract to summarise.
  if (!alone || (alone.index === 0 && isFragment(alone.text))) return NO_ABSTRACT;
  return cutAtClause(alone.text, maxWords);
}

/**
 * What some sources give in place of an abstract (OpenAlex and repositories): a word or two cut from
 * one ("batteries."), a repository's placeholder ("International audience"), or the paper's own
 * citation line ("Yongwen Ren, Bao-Lian Su; Unlocking …, National Science Review, , nwag180,
 * https://doi.org/…").
 */
function isPlaceholder(body: string): boolean {
  const text = body.trim();
  const words = text.split(/\s+/).length;
  return words < 6 || /^international audience\.?$/i.test(text)
    || (words < 60 && text.includes(';') && (/\bhttps?:\/\/(?:dx\.)?doi\.org\/\S+$/.test(text) || CITATION_AUTHORS.test(text)));
}

/** A citation line's authors: "Bohao Peng, Tao Wang, Yuping Wu; " (a name is two capitalised words or more). */
const CITATION_AUTHORS = /^\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’.-]*)+(?:, \p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’.-]*)+)*; /u;

/**
 * An abstract that opens mid-sentence, its start cut off by the source ("pressure, proton carrier
 * concentration, and/or electrolyte composition."; "as a benchmark SSE, we directly visualize …"): a
 * lower-case word of two letters or more. Not a name or phrase written in lower case ("pH", "d-penicillamine",
 * "sp2", "ab initio", "in situ", "van der Waals").
 */
export function isFragment(sentence: string): boolean {
  return /^[a-z]{2,}(?=[\s,;:.])/.test(sentence) && !/^(?:ab|in|ex|van|von|de|der|operando|et)\s/.test(sentence);
}

/** A sentence's words of four letters or more, in lower case: what `restates` compares. */
function vocabularyOf(text: string): ReadonlySet<string> {
  return new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
}

/** Whether two sentences (their `vocabularyOf`) share most of their words: more than 40% of the words either holds. */
function restates(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const either = x.size + y.size - shared;
  return either > 0 && shared / either > 0.4;
}

const HEADING = /^\s*(?:abstract|summary|graphical abstract)\b[\s:.—-]*/i;

/**
 * Where a feed dropped an inline formula, the words close around nothing: a comma or a semicolon after
 * a word and a space ("with nucleophilic , decreasing"; not after a symbol or a formula printed apart,
 * "LiN x O y ,", "D Li ,"), empty brackets ("the synthesis temperature by 100 K ()"), or two
 * prepositions before a verb ("the role of in regulating"; not "deal with in this article").
 */
export const MISSING_MATH = /\b[a-z]{3,}\s[,;](?=\s)|\(\s*\)|\[\s*\]|\b(?:of|with|by|for|from)\s+(?:in|on|to|of)\s+[a-z]+ing\b/i;

// Sentence roles, by the words that mark them in abstracts.
const FINDING = /\b(?:we|our|results?|this|these|here(?:in)?|it|they|which)\b[^.]{0,50}?\b(?:show|shows|showed|shown|find|finds|found|reveal|reveals|revealed|demonstrate|demonstrates|demonstrated|indicate|indicates|uncover|uncovers|identify|identifies|identified|observe|observed|establish|establishes|discover|discovered|achieve|achieves|achieved|deliver|delivers|exhibit|exhibits|enable|enables|yield|yields|outperform|outperforms|reach|reaches|retain|retains)\b/i;
const METHOD = /\b(?:here(?:in)?|in this (?:work|study|paper|article|review)|this (?:work|study|paper|article|review)|we)\b[^.]{0,40}?\b(?:develop|develops|developed|propose|proposes|proposed|present|presents|presented|introduce|introduces|introduced|report|reports|reported|design|designs|designed|use|uses|used|employ|employs|employed|combine|combines|combined|perform|performs|performed|construct|constructs|constructed|fabricate|fabricates|fabricated|synthesi[sz]e|synthesi[sz]es|synthesi[sz]ed|investigate|investigates|investigated|study|studies|studied|examine|examines|examined|apply|applies|applied|train|trains|trained|build|builds|built|simulate|simulates|simulated|model|models|modelled|modeled|prepare|prepares|prepared|review|reviews|summari[sz]e|summari[sz]es|discuss|discusses|analy[sz]e|analy[sz]es|analy[sz]ed|establish|elucidate|elucidates|elucidated|explore|explores|explored|unveil|unveils|compare|compares|compared)\b/i;
/** "Herein, we take advantage of …", "In this work, we harness …": whatever the verb, what the paper did. */
const METHOD_WE = /^\s*(?:here(?:in)?|in this (?:work|study|paper|article))\s*,?\s+we\s+[a-z]+/i;
/** "Herein, a component self-initiated photopolymerization strategy is developed": the passive says it further from "Herein". */
const METHOD_PASSIVE = /^\s*(?:here(?:in)?|in this (?:work|study|paper|article))\b,?[^.]{0,120}?\b(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?(?:developed|proposed|presented|introduced|reported|designed|used|employed|combined|performed|constructed|fabricated|synthesi[sz]ed|investigated|studied|examined|applied|trained|built|simulated|modell?ed|prepared|reviewed|summari[sz]ed|discussed|analy[sz]ed|established|elucidated|explored|unveiled|demonstrated|engineered|achieved)\b/i;
/**
 * A new thing said to be made, without "Herein": "A dual‐gradient, hierarchically porous current
 * collector (hp‐CuMnZn) has been rationally designed and fabricated through …" (the corpus's
 * current-collector paper, whose summary held two results and never said what the collector was).
 * The indefinite article is what says it is the paper's own: the field's work is "various", "many",
 * "most".
 */
const METHOD_NEW_THING = /^\s*(?:a|an)\s[^.]{0,160}?\b(?:has been|have been|is|are|was|were)\s+(?:\w+ly\s+)?(?:developed|designed|fabricated|synthesi[sz]ed|constructed|proposed|prepared|engineered|introduced|presented|built)\b/i;
const BACKGROUND = /\b(?:promising|attractive|attracted|remains?|remained|challenges?|challenging|limit|limited|limits|limiting|limitations?|suffer|suffers|hinder|hinders|hindered|plagued|critical|crucial|essential|widely|increasing(?:ly)? (?:attention|interest)|next[-\u2010\u2011 ]generation|is one of|are one of|however|impede|impedes|bottlenecks?|obstacles?|drawbacks?|demand|urgent|(?:has|have) (?:emerged|garnered|attracted))\b/i;
const QUANTITY = /\d(?:[\d.,]*)\s*(?:%|m?S\s*cm|mA|mAh|Wh|V\b|m?eV|cycles|h\b|hours|°C|K\b|nm|µm|μm|GPa|MPa|atoms|times|-fold|fold)/;

// A result stated with its number, whatever the subject: "Li||Li cells achieve 1700 h".
const RESULT_VERB = /\b(?:achieve|achieves|deliver|delivers|exhibit|exhibits|realize|realizes|realise|realises|retain|retains|reach|reaches|sustain|sustains|maintain|maintains|display|displays|show|shows|enable|enables|yield|yields|attain|attains)\b/i;

/**
 * The closing move of many abstracts, what the paper may mean for others ("this work may inspire …",
 * "paves the way for", "provides new insights into the design of", "establishes X as a design
 * principle", "holds promise for"): a claim about the work, not what it found. Such a sentence is left
 * out, as background is, when the abstract says what the paper did.
 */
const IMPLICATION = new RegExp([
  String.raw`\b(?:may|might|could|would|will)\s+(?:\w+\s+)?(?:inspire|pave|open|guide|provide|offer|shed|help|facilitate|promote|accelerate|stimulate|benefit|serve|contribute|advance|broaden|expand)\b`,
  String.raw`\bpav(?:e|es|ed|ing) (?:the|a|new) (?:way|road|path)\b`,
  String.raw`\bopen(?:s|ing)? (?:up )?(?:a |an )?(?:new )?(?:avenues?|doors?|opportunit(?:y|ies))\b`,
  String.raw`\b(?:insights?|guidance|guidelines?|perspectives?|inspiration|avenues?|paradigms?|blueprints?|roadmaps?) (?:for|into|toward|towards|on) (?:the )?(?:future|further|rational|design|development|practical|next)`,
  String.raw`\b(?:to|may|could|will|would|might|further) inspire\b|\binspiring (?:future|further|new|the)\b`,
  String.raw`\bestablish(?:es|ed)?\s+(?:[\w‐-]+\s+){1,8}?as (?:a|an) (?:[\w‐-]+\s+){0,3}?(?:strategy|principle|approach|route|paradigm|platform|pathway|framework)\b`,
  String.raw`\b(?:this|our|the present|these) (?:work|study|research|strategy|approach|design|findings?|results?)\b[^.;]{0,60}?\b(?:provides?|offers?|establish(?:es)?|opens?|represents?|affords?|highlights?|pioneers?|unveils?|elucidates?)\s+(?:a |an |the |new )?(?:[\w‐-]+,?\s+){0,4}?(?:strateg(?:y|ies)|approach(?:es)?|solutions?|principles?|paradigms?|frameworks?|platforms?|routes?|pathways?|guidelines?|blueprints?|avenues?|insights?|perspectives?|directions?|prototypes?|concepts?|methodology)\b(?=\s+(?:(?:applicable|relevant|transferable|extendable|generali[sz]able)\s+)?(?:for|to|toward|towards|into|on|in(?!\s+which))\b|\s*[.,;]|\s*$)`,
  String.raw`\b(?:highlight|demonstrate|show|underscore|reveal)(?:s|ing)? (?:the|its|their) (?:great |significant |considerable )?(?:potential|promise)\b`,
  String.raw`\bholds? (?:great |significant |considerable )?promise\b`,
  // "This work establishes an electrostatic suspension mechanism for the design of polymer electrolytes."
  String.raw`\b(?:this|our|the present) (?:work|study|research)\b[^.;]{0,40}?\bestablish(?:es|ed)?\s+(?:a |an |the )(?:[\w‐-]+,?\s+){0,4}?mechanisms?\s+for\b`,
  String.raw`\b(?:this|our|the present|these) (?:work|study|research|findings?|results?)\b[^.;]{0,40}?\b(?:highlight|emphasi[sz]e|underscore|stress)(?:s|d)? (?:the )?(?:great |critical |crucial |key )?(?:importance|significance|need|necessity|critical role|key role|pivotal role)\b`,
].join('|'), 'i');

/**
 * How an abstract's last sentences claim what the work offers others, in words a method sentence
 * also uses ("This work presents a novel strategy for developing …", "This work proposes an innovative
 * approach to …"): a claim only at the close; "This work presents a strategy that …" says what was done.
 */
const CLOSING_CLAIM = /^\s*(?:overall,\s*|in summary,\s*|in conclusion,\s*|collectively,\s*|taken together,\s*)?(?:this|our|the present) (?:work|study|research|strategy|approach|design)\b[^.;]{0,40}?\b(?:presents?|proposes?|demonstrates?|delivers?|introduces?|reports?)\s+(?:a |an |the |new )?(?:[\w‐-]+\s+){0,4}?(?:strateg(?:y|ies)|approach(?:es)?|solutions?|paradigms?|platforms?|routes?|pathways?|concepts?|prototypes?)\b(?=\s+(?:for|to|toward|towards)\b|\s*[.,;]|\s*$)/i;

/**
 * The closing sentence that points at the work itself: "This work highlights the design and synthesis
 * of advanced halide electrolytes …", "Our study underscores the role of …". Near the end it restates,
 * and its "design" read as the verb of what the paper made: the summary held it, not the sentence
 * that says what was made ("Here, we report on the cubic Na3ZrCl5S superionic conductor …").
 */
const CLOSING_HIGHLIGHT = /^\s*(?:overall,\s*|in summary,\s*|in conclusion,\s*|collectively,\s*|taken together,\s*)?(?:this|our|the present) (?:work|study|research|strategy|approach|design|finding|findings)\b[^.;]{0,40}?\b(?:highlights?|underscores?|emphasi[sz]es?|showcases?|exemplif(?:y|ies))\b/i;

/**
 * Where a sentence's closing clause on what the work may mean starts: ", providing …", ", paving …",
 * ", establishing a … design principle", ", which offers …", " and provides …" (the clause itself is
 * then checked against IMPLICATION and the claim's nouns).
 */
const TRAILING_CLAUSE = /(?:,\s+(?:thus\s+|thereby\s+|and\s+|further\s+)?(?:providing|offering|paving|opening|highlighting|inspiring|shedding|advancing|affording|establishing|demonstrating|which\s+(?:\w+\s+)?(?:provides?|offers?|paves?|opens?|highlights?|may|could|will|would))|\s+and\s+(?:\w+\s+)?(?:provides?|offers?|paves?|opens?|highlights?|sheds?))\b/i;

/**
 * A closing clause, with no quantity in it, that names what the work offers: new insights,
 * guidelines, a strategy, a paradigm, an understanding (", providing new insights into …", ",
 * offering a generalizable strategy for …"); or a route, pathway, framework or platform to a purpose
 * (", providing a promising pathway toward practical …"), words the sciences also use of things ("a
 * rigid framework that blocks dendrites", "pathways for fast Li+ conduction"). Not a result (",
 * providing a threefold higher conductivity of 2 mS cm-1").
 */
const CLAIM_NOUN = /\b(?:insights?|guidance|guidelines?|paradigms?|avenues?|directions?|perspectives?|inspiration|strateg(?:y|ies)|principles?|understanding|promise|opportunit(?:y|ies)|blueprints?|roadmaps?|benefits|feasibility|viability|applicability)\b/i;
const CLAIM_PATH = /\b(?:routes?|pathways?|ways?|frameworks?|platforms?|basis|potential)\b[^.]*?\b(?:for (?:the )?(?:design\w*|develop\w*|fabricat\w*|engineer\w*|construct\w*|realiz\w*|achiev\w*|prepar\w*|produc\w*|tailor\w*|future|further|practical|next|advanced|rational|safe|durable|commerciali[sz]\w*|applications?|high)|to (?:improve|enhance|enable|achieve|reali[sz]e|design|develop|guide|inform|accelerate|advance|boost|tailor)|toward|towards|into)\b/i;

/** The sentence without its closing clause on what the work may mean, when it has one and something stands before it. */
function withoutImplication(sentence: Sentence): Sentence {
  const m = TRAILING_CLAUSE.exec(sentence.text);
  const clause = m ? sentence.text.slice(m.index) : '';
  const claim = !QUANTITY.test(clause) && (CLAIM_NOUN.test(clause) || CLAIM_PATH.test(clause));
  if (!m || !(IMPLICATION.test(clause) || claim)) return sentence;
  const head = sentence.text.slice(0, m.index).replace(/[\s,;:]+$/, '');
  if (head.split(/\s+/).length < 6) return sentence;
  return { text: `${head}.`, start: sentence.start, end: sentence.start + head.length };
}

/**
 * A purpose that points back to a problem the sentences before set out ("… to address these challenges.",
 * "… to resolve this issue, enabling …", "… that overcomes these limitations."), where a summary does not
 * show them: the sentence says what was made without it. Only where the clause ends the sentence or a
 * clause of it (a comma follows); "… that addresses these limitations by decoupling …" keeps its words.
 */
const BACK_PURPOSE = /(?<!\border)\s+(?:to|in order to|that|which)\s+(?:address(?:es)?|overcomes?|solves?|tackles?|mitigates?|resolves?|circumvents?|alleviates?|eliminates?|avoids?|bypass(?:es)?|surmounts?|remed(?:y|ies)|counters?|conquers?|relieves?|ameliorates?|decouples?|breaks?)\s+(?:this|these|those|such|the above|both)\s+(?:[\w‐-]+\s+){0,2}?(?:issues?|challenges?|limitations?|problems?|bottlenecks?|drawbacks?|obstacles?|shortcomings?|dilemmas?|gaps?|trade[‐-]offs?)(?:\s+\w+ly)?(?=\s*[.,;])/gi;

/** The sentence without a purpose that points back (BACK_PURPOSE), when enough stands without it. */
function withoutBackPurpose(sentence: Sentence): Sentence {
  const text = withoutBackPurposeText(sentence.text);
  return text === sentence.text || text.split(/\s+/).length < 6 ? sentence : { ...sentence, text };
}

/**
 * A text without its purposes that point back (BACK_PURPOSE). Between commas ("Herein, to address these
 * challenges, a membrane is developed") one comma stays; before the full stop, none.
 */
export function withoutBackPurposeText(text: string): string {
  const without = text.replace(BACK_PURPOSE, '').replace(BACK_PURPOSE_END, '');
  return without === text ? text : without.replace(/,\s*(?=[,.;])/g, '');
}

/**
 * A purpose that ends the sentence and points back with any verb ("… a molecular design strategy to
 * integrate these processes into a unified electrolyte system."): "these processes" are in a sentence
 * the summary does not show. Not after what makes "to" part of the sentence's own verb or of a noun's
 * phrase ("allows us to attribute this effect to …", "is used to study these systems", "an approach
 * designed to enhance these generated 3D shapes", "resistance to perpetuating these biases", "compared
 * to all these methods").
 */
const BACK_PURPOSE_END = /(?<!\b(?:order|us|them|it|one|allows?|allowing|allowed|enables?|enabling|enabled|helps?|helping|helped|able|used|needed|required|necessary|possible|aims?|aimed|sought|seeks?|want|wants|likely|unlikely|due|owing|designed|developed|tailored|intended|meant|built|engineered|dedicated|devoted|compared|relative|similar|close|according|prior|respect|addition|contrast|comparison|resistance|response|approach|access|exposure|contribution|applied|applicable|related|subjected|leads?|led|extended))\s+to\s+(?!(?:all|both|each|any|some|many|most|only|even|just|also|further|better|more|less|the|a|an|[a-z]+ing)\b)[a-z]+\s+(?:this|these|those|such)\s+[^.,;:()]{1,80}?(?=\.(?:\s+[A-Z]|\s*$))/gi;

/**
 * An opening connective that only links a sentence to the one before, adding to it or drawing from it
 * ("Consequently, the cells retain 90% …", "Remarkably, NVP||Na cells achieve …"): without it the
 * sentence says the same and stands alone. Not a contrast ("However, …"), whose sentence means
 * something else alone.
 */
const DROPPABLE_CONNECTIVE = /^(?:consequently|as a result|therefore|thus|hence|accordingly|furthermore|moreover|additionally|in addition|besides|notably|remarkably|importantly|interestingly|surprisingly|impressively|strikingly|finally|ultimately|overall|meanwhile|specifically|in particular|subsequently|concurrently|simultaneously|in turn|as expected),\s+(?=[a-z])/i;

/**
 * A highlight's bullet ("• Lower nucleation overpotential enables …", as publishers list highlights
 * after the abstract) or a list item's number ("(2) Doping or modification: …", a review's list of
 * strategies; "(i)", "1)"): not part of the sentence, whose summary would point into a list it does
 * not show.
 */
function withoutBullet(sentence: Sentence): Sentence {
  const m = /^(?:[•▪◦●‣]\s*|\(?(?:\d{1,2}|[ivx]{1,4})\)\s+)/.exec(sentence.text);
  return m ? { text: sentence.text.slice(m[0].length), start: sentence.start + m[0].length, end: sentence.end } : sentence;
}

/**
 * A purpose or a ground that points back to the sentence before: "To this end", "To address these
 * challenges", "On this basis", "Based on these findings", "Inspired by this".
 */
const PURPOSE = String.raw`to this end|for this purpose|to (?:address|overcome|solve|tackle|mitigate|resolve|circumvent) (?:this|these|that|those|such|the above)|`
  + String.raw`on (?:this|these|that) bas(?:is|es)|(?:based|building|built) (?:up)?on (?:this|these|that|those)|in (?:the )?light of (?:this|these|that|those)|`
  + String.raw`with (?:this|these) in mind|(?:motivated|inspired|guided) by (?:this|these|that|those)`;

/**
 * "To address these challenges, we developed …", "To this end, we …": a purpose that points back, before
 * what the paper did, which stands without it ("We developed …"). Only before the paper's own words:
 * "To overcome these challenges, various strategies have been developed" is still the field.
 */
const PURPOSE_LEAD = new RegExp(String.raw`^(?:(?:${PURPOSE})(?:[ -][a-z]+){0,3}),\s+(?=(?:we|here|herein|in this (?:work|study)|this (?:work|study))\b)`, 'i');

/**
 * The sentence without an opening connective that `DROPPABLE_CONNECTIVE` or `PURPOSE_LEAD` allows, when it then starts
 * on a plain word (capitalised: "The cells retain …") and leans on nothing else ("Consequently, it
 * …" keeps its connective: "it" still needs the sentence before).
 */
function withoutConnective(sentence: Sentence): Sentence {
  const m = DROPPABLE_CONNECTIVE.exec(sentence.text) ?? PURPOSE_LEAD.exec(sentence.text);
  if (!m) return sentence;
  const rest = sentence.text.slice(m[0].length);
  // "the cells" opens a sentence as "The cells"; "pH", "mRNA" or "NVP||Na" stay as written.
  const text = /^[a-z]+\b/.test(rest) ? `${rest.charAt(0).toUpperCase()}${rest.slice(1)}` : rest;
  if (leansOnPrevious(text)) return sentence;
  return { text, start: sentence.start + m[0].length, end: sentence.end };
}

/**
 * Context, as an abstract opens: no role, no quantity, no word of the paper's own ("we", "our",
 * "herein", "this study"), nothing said done ("A gel electrolyte is fabricated by …", "a graded
 * architecture is constructed": a method in the passive, which METHOD_PASSIVE finds only after "Herein").
 * What "has been demonstrated" or "have been developed" was done before the paper: context still.
 */
function isContext(text: string): boolean {
  return roleOf(text) === 'other' && !OWN.test(text) && !DONE.test(text);
}

const OWN = /\b(?:we|our|us|here(?:in)?|this (?:work|study|paper|article|review|report)|in this (?:work|study|paper|article))\b/i;
const DONE = /\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:developed|proposed|presented|introduced|reported|designed|constructed|fabricated|synthesi[sz]ed|prepared|engineered|built|assembled|formulated|demonstrated|achieved|realized|employed|used|applied|investigated|studied|examined|explored|obtained|established|elucidated|revealed|identified)\b/i;

/** Background: what the field needs, lacks or finds hard, and nothing of what the paper did. */
function isBackground(text: string): boolean {
  return BACKGROUND.test(text) && !isMethod(text) && !isFinding(text);
}

function isMethod(text: string): boolean {
  return METHOD.test(text) || METHOD_WE.test(text) || METHOD_PASSIVE.test(text) || METHOD_NEW_THING.test(text);
}

function isFinding(text: string): boolean {
  return FINDING.test(text) || (QUANTITY.test(text) && RESULT_VERB.test(text));
}

/** Whether a sentence opens on "The ..." naming, in its first three words, something the sentence before introduced. */
function pointsBack(sentence: string, previous: string): boolean {
  const opening = /^\s*the\s+((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)/i.exec(sentence);
  if (!opening) return false;
  // "The resulting membrane", "the optimized anode": made in the sentences before.
  if (/^(?:resulting|obtained|as-prepared|optimi[sz]ed|proposed|designed|prepared|developed|modified|engineered|above)\b/i.test(opening[1] as string)) return true;
  const before = previous.toLowerCase();
  return (opening[1] as string).toLowerCase().split(/\s+/)
    .some((word) => word.length >= 4 && before.includes(word.replace(/(?:es|s)$/, '')));
}

function roleOf(text: string): 'finding' | 'method' | 'other' {
  if (isFinding(text) || QUANTITY.test(text)) return 'finding';
  if (isMethod(text)) return 'method';
  return 'other';
}

function sentenceScore(text: string, index: number, words: number, keywordWeight: number): number {
  // The area's keywords tell a sentence about the topic from one off it; its role counts more.
  let score = Math.min(1, keywordWeight / Math.sqrt(Math.max(words, 1)));
  if (isFinding(text)) score += 1.5;
  if (isMethod(text)) score += 1.2;
  if (QUANTITY.test(text)) score += 0.5;
  if (isBackground(text)) score -= 1;
  // An opening that says what the paper did (editors' summaries open so) leads; most abstracts open on
  // the field instead ("Electrode potential controls reactivity …"), which a summary need not repeat.
  if (index === 0 && roleOf(text) !== 'other') score += 0.3;
  if (words < 6) score -= 1;
  return score;
}

// Openings that need the sentence before: connectives, and pronouns or demonstratives standing for
// something said there ("This approach", "These results", "It"). "This work" and "This study" name
// the paper itself and stand alone.
const LEANS = new RegExp(String.raw`^\s*(?:however|consequently|therefore|thus|hence|moreover|furthermore|additionally|in addition|besides|`
  + String.raw`meanwhile|nevertheless|nonetheless|similarly|likewise|also|accordingly|in contrast|by contrast|on the other hand|as a result|`
  + String.raw`as such|finally|lastly|then|second(?:ly)?|third(?:ly)?|next|instead|otherwise|still|yet|and|but|or|so|in turn|in particular|`
  + String.raw`specifically|notably|importantly|interestingly|surprisingly|remarkably|accordingly|${PURPOSE}|`
  // "It is shown that ..." opens on no antecedent: only a referring "it" leans.
  + String.raw`these|those|such|it(?!\s+(?:is|was|has been|can be|may be|should be|must be)\s+(?:\w+\s+){0,3}?(?:that|to|whether)\b)|`
  + String.raw`its|they|their|them|he|she|both|each|this (?!(?:work|study|paper|article|review|letter|perspective|report|thesis|communication|manuscript|research|minireview|account|tutorial)\b)|`
  + String.raw`that (?!is\b))\b`, 'i');

// "Building on this insight, we ...", "To validate this mechanism, ...", "Elucidating these mechanisms ...":
// a demonstrative in the opening words points back as surely as a connective.
const POINTS_BACK = new RegExp(String.raw`^\s*(?:(?:[^\s]+\s+){0,3}?(?:this|these|those|such)\s+(?!(?:as|work|study|paper|article|review|letter|`
  + String.raw`perspective|report|thesis|communication|manuscript|research|minireview|account|tutorial)\b)`
  // "Among them, ...", "Of these, ...", "In it, ...": a preposition and a pronoun.
  + String.raw`|(?:among|of|for|with|in|from|by|between|beyond|besides|unlike|like)\s+(?:them|it|these|those|which|both|each)\b)`, 'i');

// "Concurrently, ...", "Subsequently, ...", "Ultimately, ...": an adverb and a comma that open a sentence
// link it to the one before, whichever adverb it is. Those that set the scene ("Recently, ...",
// "Currently, ...") or say from where a result is seen ("Electrochemically, the modified anode ...",
// "Theoretically, ...") stand alone.
const LINKING_ADVERB = /^\s*(?!(?:recently|currently|previously|traditionally|historically|conventionally|generally|typically|usually|commonly|presently|nowadays|electrochemically|experimentally|theoretically|computationally|numerically|mechanistically|structurally|chemically|physically|mechanically|thermally|thermodynamically|kinetically|spectroscopically|microscopically|macroscopically|statistically|quantitatively|qualitatively)\b)[A-Za-z]+ly,/i;

/** Whether a sentence opens on something that needs the sentence before it. */
export function leansOnPrevious(sentence: string): boolean {
  // A sentence that starts in lower case or with a number is the tail of one cut short ("0.65, a wide ...").
  return LEANS.test(sentence) || POINTS_BACK.test(sentence) || LINKING_ADVERB.test(sentence) || /^\s*[a-z0-9]/.test(sentence);
}

// Openings that name what an earlier sentence made: "First, DSEEs promote …" (a list's first step;
// "First-principles" stands alone), "Owing to radical quenching capability, HE scavenges …", "The
// resulting phase diagram …". After the sentence that says what was made they read well, wherever it
// is; a summary never opens on one (the reader would ask what "HE" or "the resulting" is).
const NEEDS_ANTECEDENT = /^\s*(?:first(?:ly)?\s*,|owing to\b|thanks to\b|benefit(?:t)?ing from\b|the (?:resulting|obtained|as-prepared|above|aforementioned)\b)/i;

/** Whether a sentence names what an earlier one made, so that a summary may not open on it. */
export function opensOnAntecedent(sentence: string): boolean {
  return NEEDS_ANTECEDENT.test(sentence);
}

/** A sentence too long for a summary, cut at the last clause boundary within the budget. */
function cutAtClause(text: string, maxWords: number): string {
  const words = text.split(/\s+/);
  if (words.length <= maxWords) return text;
  const head = words.slice(0, maxWords).join(' ');
  const boundary = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', which'), head.lastIndexOf(', while'), head.lastIndexOf(', where'),
    head.lastIndexOf(', and '), head.lastIndexOf(': '));
  const cut = boundary > head.length / 2 ? head.slice(0, boundary) : head;
  return `${cut.replace(/[,;:]$/, '')}…`;
}

interface Sentence { readonly text: string; readonly start: number; readonly end: number }

/**
 * Sentences with their spans in `text`. compromise knows abbreviations ("e.g.", "et al.", "Fig.");
 * when it loses text (it can, on LaTeX remnants) a plain split on sentence punctuation is used.
 */
export function splitSentences(text: string): Sentence[] {
  // The tokenizer alone: tagging (which compromise runs on nlp() once grammar.ts has loaded its tagger)
  // is not needed to find sentences, and costs tens of times more.
  const found: string[] = nlp.tokenize(text).json().map((s: { text: string }) => s.text);
  const out: Sentence[] = [];
  // compromise gives dashes and quotes back plainer than the text has them ("high-energy–density" as
  // "high-energy-density") and may close up spaces: each sentence is found in the text as the same
  // characters, those folded alike, spaces of any length between its words.
  const folded = foldMarks(text);
  let from = 0;
  for (const sentence of found) {
    const plain = foldMarks(sentence).trim();
    if (plain === '') continue;
    // Most sentences are found as they are; a pattern is made only for one whose spaces differ.
    let at = folded.indexOf(plain, from);
    let length = plain.length;
    if (at < 0) {
      const spaced = new RegExp(plain.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
      spaced.lastIndex = from;
      const m = spaced.exec(folded);
      if (!m) return plainSplit(text);
      at = m.index;
      length = m[0].length;
    }
    out.push({ text: text.slice(at, at + length), start: at, end: at + length });
    from = at + length;
  }
  const covered = out.reduce((n, s) => n + s.text.replace(/\s/g, '').length, 0);
  if (covered < text.replace(/\s/g, '').length * 0.95) return plainSplit(text);
  return joinedAtAbbreviations(text, out).flatMap(splitAtUnit);
}

/**
 * compromise ends a sentence at "vs." before a capital ("up to 4.4 V vs. Na+/Na"): such a sentence
 * and the next are one.
 */
function joinedAtAbbreviations(text: string, sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const sentence of sentences) {
    const last = out[out.length - 1];
    if (last && ABBREVIATION_END.test(last.text)) out[out.length - 1] = { text: text.slice(last.start, sentence.end), start: last.start, end: sentence.end };
    else out.push(sentence);
  }
  return out;
}

const ABBREVIATION_END = /\b(?:vs|cf|ca|approx|resp|viz)\.\s*$/i;

/**
 * compromise reads a capital letter and a full stop as a name's initial ("J. Smith"), so "… 1,000
 * cycles at 5 C. Guided by …" stays one sentence: split where a number's one-letter unit (a C-rate,
 * kelvin, volts) ends one and a word in sentence case starts the next.
 */
function splitAtUnit(sentence: Sentence): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (const m of sentence.text.matchAll(UNIT_END)) {
    const end = (m.index as number) + (m[1] as string).length;
    out.push({ text: sentence.text.slice(from, end), start: sentence.start + from, end: sentence.start + end });
    from = (m.index as number) + m[0].length;
  }
  if (from === 0) return [sentence];
  out.push({ text: sentence.text.slice(from), start: sentence.start + from, end: sentence.end });
  return out;
}

const UNIT_END = /(\d\s?[A-Z]\.)\s+(?=[A-Z][a-z]+\b)/g;

/** Dashes, hyphens and curly quotes as their plain forms, one character for one. */
function foldMarks(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

function plainSplit(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?]+(?:[.!?]+(?=\s+[A-Z(])|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: m.index + lead, end: m.index + lead + trimmed.length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
