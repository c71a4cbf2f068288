import { fc, test as fcTest } from '@fast-check/vitest';
import { parseGroupConfig, type GroupConfig } from '@labdigest/core';
import { readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { createAnalyzer } from './analyze.ts';
import { compileProfiles } from './profiles.ts';

const parsed = parseGroupConfig(readDefaultConfigText());
if (!parsed.ok) throw new Error('default config invalid');
const config: GroupConfig = parsed.config;
const lexicon = compileProfiles([
  ...config.areas.map((a) => ({ id: a.id, kind: 'area' as const, keywords: a.keywords, exclude: a.exclude, require: a.require })),
  ...config.members.map((m) => ({ id: m.name, kind: 'member' as const, keywords: m.interests })),
]);

const spanning = createAnalyzer(lexicon);
const counting = createAnalyzer(lexicon);

/** Feature ids of a text by the span-keeping path (`matches`), one per occurrence, sorted. */
function viaMatches(text: string): number[] {
  return spanning.matches(text).matches.map((m) => m.feature).sort((a, b) => a - b);
}

/** The same by the fast counting path (`features`). */
function viaFeatures(text: string): number[] {
  const f = counting.features({ title: text });
  return f.ids.flatMap((id, i) => Array<number>(f.inTitle[i] ?? 0).fill(id)).sort((a, b) => a - b);
}

// The fast path skips words that cannot begin a lexicon term without stemming them; it must find
// exactly what the full lookup finds. Checked on every title and abstract of two real slices.
const texts = [...readFixtureRecords('papers/corpus-slice.jsonl'), ...readFixtureRecords('papers/sample-week.jsonl.gz')]
  .flatMap((r) => [String(r.title), String(r.abstract ?? '')]);

test('the fast path finds what the full lookup finds, on 4,000 real texts', () => {
  expect(texts.length).toBeGreaterThan(4000);
  const mismatched = texts.filter((t) => JSON.stringify(viaFeatures(t)) !== JSON.stringify(viaMatches(t)));
  expect(mismatched.slice(0, 3)).toEqual([]);
});

const vocabulary = ['polymer', 'electrolytes', 'SEI', 'solid', 'interphase', 'phase-field', 'dendritic', 'Li$_3$InCl$_6$',
  'Li 3 InCl 6', 'batteries', 'plating', 'stability', 'MLIPs', 'the', 'of', 'PEO', 'poly(ethylene', 'oxide)', 'Na', '3'];
fcTest.prop([fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 })])('and on random mixes of keyword words', (words) => {
  const text = words.join(' ');
  expect(viaFeatures(text)).toEqual(viaMatches(text));
});

test('counts title and abstract apart, and the length of both', () => {
  const f = createAnalyzer(lexicon).features({ title: 'Solid polymer electrolytes', abstract: 'A polymer electrolyte with PEO.' });
  const polymerElectrolyte = lexicon.features.find((x) => x.key === 'polym electrolyt')!.id;
  const at = f.ids.indexOf(polymerElectrolyte);
  expect([f.inTitle[at], f.inAbstract[at], f.length]).toEqual([1, 1, 8]);
});
