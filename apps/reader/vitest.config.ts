import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Two projects: components and state in jsdom; the built app (dist/) in Node, built once by
// test/global-setup.ts and driven in Chromium by test/e2e.test.ts, with the sample digests it ships.
export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    // The JSON report is what .ci/run adds up into the repository's closing test line.
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    projects: [
      {
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e.test.ts', 'test/room-e2e.test.ts', 'test/build.test.ts', 'test/dev-digests.test.ts', '**/node_modules/**'],
          setupFiles: ['test/setup-dom.ts'],
          // jsdom and Svelte load once per worker instead of once per file: each test renders into a
          // fresh container (testing-library cleans up) and opens its own fake IndexedDB.
          pool: 'threads',
          isolate: false,
          // CI shares two cores between every workspace's tests: a slow render is not a failure.
          testTimeout: 30_000,
          expect: { requireAssertions: true },
        },
      },
      {
        test: {
          name: 'dist',
          environment: 'node',
          include: ['test/build.test.ts', 'test/e2e.test.ts', 'test/room-e2e.test.ts', 'test/dev-digests.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { requireAssertions: true },
        },
      },
    ],
  },
});
