import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The WebKit lane (npm run test:webkit): Helptent in WebKitGTK's MiniBrowser, the engine of
 * Safari, driven over WebDriver. It needs the built app (npm run build) and
 * apt-get install webkit2gtk-driver xvfb xauth.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/webkit/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
