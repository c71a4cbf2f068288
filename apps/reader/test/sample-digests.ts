// The committed sample digests (scripts/make-dev-digests.ts), imported as modules so tests need no node:fs.
import type { Digest, DigestIndex } from '@labdigest/core';
import index from '../public/digests/index.json';
import newest from '../public/digests/2026-08-24.json';
import middle from '../public/digests/2026-08-17.json';
import oldest from '../public/digests/2026-08-10.json';

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
