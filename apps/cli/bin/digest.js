#!/usr/bin/env node
// The `digest` command. It runs a JavaScript bundle of the sources (bin/bundle.js), rebuilt here when
// a source is newer than it: the first run after an edit takes half a second more, and every other
// run starts without a TypeScript loader (`digest --help` loads the command definitions only).
import { pathToFileURL } from 'node:url';
import { buildBundle, freshEntry } from './bundle.js';

const entry = freshEntry() ?? await buildBundle();
await import(pathToFileURL(entry).href);
