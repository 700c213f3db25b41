import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/chromium';

// E2E_PORT lets two runs (a local one and a CI rehearsal) share a machine.
export const e2ePort = Number(process.env.E2E_PORT ?? 4310);

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Two workers on two cores that CI shares with other work: a flow of 25 s alone can take a minute.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    // Recording a trace of every test cost a fifth of the suite's CPU (sync.spec.ts: 109 → 85 s);
    // CI retries a failure once, and that retry is recorded.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 7'] } },
    // Staff work on phones; the desktop is where coordinators read the day summary and its
    // exports, so only those screens (and the axe scans of every screen) run there too.
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'] },
      testMatch: ['accessibility.spec.ts', 'day-summary.spec.ts'],
    },
  ],
  webServer: {
    command: 'node dist/server/main.js',
    url: `http://127.0.0.1:${e2ePort}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      PORT: String(e2ePort),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(tmpdir(), `helptent-e2e-${process.pid}.sqlite`)}`,
      LOG_LEVEL: 'warn',
    },
  },
});
