import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  define: { __HELPTENT_VERSION__: JSON.stringify('0.0.0+test') },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/server/**/*.test.ts'],
    environment: 'node',
  },
});
