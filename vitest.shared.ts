import { defineConfig } from 'vitest/config';

// Shared by every workspace's vitest run: a test without an assertion fails, and each run leaves a
// JSON report that .ci/run adds up into one closing line for the whole repository.
export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
