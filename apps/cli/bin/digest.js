#!/usr/bin/env node
// The `digest` command: runs the TypeScript sources directly (the workspace has no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
