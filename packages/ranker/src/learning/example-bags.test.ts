import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fc, test as fcTest } from '@fast-check/vitest';
import { paperSchema, type Paper } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseBackgroundStats } from '../corpus/background.ts';
import { exampleBags, shownAs, type ExampleBags } from './example-bags.ts';
import { expansionsStartingWith } from '../words/acronyms.ts';
import { ABSTRACT_HEADING } from '../corpus/corpus-bags.ts';
import { isFunctionTerm } from './function-words.ts';
import { PairCounts } from './pair-table.ts';
import { termOf } from '../words/stem.ts';
import { splitWords } from '../words/tokenize.ts';

// The bundled sample week (1,755 real papers) and the shipped corpus statistics.
const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
const background = parseBackgroundStats(gunzipSync(readFileSync(new URL('../../background/corpus-stats.json.gz', import.meta.url))).toString('utf8'));
const share = (term: string) => (background.df.get(term) ?? 0) / background.documents;

/** Paper d's terms, by name, with how much it is about each. */
/** The bag's id of `term`, which must be there. */
function termIdOf(bags: ExampleBags, term: string): number {
  const t = Array.from({ length: bags.size }, (_, k) => bags.term(k)).indexOf(term);
  expect(t, term).toBeGreaterThanOrEqual(0);
  return t;
}

function bagOf(bags: ExampleBags, d: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let e = bags.start[d] as number; e < (bags.start[d + 1] as number); e++) out.set(bags.term(bags.terms[e] as number), bags.about[e] as number);
  return out;
}

test('reporting verbs and adverbs are never learned; words of the field that stem alike are', () => {
  for (const word of ['enables', 'demonstrated', 'exhibits', 'reveals', 'notably', 'respectively', 'using', 'around', 'including', 'despite', 'consequently', 'increasingly']) expect(isFunctionTerm(termOf(word)), word).toBe(true);
  // The closing claims' verbs: two starred papers that both say "This work establishes …" and "the cell
  // delivers …" taught "work establishes" and "cell delivers", which let unrelated papers in.
  for (const word of ['establishes', 'delivers', 'offering', 'shown', 'highlights']) expect(isFunctionTerm(termOf(word)), word).toBe(true);
  // How a method is put to use, whatever it is: eight phase-field papers of the sample week taught "harnesses".
  for (const word of ['harnesses', 'harnessing', 'leveraging', 'leverages']) expect(isFunctionTerm(termOf(word)), word).toBe(true);
  // The praise an abstract gives its own result: six phase-field stars taught "durable", "sustainable", "promising candidates".
  for (const word of ['promising', 'durable', 'robust', 'sustainable', 'excellent', 'superior', 'novel']) expect(isFunctionTerm(termOf(word)), word).toBe(true);
  // "enhanced sampling", "large language model", "focused ion beam", "Miller indices", "Lewis base", "lead halide", "emission".
  for (const word of ['enhanced', 'large', 'focused', 'indices', 'base', 'electrolyte', 'lead', 'emission', 'specific', 'highly']) expect(isFunctionTerm(termOf(word)), word).toBe(false);
  const bags = exampleBags([{ title: 'Halide Electrolytes Enable Fast Charging', abstract: 'LZC exhibits high conductivity, notably at 25 C.' }], new Uint8Array([1]));
  const terms = Array.from({ length: bags.size }, (_, t) => bags.term(t));
  expect(terms).toEqual(expect.arrayContaining(['halid electrolyt', 'fast charg']));
  expect(terms.filter((t) => /enabl|exhibit|notabl/.test(t))).toEqual([]);
});

test('a pair never crosses the end of a sentence nor a hyphenated compound\'s edge: "solid-state lithium" holds "solid state", not "state lithium"', () => {
  const bags = exampleBags([{
    title: 'Stable Solid-State Lithium Metal Batteries',
    abstract: 'A phase‑field model of dendrite growth; structure–property maps of the electrolyte interphase. '
      + 'Lithium accumulation. Consequently, hybrid cells (graphite anodes) fail.',
  }], new Uint8Array([1]));
  const pairs = Array.from({ length: bags.size }, (_, t) => bags.term(t)).filter((t) => t.includes(' '));
  expect(pairs).toEqual(expect.arrayContaining(['solid state', 'lithium metal', 'metal batteri', 'phase field', 'dendrit growth',
    'structur properti', 'electrolyt interphas', 'lithium accumul', 'hybrid cell', 'graphit anod']));
  for (const crossing of ['stabl solid', 'state lithium', 'field model', 'growth structur', 'properti map', 'interphas lithium',
    'accumul consequ']) expect(pairs).not.toContain(crossing);
  // Commas and brackets are inside a sentence: "cells (graphite anodes)".
  expect(pairs).toEqual(expect.arrayContaining(['cell graphit', 'anod fail']));
});

test('a Latin phrase\'s tail is shown with the word the papers write before it ("in situ", "ab initio")', () => {
  const papers = [
    { title: 'In Situ Polymerization of Solid Electrolytes', abstract: 'In-situ polymerization and ab initio molecular dynamics of the electrolytes.' },
    { title: 'Ab Initio Molecular Dynamics of Polymer Electrolytes', abstract: 'We polymerize in situ; ab initio molecular dynamics follow.' },
    { title: 'Ex Situ and In Situ Imaging', abstract: 'Ex situ imaging of operando cells, operando imaging.' },
  ];
  const bags = exampleBags(papers.slice(0, 2), new Uint8Array([1, 1]));
  const shown = new Map(Array.from({ length: bags.size }, (_, t) => [bags.term(t), bags.shownOf(t)]));
  expect(shown.get('situ')).toBe('in situ');
  expect(shown.get('situ polymeriz')).toBe('in situ polymerization');
  expect(shown.get('initio')).toBe('ab initio');
  expect(shown.get('initio molecular')).toBe('ab initio molecular');
  // What is compiled stays the word itself: the analyzer never looks "in" up.
  expect(bags.wordOf([...shown.keys()].indexOf('situ'))).toBe('situ');
  // Written both ways, or after other words: the tail alone.
  const both = exampleBags(papers, new Uint8Array([1, 1, 1]));
  const alone = new Map(Array.from({ length: both.size }, (_, t) => [both.term(t), both.shownOf(t)]));
  expect(alone.get('situ')).toBe('situ');
  expect(alone.get('operando')).toBe('operando');
  // A pair goes by the word written before the pair: every "situ polymerization" follows "in".
  expect(alone.get('situ polymeriz')).toBe('in situ polymerization');
});

test('a pair knows the word most of its papers write before it, and how many write it so', () => {
  const papers = [
    { title: 'Fragile Solid Electrolyte Interphase', abstract: 'A stable solid electrolyte interphase forms on lithium.' },
    { title: 'Anodes', abstract: 'The solid electrolyte interphase and density functional theory.' },
    { title: 'Cathodes', abstract: 'Engineering the cathode electrolyte interphase by density functional theory.' },
  ];
  const bags = exampleBags(papers, new Uint8Array([1, 1, 1]));
  const lead = (term: string) => bags.pairLead(Array.from({ length: bags.size }, (_, t) => bags.term(t)).indexOf(term));
  // Two of the three write "solid" before it; the third, "cathode".
  expect(lead('electrolyt interphas')).toEqual({ term: 'solid', word: 'solid', papers: 2 });
  expect(lead('function theori')).toEqual({ term: 'densiti', word: 'density', papers: 2 });
  // Half is not most: "stable" before "solid electrolyte" once, "fragile" once ("the" in the second paper).
  expect(lead('solid electrolyt')).toBeUndefined();
  // A word has none.
  expect(lead('interphas')).toBeUndefined();
});

test('a pair\'s lead is spelt as the papers write it before the pair, not as its term is most often written', () => {
  // "regulation" is the commonest spelling of the term "regul", but no paper writes it before
  // "lithium plating": a learned phrase "regulation lithium plating" names nothing any paper wrote.
  const papers = [
    { title: 'Spatially Regulated Lithium Plating', abstract: 'Interface regulation matters. Regulation of ions and regulation of fluxes. Spatially regulated lithium plating follows.' },
    { title: 'Anodes', abstract: 'Regulation by additives: regulation again. Regulated lithium plating is uniform.' },
  ];
  const bags = exampleBags(papers, new Uint8Array([1, 1]));
  const lead = bags.pairLead(Array.from({ length: bags.size }, (_, t) => bags.term(t)).indexOf('lithium plate'));
  expect(lead).toEqual({ term: 'regul', word: 'regulated', papers: 2 });
});

test('a pair knows whether its papers all write it as one hyphenated compound ("non-uniform"), abstracts first', () => {
  const papers = [
    // The title's "Non‐Uniform" (U+2010), then the abstract's first occurrence: how the paper writes it.
    { title: 'Reveal Non\u2010Uniform Passivation', abstract: 'The non\u2010uniform distribution of a Li2O\u2010rich layer.' },
    { title: 'Anodes', abstract: 'A non-uniform current and a Li2O-rich interphase; high energy-density cells.' },
    { title: 'Cathodes', abstract: 'The field is uniform, and Li2O rich grains form; the energy density is high.' },
    { title: 'Solid State Cells', abstract: 'Solid state cells with solid-state electrolytes and solid state anodes; energy-density.' },
  ];
  // The last paper is `taught`: its pairs of one paper are kept.
  const bags = exampleBags(papers, new Uint8Array([0, 0, 0, 1]));
  const of = (term: string) => {
    const t = termIdOf(bags, term);
    return { shown: bags.shownOf(t), joined: bags.joined(t) };
  };
  // Both papers that write "non-uniform" hyphenate it; the shown words stay two.
  expect(of('non uniform')).toEqual({ shown: 'non uniform', joined: true });
  // Two hyphenate "Li2O-rich" and "energy-density", one writes each apart: apart.
  expect(of('li2o rich')).toEqual({ shown: 'Li2O rich', joined: false });
  expect(of('energi densiti').joined).toBe(false);
  // One paper, whose abstract first writes "solid state" apart.
  expect(of('solid state')).toEqual({ shown: 'solid state', joined: false });
  expect(of('uniform').joined).toBe(false);
});

test('a word knows the pair most of its papers write it in', () => {
  const papers = [
    { title: 'Volume Expansion of Silicon', abstract: 'The volume expansion cracks the particles in situ.' },
    { title: 'Anodes', abstract: 'A large volume expansion and in situ polymerization.' },
    { title: 'Cathodes', abstract: 'The cell volume changes; polymerization in situ; thermal stability.' },
    { title: 'Separators', abstract: 'Thermal shrinkage, thermal runaway and in situ polymerization.' },
  ];
  const bags = exampleBags(papers, new Uint8Array(papers.length));
  const pair = (term: string) => bags.commonPair(termIdOf(bags, term));
  // Two of the three papers with "volume" write "volume expansion"; both with "expansion" do.
  expect(pair('volum')).toEqual({ term: 'volum expans', word: 'volume expansion', papers: 2 });
  expect(pair('expans')).toEqual({ term: 'volum expans', word: 'volume expansion', papers: 2 });
  // Shown as a pair is: after its Latin phrase's first word.
  expect(pair('polymeriz')).toEqual({ term: 'situ polymeriz', word: 'in situ polymerization', papers: 2 });
  // Two papers write "thermal", before three words: no pair of it is written by two papers.
  expect(pair('thermal')).toBeUndefined();
  // A pair has none.
  expect(pair('volum expans')).toBeUndefined();
});

test('a word only titles hold in title case is shown in lower case; acronyms, formulas and words abstracts write stay', () => {
  expect(shownAs('Probing', true)).toBe('probing');
  expect(shownAs('Thermal', true)).toBe('thermal');
  expect(shownAs('Probing', false)).toBe('Probing');
  for (const word of ['DFT', 'LiPF6', 'MXene', 'MLIPs', 'Li2ZrCl6']) expect(shownAs(word, true)).toBe(word);
  const bags = exampleBags([{ title: 'Probing the Thermal Stability of Polymerized Electrolytes by DFT', abstract: null }], new Uint8Array([1]));
  const shown = Array.from({ length: bags.size }, (_, t) => bags.wordOf(t));
  expect(shown).toEqual(expect.arrayContaining(['probing', 'thermal stability', 'polymerized electrolytes', 'DFT']));
  // An abstract's sentence-opening "Aqueous", written more often than "aqueous", still shows as "aqueous".
  const opening = exampleBags([
    { title: 'Zinc cells', abstract: 'Aqueous zinc cells are safe. Aqueous electrolytes are cheap. We test aqueous zinc.' },
  ], new Uint8Array([1]));
  expect(Array.from({ length: opening.size }, (_, t) => opening.wordOf(t))).toContain('aqueous');
  // A pair whose abstracts open sentences on it ("Sodium ion" shown mid-sentence in the audit's learned
  // line) is shown in lower case when the papers also write the word so; a name keeps its capital.
  const pairs = exampleBags([
    { title: 'Anodes', abstract: 'Sodium ion cells are cheap. We study sodium metal. Coulombic efficiency stays high.' },
    { title: 'Cathodes', abstract: 'Sodium ion cells age. Coulombic efficiency drops in sodium cells.' },
  ], new Uint8Array([1, 1]));
  const shownPairs = Array.from({ length: pairs.size }, (_, t) => pairs.wordOf(t));
  expect(shownPairs).toContain('sodium ion');
  expect(shownPairs).not.toContain('Sodium ion');
  expect(shownPairs).toContain('Coulombic efficiency');
});

describe('terms learning can never keep', () => {
  const papers = week.slice(0, 600);
  const taught = new Uint8Array(papers.length);
  const all = exampleBags(papers, taught);
  const frequent = (term: string) => !term.includes(' ') && share(term) > 0.05;
  const kept = exampleBags(papers, taught, frequent);

  test('are left out of the bags, and nothing else is: the other terms and pairs keep their papers and weights', () => {
    let left = 0;
    let pairs = 0;
    for (let d = 0; d < papers.length; d++) {
      const before = bagOf(all, d);
      const after = bagOf(kept, d);
      const expected = new Map([...before].filter(([term]) => !frequent(term)));
      expect(after, papers[d]!.id).toEqual(expected);
      left += before.size - after.size;
      pairs += [...after.keys()].filter((t) => t.includes(' ') && t.split(' ').some(frequent)).length;
    }
    // Common words are many of a text's terms; their pairs ("solid electrolyt") stay.
    expect(left).toBeGreaterThan(10_000);
    expect(pairs).toBeGreaterThan(4_000);
  });

  test('are still shown as the papers write them, in the pairs that hold them', () => {
    const ids = (bags: ExampleBags) => new Map([...Array(bags.size).keys()].map((t) => [bags.term(t), t]));
    const before = ids(all);
    const withCommon = [...ids(kept)].filter(([term]) => term.includes(' ') && term.split(' ').some(frequent));
    expect(withCommon.length).toBeGreaterThan(1000);
    for (const [term, t] of withCommon) expect(kept.wordOf(t), term).toBe(all.wordOf(before.get(term) as number));
    expect(kept.wordOf(ids(kept).get('experiment result') as number)).toBe('experimental results');
  });
});

/**
 * The bags as their documentation says, read the plain way (every word a string, every term and pair a
 * Map key): what exampleBags, which reads words as ids and counts pairs by sorting, must give exactly,
 * term ids and their order included.
 */
function plainBags(papers: readonly Pick<Paper, 'title' | 'abstract'>[], taught: Uint8Array, neverLearned?: (term: string) => boolean) {
  const isWord = (term: string) => term.replace(/^#/, '').length >= 3 && !/^\d/.test(term) && !isFunctionTerm(term);
  const noted = (term: string) => isWord(term) && !neverLearned?.(term);
  const spellings = new Map<string, Map<string, number>>();
  // Per pair: per paper, how it writes it (its first occurrence in the abstract, else in the title).
  const pairSpellings = new Map<string, Map<number, { words: string; inTitle: boolean }>>();
  let folded = 0;
  const bags = papers.map((p, d) => {
    const counts = new Map<string, number>();
    const note = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
    const spellPair = (pair: string, words: string, inTitle: boolean) => {
      const byPaper = pairSpellings.get(pair) ?? new Map<number, { words: string; inTitle: boolean }>();
      pairSpellings.set(pair, byPaper);
      const known = byPaper.get(d);
      if (!known || (known.inTitle && !inTitle)) byPaper.set(d, { words, inTitle });
    };
    for (const [text, weight, shown] of [[p.title, 2.5, 0.001], [(p.abstract ?? '').replace(ABSTRACT_HEADING, ''), 1, 1]] as const) {
      const split = splitWords(text);
      const { words } = split;
      const terms = words.map(termOf);
      // What stands between word i - 1 and word i: a pair only within a sentence or clause, and both or
      // neither of its words inside a compound.
      const between = (i: number) => split.text.slice(split.ends[i - 1], split.starts[i]);
      const joined = (i: number) => i > 0 && i < words.length && /^[-\u2010\u2011\u2013]$/.test(between(i));
      const spaced = (i: number) => !/[.;:!?]/.test(between(i));
      for (let i = 0; i < words.length; i++) {
        const term = terms[i]!;
        const spelt = spellings.get(term) ?? new Map<string, number>();
        spellings.set(term, spelt.set(words[i]!, (spelt.get(words[i]!) ?? 0) + shown));
        if (noted(term)) note(term, weight);
        const expansion = expansionsStartingWith(term).find((e) => e.terms.every((t, k) => terms[i + k] === t));
        if (expansion && noted(expansion.acronym)) { note(expansion.acronym, weight); folded++; }
        if (i > 0 && isWord(term) && isWord(terms[i - 1]!) && (joined(i) || (spaced(i) && !joined(i - 1) && !joined(i + 1)))) {
          note(`${terms[i - 1]} ${term}`, weight);
          spellPair(`${terms[i - 1]} ${term}`, `${words[i - 1]} ${words[i]}`, shown < 1);
        }
      }
    }
    return counts;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const ids = new Map<string, number>();
  const kept = bags.map((bag, d) => [...bag].filter(([term]) => df.get(term)! >= 2 || taught[d] === 1).map(([term, count]) => {
    if (!ids.has(term)) ids.set(term, ids.size);
    return [ids.get(term)!, Math.fround(Math.min(1, count / 3))] as const;
  }));
  const shown = (term: string) => {
    const titleCase = (word: string) => Number(/^\p{Lu}\p{Ll}+$/u.test(word));
    const best = [...spellings.get(term) ?? []].sort((a, b) => titleCase(a[0]) - titleCase(b[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (!best) return term.replace(/^#/, '').toUpperCase();
    // Written in titles only, in title case: shown as a sentence writes it.
    return best[1] < 1 && /^\p{Lu}\p{Ll}+$/u.test(best[0]) ? best[0].toLowerCase() : best[0];
  };
  // A pair as most of its papers write it, in title case only when they write it no other way; in
  // titles only, a title-case word in lower case.
  let written: Set<string> | undefined;
  const shownPair = (pair: string) => {
    const votes = new Map<string, { abstracts: number; titles: number }>();
    for (const { words, inTitle } of pairSpellings.get(pair)!.values()) {
      const vote = votes.get(words) ?? { abstracts: 0, titles: 0 };
      votes.set(words, vote);
      if (inTitle) vote.titles++;
      else vote.abstracts++;
    }
    const titleCase = (words: string) => words.split(' ').filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w)).length;
    const [words, best] = [...votes].sort(([a, x], [b, y]) => titleCase(a) - titleCase(b)
      || (y.abstracts + 0.001 * y.titles) - (x.abstracts + 0.001 * x.titles) || (a < b ? -1 : 1))[0]!;
    const [first, second] = words.split(' ') as [string, string];
    // A capital that only opens a sentence: the papers write the word in lower case too.
    written ??= new Set([...spellings.values()].flatMap((spelt) => [...spelt.keys()]));
    const opens = /^\p{Lu}\p{Ll}+$/u.test(first) && !/^\p{Lu}\p{Ll}+$/u.test(second) && written.has(first.toLowerCase());
    return [opens ? first.toLowerCase() : shownAs(first, best.abstracts === 0), shownAs(second, best.abstracts === 0)].join(' ');
  };
  return { terms: [...ids.keys()], kept, wordOf: (term: string) => (term.includes(' ') ? shownPair(term) : shown(term)), folded };
}

describe('the bags of real abstracts', () => {
  // 700 papers of the week, and the week's papers that spell out an acronym of the field.
  const spelt = /density functional theory|graph neural network|machine learning (interatomic )?potential|molecular dynamics/i;
  const papers = [...week.slice(0, 700), ...week.slice(700).filter((p) => spelt.test(`${p.title} ${p.abstract}`))];
  // Every third paper taught some profile: its words of one paper stay; the others are only dismissed.
  const taught = new Uint8Array(papers.length).map((_, d) => (d % 3 === 0 ? 1 : 0));
  const frequent = (term: string) => share(term) > 0.05;
  const cases = [
    { name: 'all words', never: undefined },
    { name: 'without the corpus\'s frequent words', never: frequent },
  ];

  test.each(cases)('are the plain reading\'s, ids, order, weights and spellings: $name', ({ never }) => {
    const bags = exampleBags(papers, taught, never);
    const plain = plainBags(papers, taught, never);
    expect(bags.size).toBe(plain.terms.length);
    expect(Array.from({ length: bags.size }, (_, t) => bags.term(t))).toEqual(plain.terms);
    expect(Array.from({ length: papers.length }, (_, d) => Array.from(bags.terms.subarray(bags.start[d], bags.start[d + 1]), (t, e) =>
      [t, bags.about[(bags.start[d] as number) + e]]))).toEqual(plain.kept);
    expect(Array.from({ length: bags.size }, (_, t) => bags.wordOf(t))).toEqual(plain.terms.map(plain.wordOf));
    // Pairs and folded acronyms are there to be compared.
    expect(plain.terms.filter((t) => t.includes(' ')).length).toBeGreaterThan(5000);
    expect(plain.folded).toBeGreaterThan(20);
  });

  test('a pair is shown as a paper writes it, not as each of its words is most often written alone', () => {
    const bags = exampleBags(papers, taught);
    // Every two words a text writes one after the other, in lower case: what "written so" means for a pair.
    const written = new Set(papers.flatMap((p) => [p.title, p.abstract ?? ''].flatMap((text) => {
      const words = splitWords(text).words.map((w) => w.toLowerCase());
      return words.slice(1).map((w, i) => `${words[i]} ${w}`);
    })));
    const pairs = Array.from({ length: bags.size }, (_, t) => t).filter((t) => bags.term(t).includes(' '));
    expect(pairs.length).toBeGreaterThan(5000);
    expect(pairs.map((t) => bags.wordOf(t)).filter((shown) => !written.has(shown.toLowerCase()))).toEqual([]);
    // Shown as before 6 December 2026, each word at its commonest spelling alone ("reactions pathways"
    // where papers write "reactions" more often than "reaction"), many pairs read as no paper writes them.
    const idOf = new Map(Array.from({ length: bags.size }, (_, t) => [bags.term(t), t]));
    const aloneSpelt = pairs.map((t) => bags.term(t).split(' ').map((term) => idOf.get(term)))
      .filter((ids): ids is number[] => ids.every((id) => id !== undefined)).map((ids) => ids.map((id) => bags.wordOf(id)).join(' '));
    // 4,171 of these 9,866 pairs.
    expect(aloneSpelt.filter((shown) => !written.has(shown.toLowerCase())).length).toBeGreaterThan(aloneSpelt.length / 3);
  });

  test('a pair of one paper only is kept for a taught paper, and left out for any other', () => {
    const bags = exampleBags(papers, taught);
    const papersOf = new Map<string, number[]>();
    for (let d = 0; d < papers.length; d++) {
      for (let e = bags.start[d] as number; e < (bags.start[d + 1] as number); e++) {
        const term = bags.term(bags.terms[e] as number);
        papersOf.set(term, [...papersOf.get(term) ?? [], d]);
      }
    }
    const ofOne = [...papersOf].filter(([term, ds]) => term.includes(' ') && ds.length === 1);
    expect(ofOne.length).toBeGreaterThan(1000);
    expect(ofOne.filter(([, ds]) => taught[ds[0]!] !== 1)).toEqual([]);
    // The same papers, none taught: every pair kept is in two papers or more.
    const none = exampleBags(papers, new Uint8Array(papers.length));
    const df = new Map<number, number>();
    for (const t of none.terms) df.set(t, (df.get(t) ?? 0) + 1);
    expect([...df.values()].filter((n) => n < 2)).toEqual([]);
    expect(none.size).toBeLessThan(bags.size - 1000);
  });
});

describe('PairCounts', () => {
  // Papers as lists of (first, second, weight) occurrences; some papers long enough to widen the paper's table.
  const paper = fc.array(fc.tuple(fc.nat(300), fc.nat(300), fc.constantFrom(2, 5)), { maxLength: 40 });
  const long = fc.array(fc.tuple(fc.nat(2000), fc.nat(2000), fc.constantFrom(2, 5)), { minLength: 600, maxLength: 1200 });
  fcTest.prop([fc.array(fc.oneof({ weight: 9, arbitrary: paper }, { weight: 1, arbitrary: long }), { maxLength: 30 })])(
    'counts each paper\'s distinct pairs once, with their summed weights, and groups them by how many papers write them',
    (papers) => {
      const counts = new PairCounts(0);
      const expected: { pair: string; weight: number; paper: number }[] = [];
      papers.forEach((occurrences, d) => {
        counts.begin();
        const mine = new Map<string, number>();
        for (const [a, b, weight] of occurrences) {
          const key = `${a} ${b}`;
          const index = counts.add(a, b, weight, a, b, false);
          const known = mine.get(key);
          if (known === undefined) {
            expect(index).toBe(expected.length);
            mine.set(key, index);
            expected.push({ pair: key, weight, paper: d });
          } else {
            expect(index).toBe(-1);
            expected[known]!.weight += weight;
          }
        }
      });
      expect(counts.size).toBe(expected.length);
      expect(Array.from(counts.weights.subarray(0, counts.size))).toEqual(expected.map((e) => e.weight));
      const papersOf = new Map<string, number>();
      for (const e of expected) papersOf.set(e.pair, (papersOf.get(e.pair) ?? 0) + 1);
      const groups = counts.group(2001);
      const groupOf = (i: number) => (groups.of[i]! >= 0 ? groups.of[i]! : -2 - groups.of[i]!);
      expected.forEach((e, i) => {
        expect(`${groups.firsts[groupOf(i)]} ${groups.seconds[groupOf(i)]}`).toBe(e.pair);
        expect(groups.of[i]! >= 0).toBe(papersOf.get(e.pair)! >= 2);
      });
      // One group per distinct pair.
      expect(groups.count).toBe(papersOf.size);
      expect(new Set(expected.map((_, i) => groupOf(i))).size).toBe(papersOf.size);
    },
  );
});
