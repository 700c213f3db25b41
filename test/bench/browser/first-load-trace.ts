import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { createEventWithCodes } from '../../e2e/sync-helpers';
import { startServerProcess } from './bench-server';
import { forgetAllButTheJoin } from './evicted-phone';

// Dev tool: traces (with CPU samples) the first load of the log screen of a joined phone.
// `npx tsx test/bench/browser/first-load-trace.ts <outDir> [runs]`
const out = process.argv[2] ?? '/tmp/first-load-traces';
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'helptent-trace-'));
const databaseUrl = `sqlite:${join(dir, 'server.sqlite')}`;
const codes = await createEventWithCodes(databaseUrl);
const server = await startServerProcess(databaseUrl, Number(process.env.BENCH_SERVER_PORT ?? 4342));
const browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
  ...chromiumLaunchOptions,
  args: [...chromiumLaunchOptions.args, '--enable-thread-instruction-count'],
  headless: true,
  ...devices['Pixel 7'],
});
mkdirSync(out, { recursive: true });
const waitForController = (page: Page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
try {
  const setup = await browser.newPage();
  await setup.goto(`${server.origin}/settings`);
  await waitForController(setup);
  const form = setup.getByRole('form', { name: 'Join your event' });
  await form.getByLabel('Join code').fill(codes.staff);
  await form.getByLabel('Your name').fill('Trace');
  await form.getByRole('button', { name: 'Join' }).click();
  await setup.getByTestId('last-synced').filter({ hasNotText: 'not yet' }).waitFor({ timeout: 30_000 });
  await setup.close();
  for (let i = 0; i < runs; i++) {
    await forgetAllButTheJoin(browser, server.origin);
    const page = await browser.newPage();
    const cdp = await browser.newCDPSession(page);
    const events: unknown[] = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown[])));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.frame',
          'v8.execute',
          'v8',
          'disabled-by-default-v8.cpu_profiler',
          'blink.user_timing',
          'loading',
          'toplevel',
        ],
      },
    });
    await page.goto(`${server.origin}/`);
    await page.locator('#capture-summary:enabled').waitFor();
    await page.waitForTimeout(Number(process.env.TRACE_TAIL_MS ?? 4000));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(join(out, `run-${i}.trace.json`), JSON.stringify({ traceEvents: events }));
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
