// Adds up the vitest JSON reports of every workspace (.test-results/vitest.json) into one line:
// "tests: N passed, N failed" (and skipped), the closing line CI reads. Exits 1 if any failed or none ran.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dirs = ['packages/core', 'packages/sources', 'packages/ranker', 'apps/cli', 'apps/reader', 'e2e'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of dirs) {
  const file = join(dir, '.test-results', 'vitest.json');
  if (!existsSync(file)) { console.log(`${dir}: no test report`); continue; }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${dir}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
