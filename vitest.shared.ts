import { defineConfig } from 'vitest/config';

// Shared by every workspace's vitest run: a test without an assertion fails, and each run leaves a
// JSON report that .ci/run adds up into one closing line for the whole repository.
export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    // Generous limits: CI shares two cores between every workspace's tests. Speed is measured by
    // `pnpm bench`, never by a test's clock.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // No test reaches a service on the internet: `digest learn` and `init --from-bib` look abstracts up
    // online only where a test points them at a local server and says so.
    env: { LABDIGEST_OFFLINE: '1' },
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
