import type { BrowserContext, Page } from '@playwright/test';
import { type BenchRow, percentile, round } from '../result';
import { heapUsedAfterGc, megabytes } from './heap';
import { within } from './within';

type Marked = Window & { __helptentFirstRowAt?: number };

/**
 * Runs in every new document before the app: notes when the first row of the issue list is in
 * the DOM, then takes the time at the next animation frame, i.e. when it is about to be painted.
 * Waiting on Playwright's polling alone would add its polling interval to every sample. Plain
 * source text, because tsx would wrap a function's inner helpers in a __name() the page lacks.
 */
const markFirstIssueRow = `(() => {
  const isIssueList = (list) =>
    list.getAttribute('aria-label') === 'Issues' ||
    (list.getAttribute('aria-labelledby') || '').split(/\\s+/)
      .some((id) => id !== '' && document.getElementById(id)?.textContent?.trim() === 'Issues');
  const observer = new MutationObserver(() => {
    const row = [...document.querySelectorAll('ul')].find(isIssueList)?.querySelector('li');
    if (!row) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__helptentFirstRowAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Milliseconds from navigation start until the first issue row of /queue is painted and visible. */
async function timeFirstRow(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('list', { name: 'Issues' }).getByRole('listitem').first().waitFor({ state: 'visible', timeout: 60_000 });
  const mark = await page.evaluate(() => (window as Marked).__helptentFirstRowAt);
  if (mark !== undefined) return mark;
  // The row is visible but the observer missed it (a list named another way): an upper bound.
  console.warn('queue render: the first-row observer did not fire; using the time Playwright saw the row');
  return page.evaluate(() => performance.now());
}

/** Waits until the app's service worker controls the page; false when it does not within 30 s. */
export async function waitForServiceWorker(page: Page): Promise<boolean> {
  try {
    await within(
      page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (navigator.serviceWorker.controller) return;
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }),
      30_000,
      'waiting for the service worker',
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * The real app's queue screen opened on a phone whose database already holds 20,000 issues:
 * once as a first visit (app from the server), then as repeat visits (app from the service worker).
 */
export async function benchQueueRender(context: BrowserContext, origin: string, issueCount: number): Promise<BenchRow[]> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: markFirstIssueRow });
    const firstVisitMs = await timeFirstRow(page, `${origin}/queue`);
    const shown = await page.getByRole('list', { name: 'Issues' }).getByRole('listitem').count();
    const cdp = await context.newCDPSession(page);
    const heap = await heapUsedAfterGc(cdp);
    const hasServiceWorker = await waitForServiceWorker(page);
    const repeat: number[] = [];
    for (let i = 0; i < 5; i += 1) repeat.push(await timeFirstRow(page, `${origin}/queue`));
    const k = `${Math.round(issueCount / 1000)}k`;
    return [
      { name: `queue first render ${k} issues`, value: round(firstVisitMs, 0), unit: 'ms' },
      {
        name: `queue render ${k} issues, repeat visit p50 of 5${hasServiceWorker ? ' (service worker)' : ' (no service worker)'}`,
        value: round(percentile(repeat, 50), 0),
        unit: 'ms',
      },
      { name: `queue screen rows in the DOM, ${k} issues`, value: shown, unit: 'rows' },
      { name: `queue screen JS heap ${k} issues`, value: round(megabytes(heap), 1), unit: 'MB' },
    ];
  } finally {
    await page.close();
  }
}
