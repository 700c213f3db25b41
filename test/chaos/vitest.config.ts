import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The chaos run needs the built server (npm run build), so it runs apart from the unit tests: npm run test:chaos. */
export default defineConfig({
  define: { __HELPTENT_VERSION__: JSON.stringify('0.0.0+chaos') },
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/chaos/**/*.test.ts'],
    environment: 'node',
  },
});
