/**
 * A summary as a digest tells it: the abstract's "we" becomes the authors, as a colleague would say
 * it ("Here, we use multiscale modeling ..." -> "Zhang et al. use multiscale modeling ..."), and so
 * does the passive a tenth of materials abstracts open on ("Herein, a gel electrolyte is developed to
 * ..." -> "Zhang et al. develop a gel electrolyte to ..."), and the paper doing it ("This study
 * proposes ..." -> "Zhang et al. propose ..."). The first mention of the authors names them
 * (`citedAs`); later ones are "they", "their", "them". A paper by one author keeps its words: "Zhang
 * use" would need the verb changed too; one whose record lists none has "the authors".
 */
export function inThirdPerson(text: string, authors: readonly string[]): string {
  const cited = citedAs(authors);
  // A record that lists no authors (some journals' feeds leave them out): "the authors", plural as
  // "Zhang et al.", never the abstract's "we" in a digest's voice.
  if (cited === undefined && authors.length === 0) return theAuthors(rewritten(text, UNNAMED));
  return cited === undefined ? text : rewritten(text, cited);
}

/** Where the authors go when the record does not name them: written out by `theAuthors`. */
const UNNAMED = '\u0001';

/** "the authors", with a capital where it opens a sentence, and "the authors'" for their. */
function theAuthors(text: string): string {
  return text.replace(/\u0001's/g, "\u0001'").replace(/(?<=^|[.!?]["”)]?\s+)\u0001/g, 'The authors').replace(/\u0001/g, 'the authors');
}

function rewritten(text: string, name: string): string {
  // A journal's editor writes "Here, authors introduce …" where the abstract says "Here, we introduce …".
  let summary = text.replace(EDITORS_AUTHORS, '$1, we');
  // The authors are named where the summary first says what they did: a "we", or before it …
  let named = false;
  const firstPersonBefore = (at: number) => FIRST_PERSON.test(summary.slice(0, at));
  // … "Herein, a gel electrolyte is developed to …" -> "Zhang et al. develop a gel electrolyte to …",
  summary = summary.replace(PASSIVE_OPENING, (match: string, lead: string, thing: string, comma: string, _be: string, adverb: string | undefined, done: string, at: number) => {
    // "Herein, a polymer that is designed for X is applied": the first verb was the clause's, not the sentence's.
    // Nor where the thing holds a clause's own verb ("restructuring is achieved by …, and its impacts
    // are investigated"), or opens on a phrase that cannot be told from it ("by leveraging X, including
    // A, B and C, DMP is introduced").
    // A thing that opens on an -ing word and holds no comma is a noun's ("coating discovery is formulated").
    const fronted = frontedIn(thing);
    const unsplit = !fronted && OPENER.test(thing) && (thing.includes(',') || !/^[a-z]+ing\b/.test(thing));
    if (named || RELATIVE_END.test(thing) || OWN_VERB.test(thing.replace(RELATIVE_VERB, '')) || firstPersonBefore(at) || unsplit) return match;
    named = true;
    // "was developed" too: a digest tells what the authors do in the present, as a colleague would.
    const verb = ACTIVE[done.toLowerCase()] as string;
    // A phrase before the thing ("inspired by plant epidermis, a … SEI is constructed") opens the
    // sentence, before the authors: "Inspired by plant epidermis, Hu et al. construct a … SEI".
    const opening = fronted ? `${(fronted[1] as string).charAt(0).toUpperCase()}${(fronted[1] as string).slice(1)}, ` : '';
    const made = fronted ? fronted[2] as string : thing;
    // An article opening a sentence is lower case after the authors; a name or a formula stays as written.
    const object = /^(?:A|An|The)\s/.test(made) ? `${made.charAt(0).toLowerCase()}${made.slice(1)}` : made;
    // An appositive keeps its closing comma: "a salt, indium triflate (In(OTf)3), into …".
    return `${lead}${opening}${name} ${adverb ?? ''}${verb} ${object}${made.includes(',') ? comma : ''}`;
  });
  // … or "This study proposes …" -> "Zhang et al. propose …" (a review's "This review summarizes …" too).
  summary = summary.replace(THIS_WORK_OPENING, (match: string, lead: string, adverb: string | undefined, does: string, rest: string, at: number) => {
    if (named || firstPersonBefore(at)) return match;
    named = true;
    // "This study investigates X and reveals Y": the verbs the sentence goes on with take the authors too.
    const goesOn = rest.replace(AND_DOES, (_: string, and: string, also: string | undefined, verb: string) => `${and}${also ?? ''}${PLURAL[verb.toLowerCase()] as string}`);
    return `${lead}${name} ${adverb ?? ''}${PLURAL[does.toLowerCase()] as string}${goesOn}`;
  });
  if (!FIRST_PERSON.test(summary)) return summary;
  return inPresent(summary.replace(FIRST_PERSON_ALL, (match: string, framing: string | undefined, word: string, at: number) => {
    const startsSentence = at === 0 || /[.!?]["”)]?\s+$/.test(summary.slice(Math.max(0, at - 4), at));
    const lower = word.toLowerCase();
    let out: string;
    if (!named) {
      named = true;
      out = lower === 'our' ? `${name}'s` : lower === 'ourselves' ? 'themselves' : name;
      // "Here, we show" -> "Zhang et al. show": the framing only announced the authors.
      if (framing !== undefined && lower === 'we') return out;
    } else {
      out = THEY[lower] as string;
      if (startsSentence && framing === undefined) out = out.charAt(0).toUpperCase() + out.slice(1);
    }
    return framing !== undefined ? `${match.slice(0, match.length - word.length)}${out}` : out;
  }), name);
}

/**
 * The verb the authors are first named with, in the present when the abstract told it in the past:
 * "Here, we developed …" reads "Luo et al. develop …", as the summaries of other papers beside it
 * ("Zheng et al. develop …") and as a colleague tells it; so do the sentence's verbs joined to it by
 * "and" ("designed and synthesized" -> "design and synthesize"), and a later sentence that opens on
 * "They" ("They found …" -> "They find …"). Only where the summary opens on the authors' deed; a
 * clause with a verb it has no present for keeps the abstract's tense (`presentClause`).
 */
function inPresent(summary: string, name: string): string {
  const at = summary.indexOf(`${name} `);
  // After a finding told in the past ("X-ray diffraction revealed …. Thomas et al. observed …") the
  // authors keep the abstract's tense.
  if (at < 0 || SENTENCE_END.test(summary.slice(0, at))) return summary;
  const from = at + name.length + 1;
  const sentences = splitAtEnds(summary.slice(from));
  const first = presentClause(sentences[0] as string);
  if (first === undefined) return summary;
  const later = sentences.slice(1).map((sentence) => {
    const they = /^(\s*They\s+)/.exec(sentence);
    const clause = they ? presentClause(sentence.slice((they[1] as string).length)) : undefined;
    return they && clause !== undefined ? `${they[1] as string}${clause}` : sentence;
  });
  return summary.slice(0, from) + [first, ...later].join('');
}

const SENTENCE_END = /[.!?](?:\s|$)/;

/** A text cut after each sentence's end, the spaces kept with the next: joined, it is the text again. */
function splitAtEnds(text: string): string[] {
  return text.split(/(?<=[.!?])(?=\s+\S)/);
}

/**
 * A clause that opens on its verb ("developed X and tested Y."), in the present; undefined when it
 * stays as written: its verb or a verb joined by "and" has no present here ("operated"), or an
 * adverb places the deed in the past ("previously reported"). A verb already in the present keeps the
 * clause's other verbs company ("develop X and synthesized Y" -> "… and synthesize Y").
 */
function presentClause(clause: string): string | undefined {
  const lead = /^(\w+ly\s+)?([a-z]+)\b/.exec(clause);
  if (!lead || (lead[1] !== undefined && TOLD_PAST.test(lead[1]))) return undefined;
  const verb = lead[2] as string;
  if (verb.endsWith('ed') && !(verb in PRESENT)) return undefined;
  for (const m of clause.matchAll(AND_ANY_PAST)) {
    if (!((m[3] as string).toLowerCase() in PRESENT) || (m[2] !== undefined && TOLD_PAST.test(m[2]))) return undefined;
  }
  const opening = `${lead[1] ?? ''}${PRESENT[verb] ?? verb}`;
  return opening + clause.slice(lead[0].length).replace(AND_PAST, (_: string, and: string, adverb: string | undefined, past: string) =>
    `${and}${adverb ?? ''}${PRESENT[past.toLowerCase()] as string}`);
}

const THEY: Readonly<Record<string, string>> = { we: 'they', our: 'their', us: 'them', ourselves: 'themselves' };

/**
 * The verbs of what a paper made or did, as "Herein, a … is developed" writes them, and the form the
 * authors take them in ("Zhang et al. develop"); "was developed" keeps its past ("developed").
 */
const ACTIVE: Readonly<Record<string, string>> = Object.fromEntries([
  'develop', 'design', 'propose', 'fabricate', 'construct', 'synthesize', 'synthesise', 'prepare', 'introduce', 'report',
  'demonstrate', 'present', 'establish', 'engineer', 'employ', 'apply', 'devise', 'formulate', 'investigate', 'examine',
  'explore', 'build', 'create', 'assemble', 'implement', 'use', 'utilize', 'utilise', 'adopt', 'combine', 'perform', 'incorporate',
  'integrate', 'conduct',
].map((verb) => [pastOf(verb), verb]));

/** A regular verb's past ("develop" -> "developed", "apply" -> "applied"), and the few irregular ones these lists hold. */
function pastOf(verb: string): string {
  const irregular: Record<string, string> = { build: 'built', map: 'mapped', model: 'modeled' };
  return irregular[verb] ?? (/[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : verb.endsWith('e') ? `${verb}d` : `${verb}ed`);
}

/** Past forms of what a paper does, and the present the authors take ("developed" -> "develop", "found" -> "find"). */
const PRESENT: Readonly<Record<string, string>> = {
  ...ACTIVE,
  ...Object.fromEntries(['reveal', 'show', 'identify', 'observe', 'discover', 'achieve', 'obtain', 'study', 'analyze', 'analyse', 'compare',
    'measure', 'calculate', 'simulate', 'train', 'evaluate', 'test', 'quantify', 'unveil', 'elucidate', 'provide', 'describe', 'highlight',
    'map', 'track', 'visualize', 'probe', 'model', 'screen', 'predict', 'benchmark', 'examine', 'explore', 'introduce', 'extend', 'uncover']
    .map((verb) => [pastOf(verb), verb])),
  found: 'find', showed: 'show', made: 'make', took: 'take', gave: 'give', built: 'build', chose: 'choose', ran: 'run', led: 'lead',
};

/** A verb of PRESENT the sentence goes on with after "and": "… and identified about 2900 emitters", ", and developed a coating". */
const AND_PAST = new RegExp(String.raw`(,?\s+and\s+)(\w+ly\s+)?(${Object.keys(PRESENT).join('|')})\b`, 'g');

/** Any past form after "and" ("developed and operated", "pristine and treated samples"): AND_PAST's, or one it cannot tell the present of. */
const AND_ANY_PAST = /(,?\s+and\s+)(\w+ly\s+)?([a-z]+ed)\b/g;

/** Adverbs that place the deed in the past: "we previously reported" stays. */
const TOLD_PAST = /^(?:previously|recently|formerly|originally|initially|earlier|once)\b/i;

/**
 * A sentence that opens on "Here(in)," or "In this work," and says in the passive that a thing was
 * made or done: the framing, the thing (not a pronoun; up to the first "is <verb>" of ACTIVE: a
 * relative clause inside it may hold another "is") and a comma after it, "is", "are", "was" or
 * "were", an adverb ("rationally"), the verb.
 * Whatever follows the verb ("to …", "by …", "via …") follows the thing in the active.
 */
const PASSIVE_OPENING = new RegExp(String.raw`(^|[.!?]\s+)(?:Here(?:in)?|In this (?:work|study|paper|article)),?\s+((?!(?:[Ii]t|[Tt]his|[Tt]hese|[Tt]hose|[Tt]hey|[Ww]e|[Tt]here|[Ss]uch)\s)[^\s.;][^.;]*?)(,?)\s+(is|are|was|were)\s+(\w+ly\s+)?(${Object.keys(ACTIVE).join('|')})\b`, 'g');

/**
 * A phrase the passive's thing opens on, before a comma: a participle's ("inspired by …", "based on
 * …", "taking advantage of …") or a preposition's ("by …", "to address …", "for the first time");
 * not a name ("lithium pyridine‐2‐thiolate"), a Latin phrase ("in situ AFM"), an article, a number,
 * or an adjective of the thing ("mixed ionic‐electronic conductor, PEDOT:PSSTFSI, is …"); its comma
 * outside brackets (`fronted`).
 */
const OPENER = /^(?:[a-z]+ed\s+(?:by|on|from|with|upon|in|to|at)|[a-z]+ing|by|to|with|through|via|in(?![\s‐-](?:situ|operando|vivo|vitro|silico)\b)|on|for|from|under|upon|after|owing|due)\b/;
const FRONTED = new RegExp(String.raw`^(${OPENER.source.slice(1)}[^,]*),\s+(\S.*)$`, 's');

/** A verb of the thing's own ("restructuring is achieved"), once those of its relative clauses ("that is crosslinked") are out. */
const OWN_VERB = /\b(?:is|are|was|were)\b/;
const RELATIVE_VERB = /\b(?:that|which|who)\s+(?:is|are|was|were)\b/g;

/**
 * FRONTED's match, when its comma is outside brackets ("layered Cu2MS4 (M = Mo, W)" has none), is the
 * thing's only one (a list inside the phrase, "… including A, B, and C, DMP is introduced", cannot be
 * told from an appositive of the thing), and splits no number ("of 1, 2‐dimethoxypropane").
 */
function frontedIn(thing: string): RegExpExecArray | undefined {
  const match = FRONTED.exec(thing);
  if (!match) return undefined;
  const phrase = match[1] as string;
  const rest = match[2] as string;
  if (phrase.split('(').length !== phrase.split(')').length || (/\d$/.test(phrase) && /^\d/.test(rest))) return undefined;
  return rest.replace(/\([^()]*\)/g, '').includes(',') ? undefined : match;
}

/** The verbs of "This study proposes …", as the authors take them ("Zhang et al. propose"). */
const PLURAL: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.values(ACTIVE), 'reveal', 'provide', 'summarize', 'summarise', 'discuss', 'focus', 'highlight', 'review', 'describe',
  'outline', 'elucidate', 'analyze', 'analyse', 'address', 'show', 'offer', 'identify', 'unveil', 'compare',
].map((verb) => [/(?:sh|ch|ss|x|s)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`, verb]));

/**
 * A sentence that opens on the paper itself doing something: "This study proposes …", "This review
 * systematically summarizes …", "The present work reports …" (the framing, an adverb, the verb, and
 * the rest of the sentence, up to its first full stop).
 */
const THIS_WORK_OPENING = new RegExp(String.raw`(^|[.!?]\s+)(?:This|The present) (?:work|study|paper|article|review|letter|communication|minireview|perspective)\s+(\w+ly\s+)?(${Object.keys(PLURAL).join('|')})\b([^.!?]*)`, 'g');

/** "and reveals", ", and establishes": a verb of PLURAL's the sentence goes on with. */
const AND_DOES = new RegExp(String.raw`(\b(?:and|but also|then)\s+)(\w+ly\s+)?(${Object.keys(PLURAL).join('|')})\b`, 'g');

/** A thing that ends on a relative pronoun: the verb found was its clause's. */
const RELATIVE_END = /\b(?:that|which|who|whom|whose|where)$/i;
const FRAMING = String.raw`(?:(Here(?:in)?|In this (?:work|study|paper|article|letter|communication|review|contribution)|In the present (?:work|study)),?\s+)?`;
const FIRST_PERSON = /\b(?:we|our|us|ourselves)\b/i;
const EDITORS_AUTHORS = /\b(Here(?:in)?),?\s+(?:the\s+)?authors\b/g;
const FIRST_PERSON_ALL = new RegExp(String.raw`${FRAMING}\b(we|We|our|Our|us|ourselves)\b`, 'g');

/**
 * How a digest cites a paper's authors: "Zhang et al." (three or more), "Zhang and Li" (two),
 * undefined for one author or none.
 */
export function citedAs(authors: readonly string[]): string | undefined {
  const surnames = authors.map(surnameOf).filter((s): s is string => s !== undefined);
  if (surnames.length !== authors.length || surnames.length < 2) return undefined;
  return surnames.length === 2 ? `${surnames[0]} and ${surnames[1]}` : `${surnames[0]} et al.`;
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** "Yanhao Deng" and "Deng, Yanhao" give "Deng"; "KOZINSKY B" gives "Kozinsky"; "Jia-Mian Hu" gives "Hu". */
export function surnameOf(author: string): string | undefined {
  const name = author.trim();
  if (name === '') return undefined;
  const comma = name.indexOf(',');
  let surname: string;
  if (comma > 0) surname = name.slice(0, comma).trim();
  else {
    const parts = name.split(/\s+/).filter((p) => !SUFFIX.test(p));
    const last = parts.at(-1) ?? '';
    // "KOZINSKY B": a capitalised surname, then the initials.
    surname = parts.length > 1 && /^[A-Z]{1,2}\.?$/.test(last) && /^[A-Z]{2,}$/.test(parts[0] as string)
      ? parts.slice(0, -1).join(' ') : last;
  }
  if (!/\p{L}/u.test(surname)) return undefined;
  return /^[\p{Lu}\s'-]+$/u.test(surname) && surname.length > 2
    ? surname.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, b: string, c: string) => `${b}${c.toUpperCase()}`)
    : surname;
}
