import { defineConfig } from 'vitest/config';

// Shared by every workspace's vitest run: a test without an assertion fails.
export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
