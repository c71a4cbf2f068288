import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fc, test as fcTest } from '@fast-check/vitest';
import { paperSchema, type Paper } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseBackgroundStats } from './background.ts';
import { exampleBags, type ExampleBags } from './example-bags.ts';
import { PairTable } from './pair-table.ts';

// The bundled sample week (1,755 real papers) and the shipped corpus statistics.
const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
const background = parseBackgroundStats(gunzipSync(readFileSync(new URL('../background/corpus-stats.json.gz', import.meta.url))).toString('utf8'));
const share = (term: string) => (background.df.get(term) ?? 0) / background.documents;

/** Paper d's terms, by name, with how much it is about each. */
function bagOf(bags: ExampleBags, d: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let e = bags.start[d] as number; e < (bags.start[d + 1] as number); e++) out.set(bags.term(bags.terms[e] as number), bags.about[e] as number);
  return out;
}

describe('terms learning can never keep', () => {
  const papers = week.slice(0, 600);
  const lone = new Uint8Array(papers.length);
  const all = exampleBags(papers, lone);
  const frequent = (term: string) => !term.includes(' ') && share(term) > 0.05;
  const kept = exampleBags(papers, lone, frequent);

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
    expect(pairs).toBeGreaterThan(5_000);
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

describe('PairTable', () => {
  fcTest.prop([fc.array(fc.tuple(fc.nat(70_000), fc.nat(70_000)), { maxLength: 3000 })])(
    'numbers each distinct pair once, in the order first seen, past any growth (0 included)',
    (pairs) => {
      const table = new PairTable(0);
      const seen = new Map<string, number>();
      for (const [a, b] of [...pairs, [0, 0] as [number, number], ...pairs]) {
        const key = `${a},${b}`;
        const expected = seen.get(key) ?? seen.size;
        expect(table.idOf(a, b, seen.size)).toBe(expected);
        if (!seen.has(key)) seen.set(key, expected);
      }
    },
  );
});
