import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// HELPTENT_BUILD names a deployment (CI sets it; tests set it to build a "next" version).
const build = process.env.HELPTENT_BUILD ?? new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
const version = `${pkg.version}+${build}`;

export default defineConfig(({ isSsrBuild }) => ({
  define: { __HELPTENT_VERSION__: JSON.stringify(version) },
  build: isSsrBuild
    ? { target: 'node20', sourcemap: true }
    : { outDir: process.env.HELPTENT_OUT_DIR ?? 'dist/client', target: 'es2022', sourcemap: true },
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
      ],
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
}));
