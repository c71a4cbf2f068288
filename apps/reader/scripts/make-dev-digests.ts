// Sample digests for developing and testing the reader, built from real recorded papers:
//   pnpm --filter @labdigest/reader make:digests
// Writes scripts/dev-digests.ts's briefings to public/digests/. These are what the built reader ships as
// samples and what the end-to-end test reads, deriving its expected counts from them; test/dev-digests.test.ts
// fails when they are not today's ranker's, so rerun this after a ranker change. The unit tests and the
// bench read pinned copies from an earlier ranker instead (test/fixtures/digests/README.md), so
// rebuilding these moves no unit test's numbers.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDevDigests, devDigestsDir } from './dev-digests.ts';

const files = buildDevDigests();
mkdirSync(devDigestsDir, { recursive: true });
for (const name of readdirSync(devDigestsDir)) if (name.endsWith('.json')) rmSync(join(devDigestsDir, name));
for (const { file, text, considered, included } of files) {
  writeFileSync(join(devDigestsDir, file), text);
  if (considered !== undefined) console.log(`${file}: ${considered} papers considered, ${included} in the digest`);
}
console.log(`index.json: ${files.filter((f) => f.considered !== undefined).length} digests`);
