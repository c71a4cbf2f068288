// Bundles the command line's TypeScript (src/ and the workspace packages it imports) into plain
// JavaScript under dist/, one chunk per command, so `digest` starts without a TypeScript loader
// (tsx's costs ~0.4 s of CPU per start). npm packages stay outside the bundle and are imported by
// the path Node would resolve from the importing package, as pnpm's strict node_modules require.
// bin/digest.js calls it when a source file is newer than the last bundle.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(cliRoot, '../..');
export const distDir = join(cliRoot, 'dist');
/** Names the current bundle's folder; its mtime says when it was built. */
export const pointerFile = join(distDir, 'current.json');

/** Every file whose change makes the bundle stale: sources, the bundler, and the installed packages. */
export function watchedFiles() {
  const files = [
    fileURLToPath(import.meta.url),
    join(repoRoot, 'node_modules/.modules.yaml'),
    ...['apps/cli/src', 'packages/core/src', 'packages/sources/src', 'packages/ranker/src'].flatMap((d) => walk(join(repoRoot, d))),
    ...readdirSync(join(repoRoot, 'fixtures')).filter((f) => f.endsWith('.ts')).map((f) => join(repoRoot, 'fixtures', f)),
  ];
  return files;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The bundle's entry, or null when there is none or a watched file is newer. */
export function freshEntry() {
  let built;
  let dir;
  try {
    built = statSync(pointerFile).mtimeMs;
    dir = JSON.parse(readFileSync(pointerFile, 'utf8')).dir;
  } catch {
    return null;
  }
  for (const file of watchedFiles()) {
    try {
      if (statSync(file).mtimeMs > built) return null;
    } catch {
      return null;
    }
  }
  return join(distDir, dir, 'cli.js');
}

/** Workspace sources are bundled; their `import.meta.url` keeps naming the source file. */
const workspace = {
  name: 'labdigest-workspace',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@labdigest/') || args.path.startsWith('node:') || args.pluginData === 'resolving') return undefined;
      const hit = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
      if (hit.errors.length > 0) return { errors: hit.errors };
      return { path: hit.path, external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/** Builds a new bundle into its own folder, then points current.json at it; returns its entry. */
export async function buildBundle() {
  const name = `build-${Date.now()}-${process.pid}`;
  const out = join(distDir, name);
  const { build } = await import('esbuild');
  const temp = `${pointerFile}.${process.pid}.tmp`;
  try {
    await build({
      entryPoints: { cli: join(cliRoot, 'src/cli.ts') },
      outdir: out, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
      conditions: [], logLevel: 'error', plugins: [workspace],
    });
    mkdirSync(distDir, { recursive: true });
    writeFileSync(temp, JSON.stringify({ dir: name }));
    renameSync(temp, pointerFile);
  } catch (error) {
    // A failed build (a full disk, a syntax error) leaves neither half a bundle nor the pointer's temporary file.
    rmSync(out, { recursive: true, force: true });
    rmSync(temp, { force: true });
    throw error;
  }
  // Keep the two newest builds: a process started on the previous one may still load its chunks.
  const builds = readdirSync(distDir).filter((d) => d.startsWith('build-')).sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  for (const old of builds.slice(2)) rmSync(join(distDir, old), { recursive: true, force: true });
  return join(out, 'cli.js');
}
