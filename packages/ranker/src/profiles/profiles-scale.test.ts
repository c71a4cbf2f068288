// Profile compilation is linear in the keywords (issue 17: 30,000 keywords took 38 s when every
// keyword was compared with every other). `pnpm bench profiles` prints the time for 30,000.
import { parseGroupConfig } from '@labdigest/core';
import { readDefaultConfigText } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { compileProfiles, containment } from './profiles.ts';

/** The definition: positions of the other keys holding this one as a run of whole terms. */
const naive = (keys: readonly string[]) =>
  keys.map((key, k) => keys.flatMap((other, j) => (j !== k && ` ${other} `.includes(` ${key} `) && other !== key ? [j] : [])));

test('containment agrees with its definition on the default config\'s keywords', () => {
  const parsed = parseGroupConfig(readDefaultConfigText());
  if (!parsed.ok) throw new Error('digest.config.yaml is invalid');
  const lexicon = compileProfiles(parsed.config.areas.map((a) => ({ id: a.id, kind: 'area' as const, keywords: a.keywords })));
  for (const profile of lexicon.profiles) {
    const keys = profile.features.map((f) => lexicon.features[f]?.key ?? '');
    expect(profile.containedIn).toEqual(naive(keys));
  }
  expect(lexicon.profiles.flatMap((p) => p.containedIn.flat()).length).toBeGreaterThan(5);
});

test('a compiled profile\'s keywords inside its longer ones, found from each feature\'s runs, are what containment finds in its keys', () => {
  const parsed = parseGroupConfig(readDefaultConfigText());
  if (!parsed.ok) throw new Error('digest.config.yaml is invalid');
  const { config } = parsed;
  // Areas, members and focus share features; a keyword written twice ("ion transport ion") and runs that are other profiles' keywords.
  const lexicon = compileProfiles([
    ...config.areas.map((a) => ({ id: a.id, kind: 'area' as const, keywords: a.keywords, exclude: a.exclude, require: a.require })),
    ...config.members.map((m) => ({ id: m.name, kind: 'member' as const, keywords: m.interests })),
    { id: 'extra', kind: 'area' as const, keywords: ['ion', 'ion transport ion', 'transport', 'fast ion transport', 'ion transport', 'interface']
      .map((term) => ({ term, weight: 1 })), learned: [{ term: 'solid electrolyte interphase', weight: 0.5, coord: 0.3 }] },
  ]);
  let nested = 0;
  for (const profile of lexicon.profiles) {
    const keys = profile.features.map((f) => lexicon.features[f]?.key ?? '');
    expect(profile.containedIn).toEqual(containment(keys));
    nested += profile.containedIn.filter((list) => list.length > 0).length;
  }
  expect(lexicon.profiles.at(-1)?.containedIn.slice(0, 5)).toEqual([[1, 3, 4], [], [1, 3, 4], [], [1, 3]]);
  expect(nested).toBeGreaterThan(10);
});

test('a run found twice in one key counts once, and every run, not only prefixes, is found', () => {
  expect(containment(['ion', 'ion transport ion', 'transport', 'fast ion transport', 'ion transport'])).toEqual([[1, 3, 4], [], [1, 3, 4], [], [1, 3]]);
});

test('200,000 keys: each word is found in exactly the pairs that hold it (compared pairwise, this would take hours)', () => {
  const words = Array.from({ length: 1000 }, (_, i) => `w${i}`);
  const keys = [...words];
  const pairsOf: number[][] = words.map(() => []);
  for (let a = 0; keys.length < 200_000; a++) {
    const b = (a * 7 + 1 + Math.floor(a / words.length)) % words.length;
    if (b === a % words.length) continue;
    pairsOf[a % words.length]?.push(keys.length);
    pairsOf[b]?.push(keys.length);
    keys.push(`${words[a % words.length]} ${words[b]}`);
  }
  const found = containment(keys);
  expect(found.slice(0, words.length)).toEqual(pairsOf.map((list) => [...new Set(list)].sort((x, y) => x - y)));
  expect(found.slice(words.length).every((list) => list.length === 0)).toBe(true);
});
