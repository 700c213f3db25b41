import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, devices, type Page } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { createEventWithCodes } from '../../e2e/sync-helpers';
import { measureFirstLoad } from '../bundle-size';
import { type BenchRow, round } from '../result';
import { type BenchServer, startServerProcess } from './bench-server';
import { forgetAllButTheJoin } from './evicted-phone';

/** Lighthouse's mobile profile slows the CPU four times; the repeat-visit timing uses the same. */
const cpuSlowdown = 4;

const median = (values: number[]): number => {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const range = (values: number[], digits = 0): string => {
  const measured = values.filter((value) => !Number.isNaN(value));
  return `${round(Math.min(...measured), digits)}–${round(Math.max(...measured), digits)}`;
};

interface LighthouseRun {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  tti: number;
  longestTask: number;
  /** Bytes (uncompressed) of the first load's scripts that never ran during the load. */
  unusedFirstLoadKb: number;
}

/**
 * The log screen of a phone that joined an event, as Lighthouse's mobile profile sees it
 * (simulated mid-range phone: 4x slower CPU, slow 4G), and the repeat visit a staff member
 * makes all day: the page served by the service worker, timed until the summary field takes
 * typing. Debian's Chromium runs headless with the e2e flags; one profile is shared by
 * Playwright (which joins the event and prepares each run) and Lighthouse (over CDP).
 *
 * LIGHTHOUSE_RUNS (default 5) sets how many runs the medians come from; BENCH_SERVER_PORT and
 * BENCH_DEBUG_PORT pin the ports (default: free ones); LIGHTHOUSE_JSON_DIR keeps each run's report and trace.
 */
export async function benchLighthouse(): Promise<BenchRow[]> {
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'helptent-lighthouse-'));
  const databaseUrl = `sqlite:${join(dir, 'server.sqlite')}`;
  let server: BenchServer | undefined;
  let chrome: Awaited<ReturnType<typeof launch>> | undefined;
  let browser: Browser | undefined;
  try {
    const codes = await createEventWithCodes(databaseUrl);
    const serverPort = process.env.BENCH_SERVER_PORT ? Number(process.env.BENCH_SERVER_PORT) : undefined;
    server = await startServerProcess(databaseUrl, serverPort);
    mkdirSync(join(dir, 'profile'));
    chrome = await launch({
      chromePath: process.env.CHROME_PATH ?? chromiumLaunchOptions.executablePath,
      chromeFlags: ['--headless=new', ...chromiumLaunchOptions.args],
      userDataDir: join(dir, 'profile'),
      ...(process.env.BENCH_DEBUG_PORT ? { port: Number(process.env.BENCH_DEBUG_PORT) } : {}),
    });
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const context = browser.contexts()[0]!;
    const url = `${server.origin}/`;

    const setup = await context.newPage();
    await joinEvent(setup, server.origin, codes.staff);
    await setup.close();

    // The scripts index.html loads or preloads, as the budget counts them.
    const firstLoad = new Set(measureFirstLoad('dist/client').files.map((file) => file.path));
    const loadBefore = await quietMachine();
    const lighthouseRuns: LighthouseRun[] = [];
    for (let i = 0; i < runs; i++) {
      lighthouseRuns.push(
        await retried(async () => {
          await forgetAllButTheJoin(context, server!.origin);
          return runLighthouse(url, chrome!.port, firstLoad);
        }),
      );
    }

    const repeatVisits: number[] = [];
    const page = await context.newPage();
    await page.addInitScript(noteWhenFormUsable);
    await page.goto(url);
    await waitForController(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    for (let i = 0; i < runs; i++) repeatVisits.push(await timeFormUsable(page, url));
    await page.close();
    const loadAfter = loadavg()[0]!;

    const row = (name: string, values: number[], unit: string, digits = 0): BenchRow => {
      console.log(
        `  ${name}: median ${round(median(values), digits)} ${unit}, range ${range(values, digits)} (${values.length} runs)`,
      );
      return { name, value: round(median(values), digits), unit };
    };
    const of = (key: keyof LighthouseRun) => lighthouseRuns.map((run) => run[key]);
    return [
      row('lighthouse mobile performance score, log screen of a joined phone (median)', of('score'), 'points'),
      row('lighthouse first contentful paint, log screen (median)', of('fcp'), 'ms'),
      row('lighthouse largest contentful paint, log screen (median)', of('lcp'), 'ms'),
      row('lighthouse total blocking time, log screen (median)', of('tbt'), 'ms'),
      row('lighthouse time to interactive, log screen (median)', of('tti'), 'ms'),
      row('lighthouse longest main-thread task of Helptent, log screen (median)', of('longestTask'), 'ms'),
      row(
        'lighthouse unused bytes of the first-load scripts, log screen, uncompressed (median)',
        of('unusedFirstLoadKb'),
        'KB',
        1,
      ),
      row(`log form usable on a repeat visit from the service worker, ${cpuSlowdown}x CPU slowdown (median)`, repeatVisits, 'ms'),
      // Lighthouse simulates the slow phone from the tasks it sees here: other work on the
      // machine stretches them, so these say how quiet the machine was.
      { name: 'machine load average (1 min) before the lighthouse runs', value: round(loadBefore, 2), unit: 'processes' },
      { name: 'machine load average (1 min) after the lighthouse runs', value: round(loadAfter, 2), unit: 'processes' },
    ];
  } finally {
    await browser?.close().catch(() => undefined);
    chrome?.kill();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits (up to two minutes) for the machine to settle after the work before, such as the other
 * benches: a task Lighthouse sees stretched by another process counts as the phone's own.
 * Returns the load average it starts at; a busy machine is reported, not waited on forever.
 */
async function quietMachine(): Promise<number> {
  const quiet = cpus().length * 0.4;
  const deadline = Date.now() + 120_000;
  while (loadavg()[0]! > quiet && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2_000));
  const load = loadavg()[0]!;
  if (load > quiet)
    console.warn(`  the machine is busy (load average ${round(load, 2)}): Lighthouse's numbers will be worse than the phone's`);
  return load;
}

/** Lighthouse now and then loses a trace on a busy machine (NO_NAVSTART): such a run is run again. */
async function retried<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.warn(`  lighthouse run failed, again: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function joinEvent(page: Page, origin: string, code: string): Promise<void> {
  await page.setViewportSize(devices['Pixel 7'].viewport);
  await page.goto(`${origin}/settings`);
  await waitForController(page);
  const join = page.getByRole('form', { name: 'Join your event' });
  await join.getByLabel('Join code').fill(code);
  await join.getByLabel('Your name').fill('Lighthouse');
  await join.getByRole('button', { name: 'Join' }).click();
  await page.getByTestId('last-synced').filter({ hasNotText: 'not yet' }).waitFor({ timeout: 30_000 });
}

async function waitForController(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

async function runLighthouse(url: string, port: number, firstLoad: Set<string>): Promise<LighthouseRun> {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance'],
    // Keeps the joined phone's IndexedDB: without it Lighthouse would measure a phone that never joined.
    disableStorageReset: true,
    ...(process.env.LIGHTHOUSE_GATHER_DIR
      ? (() => {
          const at = join(process.env.LIGHTHOUSE_GATHER_DIR, String(Date.now()));
          return { gatherMode: at, auditMode: at };
        })()
      : {}),
  });
  if (!result) throw new Error('Lighthouse returned no result');
  const { lhr } = result;
  const keep = process.env.LIGHTHOUSE_JSON_DIR;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    const stamp = Date.now();
    writeFileSync(join(keep, `log-screen-${stamp}.json`), JSON.stringify(lhr));
    // The trace behind the report, for finding what a long task ran (open it in DevTools' Performance panel).
    writeFileSync(join(keep, `log-screen-${stamp}.trace.json`), JSON.stringify(result.artifacts.Trace));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  // Lighthouse's own scripts, which it evaluates in the page while it loads, are not Helptent's tasks.
  const longTasks = (
    lhr.audits['long-tasks']?.details as { items?: { url: string; duration: number }[] } | undefined
  )?.items?.filter((task) => !task.url.includes('_lighthouse-eval'));
  // Per script, what its coverage saw unused (the unused-javascript audit lists only scripts
  // wasting over 20 KB as sent, which compressed scripts never reach).
  const scripts =
    (lhr.audits['script-treemap-data']?.details as { nodes?: { name: string; unusedBytes?: number }[] } | undefined)?.nodes ?? [];
  const unusedFirstLoad = scripts
    .filter((script) => firstLoad.has(new URL(script.name, url).pathname))
    .reduce((sum, script) => sum + (script.unusedBytes ?? 0), 0);
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    tti: audit('interactive'),
    // NaN (left out of the medians) when the audit failed, rather than a flattering 0.
    longestTask: longTasks ? Math.max(0, ...longTasks.map((task) => task.duration)) : Number.NaN,
    unusedFirstLoadKb: unusedFirstLoad / 1024,
  };
}

/**
 * Navigates (the service worker answers) and times, in the page, from the navigation's start
 * until the summary field is on the page and the main thread is free to take a key press (the
 * first timer task after the field appeared: input outranks timers). Timed in the page because
 * each round trip to Playwright costs tens of milliseconds on a slowed CPU. Then types into it,
 * to check that it really takes typing.
 */
async function timeFormUsable(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const usableAt = await page.waitForFunction(() => (window as { helptentUsableAt?: number }).helptentUsableAt, null, {
    timeout: 30_000,
  });
  const summary = page.locator('#capture-summary');
  await summary.press('End');
  await summary.pressSequentially('x');
  await page.waitForFunction(() =>
    (document.querySelector('#capture-summary') as HTMLTextAreaElement | null)?.value.endsWith('x'),
  );
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)))
    throw new Error('the repeat visit was not served by the service worker');
  // Leaves the draft empty for the next visit.
  await summary.fill('');
  await page.waitForTimeout(300);
  return (await usableAt.jsonValue()) as number;
}

/** Runs in every document of the page before its scripts: notes when the log form is usable. */
function noteWhenFormUsable(): void {
  const observer = new MutationObserver(() => {
    const field = document.querySelector('#capture-summary') as HTMLTextAreaElement | null;
    if (!field || field.disabled) return;
    observer.disconnect();
    setTimeout(() => {
      (window as { helptentUsableAt?: number }).helptentUsableAt = performance.now();
    }, 0);
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}
