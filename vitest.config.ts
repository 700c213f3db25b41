import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  define: { __HELPTENT_VERSION__: JSON.stringify('0.0.0+test') },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/server/**/*.test.ts'],
    environment: 'node',
    // CI shares two cores with other work: a 5 s default failed tests that take half a second
    // on a quiet machine. Tests that are slow by nature set their own, longer timeouts.
    testTimeout: 30_000,
    // Vitest's default on two cores is one worker; the server tests wait on PostgreSQL and on
    // sockets much of the time, so two keep both cores busy.
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
});
