import { readFileSync, writeFileSync } from 'node:fs';
import type { Digest } from '@labdigest/core';
import { fixturePath } from '@labdigest/fixtures';
import type { FeedbackExample, RankedPaper } from '@labdigest/ranker';
import { afterAll, expect, test } from 'vitest';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';

// digest rank and explain learn from the store's signals; --no-learning and a missing default store do not.
const CONFIG = fixturePath('../digest.config.yaml');
const SLICE = fixturePath('papers/corpus-slice.jsonl');
const dir = tempDir();
afterAll(() => dir.remove());
const db = inDir(dir.path, 'store.sqlite');
const ranked = (out: string) => new Map((JSON.parse(out) as { papers: RankedPaper[] }).papers.map((p) => [p.id, p]));

test('a star moves its paper and those like it; --no-learning ranks as if nothing was taught', async () => {
  expect((await runCli('import', SLICE, '--db', db)).code).toBe(0);
  const signals = inDir(dir.path, 'signals.jsonl');
  writeFileSync(signals, '{"paper":"arxiv:2512.03974","signal":"star","member":"Yanhao Deng","area":"mlip-interfaces","at":"2026-11-12T09:15:02Z"}\n');
  expect((await runCli('feedback', 'import', signals, '--config', CONFIG, '--db', db)).code).toBe(0);

  const keywordsOnly = await runCli('rank', '--papers', SLICE, '--config', CONFIG, '--db', inDir(dir.path, 'absent.sqlite'), '--no-learning');
  const taught = await runCli('rank', '--papers', SLICE, '--config', CONFIG, '--db', db);
  const untaught = await runCli('rank', '--papers', SLICE, '--config', CONFIG, '--db', db, '--no-learning');
  expect(taught.err).toBe('learned from 1 signal of the group; --no-learning ranks by the keywords alone\n');
  expect(untaught).toEqual({ ...keywordsOnly, out: keywordsOnly.out });
  expect(untaught.err).toBe('');

  const before = ranked(untaught.out).get('arxiv:2512.03974')!;
  const after = ranked(taught.out).get('arxiv:2512.03974')!;
  expect(after.scores['mlip-interfaces']).toBeGreaterThan(before.scores['mlip-interfaces']!);
  // Learning moves things gently: every paper of the section before is still in it.
  const section = (out: string) => [...ranked(out).values()].filter((p) => p.section === 'mlip-interfaces').map((p) => p.id);
  expect(section(taught.out)).toEqual(expect.arrayContaining(section(untaught.out)));
});

test('a store named with --db must exist; the default one may not yet', async () => {
  const missing = inDir(dir.path, 'nowhere.sqlite');
  const { code, err } = await runCli('rank', '--papers', SLICE, '--config', CONFIG, '--db', missing);
  expect(code).toBe(1);
  expect(err).toBe(`digest: ${missing}: no paper store here yet: run \`digest fetch\` or \`digest import FILE\` first, or pass --db PATH\n`);
});

test('explain shows the learned part apart: rows learned from the group, a fractional coord, the note\'s "Like …"', async () => {
  const { code, out, err } = await runCli('explain', 'arxiv:2512.03974', '--papers', SLICE, '--config', CONFIG, '--db', db);
  expect(code).toBe(0);
  expect(err).toBe('learned from 1 signal of the group; --no-learning ranks by the keywords alone\n');
  const mlip = out.slice(out.indexOf('ML Interatomic Potentials & Interface Simulations (mlip-interfaces)'), out.indexOf('Polymer Electrolytes (polymer-electrolytes)'));
  expect(mlip).toMatch(/ {2}\(learned from the group\)\n/);
  expect(mlip).toMatch(/\n {2}sum [\d.]+ × coord \d+\.\d\d\/\d+\.\d\d = raw [\d.]+ → relevance [\d.]+\n/);
  // And what learning did to the score: the keywords' relevance alone, which --no-learning shows.
  const [, taughtScore, alone, added] = /relevance ([\d.]+)\n {2}without the learned words: relevance ([\d.]+) \(learning added ([\d.]+)\)\n/.exec(mlip) ?? [];
  expect(Number(added)).toBeCloseTo(Number(taughtScore) - Number(alone), 2);
  const untaught = await runCli('explain', 'arxiv:2512.03974', '--papers', SLICE, '--config', CONFIG, '--db', db, '--no-learning');
  expect(untaught.out).not.toContain('(learned from the group)');
  expect(untaught.out).not.toContain('without the learned words');
  const untaughtMlip = untaught.out.slice(untaught.out.indexOf('(mlip-interfaces)'), untaught.out.indexOf('(polymer-electrolytes)'));
  expect(untaughtMlip).toContain(`→ relevance ${alone}\n`);
});

test('digest build: a taught area\'s section and a taught member say what they learned; --no-learning builds without it', async () => {
  const build = async (name: string, ...extra: string[]) => {
    const digests = inDir(dir.path, name);
    const { code } = await runCli('build', '--config', CONFIG, '--db', db, '--digests', digests, ...extra);
    expect(code).toBe(0);
    return JSON.parse(readFileSync(inDir(digests, 'latest.json'), 'utf8')) as Digest;
  };
  const taught = await build('taught');
  const mlip = taught.sections.find((s) => s.id === 'mlip-interfaces')!;
  expect(mlip.learned).toMatchObject({ positives: 1, negatives: 0, signals: { star: 1, nominate: 0, read: 0, dismiss: 0 } });
  expect(mlip.learned!.words.length).toBeGreaterThan(0);
  expect(mlip.learned!.words.every((w) => w.weight > 0 && w.word.length > 0)).toBe(true);
  expect(taught.sections.filter((s) => s.learned).map((s) => s.id)).toEqual(['mlip-interfaces']);
  // Yanhao Deng starred it: his profile says so too.
  expect(taught.members.filter((m) => m.learned).map((m) => [m.name, m.learned!.positives])).toEqual([['Yanhao Deng', 1]]);
  const untaught = await build('untaught', '--no-learning');
  expect(untaught.sections.filter((s) => s.learned)).toEqual([]);
  expect(untaught.members.filter((m) => m.learned)).toEqual([]);
});

test('explain ranks a paper of an archived digest with the signals given by its build, not those given since', async () => {
  const digests = inDir(dir.path, 'taught'); // built above with the one star
  const archived = JSON.parse(readFileSync(inDir(digests, 'latest.json'), 'utf8')) as Digest;
  const entry = archived.sections.flatMap((s) => s.papers).find((p) => p.id === 'arxiv:2512.03974')!;
  // A dismissal given after the build (no time: the import's).
  const later = inDir(dir.path, 'later.jsonl');
  writeFileSync(later, '{"paper":"arxiv:2512.03974","signal":"dismiss","member":"Yanhao Deng","area":"mlip-interfaces"}\n');
  expect((await runCli('feedback', 'import', later, '--config', CONFIG, '--db', db)).code).toBe(0);
  const { code, out, err } = await runCli('explain', 'arxiv:2512.03974', '--config', CONFIG, '--db', db, '--digests', digests);
  expect(code).toBe(0);
  expect(err).toBe('learned from 1 signal of the group, as the digest was built: 1 given since is left out; --no-learning ranks by the keywords alone\n');
  expect(out).toContain(`score ${entry.score.toFixed(2)}`);
  expect(out).toContain('Ranked with the digest of');
});

test('the learning line counts the signals and those still waiting for their papers, in good English', async () => {
  const { learningLine } = await import('./store-learning.ts');
  const paper = { id: 'arxiv:2512.03974', title: 'T', abstract: null } as FeedbackExample['paper'];
  const examples = (n: number): FeedbackExample[] => Array.from({ length: n }, () => ({ paper, signal: 'star' as const }));
  const none = { members: new Map<string, number>(), areas: new Map<string, number>() };
  const line = (n: number, waiting: number) => learningLine({ examples: examples(n), waiting, unknown: 0, forgotten: 0, missing: none });
  expect(line(12, 1)).toBe('learned from 12 signals of the group (1 more waits for its paper); --no-learning ranks by the keywords alone\n');
  expect(line(1, 3)).toBe('learned from 1 signal of the group (3 more wait for their papers); --no-learning ranks by the keywords alone\n');
  expect(line(0, 0)).toBe('');
  expect(learningLine(undefined)).toBe('');
  // Names the config no longer has are named, with what to do, even when they left nothing to learn from.
  const missing = { members: new Map([['Naibing Wu', 2]]), areas: new Map([['polymer-electrolytes', 3]]) };
  expect(learningLine({ examples: [], waiting: 0, unknown: 1, forgotten: 0, missing })).toBe(
    'note: 3 signals name area "polymer-electrolytes" and 2 name member "Naibing Wu", which the config no longer has: '
    + 'each still teaches its other side, and 1 with neither teaches nothing. If one was renamed, list the old name under its '
    + '`formerly:` (docs/config.md)\n');
});
