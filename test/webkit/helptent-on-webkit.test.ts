import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { By, type WebDriver, type WebElement } from 'selenium-webdriver';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Role } from '../../src/domain/staff';
import { prepareEvent } from '../chaos/server-database';
import { ServerProcess } from '../chaos/server-process';
import { freePort } from '../free-port';
import { saveFailureEvidence } from './failure-evidence';
import { button, choose, fill, openTab, tap, waitForHeading, waitForServiceWorkerControl, waitForText, waitUntil } from './page';
import { iPhoneSafari, missingWebKit, openMiniBrowser, startWebKitDriver, type WebKitDriverServer } from './webkit-driver';

/**
 * Helptent in WebKit, the engine of every browser on an iPhone: WebKitGTK's MiniBrowser over
 * WebDriver, against the real built server, which is killed and started again on the same
 * database as a festival's signal comes and goes. WEBKIT_DRIVER_PORT and WEBKIT_APP_PORT pick
 * the ports (free ones otherwise).
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const evidenceDir = join(repoRoot, 'test-results', 'webkit');
const eventId = 'webkit-festival';

let dir = '';
let server: ServerProcess;
let webkit: WebKitDriverServer | undefined;
let codes: Record<Role, string>;
const drivers = new Set<WebDriver>();

function issuesOnServer(): string[] {
  const db = new SQLite(server.databaseFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('select data from issues where event_id = ?').all(eventId) as { data: string }[];
    return rows.map((row) => (JSON.parse(row.data) as { summary: string }).summary);
  } finally {
    db.close();
  }
}

/**
 * A fresh browser window for this test (WebKitWebDriver runs one session at a time), closed when
 * the test ends. If the test failed, its screen, address, text and the logs written meanwhile are kept in
 * test-results/webkit first, and the paths printed. (Vitest runs onTestFinished before
 * onTestFailed, so the keeping cannot wait for onTestFailed: the window would be closed by then.)
 */
async function browser(name: string, options: { userAgent?: string } = {}): Promise<WebDriver> {
  const driverMark = webkit!.outputMark();
  const serverMark = server.logMark;
  const driver = await openMiniBrowser(webkit!.url, options);
  drivers.add(driver);
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const logs = {
        'Server log (the page’s uncaught errors, which the app reports, arrive here)': () => server.logSince(serverMark),
        'WebKitWebDriver and browser output': () => webkit!.outputSince(driverMark),
      };
      const files = await saveFailureEvidence(driver, name, logs, evidenceDir, repoRoot);
      console.error(`WebKit lane: “${task.name}” failed; kept ${files.join(' and ')}`);
    }
    drivers.delete(driver);
    await driver.quit().catch(() => undefined);
  });
  return driver;
}

/** Joins from the Settings screen, open already. */
async function joinEvent(driver: WebDriver, code: string, name: string): Promise<void> {
  const form = 'form[aria-label="Join your event"]';
  await fill(driver, 'Join code', code, form);
  await fill(driver, 'Your name', name, form);
  await tap(driver, await button(driver, 'Join', form));
  await waitForText(driver, '[data-testid="sync-line"]', /^Synced /, 20_000);
}

/** What the page can use of the features WebKit may lack. */
function features(driver: WebDriver) {
  return driver.executeScript<{ persist: boolean; persisted: boolean; backgroundSync: boolean; push: boolean }>(`return {
    persist: typeof navigator.storage?.persist === 'function',
    persisted: typeof navigator.storage?.persisted === 'function',
    backgroundSync: 'SyncManager' in window,
    push: 'PushManager' in window,
  }`);
}

beforeAll(async () => {
  const missing = missingWebKit();
  if (missing) throw new Error(missing);
  if (!existsSync(join(repoRoot, 'dist/client/index.html')) || !existsSync(join(repoRoot, 'dist/server/main.js'))) {
    throw new Error('The app is not built: run npm run build first.');
  }
  dir = mkdtempSync(join(tmpdir(), 'helptent-webkit-'));
  const databaseFile = join(dir, 'helptent.sqlite');
  codes = await prepareEvent(databaseFile, eventId);
  const appPort = Number(process.env.WEBKIT_APP_PORT ?? 0) || (await freePort());
  server = new ServerProcess(
    { entry: join(repoRoot, 'dist/server/main.js'), staticDir: join(repoRoot, 'dist/client'), remove: () => undefined },
    appPort,
    databaseFile,
  );
  await server.start();
  webkit = await startWebKitDriver(Number(process.env.WEBKIT_DRIVER_PORT ?? 0) || undefined);
});

// A test that failed while the server was down (signal gone) must not fail every test after it.
afterEach(async () => {
  if (server && !server.isRunning) await server.start();
});

afterAll(async () => {
  // Each step on its own: a browser that will not quit must not leave the server or Xvfb running.
  for (const driver of drivers) await driver.quit().catch(() => undefined);
  await webkit?.stop().catch(() => undefined);
  await server?.stop('SIGKILL').catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Helptent in WebKit (the engine of Safari)', () => {
  it('an issue logged with the server down survives a reload, shows in the queue, and syncs once the server is back', async () => {
    const driver = await browser('coordinator-phone');
    const summary = `Water point at gate B empty ${Date.now()}`;

    // First load: the app opens, and where this WebKit has no persist() it says so plainly.
    await driver.get(`${server.url}/settings`);
    await waitForHeading(driver, 'Settings');
    const has = await features(driver);
    if (!has.persisted) {
      await waitForText(driver, '[data-testid="persistence"]', 'This browser cannot say whether it keeps Helptent’s data.');
    } else {
      await waitForText(driver, '[data-testid="persistence"]', /^(Kept|Not guaranteed)/);
    }
    // No push here (WebKitGTK, or Safari in an iPhone tab): the alerts card says what is missed.
    if (!has.push) await waitForText(driver, '[data-testid="alerts-impossible"]', 'nothing rings in your pocket');

    await joinEvent(driver, codes.coordinator, 'Kim');
    await waitForServiceWorkerControl(driver);
    await waitForText(driver, 'main', 'Yes: Helptent opens on this phone without signal.');

    // Signal gone: the server is killed, not asked to stop. The reload is served by the service worker.
    await server.stop('SIGKILL');
    await openTab(driver, 'Log', 'Log an issue');
    await driver.navigate().refresh();
    await waitForHeading(driver, 'Log an issue');
    await choose(driver, 'Toilets, water, facilities');
    await fill(driver, 'What happened?', summary);
    await tap(driver, await button(driver, 'Save issue'));
    await waitForText(driver, '.capture__outcome [role="status"]', `Saved on this phone: “${summary}”`);
    // Without Background Sync the page itself retries on a timer, and says when.
    if (!has.backgroundSync) {
      await waitForText(driver, '[data-testid="sync-line"]', /^Not synced \(1 waiting\): .*(Next try in \d+ s|Trying again)/);
    }

    // Reloaded with the server still down: the service worker serves the app, IndexedDB the issue.
    await driver.navigate().refresh();
    await waitForHeading(driver, 'Log an issue');
    await openTab(driver, 'Queue', 'Issue queue');
    // The row shows the summary cut to its width, so look for it in the text behind the ellipsis.
    const row = await waitUntil(driver, 'the issue in the queue', () =>
      driver.executeScript<WebElement | null>(
        'return [...document.querySelectorAll("a.queue-row")].find((a) => a.textContent.includes(arguments[0])) ?? null',
        summary,
      ),
    );
    // Clicked in the page: the sync line above counts down each second and may shift the row.
    await driver.executeScript('arguments[0].click()', row);
    await waitForHeading(driver, summary);
    await waitForText(driver, '[data-testid="issue-sync"]', /^Saved on this phone — 1 change not on the server yet$/);

    // The server is back on the same database: the open page syncs by itself (no reload, and no
    // `online` event either, since the phone never lost its network, only the server).
    await server.start();
    await waitForText(driver, '[data-testid="issue-sync"]', 'Synced with the server', 30_000);
    await waitForText(driver, '[data-testid="sync-line"]', /^Synced .*· nothing waiting/);
    expect(issuesOnServer()).toContain(summary);

    await openTab(driver, 'Summary', 'Day summary');
    const logged = await waitForText(driver, 'ul[aria-label="The day in figures"] li', /issues logged/);
    expect(logged).toMatch(/^1\s*issues logged/);
  });

  it('an iPhone in Safari is shown how to add Helptent to the Home Screen, and a phone whose data Safari deleted is led back to joining', async () => {
    const driver = await browser('iphone-safari', { userAgent: iPhoneSafari });
    await driver.get(`${server.url}/settings`);
    await waitForHeading(driver, 'Settings');
    // Push only for Home Screen apps on iPhones: Settings says so, and what is missed until then.
    await waitForText(driver, '[data-testid="alerts-impossible"]', 'On an iPhone, alerts need Helptent on the Home Screen.');
    await waitForText(driver, '[data-testid="home-screen-card"]', 'Choose Add to Home Screen, then Add.');

    await joinEvent(driver, codes.staff, 'Sam');
    await waitForText(driver, '[data-testid="home-screen-card"]', 'wait until the line at the top says nothing is waiting');
    await tap(driver, await button(driver, 'Got it', '[data-testid="home-screen-card"]'));
    await waitUntil(
      driver,
      'the card to go',
      async () => (await driver.findElements(By.css('[data-testid="home-screen-card"]'))).length === 0,
    );
    await driver.navigate().refresh();
    await waitForText(driver, '[data-testid="sync-line"]', /^Synced /);
    expect(await driver.findElements(By.css('[data-testid="home-screen-card"]'))).toHaveLength(0);

    // Days later Safari has deleted the site's data: IndexedDB, localStorage, caches and the
    // service worker go; the cookie the server set when the phone joined stays.
    await waitForServiceWorkerControl(driver);
    const wiped = await driver.executeAsyncScript<string>(`const done = arguments[arguments.length - 1];
      (async () => {
        for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
        for (const key of await caches.keys()) await caches.delete(key);
        localStorage.clear();
        await new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase('helptent');
          request.onsuccess = resolve;
          request.onerror = () => reject(request.error);
        });
        return 'wiped';
      })().then(done, (error) => done(String(error)));`);
    expect(wiped).toBe('wiped');
    await driver.navigate().refresh();
    await waitForText(driver, '[data-testid="storage-lost"]', 'Helptent’s data on this phone is gone.');
    await tap(driver, await button(driver, 'Join your event again', '[data-testid="storage-lost"]'));
    await waitForHeading(driver, 'Settings');
    await joinEvent(driver, codes.staff, 'Sam');
    expect(await driver.findElements(By.css('[data-testid="storage-lost"]'))).toHaveLength(0);
  });

  it('page after page loaded with the server down, none waits on a write the page before left frozen in the back/forward cache', async () => {
    const driver = await browser('page-after-page');
    await driver.get(`${server.url}/settings`);
    await waitForHeading(driver, 'Settings');
    await joinEvent(driver, codes.staff, 'Alex');
    await waitForServiceWorkerControl(driver);

    // With the server down the sync engine fails, retries and writes its state to IndexedDB often:
    // each full page load (not a reload) sends the page before to WebKit's back/forward cache,
    // perhaps in the middle of such a write. Before the fix one of these pages hung at
    // "Opening Helptent…" within a dozen loads.
    const screens = [
      ['/', 'Log an issue'],
      ['/queue', 'Issue queue'],
      ['/summary', 'Day summary'],
      ['/settings', 'Settings'],
    ] as const;
    await server.stop('SIGKILL');
    try {
      // A page brought back from that cache (Back) reloads: its transactions were aborted when it left.
      await driver.get(`${server.url}/queue`);
      await waitForHeading(driver, 'Issue queue');
      await driver.executeScript('window.__leftBehind = true');
      await driver.get(`${server.url}/summary`);
      await waitForHeading(driver, 'Day summary');
      await driver.navigate().back();
      await waitUntil(driver, 'the page brought back to reload', () =>
        driver.executeScript<boolean>('return window.__leftBehind === undefined && document.readyState === "complete"'),
      );
      await waitForHeading(driver, 'Issue queue');

      for (let load = 1; load <= 20; load++) {
        const [path, title] = screens[load % screens.length]!;
        await driver.get(`${server.url}${path}`);
        await waitForHeading(driver, title, 10_000).catch(async (error: Error) => {
          const main = await driver.executeScript<string>('return document.querySelector("main")?.innerText');
          throw new Error(`Page load ${load} (${path}) never opened (“${main}”): ${error.message}`);
        });
      }
    } finally {
      await server.start();
    }
  });

  it('a page whose database does not answer says what to do instead of waiting in silence', async () => {
    const driver = await browser('database-held');
    await driver.get(`${server.url}/settings`);
    await waitForHeading(driver, 'Settings');
    // Another tab holds the store the app writes first, as a frozen page did before the fix.
    const holder = await driver.getWindowHandle();
    const held = await driver.executeAsyncScript<string>(`const done = arguments[arguments.length - 1];
      const request = indexedDB.open('helptent');
      request.onsuccess = () => {
        const store = request.result.transaction('meta', 'readwrite').objectStore('meta');
        const keepAlive = () => store.get('sync').onsuccess = keepAlive;
        keepAlive();
        done('held');
      };
      request.onerror = () => done(String(request.error));`);
    expect(held).toBe('held');
    await driver.switchTo().newWindow('tab');
    await driver.get(`${server.url}/`);
    await waitForText(driver, '[role="alert"]', 'Close any other Helptent tab or window', 20_000);
    // Once the other tab lets go, Helptent opens by itself.
    const app = await driver.getWindowHandle();
    await driver.switchTo().window(holder);
    await driver.close();
    await driver.switchTo().window(app);
    await waitForHeading(driver, 'Log an issue');
  });
});
