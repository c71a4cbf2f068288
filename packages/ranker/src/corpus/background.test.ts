import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { DocumentFrequencies, buildBackgroundStats, parseBackgroundStats, serializeBackgroundStats } from './background.ts';

const shippedText = gunzipSync(readFileSync(new URL('../../background/corpus-stats.json.gz', import.meta.url))).toString('utf8');

describe('document frequencies', () => {
  test('counted over title and abstract, once a paper, acronyms folded, in code-unit order', () => {
    const stats = buildBackgroundStats([
      { title: 'Solid electrolytes', abstract: 'Solid electrolytes for batteries.' },
      { title: 'Solid polymer electrolytes', abstract: null },
    ], { source: 'two titles', minDf: 1 });
    expect([...stats.df.entries()]).toEqual([
      ['#spe', 1], ['batteri', 1], ['electrolyt', 2], ['electrolyt for', 1], ['electrolyt for batteri', 1], ['for', 1],
      ['for batteri', 1], ['polym', 1], ['polym electrolyt', 1], ['solid', 2], ['solid electrolyt', 1], ['solid electrolyt for', 1],
      ['solid polym', 1], ['solid polym electrolyt', 1],
    ]);
    expect(stats.df.size).toBe(14);
  });

  test('an n-gram not kept, or a name every JavaScript object has, is undefined', () => {
    const df = DocumentFrequencies.of([['solid', 2], ['electrolyt', 5], ['solid electrolyt', 1]]);
    expect(['electrolyt', 'solid', 'solid electrolyt', 'solid electrolytes', 'soli', '', 'constructor', 'toString', '__proto__'].map((g) => df.get(g)))
      .toEqual([5, 2, 1, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  test('every n-gram of a large table is found by hash (open addressing, probes past collisions)', () => {
    const entries = Array.from({ length: 50_000 }, (_, i): [string, number] => [`term ${i.toString(36)}`, i + 1]);
    const df = DocumentFrequencies.of(entries);
    expect(entries.filter(([gram, count]) => df.get(gram) !== count)).toEqual([]);
    expect(df.get('term')).toBeUndefined();
  });

  test('the n-grams more than a count of papers hold, in order', () => {
    const df = DocumentFrequencies.of([['solid', 2], ['electrolyt', 5], ['solid electrolyt', 1], ['batteri', 3]]);
    expect(df.above(2)).toEqual(['batteri', 'electrolyt']);
    expect(df.above(0)).toEqual(['batteri', 'electrolyt', 'solid', 'solid electrolyt']);
    expect(df.above(5)).toEqual([]);
  });

  test('the stored form reads back the same n-grams and counts', () => {
    const df = DocumentFrequencies.of([['b', 3], ['a b', 7], ['α-li3ps4', 4]]);
    const stored = df.toStored();
    expect(stored).toEqual({ grams: 'a b\nb\nα-li3ps4\n', counts: '7,3,4' });
    expect([...DocumentFrequencies.read(stored.grams, stored.counts).entries()]).toEqual([['a b', 7], ['b', 3], ['α-li3ps4', 4]]);
    expect(DocumentFrequencies.read('', '').size).toBe(0);
  });

  test('counts that do not match the n-grams are an error that says so', () => {
    expect(() => DocumentFrequencies.read('a\nb\n', '1')).toThrow('document frequencies: 1 counts for 2 n-grams');
    expect(() => DocumentFrequencies.read('a\n', '1,2')).toThrow('document frequencies: count 2 of 1 is missing or not a number');
    expect(() => DocumentFrequencies.read('a\nb\n', '1,x')).toThrow('document frequencies: count 2 holds "x"');
  });
});

describe('the shipped corpus statistics', () => {
  test('read: 21,872 papers, 345,123 n-grams, the feedback corpus beside them', () => {
    const stats = parseBackgroundStats(shippedText);
    expect({ ...stats, df: stats.df.size, feedback: stats.feedback?.terms.length }).toEqual({
      version: 2, source: 'shared/data/corpus/papers.jsonl', documents: 21872, averageLength: 186.75905267008048, maxN: 3, minDf: 3,
      df: 345123, feedback: 13795,
    });
    expect(['dendrit', 'solid electrolyt interphas', '#sei', 'li6ps5cl', 'machin learn interatom', 'rare words never kept'].map((g) => stats.df.get(g)))
      .toEqual([870, 387, 536, 42, 52, undefined]);
  });

  test('written and read again, the same', () => {
    const stats = parseBackgroundStats(shippedText);
    expect(serializeBackgroundStats(stats)).toBe(JSON.stringify(JSON.parse(shippedText)));
  });

  test('a file of another version or shape says what is wrong', () => {
    expect(() => parseBackgroundStats('{"version":1,"df":{}}'))
      .toThrow('corpus statistics of version 1; this labdigest reads version 2 (rebuild them with scripts/build-background.ts)');
    expect(() => parseBackgroundStats('{"version":2,"documents":3}')).toThrow('corpus statistics without dfGrams and dfCounts');
  });
});
