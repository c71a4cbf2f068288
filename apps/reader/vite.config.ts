import { build, defineConfig, type Plugin, type Rollup } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { DIGEST_CACHE, INDEX_CACHE, ROOM_SYNC_SCRIPT } from './src/pwa/cache-names.ts';

export const THEME_COLOR = '#234e70';
export const BACKGROUND_COLOR = '#f7f5f0';

/**
 * No inline script or style anywhere: the built page loads one module script and one stylesheet,
 * and the service worker is registered from that module (injectRegister: null below).
 * Added at build only, because Vite's dev server injects <style> elements for hot reloading.
 * frame-ancestors is left out: browsers ignore it in a meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'labdigest:csp',
    apply: 'build',
    // Right after <meta charset>, before any script or stylesheet it governs.
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/(<meta charset="utf-8" \/>)/,
        `$1\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    },
  };
}

/**
 * The page's script (src/boot.ts) starts the digest's requests, then imports the app (src/main.ts).
 * A modulepreload link for the app's chunks lets the browser fetch and compile them alongside the
 * boot script rather than after it. Still no inline script: a link, not a second <script>.
 */
/**
 * The chunk that holds src/main.ts. Not always its facade: once a lazy chunk (the reading room)
 * imports modules of the app's chunk, Rollup may leave that chunk without a facade module.
 */
const isAppChunk = (chunk: { facadeModuleId: string | null; moduleIds: readonly string[] }) =>
  chunk.facadeModuleId?.endsWith('/src/main.ts') || chunk.moduleIds.some((id) => id.endsWith('/src/main.ts'));

function preloadApp(): Plugin {
  return {
    name: 'labdigest:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        const chunks = Object.values(bundle ?? {}).filter((c) => c.type === 'chunk');
        const app = chunks.find(isAppChunk);
        if (!app) throw new Error('labdigest:preload-app: no chunk for src/main.ts in the bundle');
        const files = [app.fileName, ...app.imports.filter((f) => !chunks.some((c) => c.isEntry && c.fileName === f))];
        const links = files.map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`).join('\n    ');
        return html.replace(/(<script type="module"[^>]*><\/script>)/, `$1\n    ${links}`);
      },
    },
  };
}

/**
 * Tells Chromium to compile every function of the app's own chunks up front, on a background thread
 * while the file streams in (V8's explicit compile hints). Otherwise each function compiles on the
 * main thread the first time it runs, and a first render runs most of Svelte's runtime for the first
 * time: on the throttled bench that was ~300 ms of the first render. Other browsers ignore the comment.
 * Not for lazy chunks (workbox-window), which would compile for nothing.
 */
function compileHints(): Plugin {
  return {
    name: 'labdigest:compile-hints',
    apply: 'build',
    // At the very end, when the file is as it will be served: the hint must open it, and Vite puts its
    // preload helper (__vite__mapDeps, once lazy chunks need the stylesheet) at the top of the app's
    // chunk after every renderChunk hook. File names were hashed without the line; the same content
    // always gets it, so a name still stands for one content.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && (chunk.isEntry || isAppChunk(chunk))) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

/**
 * The service worker's part of the reading room (src/pwa/room-sync-worker.ts), bundled on its own as
 * a classic script: the generated sw.js is a classic worker and loads it with importScripts (below).
 * Emitted before vite-plugin-pwa writes sw.js, so the precache lists it too.
 */
/**
 * Rollup's notes on `@__PURE__` comments it cannot place: in zod's own sources, and the ones Svelte's
 * compiler writes into `.svelte.ts` modules (`new Date()` under a rune). Harmless (the comment is
 * dropped), about code we did not write, and a wall of text in every `pnpm start`.
 */
function quietAboutDependencies(warning: Rollup.RollupLog, warn: (w: Rollup.RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && (warning.id?.includes('/node_modules/') || warning.id?.endsWith('.svelte.ts'))) return;
  warn(warning);
}

function roomSyncScript(): Plugin {
  return {
    name: 'labdigest:room-sync-script',
    apply: 'build',
    async generateBundle() {
      const built = await build({
        configFile: false, logLevel: 'warn',
        build: {
          write: false, emptyOutDir: false, minify: true, target: 'es2022', copyPublicDir: false,
          rollupOptions: { onwarn: quietAboutDependencies },
          lib: { entry: fileURLToPath(new URL('./src/pwa/room-sync-worker.ts', import.meta.url)), formats: ['iife'], name: 'labdigestRoomSync' },
        },
      }) as Rollup.RollupOutput[];
      const chunk = built[0]?.output.find((o) => o.type === 'chunk');
      if (!chunk) throw new Error('labdigest:room-sync-script: building src/pwa/room-sync-worker.ts gave no script');
      this.emitFile({ type: 'asset', fileName: ROOM_SYNC_SCRIPT, source: chunk.code });
    },
  };
}

export default defineConfig({
  // Relative base: the same build works at a domain root, under a GitHub Pages sub-path and from `digest serve`.
  base: './',
  build: { target: 'es2022', modulePreload: { polyfill: false }, rollupOptions: { onwarn: quietAboutDependencies } },
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    preloadApp(),
    compileHints(),
    roomSyncScript(),
    VitePWA({
      registerType: 'prompt',
      // src/pwa/register.ts imports virtual:pwa-register itself; nothing is injected into index.html.
      injectRegister: null,
      strategies: 'generateSW',
      // The glob below already precaches every icon; listing them again would duplicate entries.
      includeManifestIcons: false,
      manifest: {
        name: 'labdigest reader',
        short_name: 'labdigest',
        description: "Your group's research-paper digest: ranked by area and member, readable offline.",
        id: './',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        categories: ['education', 'productivity'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell only: digests are data, cached at run time below (and prefetched by the page).
        // Always the minified production worker, also when a test process (NODE_ENV=test) builds.
        mode: 'production',
        // (vite-plugin-pwa adds manifest.webmanifest itself.)
        globPatterns: ['**/*.{html,js,css,png,svg}'],
        globIgnores: ['digests/**'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/digests\//, /\/api\//],
        // Background Sync for the reading room's outbox.
        importScripts: [ROOM_SYNC_SCRIPT],
        // Take control of the page on first install so it works offline at once. Updates still wait
        // (no skipWaiting) until the reader accepts the prompt.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // The archive list and the newest digest's copy (latest.json) change with every new digest:
            // ask the network first, fall back offline.
            urlPattern: /\/digests\/(?:index|latest)\.json(?:\?.*)?$/,
            handler: 'NetworkFirst',
            options: { cacheName: INDEX_CACHE, networkTimeoutSeconds: 4, cacheableResponse: { statuses: [200] } },
          },
          {
            // A dated digest rarely changes once written: show the saved copy, refresh it in the background.
            urlPattern: /\/digests\/[^/?]+\.json(?:\?.*)?$/,
            handler: 'StaleWhileRevalidate',
            options: {
              cacheName: DIGEST_CACHE,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 60 },
            },
          },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
});
