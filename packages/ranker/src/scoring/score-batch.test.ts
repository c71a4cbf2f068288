import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseGroupConfig, paperSchema, type GroupConfig, type Paper } from '@labdigest/core';
import { readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { createAnalyzer } from '../scan/analyze.ts';
import { groupAuthorMatcher } from './authors.ts';
import { parseBackgroundStats } from '../corpus/background.ts';
import { collectStats, idfOf } from '../corpus/idf.ts';
import type { FeedbackExample } from '../learning/learning-types.ts';
import { createRanker } from '../rank.ts';
import { exclusionOf, leadRelevance, scoreProfile, unmetOf, type ScoreParams } from './score.ts';
import { Presence, relevanceAt, scoreBatch, touchersOf } from './score-batch.ts';

// The bundled sample week (1,755 real papers) and the default config, with learned words (some
// weighing against) so that every kind of keyword is scored.
const week: Paper[] = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));
const parsed = parseGroupConfig(readDefaultConfigText());
if (!parsed.ok) throw new Error('digest.config.yaml does not parse');
const background = parseBackgroundStats(gunzipSync(readFileSync(new URL('../../background/corpus-stats.json.gz', import.meta.url))).toString('utf8'));

/** Copies of the default config's areas and members, renamed apart: a department. */
function department(config: GroupConfig, count = 2): GroupConfig {
  const copies = Array.from({ length: count }, (_, c) => c);
  return {
    ...config,
    areas: copies.flatMap((c) => config.areas.map((a) => ({ ...a, id: `${a.id}-${c}` }))),
    members: copies.flatMap((c) => config.members.map((m) => ({ ...m, name: `${m.name} ${c}`, areas: m.areas.map((a) => `${a}-${c}`) }))),
  };
}

const config = department(parsed.config);
// Every 40th paper starred in the area it is filed under by the plain ranking, every 40th (offset) dismissed.
const plain = createRanker(config, { background }).rank(week, { background }).papers;
const byId = new Map(week.map((p) => [p.id, p]));
const feedback: FeedbackExample[] = plain.flatMap((r, i): FeedbackExample[] => {
  const area = r.section ?? config.areas[i % config.areas.length]!.id;
  if (i % 40 === 0) return [{ paper: byId.get(r.id)!, signal: 'star', area }];
  if (i % 40 === 20) return [{ paper: byId.get(r.id)!, signal: 'dismiss', area }];
  return [];
});

test('the sparse batch scores are what each profile scores alone, to the last bit', () => {
  const { lexicon } = createRanker(config, { background, feedback });
  expect(lexicon.profiles.some((p) => p.weights.some((w, k) => w < 0 && p.learned[k] === 1))).toBe(true);
  const analyzer = createAnalyzer(lexicon);
  const features = week.map((p) => analyzer.features(p));
  const params: ScoreParams = { idf: idfOf(collectStats(lexicon, features)), averageLength: 150, titleWeight: config.ranking.titleWeight };
  const followed = groupAuthorMatcher(config.members.map((m) => m.authors));
  const scores = scoreBatch(config, lexicon, followed, week, features, params);
  const areas = config.areas.length;
  const wrong: string[] = [];
  let nonzero = 0;
  let limited = 0;
  let leads = 0;
  week.forEach((paper, i) => {
    const found = followed(paper.authors);
    for (let k = 0; k < areas + config.members.length; k++) {
      const alone = scoreProfile(lexicon.profiles[k]!, features[i]!, params);
      const floor = k >= areas && found && found[k - areas]!.length > 0 ? 0.9 : 0;
      const expected = Math.max(alone.relevance, floor);
      const batch = relevanceAt(scores, i, k);
      if (batch !== expected) wrong.push(`${paper.id} ${lexicon.profiles[k]!.id}: ${batch} against ${expected}`);
      if (expected > 0) nonzero++;
      if (k >= areas) continue;
      // The lead's relevance, gathered for all areas at once, is score.ts's to the last bit too.
      const lead = leadRelevance(lexicon.profiles[k]!, features[i]!, params);
      if (scores.lead(i, k) !== lead) wrong.push(`${paper.id} ${lexicon.profiles[k]!.id}: lead ${scores.lead(i, k)} against ${lead}`);
      if (lead > 0) leads++;
      // The areas the paper touches keep their exclusion and unmet list; the others have none to say.
      const touched = features[i]!.ids.some((f) => lexicon.profiles[k]!.touches[f] === 1);
      const entry = [...scores.limitArea.subarray(scores.limitStart[i], scores.limitStart[i + 1])].indexOf(k);
      const kept = entry < 0 ? [-1, -1] : [scores.excludedBy[scores.limitStart[i]! + entry], scores.unmet[scores.limitStart[i]! + entry]];
      const want = touched ? [alone.excludedBy, alone.unmet] : [-1, -1];
      if (kept.join() !== want.join()) wrong.push(`${paper.id} ${lexicon.profiles[k]!.id}: limits ${kept.join()} against ${want.join()}`);
      if (want[0]! >= 0 || want[1]! >= 0) limited++;
    }
  });
  expect(wrong).toEqual([]);
  // The batch holds exactly the scores above 0.
  expect(scores.profile.length).toBe(nonzero);
  expect(scores.limitArea.length).toBe(limited);
  expect(nonzero).toBeGreaterThan(500);
  expect(limited).toBeGreaterThan(100);
  expect(leads).toBeGreaterThan(100);
});

test('a batch that leaves members\' low scores out gives each paper\'s every score again, the same numbers', () => {
  const { lexicon } = createRanker(config, { background, feedback });
  const analyzer = createAnalyzer(lexicon);
  const features = week.map((p) => analyzer.features(p));
  const params: ScoreParams = { idf: idfOf(collectStats(lexicon, features)), averageLength: 150, titleWeight: config.ranking.titleWeight };
  const followed = groupAuthorMatcher(config.members.map((m) => m.authors));
  const full = scoreBatch(config, lexicon, followed, week, features, params);
  const floor = config.ranking.memberThreshold;
  const partial = scoreBatch(config, lexicon, followed, week, features, params, { memberFloor: floor });
  expect([full.partial, partial.partial]).toEqual([false, true]);
  const entriesOf = (scores: typeof full, i: number) => [...scores.profile.subarray(scores.start[i], scores.start[i + 1])]
    .map((k, e) => `${k}:${scores.relevance[scores.start[i]! + e]}`);
  const limitsOf = (scores: typeof full, i: number) => [...scores.limitArea.subarray(scores.limitStart[i], scores.limitStart[i + 1])]
    .map((a, e) => `${a}:${scores.excludedBy[scores.limitStart[i]! + e]}:${scores.unmet[scores.limitStart[i]! + e]}`);
  const wrong: string[] = [];
  let left = 0;
  week.forEach((paper, i) => {
    const all = entriesOf(full, i);
    // Kept: every area's score, and members' from the floor on.
    const kept = all.filter((entry) => { const [k, v] = entry.split(':').map(Number); return k! < config.areas.length || v! >= floor; });
    if (entriesOf(partial, i).join() !== kept.join()) wrong.push(`${paper.id}: kept ${entriesOf(partial, i).join()}`);
    left += all.length - kept.length;
    // Its limits are the exclusions alone: unmet lists are said by left-out notes, which complete the paper.
    const exclusions = limitsOf(full, i).filter((limit) => Number(limit.split(':')[1]) >= 0).map((limit) => limit.replace(/:[-\d]+$/, ':-1'));
    if (limitsOf(partial, i).join() !== exclusions.join()) wrong.push(`${paper.id}: limits ${limitsOf(partial, i).join()} against ${exclusions.join()}`);
    const { scores, paper: at } = partial.complete(i);
    if (entriesOf(scores, at).join() !== all.join() || limitsOf(scores, at).join() !== limitsOf(full, i).join()) wrong.push(`${paper.id}: complete differs`);
    expect(full.complete(i)).toEqual({ scores: full, paper: i });
  });
  expect(wrong).toEqual([]);
  expect(left).toBeGreaterThan(100);
});

test('a ranked paper\'s score records list every area and member, made from the sparse scores when read', () => {
  const ranked = createRanker(config, { background, feedback }).rank(week, { background }).papers;
  const someScore = ranked.find((r) => r.section !== null)!;
  expect(Object.keys(someScore.scores)).toEqual(config.areas.map((a) => a.id));
  expect(Object.keys(someScore.memberScores)).toEqual(config.members.map((m) => m.name));
  expect(someScore.scores[someScore.section!]).toBe(someScore.score);
  // JSON carries them as plain fields, in their place.
  const json = JSON.parse(JSON.stringify(someScore)) as Record<string, unknown>;
  expect(Object.keys(json).slice(0, 6)).toEqual(['id', 'title', 'section', 'score', 'scores', 'memberScores']);
  expect(json.scores).toEqual(someScore.scores);
});

test('a department\'s records, made when read, hold every copy\'s scores as the trace gives them', () => {
  // 11 copies of the default config's 4 areas and 2 members: past 64 profiles, records are made when read.
  const big = department(parsed.config, 11);
  const ranker = createRanker(big, { background });
  const ranked = ranker.rank(week, { background }).papers;
  const wrong: string[] = [];
  let traced = 0;
  for (const r of ranked) {
    const json = JSON.parse(JSON.stringify(r)) as { scores: Record<string, number>; memberScores: Record<string, number> };
    expect(Object.keys(json.scores)).toEqual(big.areas.map((a) => a.id));
    // The copies are the same group: each copy's score is copy 0's.
    for (let c = 1; c < 11; c++) {
      for (const a of parsed.config.areas) if (json.scores[`${a.id}-${c}`] !== json.scores[`${a.id}-0`]) wrong.push(`${r.id} ${a.id}-${c}`);
      for (const m of parsed.config.members) if (json.memberScores[`${m.name} ${c}`] !== json.memberScores[`${m.name} 0`]) wrong.push(`${r.id} ${m.name} ${c}`);
    }
    if (r.section === null || traced >= 20) continue;
    traced++;
    const trace = ranker.trace(week, byId.get(r.id)!, { background });
    trace.profiles.slice(0, big.areas.length).forEach((p) => {
      if (Math.abs(p.relevance - json.scores[p.id]!) > 5.1e-5) wrong.push(`${r.id} ${p.id}: ${json.scores[p.id]} against the trace's ${p.relevance}`);
    });
  }
  expect(wrong).toEqual([]);
  expect(traced).toBe(20);
});

test('a department\'s members and notes, worked out when read, are those its scores name, and read the same twice', () => {
  const big = department(parsed.config, 11);
  const ranked = createRanker(big, { background }).rank(week, { background }).papers;
  const threshold = big.ranking.memberThreshold;
  const included = ranked.filter((r) => r.section !== null);
  expect(included.length).toBeGreaterThan(20);
  const wrong: string[] = [];
  let named = 0;
  for (const r of included) {
    const json = JSON.parse(JSON.stringify(r)) as {
      members: { name: string; score: number }[]; memberScores: Record<string, number>; note: string; matchedTerms: { forms: string[] }[];
    };
    // Named: every member past the threshold (or following an author), best first; each with its score.
    const past = Object.entries(json.memberScores).filter(([, s]) => s >= threshold).map(([name]) => name).sort();
    const listed = json.members.map((m) => m.name);
    if (past.length > 0 && listed.slice().sort().join('|') !== past.join('|')) wrong.push(`${r.id}: ${listed.join(', ')} against ${past.join(', ')}`);
    for (const m of json.members) if (m.score !== json.memberScores[m.name]) wrong.push(`${r.id} ${m.name}: ${m.score} against ${json.memberScores[m.name]}`);
    if (json.members.some((m, k) => k > 0 && m.score > json.members[k - 1]!.score)) wrong.push(`${r.id}: not best first`);
    if (JSON.stringify(r.members) !== JSON.stringify(json.members) || r.note !== json.note || json.note.length === 0) wrong.push(`${r.id}: read twice differs`);
    // Matched terms, found when read, carry the words the paper wrote them in.
    if (JSON.stringify(r.matchedTerms) !== JSON.stringify(json.matchedTerms) || !json.matchedTerms.some((t) => t.forms.length > 0)) wrong.push(`${r.id}: matched terms`);
    named += past.length;
  }
  expect(wrong).toEqual([]);
  expect(named).toBeGreaterThan(100);
  // A left-out paper's note names the areas it misses, once written.
  const leftOut = ranked.filter((r) => r.section === null && r.note.includes('not about'));
  expect(leftOut.length).toBeGreaterThan(0);
  expect(leftOut[0]!.note).toMatch(/^Left out.*not about .* mentions none of /);
  // Its matched terms, found when read, are the terms that make it touch those areas.
  expect(leftOut[0]!.matchedTerms.length).toBeGreaterThan(0);
  expect(JSON.parse(JSON.stringify(leftOut[0]!)).matchedTerms).toEqual(leftOut[0]!.matchedTerms);
});

test('a paper\'s marks give each profile\'s exclusion and unmet list as score.ts finds them in the paper\'s features', () => {
  const { lexicon } = createRanker(config, { background, feedback });
  const analyzer = createAnalyzer(lexicon);
  const presence = new Presence(lexicon.profiles, lexicon.features.length);
  const wrong: string[] = [];
  let excluded = 0;
  let unmet = 0;
  for (const paper of week) {
    const { ids } = analyzer.features(paper);
    presence.mark(ids);
    lexicon.profiles.forEach((profile, k) => {
      const want = [exclusionOf(profile, ids), unmetOf(profile, ids)];
      const got = [presence.exclusionOf(k), presence.unmetOf(k)];
      if (got.join() !== want.join()) wrong.push(`${paper.id} ${profile.id}: ${got.join()} against ${want.join()}`);
      if (want[0]! >= 0) excluded++;
      if (want[1]! > 0) unmet++;
    });
  }
  expect(wrong).toEqual([]);
  // Exclusions met, and lists past the first unmet, on the real week.
  expect(excluded).toBeGreaterThan(10);
  expect(unmet).toBeGreaterThan(100);
});

test('each feature\'s touching profiles are the profiles whose keywords, exclusions or require lists hold it, ascending, once', () => {
  const { lexicon } = createRanker(config, { background, feedback });
  const { start, profile } = touchersOf(lexicon.profiles, lexicon.features.length);
  const wrong: string[] = [];
  let listed = 0;
  lexicon.features.forEach((_, f) => {
    const got = [...profile.subarray(start[f], start[f + 1])];
    const want = lexicon.profiles.flatMap((p, k) => (p.touches[f] === 1 ? [k] : []));
    if (got.join() !== want.join()) wrong.push(`${f}: ${got.join()} against ${want.join()}`);
    listed += got.length;
  });
  expect(wrong).toEqual([]);
  expect(listed).toBe(lexicon.profiles.reduce((sum, p) => sum + p.touches.reduce((n, t) => n + t, 0), 0));
  expect(listed).toBeGreaterThan(lexicon.features.length);
});
