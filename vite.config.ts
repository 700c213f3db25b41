import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// HELPTENT_BUILD names a deployment (CI sets it; tests set it to build a "next" version).
const build = process.env.HELPTENT_BUILD ?? new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
const version = `${pkg.version}+${build}`;

/**
 * Writes a Brotli and a gzip copy beside every text file of the built app, which the server
 * sends to browsers that accept them (@fastify/static's preCompressed): a phone on a weak
 * signal downloads the first load at about a third of its size. Runs last, after the service
 * worker is built, so sw.js is compressed too.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'helptent-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const walk = (dir: string): string[] =>
          readdirSync(dir).flatMap((name) => {
            const path = join(dir, name);
            return statSync(path).isDirectory() ? walk(path) : [path];
          });
        for (const path of walk(outDir)) {
          if (!/\.(js|mjs|css|html|svg|webmanifest|json)$/.test(path)) continue;
          const content = readFileSync(path);
          if (content.length < 1024) continue;
          writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        }
      },
    },
  };
}

/**
 * Modules the first screen imports dynamically, so that they run in a task of their own, are
 * still preloaded from index.html: they download with the page, not after the script that asks
 * for them has run. (The bundle budget counts them: they are part of the first load.)
 */
function preloadFromHtml(modules: string[]): Plugin {
  return {
    name: 'helptent-preload-from-html',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html;
        const chunks = Object.values(context.bundle).filter((output) => output.type === 'chunk');
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? []) visit(imported);
        };
        for (const module of modules) {
          const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(module)));
          if (!chunk) throw new Error(`preloadFromHtml: no chunk holds ${module}`);
          visit(chunk.fileName);
        }
        const links = [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => `  <link rel="modulepreload" crossorigin href="/${file}">\n  `)
          .join('');
        return html.replace('</head>', `${links}</head>`);
      },
    },
  };
}

/**
 * Code the first screen loads when the page is idle, to be ready (the save code, the sync engine,
 * the photo uploader, the service worker's window side). Nobody waits for it, so the chunks it
 * imports are not preloaded first: adding a preload link per chunk took a slow phone a long task.
 */
const loadedWhenIdle = /^assets\/(save-change|sync-engine|photo-uploader|workbox-window\.prod\.es5)-[\w-]+\.js$/;

export default defineConfig(({ isSsrBuild }) => ({
  define: { __HELPTENT_VERSION__: JSON.stringify(version) },
  build: isSsrBuild
    ? { target: 'node20', sourcemap: true }
    : {
        outDir: process.env.HELPTENT_OUT_DIR ?? 'dist/client',
        target: 'es2022',
        sourcemap: true,
        modulePreload: { resolveDependencies: (file, deps) => (loadedWhenIdle.test(file) ? [] : deps) },
        // The first screen's code in one chunk and the database's (Dexie) in another, rather than
        // sixteen files that lazy screens happen to share: each file is a request, a preload and a
        // compile of its own, which made the page's first task long on a slow phone.
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                { name: 'first-screen', tags: ['$initial'] },
                { name: 'database', test: /[\\/](dexie[\\/]|src[\\/]db[\\/]open-database)/ },
              ],
            },
          },
        },
      },
  // Dexie's modern build (ES2018+, no down-levelled helpers) is smaller and quicker to start than
  // the ES5 one its package entry points to: it is most of the phone's first load.
  resolve: isSsrBuild ? {} : { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  plugins: isSsrBuild
    ? []
    : [
        preact(),
        VitePWA({
          strategies: 'injectManifest',
          srcDir: 'sw',
          filename: 'sw.ts',
          // Registration happens in src/app/sw-bridge.ts through workbox-window, and an inline
          // registration script would break our CSP (no inline scripts).
          injectRegister: false,
          injectManifest: {
            globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
            globIgnores: ['**/*.map'],
          },
          manifest: {
            id: '/',
            name: 'Helptent — festival help desk',
            short_name: 'Helptent',
            description: 'Log, work and follow up attendee issues at the festival, with or without signal.',
            lang: 'en',
            start_url: '/',
            scope: '/',
            display: 'standalone',
            orientation: 'portrait',
            background_color: '#12263a',
            theme_color: '#12263a',
            categories: ['business', 'productivity'],
            icons: [
              { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
              { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
              { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
            ],
          },
        }),
        preloadFromHtml(['src/db/open-database.ts']),
        precompress(),
      ],
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
}));
