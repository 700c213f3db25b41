import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { WebDriver } from 'selenium-webdriver';

/** Logs written while the test ran, by title: read only when the test failed. */
export type LogsSince = Record<string, () => string>;

/** A file name from a test's name: letters, digits and dashes. */
function fileName(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'webkit-test';
}

async function attempt<T>(read: () => Promise<T>): Promise<T | string> {
  try {
    return await read();
  } catch (error) {
    return `(not available: ${String(error).split('\n')[0]})`;
  }
}

/**
 * Keeps what a failed lane test left on the screen: a screenshot, and the page's address,
 * title and text with the logs written meanwhile, in `dir`. Each part is read on its own, so a
 * page that hangs or a browser that died still leaves what could be read. Returns the files
 * written, relative to `root`, for the test's output.
 *
 * WebKitWebDriver offers no console log (no log endpoint, no BiDi), and MiniBrowser's
 * --enable-write-console-messages-to-stdout does not reach the windows an automation session
 * opens (tried: nothing is written). The page's uncaught errors still reach the server's log:
 * the app reports them (src/app/error-reporting.ts), so that log stands in for the console.
 */
export async function saveFailureEvidence(
  driver: WebDriver,
  name: string,
  logs: LogsSince,
  dir: string,
  root: string,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, fileName(name));
  const written: string[] = [];
  const screenshot = await attempt(() => driver.takeScreenshot());
  let screenshotNote = '';
  if (typeof screenshot === 'string' && !screenshot.startsWith('(not available')) {
    writeFileSync(`${base}.png`, screenshot, 'base64');
    written.push(`${base}.png`);
  } else {
    screenshotNote = `Screenshot ${screenshot}\n\n`;
  }
  const url = await attempt(() => driver.getCurrentUrl());
  const title = await attempt(() => driver.getTitle());
  const text = await attempt(() => driver.executeScript<string>('return document.body ? document.body.innerText : ""'));
  const logged = Object.entries(logs).map(([what, since]) => `--- ${what} ---\n${since().trim() || '(nothing)'}\n`);
  writeFileSync(
    `${base}.txt`,
    [`${screenshotNote}URL: ${url}\nTitle: ${title}\n`, `--- Page text ---\n${text}\n`, ...logged].join('\n'),
  );
  written.push(`${base}.txt`);
  return written.map((path) => relative(root, path));
}
