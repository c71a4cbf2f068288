// The reader's test digests (test/fixtures/digests/README.md), imported as modules so tests need no node:fs.
// They are version 1 digests, as the archive of a group that started before picks holds them: the
// tests see them as the reader does, read as version 2 (`rawDigests` keeps them as stored).
import type { Digest, DigestIndex } from '@labdigest/core';
import { upgradeDigest } from '../src/state/validate.ts';
import index from './fixtures/digests/index.json';
import newest from './fixtures/digests/2026-08-24.json';
import middle from './fixtures/digests/2026-08-17.json';
import oldest from './fixtures/digests/2026-08-10.json';
import briefingIndexJson from './fixtures/digests/briefing/index.json';
import briefingNewest from './fixtures/digests/briefing/2026-08-24.json';
import briefingMiddle from './fixtures/digests/briefing/2026-08-17.json';
import briefingOldest from './fixtures/digests/briefing/2026-08-10.json';

export const sampleIndex = index as DigestIndex;
export const rawDigests: Record<string, unknown> = { '2026-08-24.json': newest, '2026-08-17.json': middle, '2026-08-10.json': oldest };
export const sampleDigests: Record<string, Digest> = Object.fromEntries(
  Object.entries(rawDigests).map(([file, digest]) => [file, upgradeDigest(digest) as Digest]),
);
export const newestDigest = sampleDigests['2026-08-24.json'] as Digest;

/**
 * The same digests as version 2 briefings: the first 3 papers of each section are picks, the rest
 * "more in this section", with the recorded abstracts (test/fixtures/digests/README.md).
 */
export const briefingIndex = briefingIndexJson as DigestIndex;
export const briefingDigests: Record<string, Digest> = {
  '2026-08-24.json': briefingNewest as Digest, '2026-08-17.json': briefingMiddle as Digest, '2026-08-10.json': briefingOldest as Digest,
};
export const newestBriefing = briefingNewest as Digest;

/** A deep copy to break on purpose. */
export const copyOf = <T>(value: T): T => structuredClone(value);

/** For tests that break documents on purpose: any shape goes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;
