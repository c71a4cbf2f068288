// The reader's test digests (test/fixtures/digests/README.md), imported as modules so tests need no node:fs.
import type { Digest, DigestIndex } from '@labdigest/core';
import index from './fixtures/digests/index.json';
import newest from './fixtures/digests/2026-08-24.json';
import middle from './fixtures/digests/2026-08-17.json';
import oldest from './fixtures/digests/2026-08-10.json';

export const sampleIndex = index as DigestIndex;
export const sampleDigests: Record<string, Digest> = {
  '2026-08-24.json': newest as Digest,
  '2026-08-17.json': middle as Digest,
  '2026-08-10.json': oldest as Digest,
};
export const newestDigest = newest as Digest;

/** A deep copy to break on purpose. */
export const copyOf = <T>(value: T): T => structuredClone(value);

/** For tests that break documents on purpose: any shape goes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;
