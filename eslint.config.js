// Lint keeps dependencies pointing one way: core <- sources, ranker <- cli, and core <- reader.
// Each block says why the line exists; the message is what a developer sees when crossing it.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

const RANKER_PURE = [
  { group: ['node:*', 'fs', 'path'], message: 'core and ranker are pure: take data in, return data out' },
  { group: ['@labdigest/*', '!@labdigest/core'], message: 'ranker depends on @labdigest/core only; apps depend on ranker' },
];
/** The ranker's folders, each step on those before it; rank.ts (the entry) wires them all. */
const RANKER_LAYERS = ['util', 'words', 'profiles', 'scan', 'corpus', 'scoring', 'learning', 'writing'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', '**/dev-dist/**'] },
  ...tseslint.configs.recommended,
  // Svelte components are linted too (they hold most of the reader's imports), their <script lang="ts">
  // with TypeScript's parser, so the boundary rules below reach them.
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // natural's deep modules have no types: packages/ranker/src/natural.d.ts declares them, and
      // files that import them reference it by path so every tsconfig that compiles them sees it.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'never', lib: 'never' }],
    },
  },
  {
    // core is the bottom of the graph: it may import nothing of ours and no Node built-in.
    files: ['packages/core/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path'], message: 'core and ranker are pure: take data in, return data out' },
        { group: ['@labdigest/*'], message: 'core is the bottom of the dependency graph: it imports no other @labdigest package' },
      ] }],
    },
  },
  {
    // ranker builds on core only; the command line and the reader build on it, never the reverse.
    files: ['packages/ranker/src/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: RANKER_PURE }] },
  },
  // The ranker's folders are its steps, in order (docs/architecture.md): a folder reads those before it,
  // never one after, so each step can be read, tested and changed knowing only what it stands on.
  ...RANKER_LAYERS.slice(0, -1).map((layer, i) => ({
    files: [`packages/ranker/src/${layer}/**`],
    ignores: ['**/*.test.ts', '**/*.test-support.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...RANKER_PURE, {
        group: RANKER_LAYERS.slice(i + 1).map((later) => `../${later}/*`),
        message: `ranker/src/${layer}/ comes before ${RANKER_LAYERS.slice(i + 1).join(', ')} (${RANKER_LAYERS.join(' → ')}); `
          + 'move what both need down a step, or the code up',
      }] }],
    },
  })),
  {
    // sources turns text into papers; fetching and storing them is the command line's job.
    files: ['packages/sources/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'better-sqlite3'], message: 'sources is pure like core and ranker: text in, Paper[] out; HTTP and the store live in apps/cli' },
        { group: ['@labdigest/*', '!@labdigest/core'], message: 'sources depends on @labdigest/core only; apps/cli depends on sources' },
      ] }],
    },
  },
  {
    // A command definition is what `digest --help` loads: it names its options and loads its code in
    // run() with import(). A static import here would load that code for every command's help.
    files: ['apps/cli/src/commands/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^(?!\\.\\./(command|options|io)\\.ts$)',
          message: 'a command definition imports only ../command.ts, ../options.ts and ../io.ts; load its code in run() with import()' },
      ] }],
    },
  },
  {
    // cli.ts assembles the commands; nothing imports it back (the package's entry is index.ts).
    files: ['apps/cli/src/**'],
    ignores: ['apps/cli/src/index.ts', '**/*.test.ts', 'apps/cli/src/commands/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/cli.ts', './cli.ts'], message: 'nothing imports cli.ts: Io is in io.ts, shared options in options.ts' },
      ] }],
    },
  },
  {
    // What `digest --help` loads besides the command definitions: cli.ts and the modules they share.
    // The ranker (compromise, natural) and the parsers load with the commands that run them.
    files: ['apps/cli/src/cli.ts', 'apps/cli/src/options.ts', 'apps/cli/src/command.ts', 'apps/cli/src/io.ts', 'apps/cli/src/digest/idf-choice.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^@labdigest/(ranker|sources)$|/digest/background\\.ts$',
          message: '`digest --help` loads this module: import the ranker and the parsers in a command\'s run(), or a light subpath (@labdigest/sources/controls, digest/idf-choice.ts)' },
      ] }],
    },
  },
  {
    // The reader runs in the browser and renders the digest document; it never ranks or fetches.
    files: ['apps/reader/src/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', '@labdigest/cli', '@labdigest/ranker', '@labdigest/sources'],
          message: 'reader runs in the browser: data comes from the digest, types from @labdigest/core' },
      ] }],
    },
  },
);
