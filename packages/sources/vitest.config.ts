import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Pure functions and per-test stores: no test changes a global, so files share their worker's
// modules (isolate: false) and threads start faster than forks. Loading modules once per worker
// instead of once per file is most of what this package's tests cost.
export default mergeConfig(shared, defineConfig({ test: { pool: 'threads', isolate: false } }));
