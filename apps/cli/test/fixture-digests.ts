import { paperSchema, parseGroupConfig, type Digest, type GroupConfig, type Paper } from '@labdigest/core';
import { readDefaultConfigText, readFixtureRecords } from '@labdigest/fixtures';
import { assembleDigest, createRanker } from '@labdigest/ranker';
import { repairPaperText } from '@labdigest/sources';
import { loadCorpusBackground } from '../src/digest/background.ts';

/**
 * Test support: digests built as `digest build` builds them, by ranking real recorded papers
 * (fixtures/papers) with the default config (digest.config.yaml) and the shipped corpus IDF.
 * Cached: ranking the sample week takes a few seconds.
 */

/** The default config, parsed. */
export function defaultConfig(): GroupConfig {
  const result = parseGroupConfig(readDefaultConfigText());
  if (!result.ok) throw new Error(`digest.config.yaml is invalid: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.config;
}

const cache = new Map<string, Digest>();

/** The digest as the ranker builds it: its own picks per section, the rest "more in this section". */
function rankedDigestOf(fixture: string, date: string): Digest {
  const cached = cache.get(fixture);
  if (cached) return cached;
  const config = defaultConfig();
  const papers: Paper[] = readFixtureRecords(fixture).map((r) => repairPaperText(paperSchema.parse(r)));
  const { papers: ranked } = createRanker(config, { background: loadCorpusBackground() }).rank(papers, { background: loadCorpusBackground() });
  const digest = assembleDigest(config, papers, ranked, { date, generatedAt: `${date}T06:00:00.000Z`, sample: true });
  cache.set(fixture, digest);
  return digest;
}

/**
 * 1,755 journal papers of one week (OpenAlex), every paper in the digest a pick, ranks in section order:
 * a digest as version 1 read it (and as a group that sets `picks` high gets it). The ranker's own
 * briefing of the same week is `sampleWeekRanked()`.
 */
export function sampleWeekDigest(): Digest {
  return allPicks(rankedDigestOf('papers/sample-week.jsonl.gz', '2026-08-21'));
}

/** The sample week as the ranker builds it: its picks (at most 3 a section) and the rest folded. */
export function sampleWeekRanked(): Digest {
  return rankedDigestOf('papers/sample-week.jsonl.gz', '2026-08-21');
}

/** 313 papers of the mixed corpus slice: 9 in the digest, one an arXiv preprint without a date; all picks. */
export function corpusSliceDigest(): Digest {
  return allPicks(rankedDigestOf('papers/corpus-slice.jsonl', '2026-08-08'));
}

/** Every paper a pick, ranks in the section's order. No paper's text is changed. */
export function allPicks(digest: Digest): Digest {
  return withPicks(digest, Number.POSITIVE_INFINITY);
}

/**
 * The digest with the first `picks` papers of each section (in its order) marked as picks and the rest
 * as "more in this section", ranks in that order: a briefing with a known number of picks for tests
 * that count them. No paper's text is changed.
 */
export function withPicks(digest: Digest, picks = 3): Digest {
  return {
    ...digest,
    sections: digest.sections.map((section) => ({
      ...section,
      papers: section.papers.map((paper, i) => ({ ...paper, pick: i < picks, rank: i + 1 })),
    })),
  };
}

/** The sample week as a briefing: 3 picks a section (12), the other 41 papers "more in this section". */
export function sampleWeekBriefing(): Digest {
  return withPicks(sampleWeekDigest());
}
