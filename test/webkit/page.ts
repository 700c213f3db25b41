import { By, type WebDriver, type WebElement } from 'selenium-webdriver';

/**
 * Small WebDriver helpers that read like the Playwright specs: find controls by their visible
 * label or text, and wait on conditions (polled by driver.wait), never for a fixed time.
 */

// WebKitGTK under a virtual display on two busy cores: a save took over 15 s at load average 19.
const defaultTimeoutMs = 30_000;

/** An XPath string literal for any text (XPath 1.0 has no escapes). */
function literal(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text
    .split("'")
    .map((part) => `'${part}'`)
    .join(', "\'", ')})`;
}

/** Polls until `read` returns something other than undefined/false, and returns it. */
export async function waitUntil<T>(
  driver: WebDriver,
  what: string,
  read: () => Promise<T | undefined | false>,
  timeoutMs = defaultTimeoutMs,
): Promise<T> {
  let last: unknown;
  const found = await driver
    .wait(
      async () => {
        try {
          return (await read()) ?? false;
        } catch (error) {
          // Stale elements and the like during a re-render: look again.
          last = error;
          return false;
        }
      },
      timeoutMs,
      undefined,
      100,
    )
    .catch((error: unknown) => {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`, {
        cause: error,
      });
    });
  return found as T;
}

/** The visible text of the first element matching `css` once it matches `pattern`. */
export async function waitForText(
  driver: WebDriver,
  css: string,
  pattern: RegExp | string,
  timeoutMs = defaultTimeoutMs,
): Promise<string> {
  let seen = '(nothing)';
  try {
    return await waitUntil(
      driver,
      `${css} to say ${String(pattern)}`,
      async () => {
        const elements = await driver.findElements(By.css(css));
        for (const element of elements) {
          const text = await element.getText();
          seen = text;
          if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return text;
        }
        return false;
      },
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; it said: ${seen}`);
  }
}

export function waitForHeading(driver: WebDriver, title: string, timeoutMs = defaultTimeoutMs): Promise<string> {
  return waitForText(driver, 'h1', new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), timeoutMs);
}

/** A control named by its <label> (text starts with `label`), inside the element matching `scope`. */
export async function field(driver: WebDriver, label: string, scope = 'body'): Promise<WebElement> {
  return waitUntil(driver, `a field labelled “${label}”`, async () => {
    const container = await driver.findElement(By.css(scope));
    const labels = await container.findElements(By.xpath(`.//label[starts-with(normalize-space(), ${literal(label)})]`));
    const target = labels[0];
    if (!target) return false;
    const id = await target.getAttribute('for');
    // A tile wraps its radio button; a field's label points at it.
    return id ? container.findElement(By.id(id)) : target.findElement(By.css('input'));
  });
}

/** A button (or a link drawn as one) whose text is exactly `text`. */
export function button(driver: WebDriver, text: string, scope = 'body'): Promise<WebElement> {
  return waitUntil(driver, `a button “${text}”`, async () => {
    const container = await driver.findElement(By.css(scope));
    const found = await container.findElements(
      By.xpath(`.//button[normalize-space()=${literal(text)}] | .//a[normalize-space()=${literal(text)}]`),
    );
    for (const element of found) if (await element.isDisplayed()) return element;
    return false;
  });
}

export async function fill(driver: WebDriver, label: string, value: string, scope = 'body'): Promise<void> {
  const input = await field(driver, label, scope);
  await input.clear();
  await input.sendKeys(value);
}

/** Resolves once a service worker controls the page: from then on the app opens without the server. */
export function waitForServiceWorkerControl(driver: WebDriver, timeoutMs = 30_000): Promise<boolean> {
  return waitUntil(
    driver,
    'the service worker to control the page',
    () => driver.executeScript<boolean>('return Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)'),
    timeoutMs,
  );
}

/**
 * Clicks like a thumb: the control is first scrolled to the middle of the screen, where the fixed
 * tab bar at the bottom cannot cover it (WebDriver's own scrolling may leave it underneath).
 */
export async function tap(driver: WebDriver, element: WebElement): Promise<void> {
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', element);
  await element.click();
}

/**
 * Moves to another screen with the tab bar, as a person does: the app's router changes the
 * screen without loading a new page. Loading a new page for each screen (driver.get) is what
 * found a WebKit hazard: the page left behind goes to the back/forward cache frozen, and an
 * IndexedDB write it had under way (the sync engine's state, the photo queue) kept its store
 * locked, so the next Helptent page waited at "Opening Helptent…" until the cached page was
 * evicted. Seen within a dozen page loads with the server down; never with MiniBrowser's
 * --enable-page-cache=false. Reloads (driver.navigate().refresh()) do not cache the old page.
 * The page now aborts its transactions when it goes into that cache (src/db/page-cache-guard.ts),
 * which the test "page after page loaded with the server down" checks with 20 page loads.
 */
export async function openTab(driver: WebDriver, label: string, title: string): Promise<void> {
  await tap(driver, await button(driver, label, 'nav[aria-label="Main"]'));
  await waitForHeading(driver, title);
}

/** Picks one tile of a group of tiles (radio buttons drawn as big labels) by tapping its label. */
export async function choose(driver: WebDriver, label: string): Promise<void> {
  const tile = await waitUntil(driver, `a tile “${label}”`, async () => {
    const found = await driver.findElements(By.xpath(`//label[normalize-space()=${literal(label)}]`));
    return found[0] ?? false;
  });
  await tap(driver, tile);
  await waitUntil(driver, `the tile “${label}” to be chosen`, () =>
    tile.findElement(By.css('input')).then((input) => input.isSelected()),
  );
}
